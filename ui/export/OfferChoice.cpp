#include "OfferChoice.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

OfferChoice::OfferChoice(const QString& heading,
                         const QString& names,
                         const QList<qint64>& selected,
                         const QString& listDescription,
                         bool preferList,
                         QWidget* parent)
    : QWidget(parent)
    , m_selection(new QRadioButton(this))
    , m_wholeList(new QRadioButton(listDescription, this))
    , m_canSelect(selected.size() > 1)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(heading, this));
    m_selection->setObjectName(names + QStringLiteral("SelectionRadio"));
    m_selection->setText(tr("The %Ln &selected message(s)", nullptr, static_cast<int>(selected.size())));
    m_wholeList->setObjectName(names + QStringLiteral("ListRadio"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_selection);
    group->addButton(m_wholeList);
    layout->addWidget(m_selection);
    layout->addWidget(m_wholeList);
    m_selection->setVisible(m_canSelect);
    chooseSelection(!preferList);
    connect(m_selection, &QRadioButton::toggled, this, &OfferChoice::changed);
}

bool OfferChoice::selectionChosen() const
{
    return m_canSelect && m_selection->isChecked();
}

void OfferChoice::chooseSelection(bool selection)
{
    (selection && m_canSelect ? m_selection : m_wholeList)->setChecked(true);
}
