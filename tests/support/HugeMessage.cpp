#include "HugeMessage.h"

#include "DeterministicRandom.h"
#include "MailText.h"
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

HugeMessage::HugeMessage(Kind kind, qint64 megabytes)
    : m_blocks(megabytes)
{
    const QByteArray header = "From: Long Writer <long@example.test>\r\nTo: reader@example.test\r\n"
                              "Date: Sat, 17 Jul 2021 02:44:25 +0000\r\nMessage-ID: <huge@example.test>\r\n"
                              "MIME-Version: 1.0\r\n";
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
    return [message = *this](const ScriptedCommand& command, ScriptedReply& reply) {
        const QByteArray size = QByteArray::number(message.size());
        if (!command.arguments.value(1).toUpper().contains("BODY")) {
            reply.untagged("1 FETCH (UID 1 RFC822.SIZE " + size + ")");
            reply.ok("Fetch completed");
            return;
        }
        reply.send("* 1 FETCH (UID 1 FLAGS () INTERNALDATE \"17-Jul-2021 02:44:25 +0000\" BODY[] {" + size + "}\r\n"
                   + message.m_head);
        for (qint64 i = 0; i < message.m_blocks && !reply.isClosed(); ++i) {
            reply.send(message.m_block);
        }
        reply.send(message.m_tail + ")\r\n");
        reply.ok("Fetch completed");
    };
}
