#pragma once

// The fixture of the tests that run the real sync engine against
// ScriptedImapServer: an archive, a server with folders, a source pointing
// at it, one pass, and what the archive then holds.
#include "ScriptedImapDefaults.h"
#include "ScriptedImapServer.h"
#include "ScriptedReply.h"
#include "archive/Archive.h"
#include "sources/SourceRepository.h"
#include "sync/SourceSync.h"

#include <QMap>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

class ScriptedSyncTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
    }
    void TearDown() override { m_archive.closeConnection(); }

    static QByteArray message(const QByteArray& folder, quint32 uid)
    {
        const QByteArray id = QByteArray::number(uid) + '.' + folder.toLower().replace('/', '-');
        return "From: Alice Example <alice@example.org>\r\n"
               "To: Bob Example <bob@example.net>\r\n"
               "Subject: Report "
            + id
            + "\r\n"
              "Date: Sat, 17 Jul 2021 02:44:25 +0000\r\n"
              "Message-ID: <scripted-"
            + id
            + "@example.org>\r\n"
              "MIME-Version: 1.0\r\n"
              "Content-Type: text/plain; charset=UTF-8\r\n"
              "\r\n"
              "Hello Bob,\r\n"
              "\r\n"
              "the figures for "
            + id + " are attached in spirit.\r\n";
    }

    static ScriptedFolder folder(const QByteArray& name, quint32 count, const QByteArray& attributes)
    {
        ScriptedFolder folder;
        folder.name = name;
        folder.attributes = attributes;
        folder.uidValidity = 1626489865;
        for (quint32 uid = 1; uid <= count; ++uid) {
            folder.messages << ScriptedMessage {uid, message(name, uid)};
        }
        return folder;
    }

    bool startServer(ScriptedImapServer::Security security, const QList<ScriptedFolder>& folders)
    {
        m_server = std::make_unique<ScriptedImapServer>(security);
        m_server->setFolders(folders);
        QString error;
        EXPECT_TRUE(m_server->start(&error)) << error.toStdString();
        return error.isEmpty();
    }

    IngestionSource addSource(ConnectionSecurity security)
    {
        IngestionSource source;
        source.name = QStringLiteral("Scripted");
        source.host = m_server->host();
        source.port = m_server->port();
        source.security = security;
        source.username = QStringLiteral("test");
        source.folderScope = IngestionSource::FolderScope::AllFolders;
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        return added.value_or(source);
    }

    SourceSync::Result sync(const IngestionSource& source)
    {
        SourceSync pass(m_archive, source, QStringLiteral("testpass123"));
        if (!m_server->caCertificatePath().isEmpty()) {
            pass.setExtraCaCertificatesFile(m_server->caCertificatePath());
        }
        return pass.run();
    }

    // Folder path -> the UIDs the archive holds there.
    QMap<QString, QList<quint32>> storedUids()
    {
        QMap<QString, QList<quint32>> stored;
        QSqlQuery query(m_archive.connection());
        EXPECT_TRUE(query.exec(QStringLiteral("SELECT f.path, l.uid FROM locations l "
                                              "JOIN folders f ON f.id = l.folder_id ORDER BY f.path, l.uid")));
        while (query.next()) {
            stored[query.value(0).toString()] << query.value(1).toUInt();
        }
        return stored;
    }

    // What the client sent, for failure messages.
    std::string transcript() const
    {
        return "\nThe client sent:\n" + m_server->receivedCommands().join('\n').toStdString();
    }

    qsizetype bodyFetches() const
    {
        qsizetype count = 0;
        for (const QByteArray& line : m_server->receivedCommands()) {
            count += line.contains("UID FETCH") && line.contains("BODY.PEEK[]") ? 1 : 0;
        }
        return count;
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    std::unique_ptr<ScriptedImapServer> m_server;
};

// Answers a body FETCH the way the default does, for the messages `keep`
// lets through: the server says OK although it left some out.
inline ScriptedImapServer::Handler fetchKeeping(std::function<bool(quint32)> keep)
{
    return [keep = std::move(keep)](const ScriptedCommand& command, ScriptedReply& reply) {
        const QByteArray set = command.arguments.value(0);
        const QByteArray items = command.arguments.value(1);
        if (!items.toUpper().contains("BODY")) {
            reply.defaultAnswer(); // the size pass is answered in full
            return;
        }
        const ScriptedFolder* folder = reply.selected();
        for (qsizetype i = 0; folder != nullptr && i < folder->messages.size(); ++i) {
            const ScriptedMessage& message = folder->messages.at(i);
            if (ScriptedImapDefaults::inSequenceSet(set, message.uid, ScriptedImapDefaults::highestUid(*folder))
                && keep(message.uid)) {
                reply.send(ScriptedImapServer::fetchItem(*folder, message, static_cast<int>(i + 1), items));
            }
        }
        reply.ok("Fetch completed");
    };
}
