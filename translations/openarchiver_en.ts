<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArchiveBackup</name>
    <message numerus="yes">
        <source>Backed up %Ln message(s) (%2) to %3.</source>
        <extracomment>%2 is a size such as &quot;12.4 MB&quot;, %3 the backup file.</extracomment>
        <translation>
            <numerusform>Backed up %Ln message (%2) to %3.</numerusform>
            <numerusform>Backed up %Ln messages (%2) to %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed source(s)</source>
        <translation>
            <numerusform>%n removed source</numerusform>
            <numerusform>%n removed sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n removed source(s))</source>
        <extracomment>%1 is &quot;2 sources&quot;; the sources removed with their mail kept follow.</extracomment>
        <translation>
            <numerusform>%1 (and %n removed source)</numerusform>
            <numerusform>%1 (and %n removed sources)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The archive holds %Ln message(s) from %1, in %2 on this computer.</source>
        <extracomment>%1 is &quot;2 sources&quot;, possibly followed by &quot;(and 1 removed source)&quot;; %2 the size of the archive file.</extracomment>
        <translation>
            <numerusform>The archive holds %Ln message from %1, in %2 on this computer.</numerusform>
            <numerusform>The archive holds %Ln messages from %1, in %2 on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln message(s) matching “%1” in %2</source>
        <extracomment>%1 is what was typed in the search box, %2 where it searched.</extracomment>
        <translation>
            <numerusform>All %Ln message matching “%1” in %2</numerusform>
            <numerusform>All %Ln messages matching “%1” in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln message(s) from the archive?</source>
        <translation>
            <numerusform>Delete %Ln message from the archive?</numerusform>
            <numerusform>Delete %Ln messages from the archive?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stay, because a current source also holds them.</source>
        <translation>
            <numerusform>%Ln message stays, because a current source also holds it.</numerusform>
            <numerusform>%Ln messages stay, because a current source also holds them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchiveReader</name>
    <message numerus="yes">
        <source>complete except %n message(s) (%1)</source>
        <translation>
            <numerusform>complete except %n message (%1)</numerusform>
            <numerusform>complete except %n messages (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not archived</source>
        <translation>
            <numerusform>%n not archived</numerusform>
            <numerusform>%n not archived</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchiveVerifier</name>
    <message numerus="yes">
        <source>%n message(s) read back and compared with their SHA-256.</source>
        <translation>
            <numerusform>%n message read back and compared with their SHA-256.</numerusform>
            <numerusform>%n messages read back and compared with their SHA-256.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) do not read back to the bytes that were stored.</source>
        <translation>
            <numerusform>%n message does not read back to the bytes that were stored.</numerusform>
            <numerusform>%n messages do not read back to the bytes that were stored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) between tables point to nothing.</source>
        <translation>
            <numerusform>%n reference between tables points to nothing.</numerusform>
            <numerusform>%n references between tables point to nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The search index is inconsistent (%n message(s) missing from it).</source>
        <translation>
            <numerusform>The search index is inconsistent (%n message missing from it).</numerusform>
            <numerusform>The search index is inconsistent (%n messages missing from it).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message location(s) lie beyond their folder&apos;s recorded progress.</source>
        <translation>
            <numerusform>%n message location lies beyond its folder&apos;s recorded progress.</numerusform>
            <numerusform>%n message locations lie beyond their folder&apos;s recorded progress.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) have no stored content.</source>
        <translation>
            <numerusform>%n message has no stored content.</numerusform>
            <numerusform>%n messages have no stored content.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n of them cut short (truncated).</source>
        <translation>
            <numerusform>  %n of them cut short (truncated).</numerusform>
            <numerusform>  %n of them cut short (truncated).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n of them with damaged compressed data (a zstd frame or its checksum).</source>
        <translation>
            <numerusform>  %n of them with damaged compressed data (a zstd frame or its checksum).</numerusform>
            <numerusform>  %n of them with damaged compressed data (a zstd frame or its checksum).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n of them decode, but not to the bytes their SHA-256 names.</source>
        <translation>
            <numerusform>  %n of them decodes, but not to the bytes its SHA-256 names.</numerusform>
            <numerusform>  %n of them decode, but not to the bytes their SHA-256 names.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more.</source>
        <translation>
            <numerusform>  … and %n more.</numerusform>
            <numerusform>  … and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message numerus="yes">
        <source>Connected to %1 (security: %2) and logged in as %3. The server has %n folder(s), %4 of them archived with All folders (not Trash and Junk); the Inbox holds %5 messages.</source>
        <translation>
            <numerusform>Connected to %1 (security: %2) and logged in as %3. The server has %n folder, %4 of them archived with All folders (not Trash and Junk); the Inbox holds %5 messages.</numerusform>
            <numerusform>Connected to %1 (security: %2) and logged in as %3. The server has %n folders, %4 of them archived with All folders (not Trash and Junk); the Inbox holds %5 messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteSourceDialog</name>
    <message numerus="yes">
        <source>All %Ln message(s) stay searchable and are listed under Removed sources; you can delete them later.</source>
        <translation>
            <numerusform>The %Ln message stays searchable and is listed under Removed sources; you can delete it later.</numerusform>
            <numerusform>All %Ln messages stay searchable and are listed under Removed sources; you can delete them later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) are deleted</source>
        <translation>
            <numerusform>%Ln message is deleted</numerusform>
            <numerusform>%Ln messages are deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) are deleted (%1).</source>
        <translation>
            <numerusform>%Ln message is deleted (%1).</numerusform>
            <numerusform>%Ln messages are deleted (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stay because other sources also hold them: %1.</source>
        <translation>
            <numerusform>%Ln message stays because other sources also hold it: %1.</numerusform>
            <numerusform>%Ln messages stay because other sources also hold them: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderImporter</name>
    <message numerus="yes">
        <source>%1: %n message(s) not archived (%2)</source>
        <translation>
            <numerusform>%1: %n message not archived (%2)</numerusform>
            <numerusform>%1: %n messages not archived (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderTreeModel</name>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <extracomment>Read by screen readers for the count column of the folder tree.</extracomment>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message numerus="yes">
        <source>%n message(s) stored by an earlier import, skipped.</source>
        <translation>
            <numerusform>%n message stored by an earlier import, skipped.</numerusform>
            <numerusform>%n messages stored by an earlier import, skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportMailDialog</name>
    <message numerus="yes">
        <source>%1 · %Ln message(s)</source>
        <extracomment>Progress of an import: &quot;1.2 GB of 10.2 GB · 12,345 messages&quot;.</extracomment>
        <translation>
            <numerusform>%1 · %Ln message</numerusform>
            <numerusform>%1 · %Ln messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeychainCredentialStore</name>
    <message numerus="yes">
        <source>the keychain did not answer within %n second(s)</source>
        <translation>
            <numerusform>the keychain did not answer within %n second</numerusform>
            <numerusform>the keychain did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailFileImport</name>
    <message numerus="yes">
        <source>%1 new, %2 already archived, %3 could not be read (%n folder(s)).</source>
        <extracomment>%1 new messages, %2 already archived, %3 unreadable; then the number of folders.</extracomment>
        <translation>
            <numerusform>%1 new, %2 already archived, %3 could not be read (%n folder).</numerusform>
            <numerusform>%1 new, %2 already archived, %3 could not be read (%n folders).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>No ingestion sources · %Ln message(s) archived</source>
        <translation>
            <numerusform>No ingestion sources · %Ln message archived</numerusform>
            <numerusform>No ingestion sources · %Ln messages archived</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syncing</source>
        <translation>
            <numerusform>%n syncing</numerusform>
            <numerusform>%n syncing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n can&apos;t reach the server</source>
        <translation>
            <numerusform>%n can&apos;t reach its server</numerusform>
            <numerusform>%n can&apos;t reach their servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) archived</source>
        <translation>
            <numerusform>%Ln message archived</numerusform>
            <numerusform>%Ln messages archived</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageExporter</name>
    <message numerus="yes">
        <source>Export cancelled after %n message(s); the files written are complete.</source>
        <translation>
            <numerusform>Export cancelled after %n message; the files written are complete.</numerusform>
            <numerusform>Export cancelled after %n messages; the files written are complete.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export stopped after %1 of %n message(s): %2</source>
        <translation>
            <numerusform>Export stopped after %1 of %n message: %2</numerusform>
            <numerusform>Export stopped after %1 of %n messages: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) (%1) to %2.</source>
        <translation>
            <numerusform>Exported %n message (%1) to %2.</numerusform>
            <numerusform>Exported %n messages (%1) to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be read from the archive: %1</source>
        <translation>
            <numerusform>%n message could not be read from the archive: %1</numerusform>
            <numerusform>%n messages could not be read from the archive: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageFailureText</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageRestore</name>
    <message numerus="yes">
        <source>Restore cancelled after %Ln message(s). Restore again to go on: what is on the server already is not sent twice.</source>
        <translation>
            <numerusform>Restore cancelled after %Ln message. Restore again to go on: what is on the server already is not sent twice.</numerusform>
            <numerusform>Restore cancelled after %Ln messages. Restore again to go on: what is on the server already is not sent twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) were restored before; restore again to go on.</source>
        <translation>
            <numerusform>%Ln message was restored before; restore again to go on.</numerusform>
            <numerusform>%Ln messages were restored before; restore again to go on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to restore: all %Ln message(s) are in the folder already.</source>
        <translation>
            <numerusform>Nothing to restore: the message is in the folder already.</numerusform>
            <numerusform>Nothing to restore: all %Ln messages are in the folder already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln message(s) (%1) to %2.</source>
        <extracomment>%1 the size of the mail, %2 the account (&quot;anna@example.org on imap.example.org&quot;).</extracomment>
        <translation>
            <numerusform>Restored %Ln message (%1) to %2.</numerusform>
            <numerusform>Restored %Ln messages (%1) to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) were there already and were not sent again.</source>
        <translation>
            <numerusform>%Ln message was there already and was not sent again.</numerusform>
            <numerusform>%Ln messages were there already and were not sent again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused %Ln message(s).</source>
        <translation>
            <numerusform>The server refused %Ln message.</numerusform>
            <numerusform>The server refused %Ln messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) could not be read from the archive.</source>
        <translation>
            <numerusform>%Ln message could not be read from the archive.</numerusform>
            <numerusform>%Ln messages could not be read from the archive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message numerus="yes">
        <source>%n remote image(s) not loaded: the archive never contacts other servers.</source>
        <translation>
            <numerusform>%n remote image not loaded: the archive never contacts other servers.</numerusform>
            <numerusform>%n remote images not loaded: the archive never contacts other servers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read with %n problem(s): %1 Show Original has the exact bytes.</source>
        <translation>
            <numerusform>Read with %n problem: %1 Show Original has the exact bytes.</numerusform>
            <numerusform>Read with %n problems, among them: %1 Show Original has the exact bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message numerus="yes">
        <source>%1: %Ln message(s) archived</source>
        <extracomment>A notification: %1 is a source&apos;s name.</extracomment>
        <translation>
            <numerusform>%1: %Ln message archived</numerusform>
            <numerusform>%1: %Ln messages archived</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln update(s) from your sources</source>
        <translation>
            <numerusform>%Ln update from your sources</numerusform>
            <numerusform>%Ln updates from your sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfferChoice</name>
    <message numerus="yes">
        <source>The %Ln &amp;selected message(s)</source>
        <translation>
            <numerusform>The &amp;selected message</numerusform>
            <numerusform>The %Ln &amp;selected messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>in %n h</numerusform>
            <numerusform>in %n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>Restore %Ln message(s) to %1, %2? This adds them to that account. Press Confirm Restore to go on.</source>
        <extracomment>%1 is the account, %2 &quot;into “Restored”&quot; or &quot;into the folders they were archived from&quot;.</extracomment>
        <translation>
            <numerusform>Restore %Ln message to %1, %2? This adds it to that account. Press Confirm Restore to go on.</numerusform>
            <numerusform>Restore %Ln messages to %1, %2? This adds them to that account. Press Confirm Restore to go on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching messages are selected.</source>
        <translation>
            <numerusform>The %Ln matching message is selected.</numerusform>
            <numerusform>All %Ln matching messages are selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select all %Ln &amp;matching</source>
        <translation>
            <numerusform>Select the %Ln &amp;matching message</numerusform>
            <numerusform>Select all %Ln &amp;matching</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message numerus="yes">
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n message found.</numerusform>
            <numerusform>%n messages found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShowCommand</name>
    <message numerus="yes">
        <source>%n remote image(s) in its HTML are not loaded by the viewer.</source>
        <translation>
            <numerusform>%n remote image in its HTML is not loaded by the viewer.</numerusform>
            <numerusform>%n remote images in its HTML are not loaded by the viewer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message numerus="yes">
        <source>%n folder(s): %1</source>
        <translation>
            <numerusform>%n folder: %1</numerusform>
            <numerusform>%n folders: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceService</name>
    <message numerus="yes">
        <source>Source &quot;%1&quot; now checks for new mail every %n minute(s).</source>
        <translation>
            <numerusform>Source &quot;%1&quot; now checks for new mail every minute.</numerusform>
            <numerusform>Source &quot;%1&quot; now checks for new mail every %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) deleted</source>
        <translation>
            <numerusform>%Ln message deleted</numerusform>
            <numerusform>%Ln messages deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) kept because another source also holds them</source>
        <translation>
            <numerusform>%Ln message kept because another source also holds it</numerusform>
            <numerusform>%Ln messages kept because another source also holds them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was removed with its mail: %Ln message(s) deleted.</source>
        <translation>
            <numerusform>%1 was removed with its mail: %Ln message deleted.</numerusform>
            <numerusform>%1 was removed with its mail: %Ln messages deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stay because another source also holds them.</source>
        <translation>
            <numerusform>%Ln message stays because another source also holds it.</numerusform>
            <numerusform>%Ln messages stay because another source also holds them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The mail of %1 was deleted: %Ln message(s).</source>
        <translation>
            <numerusform>The mail of %1 was deleted: %Ln message.</numerusform>
            <numerusform>The mail of %1 was deleted: %Ln messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mail of removed sources deleted: %Ln message(s); %1 kept because a current source holds them.</source>
        <translation>
            <numerusform>Mail of removed sources deleted: %Ln message; %1 kept because a current source holds them.</numerusform>
            <numerusform>Mail of removed sources deleted: %Ln messages; %1 kept because a current source holds them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) deleted from the archive.</source>
        <translation>
            <numerusform>%Ln message deleted from the archive.</numerusform>
            <numerusform>%Ln messages deleted from the archive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) stay because a current source also holds them.</source>
        <translation>
            <numerusform>%Ln message stays because a current source also holds it.</numerusform>
            <numerusform>%Ln messages stay because a current source also holds them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message numerus="yes">
        <source>holds %Ln message(s)</source>
        <translation>
            <numerusform>holds %Ln message</numerusform>
            <numerusform>holds %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>archive: %Ln message(s), %1 as on the servers</source>
        <translation>
            <numerusform>archive: %Ln message, %1 as on the servers</numerusform>
            <numerusform>archive: %Ln messages, %1 as on the servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>including mail kept from %n removed source(s)</source>
        <translation>
            <numerusform>including mail kept from %n removed source</numerusform>
            <numerusform>including mail kept from %n removed sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncRecorder</name>
    <message numerus="yes">
        <source>%1: stopped after storing %n new message(s); the next sync continues where this one stopped.</source>
        <translation>
            <numerusform>%1: stopped after storing %n new message; the next sync continues where this one stopped.</numerusform>
            <numerusform>%1: stopped after storing %n new messages; the next sync continues where this one stopped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syncing</source>
        <translation>
            <numerusform>%n syncing</numerusform>
            <numerusform>%n syncing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n can&apos;t reach the server</source>
        <translation>
            <numerusform>%n can&apos;t reach the server</numerusform>
            <numerusform>%n can&apos;t reach the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
</context>
</TS>
