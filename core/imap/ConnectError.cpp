#include "ConnectError.h"

ConnectError::ConnectError(Reason reason, const std::string& message)
    : vmime::exceptions::connection_error(message)
    , m_reason(reason)
{
}

ConnectError::ConnectError(const ConnectError& other) = default;

ConnectError::~ConnectError() noexcept = default;

vmime::exception* ConnectError::clone() const
{
    return new ConnectError(*this);
}

const char* ConnectError::name() const noexcept
{
    return "ConnectError";
}

ConnectError::Reason ConnectError::reason() const
{
    return m_reason;
}
