<?xml version='1.0' encoding='utf-8'?>
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
        <source>Archives your email from any IMAP server into a local archive that you can browse, search, verify and export. Your mail server is only ever read.</source>
        <translation>Archiviert Ihre E-Mails von jedem IMAP-Server in ein lokales Archiv, das Sie durchsuchen, prüfen und exportieren können. Ihr Mailserver wird dabei nur gelesen.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later. It comes with absolutely no warranty.</source>
        <translation>Freie Software unter der GNU General Public License, Version 3 oder später. Sie wird ohne jegliche Gewährleistung bereitgestellt.</translation>
    </message>
    <message>
        <source>Built with Qt %1, vmime %2, SQLite %3 and zstd %4.</source>
        <translation>Erstellt mit Qt %1, vmime %2, SQLite %3 und zstd %4.</translation>
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
        <source>unknown command "%1".</source>
        <translation>unbekannter Befehl „%1“.</translation>
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
</context>
<context>
    <name>LibraryVersions</name>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Archives your email from any IMAP server into a local archive.</source>
        <translation>Archiviert Ihre E-Mails von jedem IMAP-Server in ein lokales Archiv.</translation>
    </message>
</context>
</TS>