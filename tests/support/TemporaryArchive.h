#pragma once

#include "archive/Archive.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveTypes.h"
#include "archive/MessageStore.h"

#include <QTemporaryDir>

#include <memory>

struct GeneratedMessage;

// A fresh archive file in a temporary directory, opened on this thread, with
// helpers to fill it the way a sync would.
class TemporaryArchive
{
public:
    TemporaryArchive();
    ~TemporaryArchive();

    bool isOpen() const;
    QString error() const;
    Archive& archive();
    QString path() const;

    // Creates source and folder on first use; returns the folder id.
    qint64 folder(const QString& source, const QString& path);
    // Stores one batch into the folder with consecutive UIDs after its
    // checkpoint, advancing the checkpoint. Returns false with error().
    bool store(qint64 folderId, const QList<GeneratedMessage>& messages);

private:
    QTemporaryDir m_directory;
    std::unique_ptr<Archive> m_archive;
    std::unique_ptr<MessageStore> m_store; // one, like a sync worker: it trains the dictionary
    bool m_open = false;
    QString m_error;
};
