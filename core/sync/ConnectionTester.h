#pragma once

#include "sources/IngestionSource.h"
#include "values/RemoteFolder.h"
#include "values/SyncFailure.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

class CancelToken;
class QThread;

// What a connection test found: whether it could log in, a sentence that
// says what worked or what failed and how to fix it, and on success the
// server's folders (the dialog's "Choose…" lists them).
struct ConnectionTestResult
{
    bool ok = false;
    // A sentence for people, never the server's raw reply: what worked, or
    // failure.message.
    QString message;
    // Why the test failed, as a sync of the source would say it: its kind
    // (which field to look at), the server's own words ("[AUTHENTICATIONFAILED]
    // Authentication failed.", escaped and with the password redacted: for
    // a details line) and the certificate when it is the problem.
    SyncFailure failure;
    QList<RemoteFolder> folders;
};

Q_DECLARE_METATYPE(ConnectionTestResult)

// Connects and logs in exactly as a sync would, lists the folders and logs
// out, on a thread of its own so the dialog stays responsive. Nothing on the
// server changes. Starting a new test cancels the one running; destroying the
// tester cancels and waits (cancellation takes milliseconds).
class ConnectionTester : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)

public:
    explicit ConnectionTester(QObject* parent = nullptr);
    ~ConnectionTester() override;

    // Tests and private servers: trusted in addition to the system CAs.
    void setExtraCaCertificatesFile(const QString& path);

    void start(const IngestionSource& source, const QString& password);
    void cancel();
    bool isRunning() const;

    // The blocking test itself, on the calling thread.
    static ConnectionTestResult run(const IngestionSource& source,
                                    const QString& password,
                                    const QString& extraCaFile,
                                    const std::shared_ptr<CancelToken>& token);

signals:
    // Once per start() that was not cancelled.
    void finished(const ConnectionTestResult& result);

private:
    void stopThread();

    QString m_extraCaFile;
    QThread* m_thread = nullptr;
    std::shared_ptr<CancelToken> m_token;
    quint64 m_generation = 0;
};
