#include "credentials/CredentialStore.h"

#include <QMetaObject>

CredentialStore::CredentialStore(QObject* parent)
    : QObject(parent)
{
    // Queued connections and QSignalSpy need the result type by name.
    qRegisterMetaType<CredentialResult>();
    qRegisterMetaType<CredentialStore::Operation>();
}

CredentialStore::~CredentialStore() = default;

quint64 CredentialStore::nextRequestId()
{
    return ++m_lastRequestId;
}

void CredentialStore::finishLater(quint64 requestId,
                                  qint64 sourceId,
                                  Operation operation,
                                  const CredentialResult& result)
{
    QMetaObject::invokeMethod(
        this,
        [this, requestId, sourceId, operation, result] {
            emit requestFinished(requestId, sourceId, operation, result);
        },
        Qt::QueuedConnection);
}

CredentialResult CredentialStore::okResult(const QString& password)
{
    return CredentialResult {CredentialResult::Status::Ok, password, QString()};
}

CredentialResult CredentialStore::failureResult(CredentialResult::Status status, const QString& detail)
{
    QString message;
    switch (status) {
    case CredentialResult::Status::Ok:
        break;
    case CredentialResult::Status::NotFound:
        message = tr("No password is stored for this source: enter it in the source's settings.");
        break;
    case CredentialResult::Status::KeychainUnavailable:
        message = tr("No keychain is available (%1): install and unlock a Secret Service such as GNOME Keyring or "
                     "KWallet, or keep the password for this session only.")
                      .arg(detail);
        break;
    case CredentialResult::Status::AccessDenied:
        message = tr("The keychain denied access to the password (%1): unlock the keychain and allow this application "
                     "to use it, or keep the password for this session only.")
                      .arg(detail);
        break;
    case CredentialResult::Status::Failed:
        message = tr("The keychain could not complete the request (%1): try again, or keep the password for this "
                     "session only.")
                      .arg(detail);
        break;
    }
    return CredentialResult {status, QString(), message};
}
