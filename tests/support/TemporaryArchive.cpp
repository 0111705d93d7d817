#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "archive/MessageStore.h"

TemporaryArchive::TemporaryArchive()
{
    m_archive = std::make_unique<Archive>(m_directory.filePath(QStringLiteral("archive.sqlite")));
    m_open = m_directory.isValid() && m_archive->open(&m_error);
    if (m_open) {
        m_store = std::make_unique<MessageStore>(m_archive->store());
    }
}

TemporaryArchive::~TemporaryArchive()
{
    m_store.reset();
    m_archive->closeConnection();
}

bool TemporaryArchive::isOpen() const
{
    return m_open;
}

QString TemporaryArchive::error() const
{
    return m_error;
}

Archive& TemporaryArchive::archive()
{
    return *m_archive;
}

QString TemporaryArchive::path() const
{
    return m_archive->path();
}

qint64 TemporaryArchive::folder(const QString& source, const QString& path)
{
    MessageStore& store = *m_store;
    const qint64 sourceId = store.ensureSource(source, &m_error);
    return sourceId ? store.ensureFolder(sourceId, path.toUtf8(), path, QStringLiteral("/"), &m_error) : 0;
}

bool TemporaryArchive::store(qint64 folderId, const QList<GeneratedMessage>& messages)
{
    MessageStore& store = *m_store;
    FolderCheckpoint checkpoint = store.checkpoint(folderId);
    checkpoint.uidValidity = checkpoint.uidValidity ? checkpoint.uidValidity : 1;
    QList<PreparedMessage> prepared;
    for (const GeneratedMessage& message : messages) {
        FetchedMessage fetched;
        fetched.uid = ++checkpoint.lastUid;
        fetched.raw = message.raw;
        fetched.internalDate = message.internalDate;
        if (message.seen) {
            fetched.flags << QStringLiteral("\\Seen");
        }
        prepared << MessageStore::prepare(fetched, store.dictionary());
    }
    checkpoint.uidNext = checkpoint.lastUid + 1;
    StoreResult result;
    return store.storeBatch(prepared, checkpoint, &result, &m_error);
}
