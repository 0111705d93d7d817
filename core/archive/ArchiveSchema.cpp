#include "ArchiveSchema.h"

#include "AboutThisFile.h"

#include "SearchIndexReindex.h"
#include "SqlTransaction.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace ArchiveSchema {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveSchema)
};

// Migration N takes the schema from version N-1 to N. Never edit one that
// has shipped: add another.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> migrations = {
        // 1: the first archive.
        {
            QStringLiteral(R"(CREATE TABLE sources (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                created_at INTEGER NOT NULL
            ))"),
            QStringLiteral(R"(CREATE TABLE folders (
                id INTEGER PRIMARY KEY,
                source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                delimiter TEXT,
                special_use TEXT,
                uidvalidity INTEGER,
                uidnext INTEGER,
                last_uid INTEGER NOT NULL DEFAULT 0,
                highestmodseq INTEGER,
                server_count INTEGER,
                selected INTEGER NOT NULL DEFAULT 1,
                UNIQUE (source_id, path)
            ))"),
            // The exact bytes, compressed, keyed by the SHA-256 of the bytes.
            QStringLiteral(R"(CREATE TABLE blobs (
                id INTEGER PRIMARY KEY,
                sha256 BLOB NOT NULL UNIQUE,
                raw_size INTEGER NOT NULL,
                compression INTEGER NOT NULL,
                data BLOB NOT NULL
            ))"),
            // What people see and search, parsed once from the blob.
            QStringLiteral(R"(CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                blob_id INTEGER NOT NULL UNIQUE REFERENCES blobs(id),
                message_id_header TEXT,
                in_reply_to TEXT,
                reference_ids TEXT,
                subject TEXT NOT NULL DEFAULT '',
                from_name TEXT NOT NULL DEFAULT '',
                from_address TEXT NOT NULL DEFAULT '',
                recipients TEXT NOT NULL DEFAULT '',
                date INTEGER NOT NULL,
                date_from_header INTEGER NOT NULL,
                size INTEGER NOT NULL,
                has_attachments INTEGER NOT NULL DEFAULT 0,
                snippet TEXT NOT NULL DEFAULT '',
                parse_status INTEGER NOT NULL DEFAULT 0,
                parse_problem TEXT
            ))"),
            QStringLiteral("CREATE INDEX messages_date ON messages (date DESC, id DESC)"),
            QStringLiteral("CREATE INDEX messages_message_id ON messages (message_id_header)"),
            // Where a message was found. A message deleted on the server keeps
            // its location (server_deleted_at set) and stays in the archive.
            QStringLiteral(R"(CREATE TABLE locations (
                id INTEGER PRIMARY KEY,
                folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
                uid INTEGER NOT NULL,
                message_id INTEGER NOT NULL REFERENCES messages(id),
                flags TEXT NOT NULL DEFAULT '',
                internal_date INTEGER,
                message_date INTEGER NOT NULL,
                server_deleted_at INTEGER,
                UNIQUE (folder_id, uid)
            ))"),
            QStringLiteral("CREATE INDEX locations_message ON locations (message_id)"),
            // Keyset pagination of a folder by date: (folder, date, id).
            QStringLiteral(
                "CREATE INDEX locations_folder_date ON locations (folder_id, message_date DESC, message_id DESC)"),
            QStringLiteral(R"(CREATE TABLE attachments (
                id INTEGER PRIMARY KEY,
                message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
                part_path TEXT NOT NULL,
                filename TEXT NOT NULL DEFAULT '',
                mime_type TEXT NOT NULL DEFAULT '',
                size INTEGER NOT NULL DEFAULT 0,
                is_inline INTEGER NOT NULL DEFAULT 0,
                content_id TEXT
            ))"),
            QStringLiteral("CREATE INDEX attachments_message ON attachments (message_id)"),
            // Contentless: the index only. The text is in the blob already,
            // and storing it twice would make the archive bigger than the mail.
            QStringLiteral(R"(CREATE VIRTUAL TABLE message_fts USING fts5 (
                subject, sender, recipients, body, attachment_names,
                content = '',
                tokenize = 'unicode61 remove_diacritics 2'
            ))"),
            QStringLiteral(R"(CREATE TABLE events (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
                kind TEXT NOT NULL,
                message TEXT NOT NULL DEFAULT '',
                details TEXT
            ))"),
            QStringLiteral("CREATE INDEX events_source ON events (source_id, id)"),
            // An append-only log: rows are never changed or removed.
            QStringLiteral(R"(CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END)"),
            QStringLiteral(R"(CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END)"),
        },
        // 2: per-archive zstd dictionaries for small messages.
        {
            QStringLiteral(R"(CREATE TABLE compression_dictionaries (
                id INTEGER PRIMARY KEY,
                created_at INTEGER NOT NULL,
                data BLOB NOT NULL
            ))"),
            QStringLiteral(
                "ALTER TABLE blobs ADD COLUMN dictionary_id INTEGER REFERENCES compression_dictionaries(id)"),
        },
        // 3: what an ingestion source needs to connect and to be shown.
        {
            QStringLiteral("ALTER TABLE sources ADD COLUMN provider TEXT NOT NULL DEFAULT 'generic'"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN host TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN port INTEGER NOT NULL DEFAULT 993"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN security TEXT NOT NULL DEFAULT 'tls'"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN username TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN folder_scope TEXT NOT NULL DEFAULT 'inbox'"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN chosen_folders TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN check_interval_minutes INTEGER NOT NULL DEFAULT 5"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN status TEXT NOT NULL DEFAULT 'importing'"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN last_error TEXT"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN pinned_sha256 TEXT"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN updated_at INTEGER"),
            QStringLiteral("ALTER TABLE sources ADD COLUMN last_sync_at INTEGER"),
            // Set when the user removed the source but kept its mail: the
            // mail stays browsable, the source no longer syncs or shows.
            QStringLiteral("ALTER TABLE sources ADD COLUMN removed_at INTEGER"),
        },
        // 4: the proof of completeness of each folder's last pass.
        {
            QStringLiteral("ALTER TABLE folders ADD COLUMN archived_of_server INTEGER"),
            QStringLiteral("ALTER TABLE folders ADD COLUMN verified_at INTEGER"),
        },
        // 5: the archive's own identity. Keychain entries are named after it,
        // so that two archives (or two test runs) never share a password slot.
        // A copy of the file restored from a backup keeps it, and so finds
        // its passwords again.
        {
            QStringLiteral(R"(CREATE TABLE archive_info (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID)"),
            QStringLiteral("INSERT INTO archive_info (key, value) VALUES ('archive_id', lower(hex(randomblob(16))))"),
        },
        // 6: blobs may hold packed messages (BlobCodec::Compression 3 and 4,
        // Base64Packing.h). No table changes: the version is raised so that
        // an older app refuses the archive instead of calling those messages
        // damaged.
        {},
        // 7: folders keep the server's name as bytes (`name`; NULL in rows
        // written before, filled in by the next pass) with `path` only for
        // display, so a name that is not valid modified UTF-7 still goes back
        // exactly. A folder renumbered by the server (new UIDVALIDITY) keeps
        // its old locations in a retired row (`retired_at`), so mail deleted
        // on the server meanwhile stays reachable. Both need the old
        // UNIQUE (source_id, path) gone, hence the rebuild (RebuildMigrations).
        // `last_error` says why a folder's last pass failed; `message_failures`
        // names each message a pass could not archive, and why.
        {
            QStringLiteral(R"(CREATE TABLE folders_v7 (
                id INTEGER PRIMARY KEY,
                source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                name BLOB,
                delimiter TEXT,
                special_use TEXT,
                uidvalidity INTEGER,
                uidnext INTEGER,
                last_uid INTEGER NOT NULL DEFAULT 0,
                highestmodseq INTEGER,
                server_count INTEGER,
                selected INTEGER NOT NULL DEFAULT 1,
                archived_of_server INTEGER,
                verified_at INTEGER,
                retired_at INTEGER,
                last_error TEXT
            ))"),
            QStringLiteral(R"(INSERT INTO folders_v7 (id, source_id, path, delimiter, special_use, uidvalidity,
                uidnext, last_uid, highestmodseq, server_count, selected, archived_of_server, verified_at)
                SELECT id, source_id, path, delimiter, special_use, uidvalidity, uidnext, last_uid, highestmodseq,
                server_count, selected, archived_of_server, verified_at FROM folders)"),
            QStringLiteral("DROP TABLE folders"),
            QStringLiteral("ALTER TABLE folders_v7 RENAME TO folders"),
            QStringLiteral("CREATE UNIQUE INDEX folders_live_name ON folders (source_id, name) "
                           "WHERE retired_at IS NULL AND name IS NOT NULL"),
            QStringLiteral("CREATE INDEX folders_source ON folders (source_id, path)"),
            QStringLiteral(R"(CREATE TABLE message_failures (
                folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
                uid INTEGER NOT NULL,
                size INTEGER,
                reason TEXT NOT NULL,
                first_at INTEGER NOT NULL,
                last_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (folder_id, uid)
            ) WITHOUT ROWID)"),
        },
        // 8: since when a source's passes have been failing (NULL while they
        // work). A server that is down for a while leaves the source Active
        // or Importing with a warning; only failing for longer than a day
        // (SyncManager::setErrorAfter) makes it an Error.
        {
            QStringLiteral("ALTER TABLE sources ADD COLUMN failing_since INTEGER"),
        },
        // 9: certificates the user trusts are kept per server (host and port),
        // like a mail client's security exceptions, so a second source on the
        // same server does not ask again (CertificateExceptions). Each live
        // source's pin becomes its server's exception (the most recently
        // changed source wins when two disagree), and the pins of that
        // server's sources are cleared: the exception is what they use.
        {
            QStringLiteral(R"(CREATE TABLE certificate_exceptions (
                host TEXT NOT NULL,
                port INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                subject TEXT NOT NULL DEFAULT '',
                issuer TEXT NOT NULL DEFAULT '',
                valid_from INTEGER,
                valid_until INTEGER,
                added_at INTEGER NOT NULL,
                PRIMARY KEY (host, port)
            ) WITHOUT ROWID)"),
            QStringLiteral(R"(INSERT OR IGNORE INTO certificate_exceptions (host, port, sha256, added_at)
                SELECT lower(trim(host)), port, lower(replace(trim(pinned_sha256), ':', '')),
                       COALESCE(updated_at, created_at)
                FROM sources
                WHERE removed_at IS NULL AND trim(host) != '' AND trim(COALESCE(pinned_sha256, '')) != ''
                ORDER BY COALESCE(updated_at, created_at) DESC, id DESC)"),
            QStringLiteral(R"(UPDATE sources SET pinned_sha256 = NULL
                WHERE pinned_sha256 IS NOT NULL AND EXISTS (SELECT 1 FROM certificate_exceptions e
                    WHERE e.host = lower(trim(sources.host)) AND e.port = sources.port))"),
        },
        // 10, two changes of one release:
        // - one index per sort key of the message list, so that the first
        //   rows of All mail sorted by sender, subject or size, or a Sent
        //   folder by recipients, come from an index walk instead of sorting
        //   a million rows (MessageListStatement). Each key is written
        //   exactly as the list's ORDER BY writes it; the id makes the order
        //   total, as the keyset pages need. About 2 % of the archive's size
        //   (186 MB of 10 GB at a million messages).
        // - the search index takes only the start of a huge body
        //   (SearchIndexEntry::IndexedBodyChars); the entries of longer
        //   bodies are indexed again by code (codeStep).
        {
            QStringLiteral("CREATE INDEX messages_correspondent ON messages "
                           "((CASE WHEN from_name <> '' THEN from_name ELSE from_address END) COLLATE NOCASE, id)"),
            QStringLiteral("CREATE INDEX messages_recipients ON messages (recipients COLLATE NOCASE, id)"),
            QStringLiteral("CREATE INDEX messages_subject ON messages (subject COLLATE NOCASE, id)"),
            QStringLiteral("CREATE INDEX messages_size ON messages (size, id)"),
        },
        // 11: the archive describes itself (AboutThisFile): a README, the
        // format's specification and the reference reader in a table of
        // their own, rewritten by every later upgrade. New blobs' zstd
        // frames carry their checksum (BlobCodec); older frames have none,
        // and read as before.
        {
            QStringLiteral(R"(CREATE TABLE about_this_file (
                name TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                text TEXT NOT NULL
            ) WITHOUT ROWID)"),
        },
        // 12: a source's last error keeps its kind (SyncFailure::key:
        // "authentication", "disk-full", …) next to its words, so the app can
        // offer the fix that fits and tell a new problem from the same one
        // said again. Errors from before have no kind: "other".
        {
            QStringLiteral("ALTER TABLE sources ADD COLUMN last_error_kind TEXT"),
            QStringLiteral("UPDATE sources SET last_error_kind = 'other' WHERE last_error IS NOT NULL "
                           "AND (status = 'error' OR failing_since IS NOT NULL)"),
        },
    };
    return migrations;
}

