#include "sources/ProviderPreset.h"

#include <QSet>

#include <gtest/gtest.h>

namespace {

TEST(ProviderPreset, OffersGenericImapFirstThenTheKnownProviders)
{
    const QList<ProviderPreset> presets = ProviderPreset::all();
    ASSERT_EQ(presets.size(), 6);
    EXPECT_EQ(presets.first().id, QStringLiteral("generic"));
    EXPECT_TRUE(presets.first().isGeneric());
    EXPECT_TRUE(presets.first().host.isEmpty());

    QStringList names;
    QSet<QString> ids;
    for (const ProviderPreset& preset : presets) {
        names << preset.displayName;
        ids.insert(preset.id);
    }
    EXPECT_EQ(ids.size(), presets.size()) << "ids must be unique";
    EXPECT_EQ(names,
              (QStringList {QStringLiteral("Generic IMAP"),
                            QStringLiteral("Gmail"),
                            QStringLiteral("Outlook.com / Microsoft 365"),
                            QStringLiteral("Fastmail"),
                            QStringLiteral("iCloud Mail"),
                            QStringLiteral("Yahoo Mail")}));
}

TEST(ProviderPreset, EveryProviderUsesImplicitTlsAndExplainsAppPasswords)
{
    for (const ProviderPreset& preset : ProviderPreset::all()) {
        SCOPED_TRACE(preset.id.toStdString());
        EXPECT_EQ(preset.port, 993);
        EXPECT_EQ(preset.security, ConnectionSecurity::Tls);
        EXPECT_GT(preset.appPasswordHelp.size(), 60);
        EXPECT_FALSE(preset.usernameHint.isEmpty());
        EXPECT_EQ(preset.helpUrl.scheme(), QStringLiteral("https"));
        EXPECT_TRUE(preset.helpUrl.isValid());
        if (!preset.isGeneric()) {
            EXPECT_TRUE(preset.host.startsWith(QStringLiteral("imap."))
                        || preset.host.startsWith(QStringLiteral("outlook.")))
                << preset.host.toStdString();
        }
    }
    EXPECT_EQ(ProviderPreset::byId(QStringLiteral("gmail"))->host, QStringLiteral("imap.gmail.com"));
    EXPECT_EQ(ProviderPreset::byId(QStringLiteral("fastmail"))->host, QStringLiteral("imap.fastmail.com"));
    EXPECT_FALSE(ProviderPreset::byId(QStringLiteral("no-such-provider")).has_value());
    EXPECT_TRUE(ProviderPreset::whyAppPasswords().contains(QStringLiteral("revoke")));
}

TEST(ProviderPreset, DefaultPortFollowsTheSecurityChoice)
{
    EXPECT_EQ(ProviderPreset::defaultPort(ConnectionSecurity::Tls), 993);
    EXPECT_EQ(ProviderPreset::defaultPort(ConnectionSecurity::StartTls), 143);
    EXPECT_EQ(ProviderPreset::defaultPort(ConnectionSecurity::None), 143);
}

} // namespace
