#include "DovecotTest.h"
#include "ImapTestClient.h"
#include "MailGenerator.h"

namespace {

class ImapAppendTest : public DovecotTest
{
};

TEST_F(ImapAppendTest, DeliversGeneratedMailByAppendByteForByte)
{
    MailGeneratorOptions options;
    options.seed = 42;
    options.attachmentScale = 0.05;
    MailGenerator generator(options);

    ImapTestClient client(server().host(), server().imapsPort(), server().caCertificatePath());
    QString error;
    ASSERT_TRUE(client.connect(QStringLiteral("test"), server().password(QStringLiteral("test")), &error))
        << error.toStdString();

    const QString nested = QStringLiteral("Projekte/Übersicht/2024");
    QList<GeneratedMessage> inbox;
    QList<GeneratedMessage> projects;
    for (int i = 0; i < 12; ++i) {
        GeneratedMessage message = generator.next(i % 3 == 0 ? nested : QStringLiteral("INBOX"));
        ASSERT_TRUE(client.append(message, &error)) << error.toStdString();
        (message.folder == nested ? projects : inbox) << message;
    }

    EXPECT_EQ(client.messageCount(QStringLiteral("INBOX"), &error), inbox.size()) << error.toStdString();
    EXPECT_EQ(client.messageCount(nested, &error), projects.size()) << error.toStdString();
    for (int i = 0; i < inbox.size(); ++i) {
        EXPECT_EQ(client.fetchRaw(QStringLiteral("INBOX"), i + 1, &error), inbox[i].raw) << error.toStdString();
    }
    for (int i = 0; i < projects.size(); ++i) {
        EXPECT_EQ(client.fetchRaw(nested, i + 1, &error), projects[i].raw) << error.toStdString();
    }
}

} // namespace
