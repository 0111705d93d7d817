<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later. It comes with absolutely no warranty.</source>
        <translation>Freie Software unter der GNU General Public License, Version 3 oder später. Sie wird ohne jegliche Gewährleistung bereitgestellt.</translation>
    </message>
    <message>
        <source>Built with Qt %1, vmime %2, SQLite %3 and zstd %4.</source>
        <translation>Erstellt mit Qt %1, vmime %2, SQLite %3 und zstd %4.</translation>
    </message>
    <message>
        <source>Archives your email from any IMAP server into a local archive that you can read like a mail client, verify and export, and keeps archiving from the system tray when its window is closed. Your mail server is only ever read, and a message you read never contacts any server.</source>
        <translation>Archiviert Ihre E-Mails von jedem IMAP-Server in ein lokales Archiv, das Sie wie in einem E-Mail-Programm lesen, prüfen und exportieren können, und archiviert vom Infobereich aus weiter, wenn sein Fenster geschlossen ist. Ihr Mailserver wird nur gelesen, und eine Nachricht, die Sie lesen, kontaktiert nie einen Server.</translation>
    </message>
</context>
<context>
    <name>ArchiveBackup</name>
    <message>
        <source>The backup was cancelled; nothing was written to %1.</source>
        <translation>Die Sicherung wurde abgebrochen; nach %1 wurde nichts geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Backed up %Ln message(s) (%2) to %3.</source>
        <extracomment>%2 is a size such as &quot;12.4 MB&quot;, %3 the backup file.</extracomment>
        <translation>
            <numerusform>%Ln Nachricht (%2) nach %3 gesichert.</numerusform>
            <numerusform>%Ln Nachrichten (%2) nach %3 gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a file to back up to.</source>
        <translation>Wählen Sie eine Datei für die Sicherung.</translation>
    </message>
    <message>
        <source>%1 is the archive itself. Choose another file for the backup.</source>
        <translation>%1 ist das Archiv selbst. Wählen Sie eine andere Datei für die Sicherung.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder. Choose a file name for the backup.</source>
        <translation>%1 ist ein Ordner. Wählen Sie einen Dateinamen für die Sicherung.</translation>
    </message>
    <message>
        <source>Cannot read the archive: %1</source>
        <translation>Das Archiv kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The backup needs about %1; the disk has %2 free.</source>
        <translation>Die Sicherung braucht etwa %1; auf dem Datenträger sind %2 frei.</translation>
    </message>
    <message>
        <source>Cannot write to the folder of %1: %2</source>
        <translation>In den Ordner von %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the backup %1: %2</source>
        <translation>Die Sicherung %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the SQLite driver is not Qt&apos;s own</source>
        <translation>der SQLite-Treiber ist nicht der von Qt</translation>
    </message>
    <message>
        <source>Cannot start the backup: %1</source>
        <translation>Die Sicherung kann nicht beginnen: %1</translation>
    </message>
    <message>
        <source>The disk is full: the backup %1 could not be written.</source>
        <translation>Der Datenträger ist voll: Die Sicherung %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The backup %1 could not be written: %2</source>
        <translation>Die Sicherung %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The backup %1 could not be made self-contained: %2</source>
        <translation>Die Sicherung %1 konnte nicht eigenständig gemacht werden: %2</translation>
    </message>
    <message>
        <source>The backup %1 is damaged (%2); it was not kept.</source>
        <translation>Die Sicherung %1 ist beschädigt (%2); sie wurde nicht behalten.</translation>
    </message>
    <message>
        <source>The backup %1 does not match the archive (format %2 of %3, %4 of %5 messages); it was not kept.</source>
        <translation>Die Sicherung %1 passt nicht zum Archiv (Format %2 statt %3, %4 statt %5 Nachrichten); sie wurde nicht behalten.</translation>
    </message>
    <message>
        <source>The backup %1 could not be made self-contained: its log file remained.</source>
        <translation>Die Sicherung %1 konnte nicht eigenständig gemacht werden: Ihre Protokolldatei blieb zurück.</translation>
    </message>
    <message>
        <source>The backup %1 could not be written to the disk.</source>
        <translation>Die Sicherung %1 konnte nicht auf den Datenträger geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot put the backup in place as %1: %2</source>
        <translation>Die Sicherung kann nicht als %1 abgelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>ArchiveDatabase</name>
    <message>
        <source>Cannot configure the archive (%1): %2</source>
        <translation>Das Archiv kann nicht eingerichtet werden (%1): %2</translation>
    </message>
    <message>
        <source>Cannot create the archive folder %1.</source>
        <translation>Der Archivordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create the archive %1: %2</source>
        <translation>Das Archiv %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot restrict access to the archive %1.</source>
        <translation>Der Zugriff auf das Archiv %1 kann nicht eingeschränkt werden.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is missing (Debian package libqt6sql6-sqlite).</source>
        <translation>Der SQLite-Treiber für Qt fehlt (Debian-Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot open the archive %1: %2</source>
        <translation>Das Archiv %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an OpenArchiver archive (%2).</source>
        <translation>%1 ist kein OpenArchiver-Archiv (%2).</translation>
    </message>
</context>
<context>
    <name>ArchiveMove</name>
    <message>
        <source>Choose where the archive should go.</source>
        <translation>Wählen Sie, wohin das Archiv soll.</translation>
    </message>
    <message>
        <source>There is already a file at %1. Choose a new file name.</source>
        <translation>Unter %1 gibt es bereits eine Datei. Wählen Sie einen neuen Dateinamen.</translation>
    </message>
    <message>
        <source>The copy at %1 was made but the move was stopped (a test&apos;s simulated failure).</source>
        <translation>Die Kopie unter %1 wurde erstellt, aber das Verschieben wurde angehalten (ein simulierter Fehler eines Tests).</translation>
    </message>
    <message>
        <source>The settings could not be saved (%1), so the archive stays where it was.</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden (%1), daher bleibt das Archiv, wo es war.</translation>
    </message>
    <message>
        <source>%1 was left alone: it is not an archive (%2).</source>
        <translation>%1 wurde nicht angerührt: Es ist kein Archiv (%2).</translation>
    </message>
    <message>
        <source>The old archive %1 could not be removed; delete it by hand once you no longer need it.</source>
        <translation>Das alte Archiv %1 konnte nicht entfernt werden; löschen Sie es von Hand, sobald Sie es nicht mehr brauchen.</translation>
    </message>
</context>
<context>
    <name>ArchiveMoveDialog</name>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>Move Archive</source>
        <translation>Archiv verschieben</translation>
    </message>
    <message>
        <source>Your archive is %1.

Moving it stops archiving for a moment, copies the archive to the new file, checks the copy and restarts OpenArchiver with it. The old file is removed once the new one is in use; if anything goes wrong, the archive stays where it is.</source>
        <translation>Ihr Archiv ist %1.

Beim Verschieben wird das Archivieren kurz angehalten, das Archiv in die neue Datei kopiert, die Kopie geprüft und OpenArchiver mit ihr neu gestartet. Die alte Datei wird entfernt, sobald die neue in Gebrauch ist; geht etwas schief, bleibt das Archiv, wo es ist.</translation>
    </message>
    <message>
        <source>Move &amp;to:</source>
        <translation>Verschieben &amp;nach:</translation>
    </message>
    <message>
        <source>New archive file</source>
        <translation>Neue Archivdatei</translation>
    </message>
    <message>
        <source>Choose the new archive file</source>
        <translation>Die neue Archivdatei auswählen</translation>
    </message>
    <message>
        <source>Copy progress</source>
        <translation>Fortschritt der Kopie</translation>
    </message>
    <message>
        <source>Move status</source>
        <translation>Stand des Verschiebens</translation>
    </message>
    <message>
        <source>Move Archive To</source>
        <translation>Archiv verschieben nach</translation>
    </message>
    <message>
        <source>Stopping the syncs…</source>
        <translation>Synchronisierungen werden angehalten…</translation>
    </message>
    <message>
        <source>Copying the archive…</source>
        <translation>Archiv wird kopiert…</translation>
    </message>
    <message>
        <source>The archive is now %1. OpenArchiver restarts to use it.</source>
        <translation>Das Archiv ist jetzt %1. OpenArchiver startet neu, um es zu verwenden.</translation>
    </message>
    <message>
        <source>The move was cancelled. The archive stays where it is, and archiving goes on.</source>
        <translation>Das Verschieben wurde abgebrochen. Das Archiv bleibt, wo es ist, und das Archivieren geht weiter.</translation>
    </message>
    <message>
        <source>%1

The archive stays where it is, and archiving goes on.</source>
        <translation>%1

Das Archiv bleibt, wo es ist, und das Archivieren geht weiter.</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>ArchiveOpening</name>
    <message>
        <source>Upgrading the Archive</source>
        <translation>Archiv wird aktualisiert</translation>
    </message>
    <message>
        <source>Upgrading your archive to this version&apos;s format. This happens once and can take a minute for a large archive.

If it is interrupted, nothing is lost: the upgrade starts again the next time.</source>
        <translation>Ihr Archiv wird auf das Format dieser Version umgestellt. Das geschieht einmal und kann bei einem großen Archiv eine Minute dauern.

Wird es unterbrochen, geht nichts verloren: Die Umstellung beginnt beim nächsten Start von vorn.</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Archive file: %1</source>
        <translation>Archivdatei: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed source(s)</source>
        <translation>
            <numerusform>%n entfernte Quelle</numerusform>
            <numerusform>%n entfernten Quellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n removed source(s))</source>
        <extracomment>%1 is &quot;2 sources&quot;; the sources removed with their mail kept follow.</extracomment>
        <translation>
            <numerusform>%1 (und %n entfernten Quelle)</numerusform>
            <numerusform>%1 (und %n entfernten Quellen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The archive holds %Ln message(s) from %1, in %2 on this computer.</source>
        <extracomment>%1 is &quot;2 sources&quot;, possibly followed by &quot;(and 1 removed source)&quot;; %2 the size of the archive file.</extracomment>
        <translation>
            <numerusform>Das Archiv enthält %Ln Nachricht aus %1, in %2 auf diesem Computer.</numerusform>
            <numerusform>Das Archiv enthält %Ln Nachrichten aus %1, in %2 auf diesem Computer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Open the Folder</source>
        <translation>Ordner kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No file manager could open the archive folder. It is here:</source>
        <translation>Kein Dateimanager konnte den Archivordner öffnen. Er liegt hier:</translation>
    </message>
    <message>
        <source>Show the archive file in the file manager</source>
        <translation>Die Archivdatei im Dateimanager zeigen</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>This folder holds no mail of its own. Choose one of its subfolders.</source>
        <translation>Dieser Ordner enthält selbst keine E-Mails. Wählen Sie einen seiner Unterordner.</translation>
    </message>
    <message>
        <source>Choose a folder on the left.</source>
        <translation>Wählen Sie links einen Ordner.</translation>
    </message>
    <message>
        <source>No mail is archived yet. Add a source on the Ingestions page (Ctrl+1), and its mail appears here as it is imported.</source>
        <translation>Noch sind keine E-Mails archiviert. Fügen Sie auf der Seite „Ingestions“ (Strg+1) eine Quelle hinzu; ihre E-Mails erscheinen hier, sobald sie importiert werden.</translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation>Dieser Ordner ist leer.</translation>
    </message>
    <message>
        <source>Open Archive Fol&amp;der</source>
        <translation>Archiv&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>Counting the messages in the archive…</source>
        <translation>Die Nachrichten im Archiv werden gezählt …</translation>
    </message>
    <message>
        <source>All mail</source>
        <translation>Alle E-Mails</translation>
    </message>
    <message>
        <source>Search results in %1</source>
        <translation>Suchergebnisse in %1</translation>
    </message>
    <message>
        <source>All messages in %1</source>
        <extracomment>What an export takes: %1 is a folder (&quot;Work › INBOX&quot;), a source or &quot;Removed sources&quot;.</extracomment>
        <translation>Alle Nachrichten in %1</translation>
    </message>
    <message>
        <source>All messages matching “%1” in %2</source>
        <extracomment>%1 is what was typed in the search box, %2 where it searched.</extracomment>
        <translation>Alle Nachrichten zu „%1“ in %2</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln message(s) matching “%1” in %2</source>
        <extracomment>%1 is what was typed in the search box, %2 where it searched.</extracomment>
        <translation>
            <numerusform>Die %Ln Nachricht zu „%1“ in %2</numerusform>
            <numerusform>Alle %Ln Nachrichten zu „%1“ in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No message in %1 matches. The chip next to the search box searches all mail.</source>
        <translation>Keine Nachricht in %1 passt. Das Feld neben dem Suchfeld sucht in allen E-Mails.</translation>
    </message>
    <message>
        <source>No message matches.</source>
        <translation>Keine Nachricht passt.</translation>
    </message>
    <message>
        <source>Delete from Archive</source>
        <translation>Aus dem Archiv löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln message(s) from the archive?</source>
        <translation>
            <numerusform>%Ln Nachricht aus dem Archiv löschen?</numerusform>
            <numerusform>%Ln Nachrichten aus dem Archiv löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>They were kept from removed sources. They are deleted for good, with their attachments (%1); this cannot be undone. Export them first to keep a copy.</source>
        <translation>Sie stammen von entfernten Quellen. Sie werden endgültig gelöscht, mit ihren Anhängen (%1); das lässt sich nicht rückgängig machen. Exportieren Sie sie vorher, um eine Kopie zu behalten.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stay, because a current source also holds them.</source>
        <translation>
            <numerusform>%Ln Nachricht bleibt, weil eine aktuelle Quelle sie ebenfalls enthält.</numerusform>
            <numerusform>%Ln Nachrichten bleiben, weil eine aktuelle Quelle sie ebenfalls enthält.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Under Removed sources: delete the selected messages from the archive (asks first)</source>
        <translation>Unter „Entfernte Quellen“: die ausgewählten Nachrichten aus dem Archiv löschen (fragt vorher)</translation>
    </message>
    <message>
        <source>&amp;Delete Imported Mail…</source>
        <translation>Importierte E-Mails &amp;löschen…</translation>
    </message>
</context>
<context>
    <name>ArchiveReader</name>
    <message>
        <source>There is no message %1 in the archive.</source>
        <translation>Im Archiv gibt es keine Nachricht %1.</translation>
    </message>
    <message>
        <source>Message %1 cannot be read back: %2</source>
        <translation>Nachricht %1 kann nicht zurückgelesen werden: %2</translation>
    </message>
    <message>
        <source>Message %1 has no part %2.</source>
        <translation>Nachricht %1 hat keinen Teil %2.</translation>
    </message>
    <message>
        <source>kept from before the server renumbered the folder (UIDVALIDITY %1)</source>
        <translation>aufbewahrt aus der Zeit, bevor der Server den Ordner neu nummeriert hat (UIDVALIDITY %1)</translation>
    </message>
    <message>
        <source>could not be read on the last pass: %1</source>
        <translation>konnte beim letzten Durchgang nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>complete except %n message(s) (%1)</source>
        <translation>
            <numerusform>vollständig bis auf %n Nachricht (%1)</numerusform>
            <numerusform>vollständig bis auf %n Nachrichten (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n fehlt</numerusform>
            <numerusform>%n fehlen</numerusform>
        </translation>
    </message>
    <message>
        <source>kept from UIDVALIDITY %1</source>
        <translation>aufbewahrt aus UIDVALIDITY %1</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <source>%n not archived</source>
        <translation>
            <numerusform>%n nicht archiviert</numerusform>
            <numerusform>%n nicht archiviert</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a word, a &quot;phrase&quot; or an operator such as from: to search.</source>
        <translation>Geben Sie ein Wort, eine „Wortgruppe“ oder einen Operator wie from: ein, um zu suchen.</translation>
    </message>
    <message>
        <source>The archive could not be read: %1</source>
        <translation>Das Archiv konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveSchema</name>
    <message>
        <source>Cannot read the archive&apos;s version: %1</source>
        <translation>Die Version des Archivs kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This archive was written by a newer version of OpenArchiver Desktop (archive format %1; this version understands up to %2). Update the app to open it; the archive was not changed.</source>
        <translation>Dieses Archiv wurde von einer neueren Version von OpenArchiver Desktop geschrieben (Archivformat %1; diese Version versteht bis %2). Aktualisieren Sie die App, um es zu öffnen; das Archiv wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot upgrade the archive: %1</source>
        <translation>Das Archiv kann nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Cannot upgrade the archive to format %1: %2</source>
        <translation>Das Archiv kann nicht auf Format %1 aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>Cannot upgrade the archive to format %1: a reference between its tables does not hold; the archive was not changed.</source>
        <translation>Das Archiv kann nicht auf Format %1 aktualisiert werden: Ein Verweis zwischen seinen Tabellen stimmt nicht; das Archiv wurde nicht verändert.</translation>
    </message>
</context>
<context>
    <name>ArchiveVerifier</name>
    <message numerus="yes">
        <source>%n message(s) read back and compared with their SHA-256.</source>
        <translation>
            <numerusform>%n Nachricht zurückgelesen und mit ihrem SHA-256 verglichen.</numerusform>
            <numerusform>%n Nachrichten zurückgelesen und mit ihrem SHA-256 verglichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification was cancelled before the end.</source>
        <translation>Die Prüfung wurde vor dem Ende abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) do not read back to the bytes that were stored.</source>
        <translation>
            <numerusform>%n Nachricht lässt sich nicht zu den gespeicherten Bytes zurücklesen.</numerusform>
            <numerusform>%n Nachrichten lassen sich nicht zu den gespeicherten Bytes zurücklesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database file is damaged: %1</source>
        <translation>Die Datenbankdatei ist beschädigt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) between tables point to nothing.</source>
        <translation>
            <numerusform>%n Verweis zwischen Tabellen zeigt ins Leere.</numerusform>
            <numerusform>%n Verweise zwischen Tabellen zeigen ins Leere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The search index is inconsistent (%n message(s) missing from it).</source>
        <translation>
            <numerusform>Der Suchindex ist inkonsistent (%n Nachricht fehlt darin).</numerusform>
            <numerusform>Der Suchindex ist inkonsistent (%n Nachrichten fehlen darin).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message location(s) lie beyond their folder&apos;s recorded progress.</source>
        <translation>
            <numerusform>%n Nachrichtenfundort liegt jenseits des vermerkten Fortschritts seines Ordners.</numerusform>
            <numerusform>%n Nachrichtenfundorte liegen jenseits des vermerkten Fortschritts ihres Ordners.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) have no stored content.</source>
        <translation>
            <numerusform>%n Nachricht hat keinen gespeicherten Inhalt.</numerusform>
            <numerusform>%n Nachrichten haben keinen gespeicherten Inhalt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The archive is intact.</source>
        <translation>Das Archiv ist unversehrt.</translation>
    </message>
    <message numerus="yes">
        <source>  %n of them cut short (truncated).</source>
        <translation>
            <numerusform>  %n davon abgeschnitten (gekürzt).</numerusform>
            <numerusform>  %n davon abgeschnitten (gekürzt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n of them with damaged compressed data (a zstd frame or its checksum).</source>
        <translation>
            <numerusform>  %n davon mit beschädigten komprimierten Daten (ein zstd-Frame oder seine Prüfsumme).</numerusform>
            <numerusform>  %n davon mit beschädigten komprimierten Daten (ein zstd-Frame oder seine Prüfsumme).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n of them decode, but not to the bytes their SHA-256 names.</source>
        <translation>
            <numerusform>  %n davon lässt sich entpacken, aber nicht zu den Bytes, die ihr SHA-256 nennt.</numerusform>
            <numerusform>  %n davon lassen sich entpacken, aber nicht zu den Bytes, die ihr SHA-256 nennt.</numerusform>
        </translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>gekürzt</translation>
    </message>
    <message>
        <source>wrong SHA-256</source>
        <translation>falscher SHA-256</translation>
    </message>
    <message>
        <source>damaged frame</source>
        <translation>beschädigter Frame</translation>
    </message>
    <message>
        <source>  Message %1 (blob %2): %3, %4</source>
        <translation>  Nachricht %1 (Blob %2): %3, %4</translation>
    </message>
    <message>
        <source>  Blob %1, of no message: %2, %3</source>
        <translation>  Blob %1, zu keiner Nachricht: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more.</source>
        <translation>
            <numerusform>  … und %n weitere.</numerusform>
            <numerusform>  … und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>the bytes read back have another SHA-256</source>
        <translation>die zurückgelesenen Bytes haben einen anderen SHA-256</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>Save A&amp;ll…</source>
        <translation>A&amp;lle speichern …</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Attachments</source>
        <translation>&amp;Anhänge</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Attached message</source>
        <translation>Angehängte Nachricht</translation>
    </message>
    <message>
        <source>Unnamed attachment</source>
        <translation>Unbenannter Anhang</translation>
    </message>
    <message>
        <source>The message has no part %1.</source>
        <translation>Die Nachricht hat keinen Teil %1.</translation>
    </message>
    <message>
        <source>%1 could not be saved in %2: %3</source>
        <translation>%1 konnte nicht in %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>the folder is missing</source>
        <translation>der Ordner fehlt</translation>
    </message>
    <message>
        <source>Cannot Save Attachments</source>
        <translation>Anhänge können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Cannot Save the Attachment</source>
        <translation>Der Anhang kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save Attachments In</source>
        <translation>Anhänge speichern in</translation>
    </message>
    <message>
        <source>Save All Attachments In</source>
        <translation>Alle Anhänge speichern in</translation>
    </message>
    <message>
        <source>Cannot Open the Attachment</source>
        <translation>Der Anhang kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No Program to Open It</source>
        <translation>Kein Programm zum Öffnen</translation>
    </message>
    <message>
        <source>No program on this computer opens %1. Save it and open it from there.</source>
        <translation>Kein Programm auf diesem Computer öffnet %1. Speichern Sie den Anhang und öffnen Sie ihn von dort.</translation>
    </message>
    <message>
        <source>Sav&amp;e…</source>
        <translation>Sp&amp;eichern …</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>The registry could not be written.</source>
        <translation>Die Registrierung konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>The file to write the backup to.</source>
        <translation>Die Datei, in die die Sicherung geschrieben wird.</translation>
    </message>
    <message>
        <source>Replace the file if it exists.</source>
        <translation>Die Datei ersetzen, falls sie existiert.</translation>
    </message>
    <message>
        <source>--to FILE is required.</source>
        <translation>--to DATEI ist erforderlich.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>%1 exists; add --force to replace it.</source>
        <translation>%1 existiert; fügen Sie --force hinzu, um sie zu ersetzen.</translation>
    </message>
    <message>
        <source>Backing up: %1 of %2…</source>
        <translation>Sichern: %1 von %2…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>&amp;Back Up</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>Back Up Archive</source>
        <translation>Archiv sichern</translation>
    </message>
    <message>
        <source>A backup is a copy of your whole archive in one file. It is taken safely while mail is being archived: it holds everything archived up to the moment it starts.</source>
        <translation>Eine Sicherung ist eine Kopie Ihres ganzen Archivs in einer Datei. Sie gelingt auch, während E-Mails archiviert werden: Sie enthält alles, was bis zu ihrem Beginn archiviert war.</translation>
    </message>
    <message>
        <source>Back up &amp;to:</source>
        <translation>Sichern &amp;nach:</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Sicherungsdatei wählen</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Fortschritt der Sicherung</translation>
    </message>
    <message>
        <source>Backup status</source>
        <translation>Stand der Sicherung</translation>
    </message>
    <message>
        <source>OpenArchiver backup %1.sqlite</source>
        <extracomment>The suggested file name of a backup; %1 is the date as 2026-12-07.</extracomment>
        <translation>OpenArchiver-Sicherung %1.sqlite</translation>
    </message>
    <message>
        <source>Back Up Archive To</source>
        <translation>Archiv sichern nach</translation>
    </message>
    <message>
        <source>Choose a file to back up to.</source>
        <translation>Wählen Sie eine Datei für die Sicherung.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>%1 exists. Choose Replace to overwrite it with a new backup, or another name.</source>
        <translation>%1 existiert. Wählen Sie „Ersetzen“, um sie mit einer neuen Sicherung zu überschreiben, oder einen anderen Namen.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sichern…</translation>
    </message>
    <message>
        <source>Archive backups</source>
        <translation>Archivsicherungen</translation>
    </message>
</context>
<context>
    <name>Base64Packing</name>
    <message>
        <source>damaged packed message</source>
        <translation>beschädigte gepackte Nachricht</translation>
    </message>
    <message>
        <source>unknown packing format</source>
        <translation>unbekanntes Packformat</translation>
    </message>
</context>
<context>
    <name>BlobCodec</name>
    <message>
        <source>stored size %1 differs from the recorded %2</source>
        <translation>die gespeicherte Größe %1 weicht von der vermerkten %2 ab</translation>
    </message>
    <message>
        <source>unknown compression %1</source>
        <translation>unbekannte Kompression %1</translation>
    </message>
    <message>
        <source>damaged compressed data</source>
        <translation>beschädigte komprimierte Daten</translation>
    </message>
    <message>
        <source>damaged compressed data: %1</source>
        <translation>beschädigte komprimierte Daten: %1</translation>
    </message>
    <message>
        <source>the compression dictionary is missing</source>
        <translation>das Kompressionswörterbuch fehlt</translation>
    </message>
    <message>
        <source>the compressed data ends early</source>
        <translation>die komprimierten Daten enden zu früh</translation>
    </message>
</context>
<context>
    <name>CertificateExceptions</name>
    <message>
        <source>A certificate exception needs a server and a fingerprint.</source>
        <translation>Eine Zertifikatsausnahme braucht einen Server und einen Fingerabdruck.</translation>
    </message>
    <message>
        <source>Cannot save the trusted certificate: %1</source>
        <translation>Das vertraute Zertifikat kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot remove the trusted certificate: %1</source>
        <translation>Das vertraute Zertifikat kann nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>CertificateTrustPrompt</name>
    <message>
        <source>Trust This Certificate?</source>
        <translation>Diesem Zertifikat vertrauen?</translation>
    </message>
    <message>
        <source>&lt;p&gt;The server presented a certificate that your system does not trust. Trust it only if its fingerprint matches the one your provider or administrator gives you.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td nowrap&gt;Issued to:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td nowrap&gt;Issued by:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td nowrap&gt;Valid:&lt;/td&gt;&lt;td&gt;%3 to %4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td nowrap&gt;SHA-256:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Trust this certificate for %6? Every source on this server will accept it, until you remove it in a source&apos;s Details.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Server hat ein Zertifikat vorgelegt, dem Ihr System nicht vertraut. Vertrauen Sie ihm nur, wenn sein Fingerabdruck mit dem übereinstimmt, den Ihr Anbieter oder Ihre Administration nennt.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td nowrap&gt;Ausgestellt für:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td nowrap&gt;Ausgestellt von:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td nowrap&gt;Gültig:&lt;/td&gt;&lt;td&gt;%3 bis %4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td nowrap&gt;SHA-256:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Diesem Zertifikat für %6 vertrauen? Jede Quelle auf diesem Server wird es annehmen, bis Sie es in den Details einer Quelle entfernen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Trust for this server</source>
        <translation>Für diesen Server &amp;vertrauen</translation>
    </message>
</context>
<context>
    <name>CliCredentials</name>
    <message>
        <source>--trust-fingerprint takes a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons (&quot;%1&quot; is not one).</source>
        <translation>--trust-fingerprint erwartet einen SHA-256-Fingerabdruck: 64 Hexadezimalziffern, mit oder ohne Doppelpunkte („%1“ ist keiner).</translation>
    </message>
</context>
<context>
    <name>CliListScope</name>
    <message>
        <source>Only messages this search finds (as typed in the app).</source>
        <translation>Nur Nachrichten, die diese Suche findet (wie in der App eingegeben).</translation>
    </message>
    <message>
        <source>Only this source&apos;s mail.</source>
        <translation>Nur die E-Mails dieser Quelle.</translation>
    </message>
    <message>
        <source>Only this folder&apos;s mail.</source>
        <translation>Nur die E-Mails dieses Ordners.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Headless companion of %1: manages the same per-user archive from a terminal or a script.</source>
        <translation>Kommandozeilen-Gegenstück zu %1: verwaltet dasselbe Archiv des Benutzers aus einem Terminal oder Skript.</translation>
    </message>
    <message>
        <source>Displays version information, with the versions of the libraries in use.</source>
        <translation>Zeigt die Versionsinformationen an, mit den Versionen der verwendeten Bibliotheken.</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>Der auszuführende Befehl.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>The archive file (default: the user&apos;s archive).</source>
        <translation>Die Archivdatei (Vorgabe: das Archiv des Benutzers).</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>There is no archive at %1. &quot;openarchiver-cli source add&quot; starts one there; --archive PATH names another.</source>
        <translation>Unter %1 gibt es kein Archiv. „openarchiver-cli source add“ legt dort eines an; --archive PFAD nennt ein anderes.</translation>
    </message>
    <message>
        <source>Commands:
  source add --name N --host H [--port P] [--security tls|starttls|none] --user U
             --password-stdin [--provider ID] [--folders inbox|all]
             [--trust-fingerprint SHA256] [--interval MINUTES]
  source list [--json]
  source edit NAME [the options of add, each optional] [--fresh-import]
  source pause NAME | source resume NAME
  source remove NAME [--purge]   (--purge: delete its mail too, except
             messages another source also holds)
  source removed [--json]   (removed sources whose mail was kept)
  source purge NAME   (delete the mail a removed source left, except
             messages another source also holds)
  sync [--source NAME]
  status [--json]
  search QUERY [--json] [--limit N] [--source NAME] [--folder PATH]
             (words, &quot;phrases&quot;, from: to: subject: body: filename:
             has:attachment in: source: before: after: date: larger:
             smaller:, OR, -word, (…); newest first, 50 by default)
  show ID|SHA256 [--raw | --text | --html]   (a message: its headers and
             text; --raw its exact bytes, --html the HTML the viewer shows)
  export --format eml|mbox --out PATH [--query Q] [--source NAME]
             [--folder PATH] [--flat] [--force]   (exact bytes: eml files in
             PATH/&lt;source&gt;/&lt;folder&gt;/, or --flat all in PATH; mbox: one mboxrd
             file, --force replaces it; Q as in search)
  import PATH... [--into NAME]   (mbox files, .eml files and folders of
             them, Maildirs, into the local source NAME, &quot;Local files&quot; by
             default; mail already archived is not stored twice; run it
             again to go on after a stop)
  restore --to NAME | --host H [--port P] [--security tls|starttls|none]
             --user U --password-stdin [--trust-fingerprint SHA256]
             [--to-folder DEST | --keep-folders] [--query Q] [--source NAME]
             [--folder PATH]   (archived mail back onto an account: exact
             bytes, flags and dates, into DEST (&quot;Restored&quot;) or the folders
             it came from; what is there already is not sent again)
  verify
  backup --to FILE [--force]   (a consistent copy of the archive in one
             file, safe while a sync runs; --force replaces FILE)
</source>
        <translation>Befehle:
  source add --name N --host H [--port P] [--security tls|starttls|none] --user U
             --password-stdin [--provider ID] [--folders inbox|all]
             [--trust-fingerprint SHA256] [--interval MINUTEN]
  source list [--json]
  source edit NAME [die Optionen von add, jede optional] [--fresh-import]
  source pause NAME | source resume NAME
  source remove NAME [--purge]   (--purge: auch ihre Nachrichten löschen, außer
             denen, die eine andere Quelle ebenfalls enthält)
  source removed [--json]   (entfernte Quellen, deren E-Mails behalten wurden)
  source purge NAME   (die E-Mails löschen, die eine entfernte Quelle hinterließ,
             außer denen, die eine andere Quelle ebenfalls enthält)
  sync [--source NAME]
  status [--json]
  search ANFRAGE [--json] [--limit N] [--source NAME] [--folder PFAD]
             (Wörter, &quot;Wortgruppen&quot;, from: to: subject: body: filename:
             has:attachment in: source: before: after: date: larger:
             smaller:, OR, -wort, (…); neueste zuerst, 50 ohne Angabe)
  show ID|SHA256 [--raw | --text | --html]   (eine Nachricht: Kopfzeilen und
             Text; --raw ihre genauen Bytes, --html das HTML der Anzeige)
  export --format eml|mbox --out PFAD [--query ANFRAGE] [--source NAME]
             [--folder PFAD] [--flat] [--force]   (genaue Bytes: eml-Dateien in
             PFAD/&lt;Quelle&gt;/&lt;Ordner&gt;/, mit --flat alle in PFAD; mbox: eine
             mboxrd-Datei, --force ersetzt sie; ANFRAGE wie bei search)
  import PFAD... [--into NAME]   (mbox-Dateien, .eml-Dateien und Ordner
             davon, Maildirs, in die lokale Quelle NAME, ohne Angabe &quot;Local
             files&quot;; schon Archiviertes wird nicht doppelt gespeichert; erneut
             aufrufen, um nach einem Abbruch fortzufahren)
  restore --to NAME | --host H [--port P] [--security tls|starttls|none]
             --user U --password-stdin [--trust-fingerprint SHA256]
             [--to-folder ZIEL | --keep-folders] [--query ANFRAGE]
             [--source NAME] [--folder PFAD]   (archivierte E-Mails zurück in ein
             Konto: genaue Bytes, Markierungen und Daten, in ZIEL (&quot;Restored&quot;)
             oder die Ordner, aus denen sie kamen; was schon dort ist, wird
             nicht erneut gesendet)
  verify
  backup --to DATEI [--force]   (eine stimmige Kopie des Archivs in einer
             Datei, sicher während einer Synchronisierung; --force ersetzt DATEI)
</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>The test was cancelled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>Die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 (security: %2) and logged in as %3. The server has %n folder(s), %4 of them archived with All folders (not Trash and Junk); the Inbox holds %5 messages.</source>
        <translation>
            <numerusform>Mit %1 verbunden (Sicherheit: %2) und als %3 angemeldet. Der Server hat %n Ordner, %4 davon werden mit „Alle Ordner“ archiviert (nicht Papierkorb und Spam); der Posteingang enthält %5 Nachrichten.</numerusform>
            <numerusform>Mit %1 verbunden (Sicherheit: %2) und als %3 angemeldet. Der Server hat %n Ordner, %4 davon werden mit „Alle Ordner“ archiviert (nicht Papierkorb und Spam); der Posteingang enthält %5 Nachrichten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>No password is stored for this source: enter it in the source&apos;s settings.</source>
        <translation>Für diese Quelle ist kein Passwort gespeichert: Geben Sie es in den Einstellungen der Quelle ein.</translation>
    </message>
    <message>
        <source>No keychain is available (%1): install and unlock a Secret Service such as GNOME Keyring or KWallet, or keep the password for this session only.</source>
        <translation>Es ist kein Schlüsselbund verfügbar (%1): Installieren und entsperren Sie einen Secret Service wie GNOME Keyring oder KWallet, oder behalten Sie das Passwort nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The keychain denied access to the password (%1): unlock the keychain and allow this application to use it, or keep the password for this session only.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf das Passwort verweigert (%1): Entsperren Sie den Schlüsselbund und erlauben Sie dieser Anwendung den Zugriff, oder behalten Sie das Passwort nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The keychain could not complete the request (%1): try again, or keep the password for this session only.</source>
        <translation>Der Schlüsselbund konnte die Anfrage nicht ausführen (%1): Versuchen Sie es erneut, oder behalten Sie das Passwort nur für diese Sitzung.</translation>
    </message>
</context>
<context>
    <name>DeleteSourceDialog</name>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delete the source &quot;%1&quot;?&lt;/b&gt;&lt;br&gt;It will no longer be synced and its password is removed from the keychain.</source>
        <translation>&lt;b&gt;Die Quelle „%1“ löschen?&lt;/b&gt;&lt;br&gt;Sie wird nicht mehr synchronisiert, und ihr Passwort wird aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>De&amp;lete source</source>
        <translation>Quelle l&amp;öschen</translation>
    </message>
    <message>
        <source>%1 (removed source, %2)</source>
        <translation>%1 (entfernte Quelle, %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Keep its mail in the archive</source>
        <translation>E-Mails im Archiv &amp;behalten</translation>
    </message>
    <message>
        <source>It has no archived mail.</source>
        <translation>Sie hat keine archivierten E-Mails.</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln message(s) stay searchable and are listed under Removed sources; you can delete them later.</source>
        <translation>
            <numerusform>Die %Ln Nachricht bleibt durchsuchbar und steht unter „Entfernte Quellen“; Sie können sie später löschen.</numerusform>
            <numerusform>Alle %Ln Nachrichten bleiben durchsuchbar und stehen unter „Entfernte Quellen“; Sie können sie später löschen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete the mail only this source holds</source>
        <translation>Nur in dieser Quelle enthaltene E-Mails &amp;löschen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) are deleted</source>
        <translation>
            <numerusform>%Ln Nachricht wird gelöscht</numerusform>
            <numerusform>%Ln Nachrichten werden gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>No message is deleted: this source holds none of its own.</source>
        <translation>Keine Nachricht wird gelöscht: Diese Quelle enthält keine eigenen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) are deleted (%1).</source>
        <translation>
            <numerusform>%Ln Nachricht wird gelöscht (%1).</numerusform>
            <numerusform>%Ln Nachrichten werden gelöscht (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stay because other sources also hold them: %1.</source>
        <translation>
            <numerusform>%Ln Nachricht bleibt, weil andere Quellen sie ebenfalls enthalten: %1.</numerusform>
            <numerusform>%Ln Nachrichten bleiben, weil andere Quellen sie ebenfalls enthalten: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted mail cannot be brought back from the archive.</source>
        <translation>Gelöschte E-Mails lassen sich aus dem Archiv nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Counting its archived mail…</source>
        <translation>Die archivierten Nachrichten werden gezählt …</translation>
    </message>
    <message>
        <source>Counting what only this source holds…</source>
        <translation>Es wird gezählt, was nur diese Quelle enthält …</translation>
    </message>
    <message>
        <source>Its mail stays searchable and is listed under Removed sources.</source>
        <translation>Ihre Nachrichten bleiben durchsuchbar und werden unter „Entfernte Quellen“ aufgeführt.</translation>
    </message>
</context>
<context>
    <name>DesktopApplication</name>
    <message>
        <source>%1 keeps archiving</source>
        <translation>%1 archiviert weiter</translation>
    </message>
    <message>
        <source>It goes on checking your sources in the background. Open it or quit it from this icon.</source>
        <translation>Es prüft Ihre Quellen im Hintergrund weiter. Über dieses Symbol öffnen oder beenden Sie es.</translation>
    </message>
    <message>
        <source>Quit %1?</source>
        <translation>%1 beenden?</translation>
    </message>
    <message>
        <source>A sync is running. Quitting stops it at the next batch; it continues where it stopped the next time %1 starts.</source>
        <translation>Eine Synchronisierung läuft. Beenden hält sie beim nächsten Stapel an; sie setzt dort fort, wenn %1 das nächste Mal startet.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Cannot pause every source</source>
        <translation>Nicht jede Quelle lässt sich pausieren</translation>
    </message>
    <message>
        <source>Cannot resume every source</source>
        <translation>Nicht jede Quelle lässt sich fortsetzen</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>eml (one file a message) or mbox (one file).</source>
        <translation>eml (eine Datei je Nachricht) oder mbox (eine Datei).</translation>
    </message>
    <message>
        <source>The folder (eml) or file (mbox) to write.</source>
        <translation>Der Ordner (eml) oder die Datei (mbox), die geschrieben wird.</translation>
    </message>
    <message>
        <source>eml: every file in the folder itself.</source>
        <translation>eml: alle Dateien direkt in den Ordner.</translation>
    </message>
    <message>
        <source>mbox: replace the file if it exists.</source>
        <translation>mbox: die Datei ersetzen, falls es sie gibt.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; choose eml or mbox.</source>
        <translation>unbekanntes Format „%1“; eml oder mbox wählen.</translation>
    </message>
    <message>
        <source>--out PATH is required.</source>
        <translation>--out PFAD wird benötigt.</translation>
    </message>
    <message>
        <source>%1 exists; add --force to replace it.</source>
        <translation>%1 gibt es bereits; --force ersetzt die Datei.</translation>
    </message>
    <message>
        <source>Exporting: %1 of %2 messages…</source>
        <translation>Exportieren: %1 von %2 Nachrichten…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>In a &amp;folder for each source and folder</source>
        <translation>In einem &amp;Ordner je Quelle und Ordner</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export Messages</source>
        <translation>Nachrichten exportieren</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Exportieren:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>One mbox file (Thunderbird, Apple Mail, mutt…)</source>
        <translation>Eine mbox-Datei (Thunderbird, Apple Mail, mutt…)</translation>
    </message>
    <message>
        <source>An .eml file for each message, in a folder</source>
        <translation>Eine .eml-Datei je Nachricht, in einem Ordner</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Choose where to export to</source>
        <translation>Wählen, wohin exportiert wird</translation>
    </message>
    <message>
        <source>Export &amp;to:</source>
        <translation>Exportieren &amp;nach:</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Fortschritt des Exports</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Stand des Exports</translation>
    </message>
    <message>
        <source>OpenArchiver export %1</source>
        <extracomment>The suggested name of an export; %1 is the date as 2026-12-07.</extracomment>
        <translation>OpenArchiver-Export %1</translation>
    </message>
    <message>
        <source>Export to mbox File</source>
        <translation>In mbox-Datei exportieren</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>mbox files (*.mbox)</source>
        <translation>mbox-Dateien (*.mbox)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose where to export to.</source>
        <translation>Wählen Sie, wohin exportiert wird.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>%1 exists. Choose Replace to overwrite it, or another name.</source>
        <translation>%1 gibt es bereits. Wählen Sie „Ersetzen“, um die Datei zu überschreiben, oder einen anderen Namen.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>%1 of %2 messages</source>
        <extracomment>Progress of an export: &quot;1,204 of 5,000 messages&quot;.</extracomment>
        <translation>%1 von %2 Nachrichten</translation>
    </message>
</context>
<context>
    <name>FolderChooserDialog</name>
    <message>
        <source>Choose Folders to Archive</source>
        <translation>Zu archivierende Ordner wählen</translation>
    </message>
    <message>
        <source>Only the checked folders are archived. New folders on the server are not added by themselves; come back here to add them.</source>
        <translation>Nur die markierten Ordner werden archiviert. Neue Ordner auf dem Server kommen nicht von selbst hinzu; fügen Sie sie hier hinzu.</translation>
    </message>
    <message>
        <source>Folders on the server</source>
        <translation>Ordner auf dem Server</translation>
    </message>
    <message>
        <source>Space checks or unchecks the current folder.</source>
        <translation>Die Leertaste wählt den aktuellen Ordner aus oder ab.</translation>
    </message>
    <message>
        <source>Holds folders only, no mail.</source>
        <translation>Enthält nur Ordner, keine E-Mails.</translation>
    </message>
    <message>
        <source>%1 (not in All folders)</source>
        <extracomment>A Trash or Junk folder; &quot;All folders&quot; is the choice in the Folders to archive list</extracomment>
        <translation>%1 (nicht in „Alle Ordner“)</translation>
    </message>
</context>
<context>
    <name>FolderImporter</name>
    <message>
        <source>the server did not send it when asked</source>
        <translation>der Server hat sie auf Anfrage nicht gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) not archived (%2)</source>
        <translation>
            <numerusform>%1: %n Nachricht nicht archiviert (%2)</numerusform>
            <numerusform>%1: %n Nachrichten nicht archiviert (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>too large to archive (%1; the archive takes messages up to %2)</source>
        <translation>zu groß zum Archivieren (%1; das Archiv nimmt Nachrichten bis %2 auf)</translation>
    </message>
    <message>
        <source>the server sent more than it announced; it is fetched again on its own</source>
        <translation>der Server hat mehr gesendet als angekündigt; sie wird einzeln erneut abgerufen</translation>
    </message>
    <message>
        <source>the server&apos;s answer for it could not be read (%1)</source>
        <translation>die Antwort des Servers dazu war nicht lesbar (%1)</translation>
    </message>
</context>
<context>
    <name>FolderTreeModel</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <extracomment>Read by screen readers for the count column of the folder tree.</extracomment>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>All mail</source>
        <translation>Alle E-Mails</translation>
    </message>
    <message>
        <source>Removed sources</source>
        <translation>Entfernte Quellen</translation>
    </message>
    <message>
        <source>Mail kept from sources that were removed</source>
        <translation>Behaltene E-Mails entfernter Quellen</translation>
    </message>
    <message>
        <source>%1 (before renumbering, UIDVALIDITY %2)</source>
        <extracomment>A folder the server renumbered: its old messages are kept apart. %1 is the folder name.</extracomment>
        <translation>%1 (vor der Neunummerierung, UIDVALIDITY %2)</translation>
    </message>
    <message>
        <source>Mail imported from files</source>
        <translation>Aus Dateien importierte E-Mails</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>The local source to import into (default: &quot;%1&quot;).</source>
        <translation>Die lokale Quelle, in die importiert wird (ohne Angabe: „%1“).</translation>
    </message>
    <message>
        <source>mbox files, .eml files, folders of them, Maildirs.</source>
        <translation>mbox-Dateien, .eml-Dateien, Ordner davon, Maildirs.</translation>
    </message>
    <message>
        <source>name at least one mbox file, .eml file, Maildir or folder to import.</source>
        <translation>nennen Sie mindestens eine mbox-Datei, .eml-Datei, ein Maildir oder einen Ordner zum Importieren.</translation>
    </message>
    <message>
        <source>Importing %1: %2 of %3…</source>
        <translation>Importiere %1: %2 von %3…</translation>
    </message>
    <message>
        <source>Stopped. What was imported is kept; the same command goes on from there.</source>
        <translation>Angehalten. Was importiert wurde, bleibt; derselbe Befehl setzt dort fort.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) stored by an earlier import, skipped.</source>
        <translation>
            <numerusform>%n Nachricht von einem früheren Import gespeichert, übersprungen.</numerusform>
            <numerusform>%n Nachrichten von einem früheren Import gespeichert, übersprungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportMailDialog</name>
    <message>
        <source>Add &amp;Files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import Mail</source>
        <translation>E-Mails importieren</translation>
    </message>
    <message>
        <source>Bring in mail kept in files: mbox files (Thunderbird, Google Takeout, Apple Mail), .eml messages, and Maildir folders. Each file or folder becomes a folder of its own; mail that is archived already is not stored twice. The files are only read.</source>
        <translation>Holen Sie E-Mails aus Dateien ins Archiv: mbox-Dateien (Thunderbird, Google Takeout, Apple Mail), .eml-Nachrichten und Maildir-Ordner. Jede Datei und jeder Ordner wird ein eigener Ordner; bereits archivierte E-Mails werden nicht doppelt gespeichert. Die Dateien werden nur gelesen.</translation>
    </message>
    <message>
        <source>Files and folders to import</source>
        <translation>Zu importierende Dateien und Ordner</translation>
    </message>
    <message>
        <source>mbox files and .eml messages</source>
        <translation>mbox-Dateien und .eml-Nachrichten</translation>
    </message>
    <message>
        <source>A Maildir, a folder of .eml files, or a folder of mbox files (Thunderbird&apos;s profile folder, an unpacked Takeout)</source>
        <translation>Ein Maildir, ein Ordner mit .eml-Dateien oder ein Ordner mit mbox-Dateien (Thunderbirds Profilordner, ein entpacktes Takeout)</translation>
    </message>
    <message>
        <source>Remove the selected files from the list</source>
        <translation>Die ausgewählten Dateien aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Importieren in</translation>
    </message>
    <message>
        <source>The imported mail is shown under this name on the Archive page. Choose a name used before to add to that mail, or type a new one.</source>
        <translation>Die importierten E-Mails erscheinen unter diesem Namen auf der Seite „Archiv“. Wählen Sie einen schon verwendeten Namen, um sie dort hinzuzufügen, oder geben Sie einen neuen ein.</translation>
    </message>
    <message>
        <source>Import i&amp;nto:</source>
        <translation>Importieren i&amp;n:</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Import status</source>
        <translation>Importstatus</translation>
    </message>
    <message>
        <source>Messages that could not be imported</source>
        <translation>Nachrichten, die nicht importiert werden konnten</translation>
    </message>
    <message>
        <source>Add Mail Files</source>
        <translation>E-Mail-Dateien hinzufügen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>mbox files and messages (*.mbox *.mbx *.eml)</source>
        <translation>mbox-Dateien und Nachrichten (*.mbox *.mbx *.eml)</translation>
    </message>
    <message>
        <source>Add a Folder of Mail</source>
        <translation>Einen E-Mail-Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Looking at the files…</source>
        <translation>Dateien werden geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln message(s)</source>
        <extracomment>Progress of an import: &quot;1.2 GB of 10.2 GB · 12,345 messages&quot;.</extracomment>
        <translation>
            <numerusform>%1 · %Ln Nachricht</numerusform>
            <numerusform>%1 · %Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <extracomment>%1 is the file being read.</extracomment>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Stopped. What was imported is kept: import the same files again to go on from there.</source>
        <translation>Angehalten. Was importiert wurde, bleibt erhalten: Importieren Sie dieselben Dateien noch einmal, um dort fortzufahren.</translation>
    </message>
    <message>
        <source>Nothing was imported: none of these looks like mail.</source>
        <translation>Nichts wurde importiert: Keine dieser Dateien sieht nach E-Mail aus.</translation>
    </message>
    <message>
        <source>Imported into “%1”: %2</source>
        <extracomment>%1 says how many messages were new, archived already or unreadable.</extracomment>
        <translation>Importiert in „%1“: %2</translation>
    </message>
    <message>
        <source>Files and folders to i&amp;mport:</source>
        <translation>Zu i&amp;mportierende Dateien und Ordner:</translation>
    </message>
