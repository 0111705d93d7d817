#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

#include <functional>

// A command's progress on one line of standard error, rewritten in place at
// most five times a second — and only on a terminal: a script's log gets the
// result, not a thousand progress lines. Catches Ctrl+C too (CliInterrupt):
// shown() answers whether to go on.
class CliProgressLine
{
public:
    explicit CliProgressLine(QTextStream& err);
    ~CliProgressLine();
    Q_DISABLE_COPY_MOVE(CliProgressLine)

    // Shows what `text` says when it is time (or `last` is true); `text` is
    // only built then. False once the user pressed Ctrl+C.
    bool show(const std::function<QString()>& text, bool last);
    // Ends the line (the destructor does it too).
    void finish();

private:
    QTextStream& m_err;
    bool m_terminal;
    bool m_shown = false;
    QElapsedTimer m_sinceUpdate;
};
