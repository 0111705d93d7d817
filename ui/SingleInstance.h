#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

// One GUI per user and archive: a second launch hands its arguments to the
// running one, which brings its window forward, and exits. A QLockFile says
// who runs (its PID, so the lock of a crashed run is taken over) and a
// QLocalServer carries the request, as in KeePassXC and qBittorrent.
// Different archives run side by side: the key hashes the archive's path.
class SingleInstance : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    explicit SingleInstance(const QString& archivePath, QObject* parent = nullptr);
    ~SingleInstance() override;

    // Takes the lock and listens: true makes this process the running one.
    // False when another live process holds the lock, or when the lock file
    // cannot be written at all (QLockFile's error; main() cannot tell the
    // two apart yet).
    bool claim();

    // For the second launch, after claim() failed: asks the running one to
    // come forward with `arguments`. True once it answered. Retries while
    // nobody listens (the running one may still be starting) for up to
    // `timeoutMs`, then returns false. Blocks: it is for main(), before the
    // event loop runs, so it must never be called in the process that
    // listens (that one could not answer).
    bool activateRunning(const QStringList& arguments, int timeoutMs = 3000);

    QString lockFilePath() const;
    QString serverName() const;

signals:
    // In the running one: a second launch asked to come forward. It has
    // been answered "ok" once this returns.
    void activationRequested(const QStringList& arguments);

private:
    void onNewConnection();
    void handleRequest(QLocalSocket* socket);

    QString m_serverName;
    QLockFile m_lock;
    QLocalServer* m_server = nullptr;
};