// Migrations that rebuild a table another one refers to: they run with
// foreign keys off (dropping the old table would otherwise cascade into its
// children), and foreign_key_check must find nothing before they commit.
bool rebuildsTables(int version)
{
    return version == 7;
}

// What a migration does beyond its statements, in the same transaction:
// work SQL alone cannot do. Null for most.
using CodeStep = bool (*)(QSqlDatabase& db, QString* error);

CodeStep codeStep(int version)
{
    return version == 10 ? &SearchIndexReindex::run : nullptr;
}

// The first format with the table about_this_file.
constexpr int FirstDescribedVersion = 11;

// The version is the number of migrations: they cannot disagree.
const int LatestVersion = static_cast<int>(migrations().size());

} // namespace

int currentVersion()
{
    return LatestVersion;
}

QString tooNewMessage(int found)
{
    return Tr::tr("This archive was written by a newer version of OpenArchiver Desktop (archive format %1; this "
                  "version understands up to %2). Update the app to open it; the archive was not changed.")
        .arg(found)
        .arg(LatestVersion);
}

int version(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

bool migrate(QSqlDatabase& db, QString* error, int targetVersion)
{
    if (targetVersion < 0) {
        targetVersion = LatestVersion;
    }
    const int from = version(db);
    if (from < 0) {
        *error = Tr::tr("Cannot read the archive's version: %1").arg(db.lastError().text());
        return false;
    }
    if (from > LatestVersion) {
        *error = tooNewMessage(from);
        return false;
    }
    for (int next = from + 1; next <= targetVersion; ++next) {
        const bool rebuild = rebuildsTables(next);
        QSqlQuery pragma(db);
        // Outside the transaction: SQLite ignores the switch inside one.
        if (rebuild && !pragma.exec(QStringLiteral("PRAGMA foreign_keys = OFF"))) {
            *error = Tr::tr("Cannot upgrade the archive to format %1: %2").arg(next).arg(pragma.lastError().text());
            return false;
        }
        const auto foreignKeysBack = qScopeGuard([&] {
            if (rebuild) {
                pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
            }
        });
        SqlTransaction transaction(db);
        if (!transaction.isActive()) {
            *error = Tr::tr("Cannot upgrade the archive: %1").arg(transaction.errorText());
            return false;
        }
        QSqlQuery query(db);
        for (const QString& statement : migrations().at(next - 1)) {
            if (!query.exec(statement)) {
                *error = Tr::tr("Cannot upgrade the archive to format %1: %2").arg(next).arg(query.lastError().text());
                return false;
            }
        }
        if (const CodeStep step = codeStep(next)) {
            QString stepError;
            if (!step(db, &stepError)) {
                *error = Tr::tr("Cannot upgrade the archive to format %1: %2").arg(next).arg(stepError);
                return false;
            }
        }
        // The last step of an upgrade (or of creating the archive) leaves
        // this version's description of the format in it.
        if (next == targetVersion && next >= FirstDescribedVersion) {
            QString aboutError;
            if (!AboutThisFile::write(db, next, &aboutError)) {
                *error = Tr::tr("Cannot upgrade the archive to format %1: %2").arg(next).arg(aboutError);
                return false;
            }
        }
        if (rebuild && (!query.exec(QStringLiteral("PRAGMA foreign_key_check")) || query.next())) {
            *error = Tr::tr("Cannot upgrade the archive to format %1: a reference between its tables does not "
                            "hold; the archive was not changed.")
                         .arg(next);
            return false;
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(next)) || !transaction.commit()) {
            *error = Tr::tr("Cannot upgrade the archive to format %1: %2")
                         .arg(next)
                         .arg(query.lastError().text() + transaction.errorText());
            return false;
        }
    }
    return true;
}

} // namespace ArchiveSchema
