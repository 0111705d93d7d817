#pragma once

#include <vmime/exception.hpp>

// QtVmimeSocket could not connect, and why, as a code: the words of Qt's
// socket error are translated and differ between platforms, so the kind of
// failure (SyncError) is never read from them. Like TlsError it overrides
// clone()/name(), so vmime rethrows it unchanged.
class ConnectError : public vmime::exceptions::connection_error
{
public:
    enum class Reason {
        HostNotFound,
        Refused,
        TimedOut,
        Other, // network unreachable, a proxy, …: the message says
    };

    ConnectError(Reason reason, const std::string& message);
    ConnectError(const ConnectError& other);
    ~ConnectError() noexcept override;
    ConnectError& operator=(const ConnectError&) = delete;

    vmime::exception* clone() const override;
    const char* name() const noexcept override;

    Reason reason() const;

private:
    Reason m_reason;
};