</context>
<context>
    <name>InboxWatcher</name>
    <message>
        <source>The server does not offer IDLE; new mail is found at each check.</source>
        <translation>Der Server bietet kein IDLE an; neue E-Mails werden bei jeder Prüfung gefunden.</translation>
    </message>
    <message>
        <source>The source does not archive an INBOX.</source>
        <translation>Die Quelle archiviert keinen Posteingang.</translation>
    </message>
</context>
<context>
    <name>IngestionSource</name>
    <message>
        <source>Importing</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
</context>
<context>
    <name>IngestionsPage</name>
    <message>
        <source>Ingestions</source>
        <translation>Importquellen</translation>
    </message>
    <message>
        <source>The email accounts whose mail this archive imports and keeps current.</source>
        <translation>Die E-Mail-Konten, deren Nachrichten dieses Archiv importiert und aktuell hält.</translation>
    </message>
    <message>
        <source>No ingestion sources yet</source>
        <translation>Noch keine Importquellen</translation>
    </message>
    <message>
        <source>OpenArchiver Desktop keeps a complete, searchable copy of your email on this computer. It only ever reads from your mail server: mail you delete there stays in the archive.</source>
        <translation>OpenArchiver Desktop bewahrt eine vollständige, durchsuchbare Kopie Ihrer E-Mails auf diesem Computer auf. Es liest nur von Ihrem Mailserver: Was Sie dort löschen, bleibt im Archiv erhalten.</translation>
    </message>
    <message>
        <source>Cannot Delete the Source</source>
        <translation>Die Quelle kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>&amp;Create New…</source>
        <translation>&amp;Neu anlegen…</translation>
    </message>
    <message>
        <source>Add an email account to archive (%1)</source>
        <translation>Ein E-Mail-Konto zum Archivieren hinzufügen (%1)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Create New</source>
        <translation>Neu anlegen</translation>
    </message>
    <message>
        <source>No account at hand? The README shows how to start a demo mail server on this computer (scripts/demo-server) and archive it.</source>
        <translation>Kein Konto zur Hand? Die README zeigt, wie Sie einen Demo-Mailserver auf diesem Computer starten (scripts/demo-server) und ihn archivieren.</translation>
    </message>
    <message>
        <source>Ingestion sources</source>
        <translation>Importquellen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;View Details</source>
        <translation>&amp;Details anzeigen</translation>
    </message>
    <message>
        <source>Cannot Change the Source</source>
        <translation>Quelle kann nicht geändert werden</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Create New…</source>
        <translation>Neu anlegen …</translation>
    </message>
    <message>
        <source>Pause or resume the selected source</source>
        <translation>Die gewählte Quelle pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>The selected source&apos;s actions as a menu</source>
        <translation>Die Aktionen der gewählten Quelle als Menü</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Status bar message when the selected source changes state, e.g. &quot;Work: Paused&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, syncing</source>
        <extracomment>Appended to a source&apos;s status when the selected source starts a sync, e.g. &quot;Active, syncing&quot;</extracomment>
        <translation>%1, synchronisiert</translation>
    </message>
