#include "ArchivePage.h"

#include "archive/ArchiveReader.h"
#include "sources/SourceRepository.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

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
    m_location->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_location);

    auto* openFolder = new QPushButton(tr("&Open Archive Folder"), this);
    connect(openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_archive.path()).absolutePath()));
    });
    layout->addWidget(openFolder, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

ArchivePage::~ArchivePage() = default;

void ArchivePage::showEvent(QShowEvent* event)
{
    refresh();
    QWidget::showEvent(event);
}

void ArchivePage::refresh()
{
    const qint64 messages = ArchiveReader(m_archive.connection()).messageCount();
    const int sources = static_cast<int>(SourceRepository(m_archive.connection()).list().size());
    qint64 bytes = 0;
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        bytes += QFileInfo(m_archive.path() + suffix).size();
    }
    m_summary->setText(tr("The archive holds %1 messages from %n source(s), in %2 on this computer.", nullptr, sources)
                           .arg(QLocale().toString(messages),
                                QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat)));
    m_location->setText(tr("Archive file: %1").arg(QDir::toNativeSeparators(m_archive.path())));
}
