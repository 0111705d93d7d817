#include "CliProgressLine.h"

#include "CliInterrupt.h"

CliProgressLine::CliProgressLine(QTextStream& err)
    : m_err(err)
    , m_terminal(CliInterrupt::errorIsTerminal())
{
    CliInterrupt::catchInterrupts();
    m_sinceUpdate.start();
}

CliProgressLine::~CliProgressLine()
{
    finish();
}

bool CliProgressLine::show(const std::function<QString()>& text, bool last)
{
    if (m_terminal && (m_sinceUpdate.elapsed() > 200 || last)) {
        // Spaces after it: a shorter line must not leave the end of a longer one.
        m_err << '\r' << text() << "   ";
        m_err.flush();
        m_shown = true;
        m_sinceUpdate.restart();
    }
    return !CliInterrupt::wasInterrupted();
}

void CliProgressLine::finish()
{
    if (m_shown) {
        m_err << '\n';
        m_err.flush();
        m_shown = false;
    }
}
