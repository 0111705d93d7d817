#include "AboutDialog.h"

#include "AppIcon.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

#include "common/AppInfo.h"
#include "common/LibraryVersions.h"
#include "common/ThemeColors.h"

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("AboutDialog"));
    setWindowTitle(tr("About %1").arg(AppInfo::displayName()));

    auto* icon = new QLabel(this);
    icon->setPixmap(appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto* title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(AppInfo::displayName().toHtmlEscaped()), this);
    auto* version = new QLabel(tr("Version %1").arg(AppInfo::version()), this);
    version->setObjectName(QStringLiteral("versionLabel"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* description = new QLabel(tr("Archives your email from any IMAP server into a local archive that you can "
                                      "read like a mail client, verify and export, and keeps archiving from the system "
                                      "tray when its window is closed. Your mail server is only ever read, and a "
                                      "message you read never contacts any server."),
                                   this);
    description->setWordWrap(true);

    auto* licence = new QLabel(tr("Free software under the GNU General Public License, version 3 or later. "
                                  "It comes with absolutely no warranty."),
                               this);
    licence->setWordWrap(true);

    const LibraryVersions libraries = LibraryVersions::current();
    auto* libraryLabel = new QLabel(tr("Built with Qt %1, vmime %2, SQLite %3 and zstd %4.")
                                        .arg(libraries.qt, libraries.vmime, libraries.sqlite, libraries.zstd),
                                    this);
    libraryLabel->setObjectName(QStringLiteral("libraryVersions"));
    libraryLabel->setWordWrap(true);
    libraryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ThemeColors::apply(libraryLabel, ThemeColors::Role::Secondary);

    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(version);
    text->addSpacing(8);
    text->addWidget(description);
    text->addWidget(licence);
    text->addWidget(libraryLabel);

    auto* body = new QHBoxLayout;
    body->addWidget(icon);
    body->addSpacing(12);
    body->addLayout(text, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

AboutDialog::~AboutDialog() = default;
