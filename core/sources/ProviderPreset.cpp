#include "ProviderPreset.h"

#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProviderPreset)
};

ProviderPreset preset(const char* id,
                      const QString& name,
                      const char* host,
                      const QString& usernameHint,
                      const QString& help,
                      const char* url)
{
    ProviderPreset preset;
    preset.id = QString::fromLatin1(id);
    preset.displayName = name;
    preset.host = QString::fromLatin1(host);
    preset.port = 993;
    preset.security = ConnectionSecurity::Tls;
    preset.usernameHint = usernameHint;
    preset.appPasswordHelp = help;
    preset.helpUrl = QUrl(QString::fromLatin1(url));
    return preset;
}

} // namespace

bool ProviderPreset::isGeneric() const
{
    return id == QLatin1String("generic");
}

QList<ProviderPreset> ProviderPreset::all()
{
    // Built on each call, not cached: the texts must follow the language
    // the user picked, and this list is tiny.
    return {
        preset("generic",
               Tr::tr("Generic IMAP"),
               "",
               Tr::tr("Usually your full email address"),
               Tr::tr("If your provider offers app passwords (also called app-specific or application "
                      "passwords), create one for OpenArchiver in your account's security settings and enter it "
                      "here instead of your account password."),
               "https://en.wikipedia.org/wiki/App_password"),
        preset("gmail",
               Tr::tr("Gmail"),
               "imap.gmail.com",
               Tr::tr("Your full Gmail address"),
               Tr::tr("Gmail accepts only an app password for IMAP. Turn on 2-Step Verification for your Google "
                      "Account, then create an app password under Security → App passwords and enter the 16 "
                      "characters here."),
               "https://support.google.com/accounts/answer/185833"),
        preset("outlook",
               Tr::tr("Outlook.com / Microsoft 365"),
               "outlook.office365.com",
               Tr::tr("Your full Microsoft account address"),
               Tr::tr("For a personal Outlook.com account with two-step verification, create an app password under "
                      "Security → Advanced security options → App passwords. Most Microsoft 365 work and school "
                      "accounts no longer allow IMAP with a password; ask your administrator."),
               "https://support.microsoft.com/account-billing/"
               "how-to-get-and-use-app-passwords-5896ed9b-4263-e681-128a-a6f2979a7944"),
        preset("fastmail",
               Tr::tr("Fastmail"),
               "imap.fastmail.com",
               Tr::tr("Your full Fastmail address"),
               Tr::tr("Fastmail requires an app password for IMAP. Create one under Settings → Privacy & Security "
                      "→ Manage app passwords, with access to \"Mail (IMAP/POP/SMTP)\"."),
               "https://www.fastmail.help/hc/en-us/articles/360058752854-App-passwords"),
        preset("icloud",
               Tr::tr("iCloud Mail"),
               "imap.mail.me.com",
               Tr::tr("Your iCloud email address"),
               Tr::tr("iCloud Mail requires an app-specific password. Sign in at appleid.apple.com, open "
                      "Sign-In and Security → App-Specific Passwords and create one for OpenArchiver."),
               "https://support.apple.com/en-us/102654"),
        preset("yahoo",
               Tr::tr("Yahoo Mail"),
               "imap.mail.yahoo.com",
               Tr::tr("Your full Yahoo email address"),
               Tr::tr("Yahoo Mail requires an app password for IMAP. Open Account Info → Account Security → "
                      "Generate app password and create one for OpenArchiver."),
               "https://help.yahoo.com/kb/SLN15241.html"),
    };
}

std::optional<ProviderPreset> ProviderPreset::byId(const QString& id)
{
    for (const ProviderPreset& preset : all()) {
        if (preset.id == id) {
            return preset;
        }
    }
    return std::nullopt;
}

quint16 ProviderPreset::defaultPort(ConnectionSecurity security)
{
    return security == ConnectionSecurity::Tls ? 993 : 143;
}

QString ProviderPreset::whyAppPasswords()
{
    return Tr::tr("An app password is better than your account password: it only opens your mail, you can revoke "
                  "it on its own without changing your main password, and it keeps working with two-step "
                  "verification turned on.");
}