</context>
<context>
    <name>KeychainCredentialStore</name>
    <message>
        <source>an earlier request to the keychain is still unanswered</source>
        <translation>eine frühere Anfrage an den Schlüsselbund ist noch unbeantwortet</translation>
    </message>
    <message numerus="yes">
        <source>the keychain did not answer within %n second(s)</source>
        <translation>
            <numerusform>der Schlüsselbund hat nicht innerhalb von %n Sekunde geantwortet</numerusform>
            <numerusform>der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryVersions</name>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>MailFileImport</name>
    <message>
        <source>&quot;%1&quot; is the name of a mail account; import into another name.</source>
        <translation>„%1“ ist der Name eines E-Mail-Kontos; importieren Sie unter einem anderen Namen.</translation>
    </message>
    <message>
        <source>There is no such file or folder.</source>
        <translation>Diese Datei oder dieser Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>The file cannot be read (no permission).</source>
        <translation>Die Datei kann nicht gelesen werden (keine Berechtigung).</translation>
    </message>
    <message>
        <source>This is neither an mbox file nor a message (.eml): it does not start like mail.</source>
        <translation>Dies ist weder eine mbox-Datei noch eine Nachricht (.eml): Sie beginnt nicht wie eine E-Mail.</translation>
    </message>
    <message>
        <source>The archive could not store the mail: %1. What was imported before is kept; import again to go on.</source>
        <translation>Das Archiv konnte die E-Mails nicht speichern: %1. Was zuvor importiert wurde, bleibt; importieren Sie erneut, um fortzufahren.</translation>
    </message>
    <message>
        <source>The archive could not be written: %1</source>
        <translation>Das Archiv konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file is empty: there is no message in it.</source>
        <translation>Die Datei ist leer: Sie enthält keine Nachricht.</translation>
    </message>
    <message>
        <source>The message is larger than %1 MB, more than the app takes in one message; it was skipped.</source>
        <translation>Die Nachricht ist größer als %1 MB, mehr als die App in einer Nachricht aufnimmt; sie wurde übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 new, %2 already archived, %3 could not be read (%n folder(s)).</source>
        <extracomment>%1 new messages, %2 already archived, %3 unreadable; then the number of folders.</extracomment>
        <translation>
            <numerusform>%1 neu, %2 bereits archiviert, %3 nicht lesbar (%n Ordner).</numerusform>
            <numerusform>%1 neu, %2 bereits archiviert, %3 nicht lesbar (%n Ordner).</numerusform>
        </translation>
    </message>
    <message>
        <source>(at byte %1)</source>
        <extracomment>Where in an mbox file a problem is.</extracomment>
        <translation>(bei Byte %1)</translation>
    </message>
