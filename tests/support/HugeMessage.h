#pragma once

#include "ScriptedImapServer.h"

#include <QByteArray>
#include <QtGlobal>

// One honest, huge message (announced at its true size) for the scripted
// server, streamed a block of about 1 MB at a time so that the server holds
// none of it: what a test or bench measures is the client's memory. Its
// SHA-256 is worked out the same way, so the archive's copy can be checked
// byte for byte without holding the message.
class HugeMessage
{
public:
    enum class Kind {
        // A short text and one big attachment in base64 lines of 76
        // characters, as mail clients write it: the usual huge message.
        Attachment,
        // One text/plain body of generated prose, all of which a search
        // index would take.
        PlainText,
    };

    // About `megabytes` MiB of body. Messages of different `number` differ
    // (their Message-ID), so the archive keeps each.
    HugeMessage(Kind kind, qint64 megabytes, int number = 1);

    qint64 size() const;
    QByteArray sha256() const;
    // A word only the start of the body holds (and no header).
    static QByteArray openingWord();

    // Answers "UID FETCH": the size pass (RFC822.SIZE) and the body FETCH,
    // as UID 1 of the selected folder.
    ScriptedImapServer::Handler answer() const;
    // The same for several: message i is UID i + 1, each sent only when
    // asked for.
    static ScriptedImapServer::Handler answer(const QList<HugeMessage>& messages);

private:
    void send(quint32 uid, ScriptedReply& reply) const;

    QByteArray m_head;
    QByteArray m_block;
    qint64 m_blocks = 0;
    QByteArray m_tail;
};
