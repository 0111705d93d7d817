#include "ShortcutCatalog.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QTabBar>
#include <QWidget>

namespace ShortcutCatalog {

namespace {

bool isInside(const QObject* object, const QObject* ancestor)
{
    for (const QObject* current = object; ancestor && current; current = current->parent()) {
        if (current == ancestor) {
            return true;
        }
    }
    return false;
}

QString keysText(const QList<QKeySequence>& sequences)
{
    QStringList keys;
    for (const QKeySequence& sequence : sequences) {
        if (!sequence.isEmpty()) {
            keys << sequence.toString(QKeySequence::NativeText);
        }
    }
    //: Separates two keys that do the same, e.g. "F5, Ctrl+R"
    return keys.join(QCoreApplication::translate("ShortcutCatalog", ", "));
}

QString describe(const QObject* object, const QString& fallback)
{
    const QString described = object->property(DescriptionProperty).toString();
    return described.isEmpty() ? plainText(fallback) : described;
}

void addUnique(QList<Entry>& entries, const Entry& entry)
{
    if (entry.keys.isEmpty() || entry.description.isEmpty()) {
        return;
    }
    for (const Entry& existing : std::as_const(entries)) {
        if (existing.keys == entry.keys) {
            return; // one action shown in a menu and on the toolbar
        }
    }
    entries << entry;
}

} // namespace

QList<Entry> shortcuts(const QObject* root, const QObject* exclude)
{
    QList<Entry> entries;
    for (const QAction* action : root->findChildren<QAction*>()) {
        if (!isInside(action, exclude) && !action->shortcuts().isEmpty()) {
            addUnique(entries, {keysText(action->shortcuts()), describe(action, action->text())});
        }
    }
    for (const QShortcut* shortcut : root->findChildren<QShortcut*>()) {
        if (!isInside(shortcut, exclude)) {
            addUnique(entries, {keysText(shortcut->keys()), describe(shortcut, QString())});
        }
    }
    return entries;
}

QList<Entry> mnemonics(const QWidget* root)
{
    QList<Entry> entries;
    const auto add = [&entries](const QString& text) {
        addUnique(entries, {QKeySequence::mnemonic(text).toString(QKeySequence::NativeText), plainText(text)});
    };
    for (const QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        add(button->text());
    }
    for (const QLabel* label : root->findChildren<QLabel*>()) {
        if (label->buddy()) {
            add(label->text());
        }
    }
    for (const QTabBar* tabs : root->findChildren<QTabBar*>()) {
        for (int i = 0; i < tabs->count(); ++i) {
            add(tabs->tabText(i));
        }
    }
    return entries;
}

QString plainText(const QString& text)
{
    QString plain;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size()) {
            ++i; // "&&" is a literal ampersand, "&x" marks x
        }
        plain += text.at(i);
    }
    plain = plain.trimmed();
    while (plain.endsWith(QLatin1Char(':')) || plain.endsWith(QChar(0x2026)) || plain.endsWith(QLatin1String("..."))) {
        plain.chop(plain.endsWith(QLatin1String("...")) ? 3 : 1);
    }
    return plain.trimmed();
}

} // namespace ShortcutCatalog