</context>
<context>
    <name>MaildirReader</name>
    <message>
        <source>%1 is not a Maildir folder: it has no cur and new folders.</source>
        <translation>%1 ist kein Maildir-Ordner: Er hat keine Ordner cur und new.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be read.</source>
        <translation>Der Ordner %1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No ingestion sources</source>
        <translation>Keine Importquellen</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Ingestions</source>
        <translation>Importquellen</translation>
    </message>
    <message>
        <source>The email accounts this archive imports from</source>
        <translation>Die E-Mail-Konten, aus denen dieses Archiv importiert</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>Ü&amp;ber %1</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>What the archive holds</source>
        <translation>Was das Archiv enthält</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Ingestions</source>
        <translation>&amp;Importquellen</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>A&amp;rchiv</translation>
    </message>
    <message numerus="yes">
        <source>No ingestion sources · %Ln message(s) archived</source>
        <translation>
            <numerusform>Keine Quellen · %Ln Nachricht archiviert</numerusform>
            <numerusform>Keine Quellen · %Ln Nachrichten archiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syncing</source>
        <translation>
            <numerusform>%n synchronisiert</numerusform>
            <numerusform>%n synchronisieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n braucht Aufmerksamkeit</numerusform>
            <numerusform>%n brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n can&apos;t reach the server</source>
        <translation>
            <numerusform>%n erreicht den Server nicht</numerusform>
            <numerusform>%n erreichen den Server nicht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n pausiert</numerusform>
            <numerusform>%n pausiert</numerusform>
        </translation>
    </message>
    <message>
        <source>all idle</source>
        <translation>alle untätig</translation>
    </message>
    <message>
        <source>counting messages…</source>
        <translation>Nachrichten werden gezählt …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) archived</source>
        <translation>
            <numerusform>%Ln Nachricht archiviert</numerusform>
            <numerusform>%Ln Nachrichten archiviert</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <extracomment>Separates the parts of the status bar&apos;s summary, e.g. &quot;2 sources · 1 syncing&quot;.</extracomment>
        <translation> · </translation>
    </message>
    <message>
        <source>Show the Ingestions page</source>
        <translation>Die Seite „Ingestions“ zeigen</translation>
    </message>
    <message>
        <source>Show the Archive page</source>
        <translation>Die Seite „Archiv“ zeigen</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Tastenkürzel …</translation>
    </message>
    <message>
        <source>No web browser opened the user guide. It is at %1</source>
        <translation>Kein Webbrowser hat das Benutzerhandbuch geöffnet. Es liegt hier: %1</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Hauptfenster</translation>
    </message>
    <message>
        <source>View details of the selected source</source>
        <translation>Details der gewählten Quelle anzeigen</translation>
    </message>
    <message>
        <source>Menu key</source>
        <translation>Menütaste</translation>
    </message>
    <message>
        <source>The selected source&apos;s actions as a menu</source>
        <translation>Die Aktionen der gewählten Quelle als Menü</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Leaves the table (the arrows move between rows; the selection stays)</source>
        <translation>Verlässt die Tabelle (die Pfeiltasten wechseln die Zeile; die Auswahl bleibt)</translation>
    </message>
    <message>
        <source>Save changes (also right after a test)</source>
        <translation>Änderungen speichern (auch direkt nach einem Test)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Create New / Edit</source>
        <translation>Neu anlegen / Bearbeiten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Between the folders, the message list and the message</source>
        <translation>Zwischen den Ordnern, der Nachrichtenliste und der Nachricht</translation>
    </message>
    <message>
        <source>Arrows, Page Up/Down, Home, End</source>
        <translation>Pfeiltasten, Bild auf/ab, Pos1, Ende</translation>
    </message>
    <message>
        <source>Move in the folders or the messages (the message shows below)</source>
        <translation>In den Ordnern oder Nachrichten bewegen (die Nachricht erscheint darunter)</translation>
    </message>
    <message>
        <source>Open the message in its own window</source>
        <translation>Die Nachricht in einem eigenen Fenster öffnen</translation>
    </message>
    <message>
        <source>Message window</source>
        <translation>Nachrichtenfenster</translation>
    </message>
    <message>
        <source>Any dialog</source>
        <translation>Jeder Dialog</translation>
    </message>
    <message>
        <source>Close it</source>
        <translation>Ihn schließen</translation>
    </message>
    <message>
        <source>C&amp;lose Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Back Up Archive…</source>
        <translation>&amp;Archiv sichern…</translation>
    </message>
    <message>
        <source>&amp;Export Messages…</source>
        <translation>Nachrichten e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the selected messages or the list shown (a folder, a search)</source>
        <translation>Die ausgewählten Nachrichten oder die gezeigte Liste exportieren (einen Ordner, eine Suche)</translation>
    </message>
    <message>
        <source>&amp;Search Mail</source>
        <translation>E-Mails &amp;durchsuchen</translation>
    </message>
    <message>
        <source>Search the archive</source>
        <translation>Das Archiv durchsuchen</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Pfeil nach unten</translation>
    </message>
    <message>
        <source>In the search box: to the results</source>
        <translation>Im Suchfeld: zu den Ergebnissen</translation>
    </message>
    <message>
        <source>In the search box: clear the search; again: to the results</source>
        <translation>Im Suchfeld: Suche leeren; noch einmal: zu den Ergebnissen</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Import Mail…</source>
        <translation>E-Mails &amp;importieren…</translation>
    </message>
    <message>
        <source>Import mbox files, .eml messages or Maildir folders</source>
        <translation>mbox-Dateien, .eml-Nachrichten oder Maildir-Ordner importieren</translation>
    </message>
    <message>
        <source>&amp;Restore to Server…</source>
        <translation>Auf Server &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Put the selected messages or the list shown back on an IMAP account</source>
        <translation>Die ausgewählten Nachrichten oder die gezeigte Liste zurück in ein IMAP-Konto legen</translation>
    </message>
    <message>
        <source>Choose the messages to restore on the Archive page first.</source>
        <translation>Wählen Sie zuerst auf der Seite „Archiv“ die Nachrichten, die wiederhergestellt werden sollen.</translation>
    </message>
</context>
<context>
    <name>MboxReader</name>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The message&apos;s Content-Length (%1 bytes) runs past the end of the file: the file may be cut short. The message was taken as far as it goes.</source>
        <translation>Die Content-Length der Nachricht (%1 Bytes) reicht über das Ende der Datei hinaus: Die Datei ist vielleicht abgeschnitten. Die Nachricht wurde so weit übernommen, wie sie reicht.</translation>
    </message>
    <message>
        <source>This is not an mbox file: it does not start with a &quot;From &quot; line.</source>
        <translation>Dies ist keine mbox-Datei: Sie beginnt nicht mit einer „From “-Zeile.</translation>
    </message>
    <message>
        <source>The file ends in the middle of a line: it may be cut short. The last message was taken as far as it goes.</source>
        <translation>Die Datei endet mitten in einer Zeile: Sie ist vielleicht abgeschnitten. Die letzte Nachricht wurde so weit übernommen, wie sie reicht.</translation>
    </message>
    <message>
        <source>The message is larger than %1 MB, more than the app takes in one message; it was skipped.</source>
        <translation>Die Nachricht ist größer als %1 MB, mehr als die App in einer Nachricht aufnimmt; sie wurde übersprungen.</translation>
    </message>
    <message>
        <source>An empty message (a &quot;From &quot; line and nothing else) was skipped.</source>
        <translation>Eine leere Nachricht (eine „From “-Zeile und sonst nichts) wurde übersprungen.</translation>
    </message>
</context>
<context>
    <name>MessageDeletion</name>
    <message>
        <source>Cannot delete the mail: %1</source>
        <translation>Die Nachrichten können nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Message %1 has no stored content, so it cannot be taken out of the search index. Run verify for details; nothing was changed.</source>
        <translation>Nachricht %1 hat keinen gespeicherten Inhalt und kann daher nicht aus dem Suchindex genommen werden. Führen Sie „verify“ aus, um Einzelheiten zu sehen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Message %1 cannot be read back, so it cannot be taken out of the search index: %2. Run verify for details; nothing was changed.</source>
        <translation>Nachricht %1 lässt sich nicht zurücklesen und kann daher nicht aus dem Suchindex genommen werden: %2. Führen Sie „verify“ aus, um Einzelheiten zu sehen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>MessageExporter</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after %n message(s); the files written are complete.</source>
        <translation>
            <numerusform>Export nach %n Nachricht abgebrochen; die geschriebenen Dateien sind vollständig.</numerusform>
            <numerusform>Export nach %n Nachrichten abgebrochen; die geschriebenen Dateien sind vollständig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed; no file was written: %1</source>
        <translation>Export fehlgeschlagen; es wurde keine Datei geschrieben: %1</translation>
    </message>
    <message numerus="yes">
        <source>Export stopped after %1 of %n message(s): %2</source>
        <translation>
            <numerusform>Export nach %1 von %n Nachricht angehalten: %2</numerusform>
            <numerusform>Export nach %1 von %n Nachrichten angehalten: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) (%1) to %2.</source>
        <translation>
            <numerusform>%n Nachricht (%1) nach %2 exportiert.</numerusform>
            <numerusform>%n Nachrichten (%1) nach %2 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be read from the archive: %1</source>
        <translation>
            <numerusform>%n Nachricht konnte nicht aus dem Archiv gelesen werden: %1</numerusform>
            <numerusform>%n Nachrichten konnten nicht aus dem Archiv gelesen werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Choose where to export to.</source>
        <translation>Wählen Sie, wohin exportiert wird.</translation>
    </message>
    <message>
        <source>%1 is the archive itself; choose another file.</source>
        <translation>%1 ist das Archiv selbst; wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>%1 is a folder; an mbox export is one file.</source>
        <translation>%1 ist ein Ordner; ein mbox-Export ist eine Datei.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Den Ordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 gibt es bereits.</translation>
    </message>
    <message>
        <source>%1 is a file; .eml files are exported into a folder.</source>
        <translation>%1 ist eine Datei; .eml-Dateien werden in einen Ordner exportiert.</translation>
    </message>
    <message>
        <source>Cannot read the archive: %1</source>
        <translation>Das Archiv kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>message %1 (&quot;%2&quot;): %3</source>
        <translation>Nachricht %1 („%2“): %3</translation>
    </message>
</context>
<context>
    <name>MessageFailureText</name>
    <message>
        <source>UID %1: %2</source>
        <translation>UID %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>Has attachments</source>
        <translation>Hat Anhänge</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>Keine Anhänge</translation>
    </message>
    <message>
        <source>(no recipient)</source>
        <translation>(kein Empfänger)</translation>
    </message>
    <message>
        <source>(no sender)</source>
        <translation>(kein Absender)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>%1; found: %2</source>
        <extracomment>A search result read aloud: the subject, then the line where the words were found.</extracomment>
        <translation>%1; gefunden: %2</translation>
    </message>
</context>
<context>
    <name>MessageRestore</name>
    <message>
        <source>Restore stopped: %1</source>
        <translation>Wiederherstellung abgebrochen: %1</translation>
    </message>
    <message>
        <source>Cannot read the archive: %1</source>
        <translation>Das Archiv kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>“%1” was refused by the server: %2</source>
        <translation>„%1“ wurde vom Server abgelehnt: %2</translation>
    </message>
    <message>
        <source>“%1” could not be read from the archive: %2</source>
        <translation>„%1“ konnte nicht aus dem Archiv gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Restore cancelled after %Ln message(s). Restore again to go on: what is on the server already is not sent twice.</source>
        <translation>
            <numerusform>Wiederherstellung nach %Ln Nachricht abgebrochen. Stellen Sie erneut wieder her, um fortzufahren: Was schon auf dem Server ist, wird nicht doppelt gesendet.</numerusform>
            <numerusform>Wiederherstellung nach %Ln Nachrichten abgebrochen. Stellen Sie erneut wieder her, um fortzufahren: Was schon auf dem Server ist, wird nicht doppelt gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) were restored before; restore again to go on.</source>
        <translation>
            <numerusform>%Ln Nachricht wurde vorher wiederhergestellt; stellen Sie erneut wieder her, um fortzufahren.</numerusform>
            <numerusform>%Ln Nachrichten wurden vorher wiederhergestellt; stellen Sie erneut wieder her, um fortzufahren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to restore: all %Ln message(s) are in the folder already.</source>
        <translation>
            <numerusform>Nichts wiederherzustellen: Die Nachricht ist schon im Ordner.</numerusform>
            <numerusform>Nichts wiederherzustellen: Alle %Ln Nachrichten sind schon im Ordner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln message(s) (%1) to %2.</source>
        <extracomment>%1 the size of the mail, %2 the account (&quot;anna@example.org on imap.example.org&quot;).</extracomment>
        <translation>
            <numerusform>%Ln Nachricht (%1) wiederhergestellt nach %2.</numerusform>
            <numerusform>%Ln Nachrichten (%1) wiederhergestellt nach %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) were there already and were not sent again.</source>
        <translation>
            <numerusform>%Ln Nachricht war schon dort und wurde nicht erneut gesendet.</numerusform>
            <numerusform>%Ln Nachrichten waren schon dort und wurden nicht erneut gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused %Ln message(s).</source>
        <translation>
            <numerusform>Der Server hat %Ln Nachricht abgelehnt.</numerusform>
            <numerusform>Der Server hat %Ln Nachrichten abgelehnt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) could not be read from the archive.</source>
        <translation>
            <numerusform>%Ln Nachricht konnte nicht aus dem Archiv gelesen werden.</numerusform>
            <numerusform>%Ln Nachrichten konnten nicht aus dem Archiv gelesen werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageStore</name>
    <message>
        <source>Cannot write to the archive: %1</source>
        <translation>In das Archiv kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot record the folder&apos;s progress: %1</source>
        <translation>Der Fortschritt des Ordners kann nicht vermerkt werden: %1</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Show &amp;Original</source>
        <translation>Ori&amp;ginal zeigen</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Found in:</source>
        <translation>Gefunden in:</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Formatted (HTML)</source>
        <translation>Formatiert (HTML)</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Show the message as</source>
        <translation>Nachricht zeigen als</translation>
    </message>
    <message>
        <source>Show the message as formatted HTML or as plain text</source>
        <translation>Die Nachricht als formatiertes HTML oder als reinen Text zeigen</translation>
    </message>
    <message>
        <source>The message exactly as archived, with Save as .eml</source>
        <translation>Die Nachricht genau so, wie sie archiviert ist, mit „Als .eml speichern“</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation>Link zu %1</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>Wählen Sie eine Nachricht, um sie zu lesen.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (deleted on the server)</source>
        <translation>%1 (auf dem Server gelöscht)</translation>
    </message>
    <message>
        <source>attached to another message</source>
        <translation>an eine andere Nachricht angehängt</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) not loaded: the archive never contacts other servers.</source>
        <translation>
            <numerusform>%n externes Bild nicht geladen: Das Archiv kontaktiert nie andere Server.</numerusform>
            <numerusform>%n externe Bilder nicht geladen: Das Archiv kontaktiert nie andere Server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the beginning of this very long message is shown; Show Original has all of it.</source>
        <translation>Nur der Anfang dieser sehr langen Nachricht wird gezeigt; „Original zeigen“ enthält sie ganz.</translation>
    </message>
    <message numerus="yes">
        <source>Read with %n problem(s): %1 Show Original has the exact bytes.</source>
        <translation>
            <numerusform>Mit %n Problem gelesen: %1 „Original zeigen“ enthält die genauen Bytes.</numerusform>
            <numerusform>Mit %n Problemen gelesen, darunter: %1 „Original zeigen“ enthält die genauen Bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageWindow</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the message window</source>
        <translation>Das Nachrichtenfenster schließen</translation>
    </message>
