#pragma once

#include "FolderImporter.h"
#include "SyncCounts.h"
#include "imap/TlsPolicy.h"
#include "sources/IngestionSource.h"
#include "values/SyncFailure.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class Archive;
class CancelToken;
class MessageStore;
struct RemoteFolder;

// One complete pass over a source, blocking, on the calling thread: connect
// and log in through our own TLS socket, list the folders in the source's
// scope and import each. The sync worker runs it on its own thread; the CLI
// runs it directly.
class SourceSync
{
    Q_DECLARE_TR_FUNCTIONS(SourceSync)

public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        SyncCounts counts;
        // Why the pass failed (neither ok nor cancelled): its kind says
        // whether it is worth retrying, its message what to check.
        SyncFailure failure;
    };

    SourceSync(Archive& archive, IngestionSource source, QString password);

    // Trust this CA in addition to the system's (tests, private servers).
    void setExtraCaCertificatesFile(const QString& path);
    std::shared_ptr<CancelToken> cancelToken() const;
    // FolderImporter::setMaxMessageBytes, for tests.
    void setMaxMessageBytes(qint64 bytes);

    Result run(const FolderImporter::Progress& progress = {});

    // How to protect the connection to `source`: its security setting, its
    // pinned certificate, and an extra CA file when given.
    static TlsPolicy tlsPolicy(const IngestionSource& source, const QString& extraCaFile = {});
    // The folders of `all` that the source's scope selects.
    static QList<RemoteFolder> foldersInScope(const IngestionSource& source, const QList<RemoteFolder>& all);

private:
    // A folder could not be read on this pass: named in the result and on
    // the folder; the pass goes on with the next one.
    void folderFailed(MessageStore& store, const RemoteFolder& folder, const QString& error, Result& result);

    Archive& m_archive;
    IngestionSource m_source;
    QString m_password;
    QString m_extraCaFile;
    QString m_currentFolder; // named in a storage failure
    qint64 m_maxMessageBytes = FolderImporter::DefaultMaxMessageBytes;
    std::shared_ptr<CancelToken> m_token;
};
