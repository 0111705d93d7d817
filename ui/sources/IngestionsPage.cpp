#include "IngestionsPage.h"

#include "AppIcon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

IngestionsPage::IngestionsPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("IngestionsPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(createHeader());
    layout->addWidget(createEmptyState(), 1);
}

IngestionsPage::~IngestionsPage() = default;

QWidget* IngestionsPage::emptyState() const
{
    return m_emptyState;
}

QWidget* IngestionsPage::createHeader()
{
    auto* header = new QWidget(this);
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto* title = new QLabel(tr("Ingestions"), header);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAccessibleName(tr("Ingestions"));

    auto* subtitle = new QLabel(tr("The email accounts whose mail this archive imports and keeps current."), header);
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);

    layout->addWidget(title);
    layout->addWidget(subtitle);
    return header;
}

QWidget* IngestionsPage::createEmptyState()
{
    m_emptyState = new QWidget(this);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    auto* layout = new QVBoxLayout(m_emptyState);
    layout->addStretch(2);

    auto* icon = new QLabel(m_emptyState);
    icon->setPixmap(appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignHCenter);

    auto* heading = new QLabel(tr("No ingestion sources yet"), m_emptyState);
    heading->setObjectName(QStringLiteral("emptyStateHeading"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignHCenter);

    auto* explanation = new QLabel(tr("OpenArchiver Desktop keeps a complete, searchable copy of your email on this "
                                      "computer. It only ever reads from your mail server: mail you delete there "
                                      "stays in the archive."),
                                   m_emptyState);
    explanation->setWordWrap(true);
    explanation->setAlignment(Qt::AlignHCenter);

    // A column of limited width, centred by stretches: an alignment flag on a
    // word-wrapped label would make the layout give it one line's height.
    auto* column = new QWidget(m_emptyState);
    column->setMaximumWidth(520);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(icon);
    columnLayout->addWidget(heading);
    columnLayout->addWidget(explanation);

    auto* centring = new QHBoxLayout;
    centring->addStretch(1);
    centring->addWidget(column, 3);
    centring->addStretch(1);
    layout->addLayout(centring);
    layout->addStretch(3);
    return m_emptyState;
}