</context>
<context>
    <name>MimeParser</name>
    <message>
        <source>A header line without a colon was skipped.</source>
        <translation>Eine Kopfzeile ohne Doppelpunkt wurde übersprungen.</translation>
    </message>
    <message>
        <source>The header does not end with an empty line.</source>
        <translation>Der Nachrichtenkopf endet nicht mit einer Leerzeile.</translation>
    </message>
    <message>
        <source>The message uses bare CR line ends.</source>
        <translation>Die Nachricht verwendet einzelne CR-Zeilenenden.</translation>
    </message>
    <message>
        <source>A text part holds invalid base64 data.</source>
        <translation>Ein Textteil enthält ungültige Base64-Daten.</translation>
    </message>
    <message>
        <source>NUL bytes in the text were removed.</source>
        <translation>NUL-Bytes im Text wurden entfernt.</translation>
    </message>
    <message>
        <source>The message has no Date header.</source>
        <translation>Die Nachricht hat keine Date-Kopfzeile.</translation>
    </message>
    <message>
        <source>The Date header could not be read.</source>
        <translation>Die Date-Kopfzeile konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The Date header is implausible.</source>
        <translation>Die Date-Kopfzeile ist unplausibel.</translation>
    </message>
    <message>
        <source>The message has no header.</source>
        <translation>Die Nachricht hat keinen Kopf.</translation>
    </message>
    <message>
        <source>NUL bytes in the header were removed.</source>
        <translation>NUL-Bytes im Nachrichtenkopf wurden entfernt.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Die Nachricht ist leer.</translation>
    </message>
    <message>
        <source>The message could not be parsed: %1</source>
        <translation>Die Nachricht konnte nicht zerlegt werden: %1</translation>
    </message>
    <message>
        <source>The message could not be parsed.</source>
        <translation>Die Nachricht konnte nicht zerlegt werden.</translation>
    </message>
    <message>
        <source>The message has too many parts; only the first %1 were read.</source>
        <translation>Die Nachricht hat zu viele Teile; nur die ersten %1 wurden gelesen.</translation>
    </message>
    <message>
        <source>A part has no header; it was read as plain text.</source>
        <translation>Ein Teil hat keinen Kopf; er wurde als einfacher Text gelesen.</translation>
    </message>
    <message>
        <source>A part has an unreadable Content-Type; it was read as plain text.</source>
        <translation>Ein Teil hat einen unlesbaren Content-Type; er wurde als einfacher Text gelesen.</translation>
    </message>
    <message>
        <source>The parts are nested too deeply; the innermost ones were not read.</source>
        <translation>Die Teile sind zu tief verschachtelt; die innersten wurden nicht gelesen.</translation>
    </message>
    <message>
        <source>A multipart has no boundary parameter; the boundary was guessed.</source>
        <translation>Einem Multipart fehlt der boundary-Parameter; die Grenze wurde erraten.</translation>
    </message>
    <message>
        <source>A multipart boundary was not found; another one was guessed.</source>
        <translation>Eine Multipart-Grenze wurde nicht gefunden; eine andere wurde erraten.</translation>
    </message>
    <message>
        <source>A multipart has no parts; it was read as plain text.</source>
        <translation>Ein Multipart hat keine Teile; es wurde als einfacher Text gelesen.</translation>
    </message>
    <message>
        <source>A multipart is not terminated; the message may be truncated.</source>
        <translation>Ein Multipart ist nicht abgeschlossen; die Nachricht ist möglicherweise abgeschnitten.</translation>
    </message>
    <message>
        <source>Text in an undeclared 8-bit charset was read as Windows-1252.</source>
        <translation>Text in einem nicht angegebenen 8-Bit-Zeichensatz wurde als Windows-1252 gelesen.</translation>
    </message>
    <message>
        <source>Text labelled UTF-8 is not valid UTF-8; it was read as Windows-1252.</source>
        <translation>Als UTF-8 gekennzeichneter Text ist kein gültiges UTF-8; er wurde als Windows-1252 gelesen.</translation>
    </message>
    <message>
        <source>Unknown charset &quot;%1&quot;; the text was read as Windows-1252.</source>
        <translation>Unbekannter Zeichensatz „%1“; der Text wurde als Windows-1252 gelesen.</translation>
    </message>
    <message>
        <source>Unknown charset &quot;%1&quot;; the text was read as UTF-8.</source>
        <translation>Unbekannter Zeichensatz „%1“; der Text wurde als UTF-8 gelesen.</translation>
    </message>
    <message>
        <source>A header in an undeclared 8-bit charset was read as Windows-1252.</source>
        <translation>Eine Kopfzeile in einem nicht angegebenen 8-Bit-Zeichensatz wurde als Windows-1252 gelesen.</translation>
    </message>
    <message>
        <source>A header with broken encoded words was read as it is.</source>
        <translation>Eine Kopfzeile mit fehlerhaften kodierten Wörtern wurde unverändert gelesen.</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message numerus="yes">
        <source>%1: %Ln message(s) archived</source>
        <extracomment>A notification: %1 is a source&apos;s name.</extracomment>
        <translation>
            <numerusform>%1: %Ln Nachricht archiviert</numerusform>
            <numerusform>%1: %Ln Nachrichten archiviert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 needs your attention.</source>
        <translation>%1 braucht Ihre Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 could not reach its server for a while; it keeps trying.</source>
        <translation>%1 erreicht seinen Server seit einer Weile nicht; es wird weiter versucht.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>%1 needs attention</source>
        <extracomment>A notification&apos;s title: %1 is a source&apos;s name, %2 what went wrong (&quot;Password rejected&quot;)</extracomment>
        <translation>%1 braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>%1 is unreachable</source>
        <translation>%1 ist nicht erreichbar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln update(s) from your sources</source>
        <translation>
            <numerusform>%Ln Neuigkeit von Ihren Quellen</numerusform>
            <numerusform>%Ln Neuigkeiten von Ihren Quellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfferChoice</name>
    <message numerus="yes">
        <source>The %Ln &amp;selected message(s)</source>
        <translation>
            <numerusform>Die &amp;ausgewählte Nachricht</numerusform>
            <numerusform>Die %Ln &amp;ausgewählten Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProviderPreset</name>
    <message>
        <source>Generic IMAP</source>
        <translation>Allgemeines IMAP</translation>
    </message>
    <message>
        <source>Usually your full email address</source>
        <translation>Meist Ihre vollständige E-Mail-Adresse</translation>
    </message>
    <message>
        <source>If your provider offers app passwords (also called app-specific or application passwords), create one for OpenArchiver in your account&apos;s security settings and enter it here instead of your account password.</source>
        <translation>Wenn Ihr Anbieter App-Passwörter (auch anwendungsspezifische Passwörter genannt) anbietet, erstellen Sie in den Sicherheitseinstellungen Ihres Kontos eines für OpenArchiver und geben Sie es hier statt Ihres Kontopassworts ein.</translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <source>Your full Gmail address</source>
        <translation>Ihre vollständige Gmail-Adresse</translation>
    </message>
    <message>
        <source>Gmail accepts only an app password for IMAP. Turn on 2-Step Verification for your Google Account, then create an app password under Security → App passwords and enter the 16 characters here.</source>
        <translation>Gmail akzeptiert für IMAP nur ein App-Passwort. Aktivieren Sie die Bestätigung in zwei Schritten für Ihr Google-Konto, erstellen Sie dann unter Sicherheit → App-Passwörter ein App-Passwort und geben Sie die 16 Zeichen hier ein.</translation>
    </message>
    <message>
        <source>Outlook.com / Microsoft 365</source>
        <translation>Outlook.com / Microsoft 365</translation>
    </message>
    <message>
        <source>Your full Microsoft account address</source>
        <translation>Die vollständige Adresse Ihres Microsoft-Kontos</translation>
    </message>
    <message>
        <source>For a personal Outlook.com account with two-step verification, create an app password under Security → Advanced security options → App passwords. Most Microsoft 365 work and school accounts no longer allow IMAP with a password; ask your administrator.</source>
        <translation>Für ein privates Outlook.com-Konto mit Bestätigung in zwei Schritten erstellen Sie ein App-Passwort unter Sicherheit → Erweiterte Sicherheitsoptionen → App-Kennwörter. Die meisten Geschäfts- und Schulkonten von Microsoft 365 erlauben IMAP mit Passwort nicht mehr; fragen Sie Ihre Administration.</translation>
    </message>
    <message>
        <source>Fastmail</source>
        <translation>Fastmail</translation>
    </message>
    <message>
        <source>Your full Fastmail address</source>
        <translation>Ihre vollständige Fastmail-Adresse</translation>
    </message>
    <message>
        <source>Fastmail requires an app password for IMAP. Create one under Settings → Privacy &amp; Security → Manage app passwords, with access to &quot;Mail (IMAP/POP/SMTP)&quot;.</source>
        <translation>Fastmail verlangt für IMAP ein App-Passwort. Erstellen Sie eines unter Einstellungen → Datenschutz und Sicherheit → App-Passwörter verwalten, mit Zugriff auf „Mail (IMAP/POP/SMTP)“.</translation>
    </message>
    <message>
        <source>iCloud Mail</source>
        <translation>iCloud Mail</translation>
    </message>
    <message>
        <source>Your iCloud email address</source>
        <translation>Ihre iCloud-E-Mail-Adresse</translation>
    </message>
    <message>
        <source>iCloud Mail requires an app-specific password. Sign in at appleid.apple.com, open Sign-In and Security → App-Specific Passwords and create one for OpenArchiver.</source>
        <translation>iCloud Mail verlangt ein app-spezifisches Passwort. Melden Sie sich bei appleid.apple.com an, öffnen Sie Anmeldung und Sicherheit → App-spezifische Passwörter und erstellen Sie eines für OpenArchiver.</translation>
    </message>
    <message>
        <source>Yahoo Mail</source>
        <translation>Yahoo Mail</translation>
    </message>
    <message>
        <source>Your full Yahoo email address</source>
        <translation>Ihre vollständige Yahoo-E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Yahoo Mail requires an app password for IMAP. Open Account Info → Account Security → Generate app password and create one for OpenArchiver.</source>
        <translation>Yahoo Mail verlangt für IMAP ein App-Passwort. Öffnen Sie Kontoinformationen → Kontosicherheit → App-Passwort generieren und erstellen Sie eines für OpenArchiver.</translation>
    </message>
    <message>
        <source>An app password is better than your account password: it only opens your mail, you can revoke it on its own without changing your main password, and it keeps working with two-step verification turned on.</source>
        <translation>Ein App-Passwort ist besser als Ihr Kontopasswort: Es öffnet nur Ihre E-Mails, Sie können es einzeln widerrufen, ohne Ihr Hauptpasswort zu ändern, und es funktioniert auch mit eingeschalteter Bestätigung in zwei Schritten.</translation>
    </message>
</context>
<context>
    <name>QtVmimeSocket</name>
    <message>
        <source>Could not connect to %1:%2 in time.</source>
        <translation>Keine Verbindung zu %1:%2 in der vorgesehenen Zeit.</translation>
    </message>
    <message>
        <source>Could not connect to %1:%2: %3</source>
        <translation>Keine Verbindung zu %1:%2: %3</translation>
    </message>
    <message>
        <source>unexpected PREAUTH greeting</source>
        <translation>unerwartete PREAUTH-Begrüßung</translation>
    </message>
    <message>
        <source>plaintext data after the STARTTLS reply</source>
        <translation>unverschlüsselte Daten nach der STARTTLS-Antwort</translation>
    </message>
    <message>
        <source>line too long</source>
        <translation>Zeile zu lang</translation>
    </message>
    <message>
        <source>The connection was closed: %1</source>
        <translation>Die Verbindung wurde geschlossen: %1</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>Der Server hat die Verbindung geschlossen: %1</translation>
    </message>
</context>
<context>
    <name>RawMessageDialog</name>
    <message>
        <source>Reading the message…</source>
        <translation>Die Nachricht wird gelesen …</translation>
    </message>
    <message>
        <source>Original Message</source>
        <translation>Originalnachricht</translation>
    </message>
    <message>
        <source>Original Message: %1</source>
        <translation>Originalnachricht: %1</translation>
    </message>
    <message>
        <source>Original message</source>
        <translation>Originalnachricht</translation>
    </message>
    <message>
        <source>&amp;Save as .eml…</source>
        <translation>Als .eml &amp;speichern …</translation>
    </message>
    <message>
        <source>The first %1 of %2 are shown. Save as .eml keeps every byte.</source>
        <translation>Die ersten %1 von %2 werden gezeigt. „Als .eml speichern“ behält jedes Byte.</translation>
    </message>
    <message>
        <source>%1, exactly as archived.</source>
        <translation>%1, genau so, wie archiviert.</translation>
    </message>
    <message>
        <source>Cannot Save the Message</source>
        <translation>Die Nachricht kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>message</source>
        <translation>nachricht</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>Nachricht speichern</translation>
    </message>
    <message>
        <source>Email messages (*.eml)</source>
        <translation>E-Mail-Nachrichten (*.eml)</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation>gestern um %1</translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation>in weniger als einer Minute</translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n Min.</numerusform>
            <numerusform>in %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>in %n Std.</numerusform>
            <numerusform>in %n Std.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovedMailPurge</name>
    <message>
        <source>Cannot count the mail: %1</source>
        <translation>Die Nachrichten können nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>Cannot write to the archive: %1</source>
        <translation>In das Archiv kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot delete the mail: %1</source>
        <translation>Die Nachrichten können nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Deleting was cancelled; nothing was changed.</source>
        <translation>Das Löschen wurde abgebrochen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>RestoreCommand</name>
    <message>
        <source>The account of this source (its password from the keychain).</source>
        <translation>Das Konto dieser Quelle (ihr Passwort aus dem Schlüsselbund).</translation>
    </message>
    <message>
        <source>Another IMAP server.</source>
        <translation>Ein anderer IMAP-Server.</translation>
    </message>
    <message>
        <source>Its port.</source>
        <translation>Sein Port.</translation>
    </message>
    <message>
        <source>tls, starttls or none.</source>
        <translation>tls, starttls oder none.</translation>
    </message>
    <message>
        <source>The user name there.</source>
        <translation>Der Benutzername dort.</translation>
    </message>
    <message>
        <source>Read the password from standard input.</source>
        <translation>Das Passwort von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Trust the server&apos;s certificate with this SHA-256 fingerprint.</source>
        <translation>Dem Zertifikat des Servers mit diesem SHA-256-Fingerabdruck vertrauen.</translation>
    </message>
    <message>
        <source>Put every message in this folder (default &quot;Restored&quot;).</source>
        <translation>Alle Nachrichten in diesen Ordner legen (ohne Angabe „Restored“).</translation>
    </message>
    <message>
        <source>Put each message in the folder it was archived from.</source>
        <translation>Jede Nachricht in den Ordner legen, aus dem sie archiviert wurde.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>say where to restore to: --to NAME (a source&apos;s account) or --host HOST --user USER --password-stdin.</source>
        <translation>geben Sie das Ziel an: --to NAME (das Konto einer Quelle) oder --host HOST --user BENUTZER --password-stdin.</translation>
    </message>
    <message>
        <source>--to-folder and --keep-folders exclude each other.</source>
        <translation>--to-folder und --keep-folders schließen einander aus.</translation>
    </message>
    <message>
        <source>there is no source named &quot;%1&quot;.</source>
        <translation>es gibt keine Quelle namens „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds mail imported from files: it has no server to restore to.</source>
        <translation>„%1“ enthält aus Dateien importierte E-Mails: Es gibt keinen Server, auf den wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>--host needs --user USER and --password-stdin.</source>
        <translation>--host braucht --user BENUTZER und --password-stdin.</translation>
    </message>
    <message>
        <source>--to-folder needs a folder name.</source>
        <translation>--to-folder braucht einen Ordnernamen.</translation>
    </message>
    <message>
        <source>Restoring: %1 of %2 messages…</source>
        <translation>Wiederherstellen: %1 von %2 Nachrichten…</translation>
    </message>
    <message>
        <source>No message matches: nothing to restore.</source>
        <translation>Keine Nachricht passt: Nichts wiederherzustellen.</translation>
    </message>
    <message>
        <source>Created the folder &quot;%1&quot;.</source>
        <translation>Ordner „%1“ angelegt.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Into the &amp;folder:</source>
        <translation>In den &amp;Ordner:</translation>
    </message>
    <message>
        <source>Into the folders they were &amp;archived from (created where missing)</source>
        <translation>In die Ordner, aus denen sie &amp;archiviert wurden (fehlende werden angelegt)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore to Server</source>
        <translation>Auf Server wiederherstellen</translation>
    </message>
    <message>
        <source>Puts archived mail back on an IMAP account, exactly as it was archived, with its read, flagged and answered marks and its dates. Messages the folder holds already are not sent again. The archive keeps everything it has.</source>
        <translation>Legt archivierte E-Mails zurück in ein IMAP-Konto, genau wie sie archiviert wurden, mit ihren Markierungen (gelesen, markiert, beantwortet) und ihren Daten. Nachrichten, die der Ordner schon enthält, werden nicht erneut gesendet. Das Archiv behält alles, was es hat.</translation>
    </message>
    <message>
        <source>Restore:</source>
        <translation>Wiederherstellen:</translation>
    </message>
    <message>
        <source>Restore to</source>
        <translation>Wiederherstellen in</translation>
    </message>
    <message>
        <source>Another account…</source>
        <translation>Ein anderes Konto…</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;In:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>imap.example.org</source>
        <translation>imap.example.org</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <source>Restore progress</source>
        <translation>Fortschritt der Wiederherstellung</translation>
    </message>
    <message>
        <source>Restore status</source>
        <translation>Status der Wiederherstellung</translation>
    </message>
    <message>
        <source>%1 — %2 on %3</source>
        <extracomment>An account to restore to: the source&apos;s name, then &quot;anna@example.org on imap.example.org&quot;.</extracomment>
        <translation>%1 — %2 auf %3</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <extracomment>An account: &quot;anna@example.org on imap.example.org&quot;.</extracomment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Enter the server and user name of the account to restore to.</source>
        <translation>Geben Sie Server und Benutzernamen des Zielkontos ein.</translation>
    </message>
    <message>
        <source>Enter the folder to restore into.</source>
        <translation>Geben Sie den Zielordner ein.</translation>
    </message>
    <message>
        <source>Counting the messages…</source>
        <translation>Nachrichten werden gezählt…</translation>
    </message>
    <message>
        <source>Reading the password from the keychain…</source>
        <translation>Passwort wird aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>There is no message to restore here.</source>
        <translation>Hier gibt es keine Nachricht wiederherzustellen.</translation>
    </message>
    <message>
        <source>into the folders they were archived from</source>
        <translation>in die Ordner, aus denen sie archiviert wurden</translation>
    </message>
    <message>
        <source>into “%1”</source>
        <translation>in „%1“</translation>
    </message>
    <message>
        <source>&amp;Confirm Restore</source>
        <translation>Wiederherstellen &amp;bestätigen</translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln message(s) to %1, %2? This adds them to that account. Press Confirm Restore to go on.</source>
        <extracomment>%1 is the account, %2 &quot;into “Restored”&quot; or &quot;into the folders they were archived from&quot;.</extracomment>
        <translation>
            <numerusform>%Ln Nachricht nach %1 wiederherstellen, %2? Sie wird diesem Konto hinzugefügt. Drücken Sie „Wiederherstellen bestätigen“, um fortzufahren.</numerusform>
            <numerusform>%Ln Nachrichten nach %1 wiederherstellen, %2? Sie werden diesem Konto hinzugefügt. Drücken Sie „Wiederherstellen bestätigen“, um fortzufahren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1…</translation>
    </message>
    <message>
        <source>%1 of %2 messages</source>
        <extracomment>Progress of a restore: &quot;1,204 of 5,000 messages&quot;.</extracomment>
        <translation>%1 von %2 Nachrichten</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>If it is your server&apos;s, press Restore again to trust it for this restore.</source>
        <translation>Wenn es das Ihres Servers ist, drücken Sie erneut „Wiederherstellen“, um ihm für diese Wiederherstellung zu vertrauen.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Search mail</source>
        <translation>E-Mails durchsuchen</translation>
    </message>
    <message>
        <source>Search: words, &quot;a phrase&quot;, from:, subject:, date:2019… (Ctrl+K)</source>
        <extracomment>The search box&apos;s hint; Ctrl+K is its shortcut.</extracomment>
        <translation>Suchen: Wörter, &quot;eine Wortgruppe&quot;, from:, subject:, date:2019… (Strg+K)</translation>
    </message>
    <message>
        <source>Words match subject, sender, recipients, text and attachment names.
