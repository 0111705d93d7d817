#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <sys/types.h>

class QProcess;
class MaildirWriter;
class TestCertificates;

// A real Dovecot IMAP server for the tests, private to one test process:
// its own configuration, certificates, users and Maildir storage under a
// temporary directory, listening on free loopback ports only. It is started
// as a child (`dovecot -F`), told to die with its parent, and stopped by its
// PID when the object goes away — also when a test fails.
//
// Works as root (CI: mail is then served as the unprivileged "nobody") and
// as an ordinary user (everything runs as that user, no chroot).
class DovecotServer
{
public:
    struct Options
    {
        // Users and their passwords, created before the server starts.
        QMap<QString, QString> users {{QStringLiteral("test"), QStringLiteral("testpass123")}};
        // Dovecot's default is 10; archivers and parallel tests need more.
        int maxConnectionsPerUserAndIp = 50;
        // Failed logins answer at once instead of after Dovecot's 2 s delay
        // and growing penalty, so error tests stay fast.
        bool fastAuthFailures = true;
        // Dovecot's auth_mechanisms: the SASL mechanisms it offers.
        QString authMechanisms = QStringLiteral("plain login");
        // Where to keep the files; empty means a fresh temporary directory
        // removed afterwards (the demo server sets its own).
        QString directory;
    };

    DovecotServer();
    explicit DovecotServer(Options options);
    ~DovecotServer();
    Q_DISABLE_COPY_MOVE(DovecotServer)

    // Generates certificates and configuration, picks free ports and starts
    // Dovecot, waiting until it greets. On failure returns false and sets
    // *error to what went wrong, with the end of Dovecot's log.
    bool start(QString* error);
    void stop();
    // Starts a stopped server again on the same ports, with the same
    // certificates and mail: the "server came back" case.
    bool restart(QString* error);
    bool isRunning() const;

    // Where to connect: 127.0.0.1. The certificate is valid for it and for
    // "localhost" (and 127.0.0.2).
    QString host() const;
    // Implicit TLS, on 127.0.0.1.
    quint16 imapsPort() const;
    // Plain IMAP with STARTTLS, on 127.0.0.1 and 127.0.0.2. Dovecot treats a
    // connection from 127.0.0.1 to 127.0.0.1 as secure and allows plaintext
    // LOGIN; one to 127.0.0.2 must use STARTTLS first.
    quint16 imapPort() const;

    QString caCertificatePath() const;
    QString serverCertificatePath() const;
    // SHA-256 of the server certificate, lowercase hex.
    QByteArray serverFingerprint() const;
    TestCertificates& certificates() const;

    QString password(const QString& user) const;
    // Adds or changes a user while the server runs (the passwd file is re-read).
    bool setUser(const QString& user, const QString& password, QString* error);

    // The user's Maildir, and a writer for it that hands files to the uid
    // Dovecot serves mail as.
    QString maildir(const QString& user) const;
    MaildirWriter maildirWriter(const QString& user) const;

    // Runs `doveadm -c <our config> <arguments>`; returns its exit code and
    // puts stdout and stderr into *output.
    int doveadm(const QStringList& arguments, QByteArray* output = nullptr) const;

    QString directory() const;
    QString configPath() const;
    QString logTail(int lines = 40) const;
    qint64 processId() const;

    // Where Dovecot's binary is: $OPENARCHIVER_DOVECOT, else the PATH and sbin.
    static QString dovecotExecutable();

private:
    bool prepareDirectories(QString* error);
    bool writePasswdFile(QString* error) const;
    bool writeConfig(QString* error) const;
    bool pickPorts(QString* error);
    bool launch(QString* error);
    bool waitUntilGreeting(QString* error);
    std::optional<std::pair<uid_t, gid_t>> mailOwner() const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_temporary;
    QString m_directory;
    std::unique_ptr<TestCertificates> m_certificates;
    std::unique_ptr<QProcess> m_process;
    quint16 m_imapsPort = 0;
    quint16 m_imapPort = 0;
};
