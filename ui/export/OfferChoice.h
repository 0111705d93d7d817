#pragma once

#include <QList>
#include <QWidget>

class QRadioButton;

// "Export:" / "Restore:" and the choice under it: the messages selected
// (offered only when more than one is), or every message of the list shown
// ("All 1,204 messages matching “invoice” in Work › INBOX").
class OfferChoice : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfferChoice)

public:
    // `names` prefixes the radio buttons' object names ("export" gives
    // exportSelectionRadio and exportListRadio), for tests.
    OfferChoice(const QString& heading,
                const QString& names,
                const QList<qint64>& selected,
                const QString& listDescription,
                bool preferList,
                QWidget* parent = nullptr);

    // These messages rather than the whole list.
    bool selectionChosen() const;
    void chooseSelection(bool selection);

signals:
    void changed();

private:
    QRadioButton* m_selection;
    QRadioButton* m_wholeList;
    bool m_canSelect;
};