from: to: subject: body: filename: has:attachment in:FOLDER source:NAME
before:2021-06-30 after:2019 date:2019-03..2020-01 larger:5M smaller:100K
&quot;a phrase&quot;, prefix*, A OR B, -word, (parentheses)</source>
        <translation>Wörter finden sich in Betreff, Absender, Empfängern, Text und Namen von Anhängen.
from: to: subject: body: filename: has:attachment in:ORDNER source:NAME
before:2021-06-30 after:2019 date:2019-03..2020-01 larger:5M smaller:100K
&quot;eine Wortgruppe&quot;, anfang*, A OR B, -wort, (Klammern)</translation>
    </message>
    <message>
        <source>Searching only here; click to search all mail</source>
        <translation>Sucht nur hier; ein Klick sucht in allen E-Mails</translation>
    </message>
    <message>
        <source>Order the results by how well they match rather than by date</source>
        <translation>Die Ergebnisse danach ordnen, wie gut sie passen, statt nach Datum</translation>
    </message>
    <message>
        <source>Export the messages found, or the ones selected, as .eml files or an mbox file</source>
        <translation>Die gefundenen oder ausgewählten Nachrichten als .eml-Dateien oder eine mbox-Datei exportieren</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>The search&apos;s scope chip: %1 is a source or &quot;Source › Folder&quot;.</extracomment>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Searching only in %1. Press to search all mail.</source>
        <translation>Sucht nur in %1. Drücken, um in allen E-Mails zu suchen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>More than %1 messages</source>
        <extracomment>A search&apos;s count when counting on would take long; %1 is 10,000.</extracomment>
        <translation>Mehr als %1 Nachrichten</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>All matching messages are selected.</source>
        <translation>Alle passenden Nachrichten sind ausgewählt.</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching messages are selected.</source>
        <translation>
            <numerusform>Die %Ln passende Nachricht ist ausgewählt.</numerusform>
            <numerusform>Alle %Ln passenden Nachrichten sind ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search now</source>
        <translation>Jetzt suchen</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>&amp;Best match first</source>
        <translation>Beste &amp;Treffer zuerst</translation>
    </message>
    <message>
        <source>Select all &amp;matching</source>
        <translation>Alle Treffer aus&amp;wählen</translation>
    </message>
    <message numerus="yes">
        <source>Select all %Ln &amp;matching</source>
        <translation>
            <numerusform>Den %Ln Treffer aus&amp;wählen</numerusform>
            <numerusform>Alle %Ln Treffer aus&amp;wählen</numerusform>
        </translation>
    </message>
    <message>
        <source>Dele&amp;te from Archive…</source>
        <translation>Aus dem Archiv l&amp;öschen…</translation>
    </message>
    <message>
        <source>Delete the selected messages, or all matching, from the archive: mail kept from removed sources that no current source holds</source>
        <translation>Die ausgewählten oder alle passenden Nachrichten aus dem Archiv löschen: E-Mails entfernter Quellen, die keine aktuelle Quelle enthält</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>Usage: openarchiver-cli search QUERY [--json] [--limit N] [--source NAME] [--folder PATH]</source>
        <translation>Aufruf: openarchiver-cli search ANFRAGE [--json] [--limit N] [--source NAME] [--folder PFAD]</translation>
    </message>
    <message>
        <source>--limit needs a number of messages above 0, not &quot;%1&quot;.</source>
        <translation>--limit braucht eine Anzahl Nachrichten über 0, nicht „%1“.</translation>
    </message>
    <message>
        <source>The query has nothing to look for: type a word, a &quot;phrase&quot; or an operator such as from:.</source>
        <translation>Die Anfrage enthält nichts zu suchen: Geben Sie ein Wort, eine „Wortgruppe“ oder einen Operator wie from: ein.</translation>
    </message>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation>Es gibt keine Quelle namens „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n Nachricht gefunden.</numerusform>
            <numerusform>%n Nachrichten gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>There may be more: raise --limit.</source>
        <translation>Es kann mehr geben: Erhöhen Sie --limit.</translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>A quotation mark is not closed: add the closing &quot; after the phrase.</source>
        <translation>Ein Anführungszeichen ist nicht geschlossen: Setzen Sie das schließende &quot; hinter die Wortgruppe.</translation>
    </message>
    <message>
        <source>A &quot;)&quot; has no matching &quot;(&quot;.</source>
        <translation>Zu einer „)“ fehlt die passende „(“.</translation>
    </message>
    <message>
        <source>&quot;OR&quot; needs a search term on both sides, as in invoice OR receipt.</source>
        <translation>„OR“ braucht auf beiden Seiten einen Suchbegriff, wie in Rechnung OR Quittung.</translation>
    </message>
    <message>
        <source>&quot;-&quot; needs a search term right after it, as in -newsletter.</source>
        <translation>„-“ braucht direkt dahinter einen Suchbegriff, wie in -newsletter.</translation>
    </message>
    <message>
        <source>A &quot;(&quot; is not closed: add the &quot;)&quot; that ends it.</source>
        <translation>Eine „(“ ist nicht geschlossen: Setzen Sie die „)“, die sie beendet.</translation>
    </message>
    <message>
        <source>There is nothing between &quot;(&quot; and &quot;)&quot;.</source>
        <translation>Zwischen „(“ und „)“ steht nichts.</translation>
    </message>
    <message>
        <source>&quot;%1:&quot; needs a word or a &quot;phrase&quot; after it, as in %1:invoice.</source>
        <translation>„%1:“ braucht dahinter ein Wort oder eine „Wortgruppe“, wie in %1:rechnung.</translation>
    </message>
    <message>
        <source>&quot;has:&quot; knows only has:attachment.</source>
        <translation>„has:“ kennt nur has:attachment.</translation>
    </message>
    <message>
        <source>&quot;in:&quot; needs a folder, as in in:INBOX or in:&quot;Archive/2023&quot;.</source>
        <translation>„in:“ braucht einen Ordner, wie in in:INBOX oder in:&quot;Archiv/2023&quot;.</translation>
    </message>
    <message>
        <source>&quot;source:&quot; needs an account&apos;s name, as in source:Work.</source>
        <translation>„source:“ braucht den Namen eines Kontos, wie in source:Arbeit.</translation>
    </message>
    <message>
        <source>&quot;%1:&quot; needs a date like 2021-06-30 (or 2021-06, or 2021).</source>
        <translation>„%1:“ braucht ein Datum wie 2021-06-30 (oder 2021-06, oder 2021).</translation>
    </message>
    <message>
        <source>&quot;date:&quot; needs a year, a month or a day, as in 2019, 2019-03 or 2019-03-05, or a range such as 2019-03..2020-01.</source>
        <translation>„date:“ braucht ein Jahr, einen Monat oder einen Tag, wie 2019, 2019-03 oder 2019-03-05, oder einen Bereich wie 2019-03..2020-01.</translation>
    </message>
    <message>
        <source>The range of &quot;date:&quot; ends before it begins: %1.</source>
        <translation>Der Bereich von „date:“ endet, bevor er beginnt: %1.</translation>
    </message>
    <message>
        <source>&quot;%1:&quot; needs a size like 5M, 500K or 2G.</source>
        <translation>„%1:“ braucht eine Größe wie 5M, 500K oder 2G.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Start when I &amp;log in</source>
        <translation>Beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <source>Start in the &amp;tray, without the window</source>
        <translation>Im &amp;Infobereich starten, ohne Fenster</translation>
    </message>
    <message>
        <source>Show &amp;notifications (an import finished, a source needs attention)</source>
        <translation>&amp;Benachrichtigungen zeigen (ein Import ist fertig, eine Quelle braucht Aufmerksamkeit)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> minutes</source>
        <extracomment>The unit after the check interval&apos;s number.</extracomment>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Check new sources for mail every (minutes)</source>
        <translation>Neue Quellen prüfen auf E-Mails alle (Minuten)</translation>
    </message>
    <message>
        <source>For sources added from now on; each source&apos;s own interval is in its Details.</source>
        <translation>Für Quellen, die ab jetzt hinzukommen; das eigene Intervall jeder Quelle steht in ihren Details.</translation>
    </message>
    <message>
        <source>Check new sources &amp;every:</source>
        <translation>Neue Quellen &amp;prüfen alle:</translation>
    </message>
    <message>
        <source>Sources syncing at once</source>
        <translation>Gleichzeitig synchronisierende Quellen</translation>
    </message>
    <message>
        <source>More at once finishes sooner on a fast line; some servers limit connections.</source>
        <translation>Mehr gleichzeitig ist auf einer schnellen Leitung früher fertig; manche Server begrenzen die Verbindungen.</translation>
    </message>
    <message>
        <source>Sync at &amp;most this many sources at once:</source>
        <translation>&amp;Höchstens so viele Quellen gleichzeitig synchronisieren:</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>Der Start beim Anmelden konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>The new language is used when %1 starts next.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von %1.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
    <message>
        <source>Lang&amp;uage:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Mo&amp;ve…</source>
        <translation>&amp;Verschieben…</translation>
    </message>
    <message>
        <source>Move the archive to another place</source>
        <translation>Das Archiv an einen anderen Ort verschieben</translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation>Archiv:</translation>
    </message>
    <message>
        <source>Archive file</source>
        <translation>Archivdatei</translation>
    </message>
    <message>
        <source>Copies the archive to a new file, checks the copy and restarts with it.</source>
        <translation>Kopiert das Archiv in eine neue Datei, prüft die Kopie und startet mit ihr neu.</translation>
    </message>
    <message>
        <source>System default</source>
        <extracomment>%1 is the system&apos;s language in its own words, such as &quot;Deutsch&quot;.</extracomment>
        <translation>Systemvorgabe</translation>
    </message>
</context>
<context>
    <name>ShortcutCatalog</name>
    <message>
        <source>, </source>
        <extracomment>Separates two keys that do the same, e.g. &quot;F5, Ctrl+R&quot;</extracomment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ShortcutsWindow</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menus and dialog fields also have mnemonics: the underlined letter, with Alt.</source>
        <translation>Menüs und Dialogfelder haben außerdem Zugriffstasten: den unterstrichenen Buchstaben, mit Alt.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Grouped by where the keys work; the arrows move through the list.</source>
        <translation>Gruppiert danach, wo die Tasten wirken; die Pfeiltasten bewegen durch die Liste.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Wirkung</translation>
    </message>
</context>
<context>
    <name>ShowCommand</name>
    <message>
        <source>Usage: openarchiver-cli show ID|SHA256 [--raw | --text | --html]</source>
        <translation>Aufruf: openarchiver-cli show ID|SHA256 [--raw | --text | --html]</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a message id (a number) nor a SHA-256 (64 hex digits).</source>
        <translation>„%1“ ist weder eine Nachrichten-ID (eine Zahl) noch ein SHA-256 (64 Hexziffern).</translation>
    </message>
    <message>
        <source>There is no message %1 in the archive.</source>
        <translation>Im Archiv gibt es keine Nachricht %1.</translation>
    </message>
    <message>
        <source>The message could not be written: %1</source>
        <translation>Die Nachricht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Message %1 has no HTML body.</source>
        <translation>Nachricht %1 hat keinen HTML-Teil.</translation>
    </message>
    <message>
        <source>Message:  %1</source>
        <translation>Nachricht: %1</translation>
    </message>
    <message>
        <source>SHA-256:  %1</source>
        <translation>SHA-256:   %1</translation>
    </message>
    <message>
        <source>From:     %1</source>
        <translation>Von:       %1</translation>
    </message>
    <message>
        <source>To:       %1</source>
        <translation>An:        %1</translation>
    </message>
    <message>
        <source>Cc:       %1</source>
        <translation>Cc:        %1</translation>
    </message>
    <message>
        <source>Date:     %1</source>
        <translation>Datum:     %1</translation>
    </message>
    <message>
        <source>Subject:  %1</source>
        <translation>Betreff:   %1</translation>
    </message>
    <message>
        <source>Size:     %1</source>
        <translation>Größe:     %1</translation>
    </message>
    <message>
        <source>Found in: %1 › %2 (UID %3)</source>
        <translation>Gefunden:  %1 › %2 (UID %3)</translation>
    </message>
    <message>
        <source>, deleted on the server</source>
        <translation>, auf dem Server gelöscht</translation>
    </message>
    <message>
        <source>Attached: %1 (%2, %3, part %4)</source>
        <translation>Anhang:    %1 (%2, %3, Teil %4)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) in its HTML are not loaded by the viewer.</source>
        <translation>
            <numerusform>%n externes Bild in ihrem HTML wird von der Anzeige nicht geladen.</numerusform>
            <numerusform>%n externe Bilder in ihrem HTML werden von der Anzeige nicht geladen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceCommand</name>
    <message>
        <source>Name of the source.</source>
        <translation>Name der Quelle.</translation>
    </message>
    <message>
        <source>IMAP server.</source>
        <translation>IMAP-Server.</translation>
    </message>
    <message>
        <source>Port.</source>
        <translation>Port.</translation>
    </message>
    <message>
        <source>tls, starttls or none.</source>
        <translation>tls, starttls oder none.</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>Benutzername.</translation>
    </message>
    <message>
        <source>Provider preset.</source>
        <translation>Anbietervorlage.</translation>
    </message>
    <message>
        <source>inbox or all.</source>
        <translation>inbox oder all.</translation>
    </message>
    <message>
        <source>SHA-256 of a server certificate to trust.</source>
        <translation>SHA-256 eines Serverzertifikats, dem vertraut werden soll.</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>Das Passwort aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;.</source>
        <translation>unbekannter Anbieter „%1“.</translation>
    </message>
    <message>
        <source>give the password on standard input with --password-stdin.</source>
        <translation>geben Sie das Passwort mit --password-stdin über die Standardeingabe an.</translation>
    </message>
    <message>
        <source>Added source &quot;%1&quot; (%2).</source>
        <translation>Quelle „%1“ (%2) hinzugefügt.</translation>
    </message>
    <message>
        <source>No sources. Add one with: openarchiver-cli source add --name NAME --host HOST --user USER --password-stdin</source>
        <translation>Keine Quellen. Fügen Sie eine hinzu mit: openarchiver-cli source add --name NAME --host HOST --user BENUTZER --password-stdin</translation>
    </message>
    <message>
        <source>name exactly one source.</source>
        <translation>nennen Sie genau eine Quelle.</translation>
    </message>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation>Es gibt keine Quelle namens „%1“.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; is now %2.</source>
        <translation>Quelle „%1“ ist jetzt %2.</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot;.</source>
        <translation>unbekannte Aktion „%1“.</translation>
    </message>
    <message>
        <source>Removing %1 of %2 messages…</source>
        <translation>Entferne %1 von %2 Nachrichten…</translation>
    </message>
    <message>
        <source>Minutes between checks for new mail.</source>
        <translation>Minuten zwischen zwei Prüfungen auf neue E-Mails.</translation>
    </message>
    <message>
        <source>Import everything again from the start (after a change of account).</source>
        <translation>Alles von Anfang an neu importieren (nach einem Kontowechsel).</translation>
    </message>
    <message>
        <source>The source to change.</source>
        <translation>Die zu ändernde Quelle.</translation>
    </message>
    <message>
        <source>the password on standard input is empty; leave out --password-stdin to keep the stored one.</source>
        <translation>das Passwort auf der Standardeingabe ist leer; lassen Sie --password-stdin weg, um das gespeicherte zu behalten.</translation>
    </message>
    <message>
        <source>Updated source &quot;%1&quot; (%2).</source>
        <translation>Quelle „%1“ aktualisiert (%2).</translation>
    </message>
    <message>
        <source>Warning: without encryption the password and the mail travel in clear text: anyone on the network can read them. Use this only for a server on your own computer or network.</source>
        <translation>Warnung: Ohne Verschlüsselung werden Passwort und Nachrichten im Klartext übertragen: Jeder im Netzwerk kann sie lesen. Verwenden Sie dies nur für einen Server auf Ihrem eigenen Computer oder in Ihrem eigenen Netzwerk.</translation>
    </message>
    <message>
        <source>%1 messages only it holds, %2 shared with other sources</source>
        <translation>%1 Nachrichten nur in ihr, %2 mit anderen Quellen geteilt</translation>
    </message>
    <message>
        <source>name exactly one removed source.</source>
        <translation>nennen Sie genau eine entfernte Quelle.</translation>
    </message>
    <message>
        <source>There is no removed source named &quot;%1&quot; with mail left; see: openarchiver-cli source removed</source>
        <translation>Es gibt keine entfernte Quelle namens „%1“ mit verbliebenen E-Mails; siehe: openarchiver-cli source removed</translation>
    </message>
    <message>
        <source>add, list, edit, pause, resume, remove, removed or purge?</source>
        <translation>add, list, edit, pause, resume, remove, removed oder purge?</translation>
    </message>
    <message>
        <source>imported from files</source>
        <translation>aus Dateien importiert</translation>
    </message>
