#include "HugeMessage.h"

#include "DeterministicRandom.h"
#include "MailText.h"
#include "ScriptedImapDefaults.h"
#include "ScriptedReply.h"

#include <QCryptographicHash>

namespace {

constexpr qsizetype BlockBytes = 1024 * 1024;

QByteArray attachmentBlock()
{
    QByteArray block;
    DeterministicRandom random(12345);
    while (block.size() < BlockBytes) {
        // 57 random bytes are one base64 line of 76 characters.
        QByteArray bytes(57, Qt::Uninitialized);
        for (char& c : bytes) {
            c = static_cast<char>(random.below(256));
        }
        block += bytes.toBase64() + "\r\n";
    }
    return block;
}

QByteArray proseBlock()
{
    QByteArray block;
    DeterministicRandom random(54321);
    const MailGen::Person sender {"Long Writer", "long@example.test"};
    const MailGen::Person recipient {"Reader", "reader@example.test"};
    while (block.size() < BlockBytes) {
        const MailGen::Prose prose =
            MailGen::drawProse(random, MailGen::Language::English, false, sender, recipient, false, 0, {});
        block += MailGen::renderPlain(prose) + "\r\n";
    }
    return block;
}

} // namespace

HugeMessage::HugeMessage(Kind kind, qint64 megabytes, int number)
    : m_blocks(megabytes)
{
    const QByteArray header = "From: Long Writer <long@example.test>\r\nTo: reader@example.test\r\n"
                              "Date: Sat, 17 Jul 2021 02:44:25 +0000\r\nMessage-ID: <huge"
        + (number == 1 ? QByteArray() : "-" + QByteArray::number(number)) + "@example.test>\r\nMIME-Version: 1.0\r\n";
    if (kind == Kind::Attachment) {
        m_head = header
            + "Subject: big attachment\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
              "Content-Type: text/plain\r\n\r\n"
            + openingWord()
            + ": see the attachment.\r\n--b\r\nContent-Type: application/octet-stream\r\n"
              "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\n\r\n";
        m_block = attachmentBlock();
        m_tail = "--b--\r\n";
    } else {
        m_head = header + "Subject: big text\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + openingWord()
            + " of the year, in full.\r\n\r\n";
        m_block = proseBlock();
        m_tail = "The end.\r\n";
    }
}

QByteArray HugeMessage::openingWord()
{
    return QByteArrayLiteral("Quarterlyfigures");
}

qint64 HugeMessage::size() const
{
    return m_head.size() + m_block.size() * m_blocks + m_tail.size();
}

QByteArray HugeMessage::sha256() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(m_head);
    for (qint64 i = 0; i < m_blocks; ++i) {
        hash.addData(m_block);
    }
    hash.addData(m_tail);
    return hash.result();
}

ScriptedImapServer::Handler HugeMessage::answer() const
{
    return answer({*this});
}

ScriptedImapServer::Handler HugeMessage::answer(const QList<HugeMessage>& messages)
{
    return [messages](const ScriptedCommand& command, ScriptedReply& reply) {
        const auto largest = static_cast<quint32>(messages.size());
        const bool body = command.arguments.value(1).toUpper().contains("BODY");
        for (quint32 uid = 1; uid <= largest && !reply.isClosed(); ++uid) {
            if (!ScriptedImapDefaults::inSequenceSet(command.arguments.value(0), uid, largest)) {
                continue;
            }
            if (body) {
                messages.at(uid - 1).send(uid, reply);
            } else {
                reply.untagged(QByteArray::number(uid) + " FETCH (UID " + QByteArray::number(uid) + " RFC822.SIZE "
                               + QByteArray::number(messages.at(uid - 1).size()) + ")");
            }
        }
        reply.ok("Fetch completed");
    };
}

void HugeMessage::send(quint32 uid, ScriptedReply& reply) const
{
    const QByteArray number = QByteArray::number(uid);
    reply.send("* " + number + " FETCH (UID " + number
               + " FLAGS () INTERNALDATE \"17-Jul-2021 02:44:25 +0000\" BODY[] {" + QByteArray::number(size()) + "}\r\n"
               + m_head);
    for (qint64 i = 0; i < m_blocks && !reply.isClosed(); ++i) {
        reply.send(m_block);
    }
    reply.send(m_tail + ")\r\n");
}
