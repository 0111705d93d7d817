#include "ArchivePage.h"

#include "common/ThemeColors.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

ArchivePage::ArchivePage(Archive archive, QWidget* parent)
    : QWidget(parent)
    , m_archive(std::move(archive))
    , m_summary(new QLabel(this))
    , m_location(new QLabel(this))
{
    setObjectName(QStringLiteral("ArchivePage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(12);

    auto* title = new QLabel(tr("Archive"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);

    m_summary->setObjectName(QStringLiteral("archiveSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_location->setObjectName(QStringLiteral("archiveLocation"));
    m_location->setWordWrap(true);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ThemeColors::apply(m_location, ThemeColors::Role::Secondary);
    layout->addWidget(m_location);

    auto* openFolder = new QPushButton(tr("&Open Archive Folder"), this);
    openFolder->setObjectName(QStringLiteral("openFolderButton"));
    connect(openFolder, &QPushButton::clicked, this, &ArchivePage::openArchiveFolder);
    layout->addWidget(openFolder, 0, Qt::AlignLeft);
    layout->addStretch(1);
    refresh();
}

ArchivePage::~ArchivePage() = default;

void ArchivePage::setTotals(const ArchiveTotals& totals)
{
    m_totals = totals;
    refresh();
}

void ArchivePage::showEvent(QShowEvent* event)
{
    refresh();
    QWidget::showEvent(event);
}

void ArchivePage::refresh()
{
    qint64 bytes = 0;
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        bytes += QFileInfo(m_archive.path() + suffix).size();
    }
    const QString size = QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    m_location->setText(tr("Archive file: %1").arg(QDir::toNativeSeparators(m_archive.path())));
    if (m_totals.messages < 0) {
        m_summary->setText(tr("Counting the messages in the archive… (%1 on this computer)").arg(size));
        return;
    }
    // Removed sources whose mail was kept are named apart: their mail is
    // here, but they are no longer in the Ingestions list.
    QString from;
    if (m_totals.removedSources == 0) {
        from = tr("%n source(s)", nullptr, m_totals.sources);
    } else if (m_totals.sources == 0) {
        from = tr("%n removed source(s)", nullptr, m_totals.removedSources);
    } else {
        //: %1 is "2 sources"; the sources removed with their mail kept follow.
        from = tr("%1 (and %n removed source(s))", nullptr, m_totals.removedSources)
                   .arg(tr("%n source(s)", nullptr, m_totals.sources));
    }
    const int messages = static_cast<int>(std::min<qint64>(m_totals.messages, INT_MAX));
    //: %1 is "2 sources", possibly followed by "(and 1 removed source)"; %2 the size of the archive file.
    m_summary->setText(
        tr("The archive holds %Ln message(s) from %1, in %2 on this computer.", nullptr, messages).arg(from, size));
}

void ArchivePage::openArchiveFolder()
{
    const QString folder = QFileInfo(m_archive.path()).absolutePath();
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(folder))) {
        return;
    }
    // No file manager (a minimal desktop, a server session): say where the
    // folder is, in words that can be selected and copied.
    auto* box = new QMessageBox(QMessageBox::Information,
                                tr("Cannot Open the Folder"),
                                tr("No file manager could open the archive folder. It is here:"),
                                QMessageBox::Ok,
                                this);
    box->setObjectName(QStringLiteral("archiveFolderBox"));
    box->setInformativeText(QDir::toNativeSeparators(folder));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