</context>
<context>
    <name>SourceDetailsDialog</name>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>On server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Vollständigkeit</translation>
    </message>
    <message>
        <source>Last UID</source>
        <translation>Letzte UID</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate…</source>
        <translation>Diesem Zertifikat &amp;vertrauen…</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Folders:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Archived:</source>
        <translation>Archiviert:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Letzte Synchronisierung:</translation>
    </message>
    <message>
        <source>Next check:</source>
        <translation>Nächste Prüfung:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <source>Check interval in minutes</source>
        <translation>Prüfintervall in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Check &amp;every:</source>
        <translation>Prüfen &amp;alle:</translation>
    </message>
    <message>
        <source>%1 — Details</source>
        <translation>%1 – Details</translation>
    </message>
    <message>
        <source>%1 · syncing now</source>
        <translation>%1 · wird gerade synchronisiert</translation>
    </message>
    <message>
        <source>%1 · retrying %2</source>
        <translation>%1 · neuer Versuch %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 on %2, port %3 (%4)</source>
        <translation>%1 auf %2, Port %3 (%4)</translation>
    </message>
    <message>
        <source>Inbox only</source>
        <translation>Nur Posteingang</translation>
    </message>
    <message>
        <source>All folders except Trash and Junk</source>
        <translation>Alle Ordner außer Papierkorb und Spam</translation>
    </message>
    <message>
        <source>%1 messages, %2</source>
        <translation>%1 Nachrichten, %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>trusted by you for this source, SHA-256 %1</source>
        <translation>von Ihnen für diese Quelle als vertrauenswürdig bestätigt, SHA-256 %1</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Resume the source to sync it.</source>
        <translation>Setzen Sie die Quelle fort, um sie zu synchronisieren.</translation>
    </message>
    <message>
        <source>%1 (failing since %2)</source>
        <translation>%1 (schlägt fehl seit %2)</translation>
    </message>
    <message>
        <source>Technical details: %1</source>
        <translation>Technische Einzelheiten: %1</translation>
    </message>
    <message>
        <source>&amp;Remove trust…</source>
        <translation>Vertrauen &amp;entfernen …</translation>
    </message>
    <message>
        <source>Remove the trusted certificate</source>
        <translation>Das vertraute Zertifikat entfernen</translation>
    </message>
    <message>
        <source>none: the connection is not encrypted</source>
        <translation>keins: Die Verbindung ist nicht verschlüsselt</translation>
    </message>
    <message>
        <source>trusted by you for %1 since %2, SHA-256 %3</source>
        <extracomment>%1 is host:port, %2 a date, %3 the fingerprint as AB:CD:…</extracomment>
        <translation>von Ihnen vertraut für %1 seit %2, SHA-256 %3</translation>
    </message>
    <message>
        <source>trusted by you for %1 since %2, issued to %3, SHA-256 %4</source>
        <extracomment>%1 is host:port, %2 a date, %3 who the certificate names, %4 the fingerprint as AB:CD:…</extracomment>
        <translation>von Ihnen vertraut für %1 seit %2, ausgestellt für %3, SHA-256 %4</translation>
    </message>
    <message>
        <source>not checked since you removed the trust; the next sync checks it</source>
        <translation>nicht geprüft, seit Sie das Vertrauen entfernt haben; die nächste Synchronisierung prüft es</translation>
    </message>
    <message>
        <source>not trusted: the server&apos;s certificate (SHA-256 %1) is not signed by an authority your system trusts</source>
        <translation>nicht vertraut: Das Zertifikat des Servers (SHA-256 %1) ist von keiner Stelle signiert, der Ihr System vertraut</translation>
    </message>
    <message>
        <source>verified by the system&apos;s certificate authorities</source>
        <translation>von den Zertifizierungsstellen des Systems bestätigt</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>Remove Trust?</source>
        <translation>Vertrauen entfernen?</translation>
    </message>
    <message>
        <source>Stop trusting the certificate of %1?</source>
        <translation>Dem Zertifikat von %1 nicht mehr vertrauen?</translation>
    </message>
    <message>
        <source>Every source on this server stops accepting it: unless your system trusts the certificate, their next sync fails until you trust it again.</source>
        <translation>Keine Quelle auf diesem Server nimmt es dann noch an: Sofern Ihr System dem Zertifikat nicht vertraut, schlägt ihre nächste Synchronisierung fehl, bis Sie ihm wieder vertrauen.</translation>
    </message>
    <message>
        <source>&amp;Remove Trust</source>
        <translation>Vertrauen &amp;entfernen</translation>
    </message>
    <message>
        <source>Cannot Remove Trust</source>
        <translation>Vertrauen kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Folders and history</source>
        <translation>Ordner und Verlauf</translation>
    </message>
    <message>
        <source>New mail:</source>
        <translation>Neue E-Mails:</translation>
    </message>
    <message>
        <source>Not looked for while paused</source>
        <translation>Während der Pause wird nicht nachgesehen</translation>
    </message>
    <message>
        <source>Archived within seconds of arriving in the INBOX (the server offers IMAP IDLE); other folders at each check</source>
        <translation>Wenige Sekunden nach dem Eintreffen im Posteingang archiviert (der Server bietet IMAP IDLE an); andere Ordner bei jeder Prüfung</translation>
    </message>
    <message>
        <source>Found at each check</source>
        <translation>Bei jeder Prüfung gefunden</translation>
    </message>
    <message>
        <source>Archived within seconds of arriving (the server offers IMAP IDLE)</source>
        <translation>Wenige Sekunden nach dem Eintreffen archiviert (der Server bietet IMAP IDLE an)</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>&amp;Passwort ändern…</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Create New Ingestion Source</source>
        <translation>Neue Importquelle anlegen</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>For example: Work mail</source>
        <translation>Zum Beispiel: Arbeit</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Choose your email provider…</source>
        <translation>Wählen Sie Ihren E-Mail-Anbieter…</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>Anb&amp;ieter:</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>imap.example.com</source>
        <translation>imap.example.com</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Without encryption your password and your mail travel in clear text: anyone on the network can read them. Use this only for a server on your own computer or network.</source>
        <translation>Ohne Verschlüsselung gehen Ihr Passwort und Ihre E-Mails im Klartext über das Netz: Jeder im Netzwerk kann sie lesen. Nutzen Sie das nur für einen Server auf Ihrem eigenen Computer oder in Ihrem eigenen Netzwerk.</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>Sic&amp;herheit:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Leave blank to keep the stored password</source>
        <translation>Leer lassen, um das gespeicherte Passwort zu behalten</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>Passwort verbergen</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Folders to archive</source>
        <translation>Zu archivierende Ordner</translation>
    </message>
    <message>
        <source>Inbox only</source>
        <translation>Nur Posteingang</translation>
    </message>
    <message>
        <source>All folders</source>
        <translation>Alle Ordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>&amp;Folders to archive:</source>
        <translation>&amp;Zu archivierende Ordner:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>T&amp;rust this certificate…</source>
        <translation>Diesem Zertifikat &amp;vertrauen…</translation>
    </message>
    <message>
        <source>Use an app password</source>
        <translation>Verwenden Sie ein App-Passwort</translation>
    </message>
    <message>
        <source>What app passwords are</source>
        <translation>Was App-Passwörter sind</translation>
    </message>
    <message>
        <source>%1: how to create an app password</source>
        <translation>%1: So erstellen Sie ein App-Passwort</translation>
    </message>
    <message>
        <source>The password is kept in your system&apos;s keychain, never in the archive.</source>
        <translation>Das Passwort liegt im Schlüsselbund Ihres Systems, nie im Archiv.</translation>
    </message>
    <message>
        <source>Only the Inbox is archived. You can change this later.</source>
        <translation>Nur der Posteingang wird archiviert. Sie können das später ändern.</translation>
    </message>
    <message>
        <source>Every folder except Trash and Junk, including folders created later.</source>
        <translation>Alle Ordner außer Papierkorb und Spam, auch später angelegte.</translation>
    </message>
    <message>
        <source>No folders chosen yet.</source>
        <translation>Noch keine Ordner ausgewählt.</translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s): %1</source>
        <translation>
            <numerusform>%n Ordner: %1</numerusform>
            <numerusform>%n Ordner: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A source named &quot;%1&quot; already exists; choose another name.</source>
        <translation>Eine Quelle namens „%1“ gibt es schon; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Enter the password, preferably an app password made for OpenArchiver.</source>
        <translation>Geben Sie das Passwort ein, am besten ein eigens für OpenArchiver erstelltes App-Passwort.</translation>
    </message>
    <message>
        <source>Reading the stored password…</source>
        <translation>Gespeichertes Passwort wird gelesen…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Start a Fresh Import?</source>
        <translation>Neuen Import starten?</translation>
    </message>
    <message>
        <source>You changed the server or the user name. Import this account from the start?</source>
        <translation>Sie haben den Server oder den Benutzernamen geändert. Dieses Konto von Anfang an importieren?</translation>
    </message>
    <message>
        <source>Choose a fresh import when this is another account: every folder is read again from the new server. Mail already archived stays and is not stored twice. Keep the progress when only the server&apos;s name changed.</source>
        <translation>Wählen Sie einen neuen Import, wenn es ein anderes Konto ist: Jeder Ordner wird vom neuen Server neu gelesen. Bereits archivierte Nachrichten bleiben und werden nicht doppelt gespeichert. Behalten Sie den Fortschritt, wenn sich nur der Name des Servers geändert hat.</translation>
    </message>
    <message>
        <source>&amp;Fresh import</source>
        <translation>&amp;Neuer Import</translation>
    </message>
    <message>
        <source>&amp;Keep progress</source>
        <translation>Fortschritt &amp;behalten</translation>
    </message>
    <message>
        <source>Saving the password in the system keychain…</source>
        <translation>Passwort wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <source>The stored password could not be read: %1</source>
        <translation>Das gespeicherte Passwort konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>%1, port %2, %3</source>
        <translation>%1, Port %2, %3</translation>
    </message>
    <message>
        <source>Ch&amp;ange…</source>
        <translation>Än&amp;dern…</translation>
    </message>
    <message>
        <source>Keeping the password for this session…</source>
        <translation>Passwort wird für diese Sitzung behalten…</translation>
    </message>
    <message>
        <source>No Keychain Available</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the password cannot be stored safely.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher kann das Passwort nicht sicher gespeichert werden.</translation>
    </message>
    <message>
        <source>Keep it in memory for this session only? The account is archived until you quit OpenArchiver; after a restart, open Edit and enter the password again.</source>
        <translation>Nur für diese Sitzung im Arbeitsspeicher behalten? Das Konto wird archiviert, bis Sie OpenArchiver beenden; öffnen Sie nach einem Neustart „Bearbeiten“ und geben Sie das Passwort erneut ein.</translation>
    </message>
    <message>
        <source>&amp;Keep for This Session</source>
        <translation>Für diese Sitzung &amp;behalten</translation>
    </message>
    <message>
        <source>Technical details: %1</source>
        <translation>Technische Einzelheiten: %1</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>App password (recommended) or account password</source>
        <translation>App-Passwort (empfohlen) oder Kontopasswort</translation>
    </message>
    <message>
        <source>Choose your email provider, or Generic IMAP for any other server.</source>
        <translation>Wählen Sie Ihren E-Mail-Anbieter oder „Allgemeines IMAP“ für jeden anderen Server.</translation>
    </message>
    <message>
        <source>Not saved: the server&apos;s certificate is not trusted, so every sync would fail. Trust it if its fingerprint is the one your provider gives, or check the server name and port.</source>
        <translation>Nicht gespeichert: Dem Zertifikat des Servers wird nicht vertraut, deshalb würde jede Synchronisierung fehlschlagen. Vertrauen Sie ihm, wenn sein Fingerabdruck der ist, den Ihr Anbieter nennt, oder prüfen Sie Servername und Port.</translation>
    </message>
    <message>
        <source>Show the password (%1)</source>
        <translation>Passwort anzeigen (%1)</translation>
    </message>
    <message>
        <source>Hide the password (%1)</source>
        <translation>Passwort verbergen (%1)</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Help with app passwords</source>
        <translation>Hilfe zu App-Passwörtern</translation>
    </message>
    <message>
        <source>An app password made for OpenArchiver is safer than your account password; the help next to the form says how to create one. %1 shows or hides the password.</source>
        <translation>Ein eigens für OpenArchiver erstelltes App-Passwort ist sicherer als Ihr Kontopasswort; die Hilfe neben dem Formular erklärt, wie Sie eins erstellen. %1 zeigt oder verbirgt das Passwort.</translation>
    </message>
    <message>
        <source>Show or hide the password</source>
        <translation>Passwort zeigen oder verbergen</translation>
    </message>
    <message>
        <source>The server lists no folders to choose from, so there is nothing to choose.</source>
        <translation>Der Server nennt keine Ordner, also gibt es nichts zu wählen.</translation>
    </message>
    <message>
        <source>Enter the new password</source>
        <translation>Neues Passwort eingeben</translation>
    </message>
</context>
<context>
    <name>SourcePurge</name>
    <message>
        <source>Cannot remove the source&apos;s mail: %1</source>
        <translation>Die Nachrichten der Quelle können nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Cannot write to the archive: %1</source>
        <translation>In das Archiv kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>There is no source %1 in the archive.</source>
        <translation>Im Archiv gibt es keine Quelle %1.</translation>
    </message>
    <message>
        <source>Removing the source was cancelled; nothing was changed.</source>
        <translation>Das Entfernen der Quelle wurde abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cannot count the source&apos;s mail: %1</source>
        <translation>Die E-Mails der Quelle können nicht gezählt werden: %1</translation>
    </message>
</context>
<context>
    <name>SourceRepository</name>
    <message>
        <source>Give the source a name.</source>
        <translation>Geben Sie der Quelle einen Namen.</translation>
    </message>
    <message>
        <source>Enter the IMAP server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des IMAP-Servers ein.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>Enter the user name for the mail account.</source>
        <translation>Geben Sie den Benutzernamen des E-Mail-Kontos ein.</translation>
    </message>
    <message>
        <source>Check for new mail at least once in a while: the interval must be one minute or more.</source>
        <translation>Prüfen Sie ab und zu auf neue E-Mails: Der Abstand muss mindestens eine Minute betragen.</translation>
    </message>
    <message>
        <source>A source named &quot;%1&quot; already exists. Choose another name.</source>
        <translation>Eine Quelle namens „%1“ gibt es schon. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Cannot save the source: %1</source>
        <translation>Die Quelle kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The source no longer exists.</source>
        <translation>Die Quelle gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot save the source&apos;s status: %1</source>
        <translation>Der Status der Quelle kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot remove the source: %1</source>
        <translation>Die Quelle kann nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Cannot take back the new source: %1</source>
        <translation>Die neue Quelle kann nicht zurückgenommen werden: %1</translation>
    </message>
</context>
<context>
    <name>SourceService</name>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>check interval</source>
        <translation>Prüfintervall</translation>
    </message>
    <message>
        <source>trusted certificate</source>
        <translation>vertrautes Zertifikat</translation>
    </message>
    <message>
        <source>A source named &quot;%1&quot; already exists; choose another name.</source>
        <translation>Eine Quelle namens „%1“ gibt es schon; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain, so the source was not saved: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund des Systems gespeichert werden, deshalb wurde die Quelle nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; added.</source>
        <translation>Quelle „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <source>The source no longer exists.</source>
        <translation>Die Quelle gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>fresh import from the start</source>
        <translation>neuer Import von Anfang an</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; saved without changes.</source>
        <translation>Quelle „%1“ ohne Änderungen gespeichert.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; changed: %2.</source>
        <translation>Quelle „%1“ geändert: %2.</translation>
    </message>
    <message>
        <source>Your other changes were saved, but the new password could not be stored in the system keychain: %1</source>
        <translation>Ihre übrigen Änderungen wurden gespeichert, aber das neue Passwort konnte nicht im Schlüsselbund des Systems gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Paused: no checks for new mail until you resume &quot;%1&quot;.</source>
        <translation>Pausiert: keine Prüfung auf neue E-Mails, bis Sie „%1“ fortsetzen.</translation>
    </message>
    <message>
        <source>Resumed: &quot;%1&quot; goes on importing where it stopped.</source>
        <translation>Fortgesetzt: „%1“ importiert dort weiter, wo es aufgehört hat.</translation>
    </message>
    <message>
        <source>Resumed: &quot;%1&quot; checks for new mail again.</source>
        <translation>Fortgesetzt: „%1“ prüft wieder auf neue E-Mails.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is paused: resume it to sync.</source>
        <translation>„%1“ ist pausiert: Setzen Sie es fort, um zu synchronisieren.</translation>
    </message>
    <message numerus="yes">
        <source>Source &quot;%1&quot; now checks for new mail every %n minute(s).</source>
        <translation>
            <numerusform>Quelle „%1“ prüft jetzt jede Minute auf neue E-Mails.</numerusform>
            <numerusform>Quelle „%1“ prüft jetzt alle %n Minuten auf neue E-Mails.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no certificate to trust.</source>
        <translation>Es gibt kein Zertifikat, dem vertraut werden könnte.</translation>
    </message>
    <message>
        <source>You trusted the certificate of %1 (SHA-256 %2).</source>
        <translation>Sie haben dem Zertifikat von %1 vertraut (SHA-256 %2).</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; removed; its mail stays in the archive.</source>
        <translation>Quelle „%1“ entfernt; ihre E-Mails bleiben im Archiv.</translation>
    </message>
    <message>
        <source>%1 was removed; its mail stays in the archive, under Removed sources.</source>
        <translation>%1 wurde entfernt; die E-Mails bleiben im Archiv, unter „Entfernte Quellen“.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) deleted</source>
        <translation>
            <numerusform>%Ln Nachricht gelöscht</numerusform>
            <numerusform>%Ln Nachrichten gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) kept because another source also holds them</source>
        <translation>
            <numerusform>%Ln Nachricht behalten, weil eine andere Quelle sie ebenfalls enthält</numerusform>
            <numerusform>%Ln Nachrichten behalten, weil eine andere Quelle sie ebenfalls enthält</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail of the removed source &quot;%1&quot; deleted: %2, %3.</source>
        <translation>E-Mails der entfernten Quelle „%1“ gelöscht: %2, %3.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; and its mail removed: %2, %3.</source>
        <translation>Quelle „%1“ und ihre E-Mails entfernt: %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 was removed with its mail: %Ln message(s) deleted.</source>
        <translation>
            <numerusform>%1 wurde mit den E-Mails entfernt: %Ln Nachricht gelöscht.</numerusform>
            <numerusform>%1 wurde mit den E-Mails entfernt: %Ln Nachrichten gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stay because another source also holds them.</source>
        <translation>
            <numerusform>%Ln Nachricht bleibt, weil eine andere Quelle sie ebenfalls enthält.</numerusform>
            <numerusform>%Ln Nachrichten bleiben, weil eine andere Quelle sie ebenfalls enthält.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its password could not be removed from the system keychain: %1</source>
        <translation>Das Passwort konnte nicht aus dem Schlüsselbund des Systems entfernt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The mail of %1 was deleted: %Ln message(s).</source>
        <translation>
            <numerusform>Die E-Mails von %1 wurden gelöscht: %Ln Nachricht.</numerusform>
            <numerusform>Die E-Mails von %1 wurden gelöscht: %Ln Nachrichten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped trusting the certificate of %1 (SHA-256 %2).</source>
        <translation>Dem Zertifikat von %1 wird nicht mehr vertraut (SHA-256 %2).</translation>
    </message>
    <message numerus="yes">
        <source>Mail of removed sources deleted: %Ln message(s); %1 kept because a current source holds them.</source>
        <translation>
            <numerusform>E-Mails entfernter Quellen gelöscht: %Ln Nachricht; %1 behalten, weil eine aktuelle Quelle sie enthält.</numerusform>
            <numerusform>E-Mails entfernter Quellen gelöscht: %Ln Nachrichten; %1 behalten, weil eine aktuelle Quelle sie enthält.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) deleted from the archive.</source>
        <translation>
            <numerusform>%Ln Nachricht aus dem Archiv gelöscht.</numerusform>
            <numerusform>%Ln Nachrichten aus dem Archiv gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stay because a current source also holds them.</source>
        <translation>
            <numerusform>%Ln Nachricht bleibt, weil eine aktuelle Quelle sie ebenfalls enthält.</numerusform>
            <numerusform>%Ln Nachrichten bleiben, weil eine aktuelle Quelle sie ebenfalls enthält.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds mail imported from files: there is no server to pause, resume or change.</source>
        <translation>„%1“ enthält aus Dateien importierte E-Mails: Es gibt keinen Server, den man anhalten, fortsetzen oder ändern könnte.</translation>
    </message>
