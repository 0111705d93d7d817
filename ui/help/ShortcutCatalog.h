#pragma once

#include <QList>
#include <QString>

class QObject;
class QWidget;

// The keys of a window, read from the window itself: its actions' and
// QShortcuts' key sequences and its mnemonics (the "&" in a button's, a
// buddy label's or a tab's text). The Keyboard shortcuts window lists what
// this finds, so the list cannot drift from what the keys do.
namespace ShortcutCatalog {

// A QAction or QShortcut whose own text does not say what it does (the
// Pause/Resume action's text changes, a QShortcut has none) names it here.
inline constexpr char DescriptionProperty[] = "shortcutDescription";

struct Entry
{
    QString keys; // "F5, Ctrl+R", in the platform's notation
    QString description; // "Sync now"
};

struct Group
{
    QString title;
    QList<Entry> entries;
};

// The QActions and QShortcuts that are children of `root` (and of its
// children) and have a key sequence; the ones in `exclude`'s subtree are
// left out, so a window can list a page's keys apart.
QList<Entry> shortcuts(const QObject* root, const QObject* exclude = nullptr);
// Alt+letter of the buttons, the labels with a buddy and the tabs in the
// widget (hidden ones too: a dialog shows some of them only at times).
QList<Entry> mnemonics(const QWidget* root);
// "&Save changes…" → "Save changes", "&Name:" → "Name".
QString plainText(const QString& text);

} // namespace ShortcutCatalog