</context>
<context>
    <name>SourceStateText</name>
    <message>
        <source>can&apos;t reach the server since %1</source>
        <translation>Server seit %1 nicht erreichbar</translation>
    </message>
    <message>
        <source>%1 · retrying at %2</source>
        <translation>%1 · neuer Versuch um %2</translation>
    </message>
    <message>
        <source>%1 · trying again now</source>
        <translation>%1 · neuer Versuch läuft</translation>
    </message>
    <message>
        <source>%1 · trying again when the network is back</source>
        <translation>%1 · neuer Versuch, sobald das Netzwerk zurück ist</translation>
    </message>
</context>
<context>
    <name>SourceSync</name>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>Der Server %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>Die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 Check the port (993 for SSL/TLS, 143 for STARTTLS) and the security setting.</source>
        <translation>%1 Prüfen Sie den Port (993 für SSL/TLS, 143 für STARTTLS) und die Sicherheitseinstellung.</translation>
    </message>
    <message>
        <source>%1 Check the server name.</source>
        <translation>%1 Prüfen Sie den Servernamen.</translation>
    </message>
    <message>
        <source>%1: could not be archived on this pass (%2)</source>
        <translation>%1: konnte in diesem Durchgang nicht archiviert werden (%2)</translation>
    </message>
    <message>
        <source>The server refused the command %1: %2</source>
        <translation>Der Server hat den Befehl %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe eines Grundes</translation>
    </message>
    <message>
        <source>The server %1 sent an answer the app cannot read (%2). Nothing archived was lost.</source>
        <translation>Der Server %1 hat eine Antwort gesendet, die die App nicht lesen kann (%2). Nichts Archiviertes ging verloren.</translation>
    </message>
    <message>
        <source>this source</source>
        <translation>diese Quelle</translation>
    </message>
    <message>
        <source>the folder %1</source>
        <translation>Ordner %1</translation>
    </message>
    <message>
        <source>The disk that holds the archive is full. Free some space, then sync again: the import continues where it stopped and nothing archived was lost.</source>
        <translation>Die Festplatte mit dem Archiv ist voll. Schaffen Sie Platz und synchronisieren Sie erneut: Der Import setzt dort fort, wo er aufgehört hat, und nichts Archiviertes ging verloren.</translation>
    </message>
    <message>
        <source>The source was removed while %1 was being archived, so nothing more was stored for it.</source>
        <translation>Die Quelle wurde entfernt, während %1 archiviert wurde; daher wurde dafür nichts mehr gespeichert.</translation>
    </message>
    <message>
        <source>A message in %1 is larger than the archive can store. The other messages were archived; the next sync tries again.</source>
        <translation>Eine Nachricht in %1 ist größer, als das Archiv speichern kann. Die übrigen Nachrichten wurden archiviert; die nächste Synchronisierung versucht es erneut.</translation>
    </message>
    <message>
        <source>The server sent more for %1 than the app can hold in memory, so the sync stopped. Nothing archived was lost; the next sync tries again.</source>
        <translation>Der Server hat für %1 mehr gesendet, als die App im Arbeitsspeicher halten kann, daher wurde die Synchronisierung angehalten. Nichts Archiviertes ging verloren; die nächste Synchronisierung versucht es erneut.</translation>
    </message>
    <message>
        <source>The archive refused what the server sent for %1 (a value it needs was missing or clashed). Nothing archived was lost; the next sync tries again.</source>
        <translation>Das Archiv hat abgelehnt, was der Server für %1 gesendet hat (ein benötigter Wert fehlte oder widersprach sich). Nichts Archiviertes ging verloren; die nächste Synchronisierung versucht es erneut.</translation>
    </message>
    <message>
        <source>Mail of %1 could not be stored in the archive: %2. Nothing archived was lost; the next sync tries again.</source>
        <translation>Nachrichten für %1 konnten nicht im Archiv gespeichert werden: %2. Nichts Archiviertes ging verloren; die nächste Synchronisierung versucht es erneut.</translation>
    </message>
    <message>
        <source>The server turned the login away because this account has too many connections open (other mail apps or devices). Close some, or wait: the app tries again by itself.</source>
        <translation>Der Server hat die Anmeldung abgewiesen, weil für dieses Konto zu viele Verbindungen offen sind (andere E-Mail-Programme oder Geräte). Schließen Sie einige oder warten Sie: Die App versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>The server rejected the user name or password. Check both; many providers require an app password here instead of the password you sign in with on the web.</source>
        <translation>Der Server hat Benutzername oder Passwort abgelehnt. Prüfen Sie beides; viele Anbieter verlangen hier ein App-Passwort statt des Passworts, mit dem Sie sich im Web anmelden.</translation>
    </message>
    <message>
        <source>%1 Its SHA-256 fingerprint is %2; trust it for this server only if it matches the one your provider publishes.</source>
        <extracomment>%2 is the fingerprint as AB:CD:…, the way browsers and providers show it</extracomment>
        <translation>%1 Sein SHA-256-Fingerabdruck ist %2; vertrauen Sie ihm für diesen Server nur, wenn er mit dem übereinstimmt, den Ihr Anbieter veröffentlicht.</translation>
    </message>
    <message>
        <source>The archive file is damaged, so nothing more was stored. Check it with &quot;openarchiver-cli verify&quot; and restore it from your latest backup.</source>
        <translation>Die Archivdatei ist beschädigt, daher wurde nichts mehr gespeichert. Prüfen Sie sie mit „openarchiver-cli verify“ und stellen Sie sie aus Ihrer letzten Sicherung wieder her.</translation>
    </message>
</context>
<context>
    <name>SourceTableModel</name>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 on %2, port %3</source>
        <translation>%1 auf %2, Port %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>synchronisiert…</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>wartet…</translation>
    </message>
    <message>
        <source>retrying %1</source>
        <translation>neuer Versuch %1</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Zuletzt synchronisiert</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>Nächste Prüfung</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 messages, %2 as on the server</source>
        <translation>%1 Nachrichten, %2 wie auf dem Server</translation>
    </message>
    <message>
        <source>%1, with a warning: %2</source>
        <translation>%1, mit Warnung: %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>when online</source>
        <translation>sobald online</translation>
    </message>
    <message>
        <source>%1
New mail in the INBOX is archived as it arrives.</source>
        <translation>%1
Neue E-Mails im Posteingang werden beim Eintreffen archiviert.</translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <translation>wartet auf das Netzwerk</translation>
    </message>
</context>
<context>
    <name>SourceValidation</name>
    <message>
        <source>Give the source a name, for example &quot;Work mail&quot;.</source>
        <translation>Geben Sie der Quelle einen Namen, zum Beispiel „Arbeit“.</translation>
    </message>
    <message>
        <source>Keep the name under 100 characters.</source>
        <translation>Der Name darf höchstens 100 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Enter the IMAP server&apos;s name, for example imap.example.com.</source>
        <translation>Geben Sie den Namen des IMAP-Servers ein, zum Beispiel imap.example.com.</translation>
    </message>
    <message>
        <source>Enter only the server&apos;s name, without &quot;imaps://&quot; or a path.</source>
        <translation>Geben Sie nur den Namen des Servers ein, ohne „imaps://“ oder Pfad.</translation>
    </message>
    <message>
        <source>This looks like an email address; enter the server&apos;s name, for example imap.example.com.</source>
        <translation>Das sieht nach einer E-Mail-Adresse aus; geben Sie den Namen des Servers ein, zum Beispiel imap.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid server name: use letters, digits, hyphens and dots.</source>
        <translation>„%1“ ist kein gültiger Servername: Verwenden Sie Buchstaben, Ziffern, Bindestriche und Punkte.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535 (usually 993 for SSL/TLS, 143 for STARTTLS).</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein (meist 993 für SSL/TLS, 143 für STARTTLS).</translation>
    </message>
    <message>
        <source>Enter the user name of the mail account, usually the full email address.</source>
        <translation>Geben Sie den Benutzernamen des E-Mail-Kontos ein, meist die vollständige E-Mail-Adresse.</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>last sync: %1</source>
        <translation>letzte Synchronisierung: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>letzter Fehler: %1</translation>
    </message>
    <message>
        <source>server %1 · archived %2 · %3</source>
        <translation>Server %1 · archiviert %2 · %3</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>No sources.</source>
        <translation>Keine Quellen.</translation>
    </message>
    <message>
        <source>failing since %1</source>
        <translation>schlägt fehl seit %1</translation>
    </message>
    <message numerus="yes">
        <source>holds %Ln message(s)</source>
        <translation>
            <numerusform>enthält %Ln Nachricht</numerusform>
            <numerusform>enthält %Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>archive: %Ln message(s), %1 as on the servers</source>
        <translation>
            <numerusform>Archiv: %Ln Nachricht, %1 wie auf den Servern</numerusform>
            <numerusform>Archiv: %Ln Nachrichten, %1 wie auf den Servern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>including mail kept from %n removed source(s)</source>
        <translation>
            <numerusform>einschließlich E-Mails aus %n entfernten Quelle</numerusform>
            <numerusform>einschließlich E-Mails aus %n entfernten Quellen</numerusform>
        </translation>
    </message>
    <message>
        <source>last error (%1): %2</source>
        <translation>letzter Fehler (%1): %2</translation>
    </message>
    <message>
        <source>imported from files</source>
        <translation>aus Dateien importiert</translation>
    </message>
</context>
<context>
    <name>StoreStage</name>
    <message>
        <source>An earlier batch could not be stored.</source>
        <translation>Ein früherer Stapel konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The import stopped before this batch was stored.</source>
        <translation>Der Import wurde angehalten, bevor dieser Stapel gespeichert war.</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>Only this source.</source>
        <translation>Nur diese Quelle.</translation>
    </message>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation>Es gibt keine Quelle namens „%1“.</translation>
    </message>
    <message>
        <source>%1 · %2: %3 of %4 messages</source>
        <translation>%1 · %2: %3 von %4 Nachrichten</translation>
    </message>
    <message>
        <source>Technical details: %1</source>
        <translation>Technische Einzelheiten: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds mail imported from files: there is no server to sync it with.</source>
        <translation>„%1“ enthält aus Dateien importierte E-Mails: Es gibt keinen Server, mit dem synchronisiert werden könnte.</translation>
    </message>
</context>
<context>
    <name>SyncFailure</name>
    <message>
        <source>Password rejected</source>
        <translation>Passwort abgelehnt</translation>
    </message>
    <message>
        <source>Password not available</source>
        <translation>Passwort nicht verfügbar</translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation>Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>Connection not secured</source>
        <translation>Verbindung nicht gesichert</translation>
    </message>
    <message>
        <source>Server not found</source>
        <translation>Server nicht gefunden</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>Server not answering</source>
        <translation>Server antwortet nicht</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Too many connections</source>
        <translation>Zu viele Verbindungen</translation>
    </message>
    <message>
        <source>Server refused a request</source>
        <translation>Server hat eine Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Unreadable server reply</source>
        <translation>Unlesbare Serverantwort</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>Datenträger voll</translation>
    </message>
    <message>
        <source>Archive damaged</source>
        <translation>Archiv beschädigt</translation>
    </message>
    <message>
        <source>Mail not stored</source>
        <translation>E-Mail nicht gespeichert</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>SyncRecorder</name>
    <message>
        <source>Sync started.</source>
        <translation>Synchronisierung gestartet.</translation>
    </message>
    <message>
        <source>%1: %2 new messages; server %3, archived %4 · %5.</source>
        <translation>%1: %2 neue Nachrichten; Server %3, archiviert %4 · %5.</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message numerus="yes">
        <source>%1: stopped after storing %n new message(s); the next sync continues where this one stopped.</source>
        <translation>
            <numerusform>%1: angehalten nach %n neuen gespeicherten Nachricht; die nächste Synchronisierung macht dort weiter.</numerusform>
            <numerusform>%1: angehalten nach %n neuen gespeicherten Nachrichten; die nächste Synchronisierung macht dort weiter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Progress of a copy: &quot;1.2 GB of 10.2 GB&quot;.</extracomment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>TlsError</name>
    <message>
        <source>The secure connection could not be established: %1</source>
        <extracomment>%1 is the TLS library&apos;s reason</extracomment>
        <translation>Die sichere Verbindung konnte nicht aufgebaut werden: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <extracomment>%1 lists the certificate problems</extracomment>
        <translation>Dem Zertifikat des Servers wird nicht vertraut: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid for &quot;%1&quot;.</source>
        <extracomment>%1 is the server name the certificate was checked against</extracomment>
        <translation>Das Zertifikat des Servers gilt nicht für „%1“.</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS (greeting: %1).</source>
        <extracomment>%1 is the server&apos;s greeting line</extracomment>
        <translation>Der Server bietet kein STARTTLS an (Begrüßung: %1).</translation>
    </message>
    <message>
        <source>The server refused STARTTLS: %1</source>
        <extracomment>%1 is the server&apos;s reply to STARTTLS</extracomment>
        <translation>Der Server hat STARTTLS abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server broke the STARTTLS exchange: %1</source>
        <extracomment>%1 says what the server did wrong</extracomment>
        <translation>Der Server hat den STARTTLS-Austausch gestört: %1</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Open %1</source>
        <translation>%1 ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Sync All Now</source>
        <translation>Alle jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Pause All</source>
        <translation>Alle &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Resume All</source>
        <translation>Alle &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Show &amp;Notifications</source>
        <translation>Be&amp;nachrichtigungen zeigen</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>No ingestion sources</source>
        <translation>Keine Importquellen</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message>
        <source>syncing %1</source>
        <translation>synchronisiert %1</translation>
    </message>
    <message numerus="yes">
        <source>%n syncing</source>
        <translation>
            <numerusform>%n synchronisiert</numerusform>
            <numerusform>%n synchronisieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n braucht Aufmerksamkeit</numerusform>
            <numerusform>%n brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n can&apos;t reach the server</source>
        <translation>
            <numerusform>%n erreicht den Server nicht</numerusform>
            <numerusform>%n erreichen den Server nicht</numerusform>
        </translation>
    </message>
    <message>
        <source>all paused</source>
        <translation>alle pausiert</translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n pausiert</numerusform>
            <numerusform>%n pausiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2</source>
        <extracomment>The tray icon&apos;s tooltip: the app&apos;s name, then its parts joined by &quot; · &quot;.</extracomment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>VerifyCommand</name>
    <message>
        <source>Verifying %1 of %2 messages…</source>
        <translation>Prüfe Nachricht %1 von %2 …</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Archives your email from any IMAP server into a local archive.</source>
        <translation>Archiviert Ihre E-Mails von jedem IMAP-Server in ein lokales Archiv.</translation>
    </message>
    <message>
        <source>Use the archive file &lt;path&gt; instead of your own.</source>
        <translation>Die Archivdatei &lt;path&gt; statt Ihrer eigenen verwenden.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>pfad</translation>
    </message>
    <message>
        <source>Cannot Open the Archive</source>
        <translation>Das Archiv kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

Archive file: %2</source>
        <translation>%1

Archivdatei: %2</translation>
    </message>
    <message>
        <source>Start in the system tray, without opening the window.</source>
        <translation>Im Infobereich starten, ohne das Fenster zu öffnen.</translation>
    </message>
    <message>
        <source>Already Running</source>
        <translation>Läuft bereits</translation>
    </message>
    <message>
        <source>%1 is already running for this archive but does not answer. If it does not appear, end it and start again.

Archive file: %2</source>
        <translation>%1 läuft bereits für dieses Archiv, antwortet aber nicht. Wenn es nicht erscheint, beenden Sie es und starten Sie es erneut.

Archivdatei: %2</translation>
    </message>
</context>
</TS>
