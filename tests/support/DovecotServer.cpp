#include "DovecotServer.h"

#include "MaildirWriter.h"
#include "TestCertificates.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

const auto ServerCertificateName = QStringLiteral("server");

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

QString currentUserName()
{
    const passwd* entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

bool writeFile(const QString& path, const QByteArray& content, QFileDevice::Permissions permissions, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(permissions);
    return true;
}

quint16 freeLoopbackPort(const QHostAddress& address)
{
    QTcpServer probe;
    if (!probe.listen(address, 0)) {
        return 0;
    }
    return probe.serverPort();
}

bool portFree(const QHostAddress& address, quint16 port)
{
    QTcpServer probe;
    return probe.listen(address, port);
}

} // namespace

DovecotServer::DovecotServer()
    : DovecotServer(Options {})
{
}

DovecotServer::DovecotServer(Options options)
    : m_options(std::move(options))
{
}

DovecotServer::~DovecotServer()
{
    stop();
}

QString DovecotServer::dovecotExecutable()
{
    const QString configured = qEnvironmentVariable("OPENARCHIVER_DOVECOT");
    if (!configured.isEmpty()) {
        return configured;
    }
    QString found = QStandardPaths::findExecutable(QStringLiteral("dovecot"));
    if (found.isEmpty()) {
        found = QStandardPaths::findExecutable(QStringLiteral("dovecot"),
                                               {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    }
    return found;
}

bool DovecotServer::start(QString* error)
{
    QString ignored;
    if (!error) {
        error = &ignored;
    }
    if (isRunning()) {
        return true;
    }
    const QString executable = dovecotExecutable();
    if (executable.isEmpty() || !QFileInfo(executable).isExecutable()) {
        *error = QStringLiteral("Dovecot is not installed (looked for \"%1\"); install the dovecot-imapd package")
                     .arg(executable.isEmpty() ? QStringLiteral("dovecot") : executable);
        return false;
    }
    if (!prepareDirectories(error) || !writePasswdFile(error)) {
        return false;
    }

    m_certificates = std::make_unique<TestCertificates>(QDir(m_directory).filePath(QStringLiteral("certs")));
    if (!m_certificates->createAuthority(error)
        || !m_certificates->createLeaf(
            ServerCertificateName,
            QStringLiteral("localhost"),
            {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("IP:127.0.0.2")},
            error)) {
        return false;
    }

    // Free ports can be taken between our probe and Dovecot's bind (another
    // test process runs beside us), so a bind failure picks new ones.
    for (int attempt = 1; attempt <= 5; ++attempt) {
        if (!pickPorts(error) || !writeConfig(error)) {
            return false;
        }
        if (launch(error) && waitUntilGreeting(error)) {
            return true;
        }
        const bool portTaken = logTail(200).contains(QStringLiteral("Address already in use"));
        stop();
        if (!portTaken) {
            return false;
        }
    }
    return false;
}

bool DovecotServer::prepareDirectories(QString* error)
{
    if (!m_options.directory.isEmpty()) {
        m_directory = m_options.directory;
    } else {
        m_temporary = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("oa-dovecot-XXXXXX")));
        if (!m_temporary->isValid()) {
            *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_temporary->errorString());
            return false;
        }
        m_directory = m_temporary->path();
    }
    QDir root(m_directory);
    for (const QString& sub :
         {QStringLiteral("certs"), QStringLiteral("run"), QStringLiteral("state"), QStringLiteral("mail")}) {
        if (!root.mkpath(sub)) {
            *error = QStringLiteral("cannot create %1").arg(root.filePath(sub));
            return false;
        }
    }
    // As root, mail is served as "nobody", which must be able to walk into
    // its home below our directory and read the passwd file.
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                              | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                              | QFileDevice::ExeOther);
    if (const auto owner = mailOwner()) {
        const QByteArray mail = QFile::encodeName(root.filePath(QStringLiteral("mail")));
        if (::chown(mail.constData(), owner->first, owner->second) != 0) {
            *error = QStringLiteral("cannot hand %1 to the mail user").arg(QString::fromLocal8Bit(mail));
            return false;
        }
    }
    return true;
}

bool DovecotServer::writePasswdFile(QString* error) const
{
    QByteArray content;
    for (auto it = m_options.users.cbegin(); it != m_options.users.cend(); ++it) {
        content += it.key().toUtf8() + ":{PLAIN}" + it.value().toUtf8() + "::::::\n";
    }
    return writeFile(QDir(m_directory).filePath(QStringLiteral("passwd")),
                     content,
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther,
                     error);
}

bool DovecotServer::setUser(const QString& user, const QString& password, QString* error)
{
    QString ignored;
    m_options.users.insert(user, password);
    return writePasswdFile(error ? error : &ignored);
}

bool DovecotServer::pickPorts(QString* error)
{
    const QHostAddress first(QStringLiteral("127.0.0.1"));
    const QHostAddress second(QStringLiteral("127.0.0.2"));
    for (int attempt = 0; attempt < 20; ++attempt) {
        m_imapsPort = freeLoopbackPort(first);
        m_imapPort = freeLoopbackPort(first);
        if (m_imapsPort && m_imapPort && m_imapsPort != m_imapPort && portFree(second, m_imapPort)) {
            return true;
        }
    }
    *error = QStringLiteral("no free loopback ports for Dovecot");
    return false;
}

std::optional<std::pair<uid_t, gid_t>> DovecotServer::mailOwner() const
{
    if (!runningAsRoot()) {
        return std::nullopt;
    }
    const passwd* nobody = ::getpwnam("nobody");
    if (!nobody) {
        return std::nullopt;
    }
    return std::make_pair(nobody->pw_uid, nobody->pw_gid);
}

bool DovecotServer::writeConfig(QString* error) const
{
    const QDir root(m_directory);
    const auto owner = mailOwner();
    const uid_t mailUid = owner ? owner->first : ::geteuid();
    const gid_t mailGid = owner ? owner->second : ::getegid();

    QString config = QStringLiteral(R"(# Written by the OpenArchiver test harness; private to one test process.
base_dir = %1
state_dir = %2
log_path = %3
info_log_path = %3
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <%4
ssl_key = <%5
ssl_min_protocol = TLSv1.2
auth_mechanisms = %13
auth_verbose = yes
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n %6
}
userdb {
  driver = static
  args = uid=%7 gid=%8 home=%9/%n
}
mail_location = maildir:~/Maildir
first_valid_uid = 1
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \Sent
    auto = subscribe
  }
  mailbox Archive {
    special_use = \Archive
    auto = subscribe
  }
  mailbox Trash {
    special_use = \Trash
    auto = create
  }
  mailbox Junk {
    special_use = \Junk
    auto = create
  }
}
protocol imap {
  mail_max_userip_connections = %10
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1, 127.0.0.2
    port = %11
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %12
    ssl = yes
  }
}
)")
                         .arg(root.filePath(QStringLiteral("run")),
                              root.filePath(QStringLiteral("state")),
                              root.filePath(QStringLiteral("dovecot.log")),
                              m_certificates->chainPath(ServerCertificateName),
                              m_certificates->keyPath(ServerCertificateName),
                              root.filePath(QStringLiteral("passwd")),
                              QString::number(mailUid),
                              QString::number(mailGid),
                              root.filePath(QStringLiteral("mail")))
                         .arg(m_options.maxConnectionsPerUserAndIp)
                         .arg(m_imapPort)
                         .arg(m_imapsPort)
                         .arg(m_options.authMechanisms);

    if (m_options.fastAuthFailures) {
        config += QStringLiteral(R"(auth_failure_delay = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
)");
    }
    if (!runningAsRoot()) {
        // Without root there is no chroot and no switching users: every
        // process runs as us (see shared notes, imap-lab §1).
        const QString me = currentUserName();
        config += QStringLiteral(R"(default_login_user = %1
default_internal_user = %1
default_internal_group = %2
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
)")
                      .arg(me, QString::number(::getegid()));
    }
    return writeFile(configPath(),
                     config.toUtf8(),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther,
                     error);
}

bool DovecotServer::launch(QString* error)
{
    QFile::remove(QDir(m_directory).filePath(QStringLiteral("dovecot.log")));
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // If the test process dies (a crash, SIGKILL), the kernel sends Dovecot
    // SIGTERM, and its master takes its children down with it.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(dovecotExecutable(), {QStringLiteral("-F"), QStringLiteral("-c"), configPath()});
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("Dovecot did not start: %1").arg(m_process->errorString());
        return false;
    }
    return true;
}

bool DovecotServer::waitUntilGreeting(QString* error)
{
    const QDeadlineTimer deadline(20000);
    QString lastProblem;
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("Dovecot exited with code %1: %2\nLog:\n%3")
                         .arg(m_process->exitCode())
                         .arg(QString::fromLocal8Bit(m_process->readAll()).trimmed(), logTail());
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(QStringLiteral("127.0.0.1")), m_imapPort);
        if (probe.waitForConnected(500)) {
            QByteArray greeting;
            while (!greeting.contains('\n') && probe.waitForReadyRead(1000)) {
                greeting += probe.readAll();
            }
            if (greeting.startsWith("* OK")) {
                return true;
            }
            lastProblem = QStringLiteral("unexpected greeting \"%1\"").arg(QString::fromLatin1(greeting.trimmed()));
        } else {
            lastProblem = probe.errorString();
        }
        QThread::msleep(50);
    }
    *error = QStringLiteral("Dovecot did not greet on 127.0.0.1:%1 within 20 s (%2)\nLog:\n%3")
                 .arg(m_imapPort)
                 .arg(lastProblem, logTail());
    return false;
}

bool DovecotServer::restart(QString* error)
{
    QString ignored;
    if (!error) {
        error = &ignored;
    }
    stop();
    // A port just closed can stay in TIME_WAIT for the listener; Dovecot
    // sets SO_REUSEADDR, and a few tries cover the rest.
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (launch(error) && waitUntilGreeting(error)) {
            return true;
        }
        stop();
        QThread::msleep(100);
    }
    return false;
}

void DovecotServer::stop()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM to our child's PID only
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

bool DovecotServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString DovecotServer::host() const
{
    // The address, not "localhost": a minimal machine may have no /etc/hosts
    // (a fresh debootstrap root has none), and the certificate names both.
    return QStringLiteral("127.0.0.1");
}

quint16 DovecotServer::imapsPort() const
{
    return m_imapsPort;
}

quint16 DovecotServer::imapPort() const
{
    return m_imapPort;
}

QString DovecotServer::caCertificatePath() const
{
    return m_certificates ? m_certificates->authorityPath() : QString();
}

QString DovecotServer::serverCertificatePath() const
{
    return m_certificates ? m_certificates->certificatePath(ServerCertificateName) : QString();
}

QByteArray DovecotServer::serverFingerprint() const
{
    return TestCertificates::sha256Fingerprint(serverCertificatePath());
}

TestCertificates& DovecotServer::certificates() const
{
    return *m_certificates;
}

QString DovecotServer::password(const QString& user) const
{
    return m_options.users.value(user);
}

QString DovecotServer::maildir(const QString& user) const
{
    return QDir(m_directory).filePath(QStringLiteral("mail/%1/Maildir").arg(user));
}

MaildirWriter DovecotServer::maildirWriter(const QString& user) const
{
    // Dovecot creates a home on first login; we may write before that.
    const QString home = QDir(m_directory).filePath(QStringLiteral("mail/") + user);
    QDir().mkpath(home);
    if (const auto owner = mailOwner()) {
        const QByteArray path = QFile::encodeName(home);
        if (::chown(path.constData(), owner->first, owner->second) != 0) {
            qWarning("cannot hand %s to the mail user", path.constData());
        }
    }
    return MaildirWriter(maildir(user), mailOwner());
}

int DovecotServer::doveadm(const QStringList& arguments, QByteArray* output) const
{
    QString doveadmPath = QFileInfo(dovecotExecutable()).dir().filePath(QStringLiteral("doveadm"));
    if (!QFileInfo(doveadmPath).isExecutable()) {
        doveadmPath = QStandardPaths::findExecutable(QStringLiteral("doveadm"),
                                                     {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")});
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(doveadmPath, QStringList {QStringLiteral("-c"), configPath()} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        if (output) {
            *output = "doveadm did not finish: " + process.errorString().toUtf8();
        }
        return -1;
    }
    if (output) {
        *output = process.readAll();
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString DovecotServer::directory() const
{
    return m_directory;
}

QString DovecotServer::configPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("dovecot.conf"));
}

QString DovecotServer::logTail(int lines) const
{
    QFile log(QDir(m_directory).filePath(QStringLiteral("dovecot.log")));
    if (!log.open(QIODevice::ReadOnly)) {
        return QStringLiteral("(no log written)");
    }
    const QList<QByteArray> all = log.readAll().split('\n');
    return QString::fromUtf8(all.mid(qMax(0, all.size() - lines - 1)).join('\n'));
}

qint64 DovecotServer::processId() const
{
    return m_process ? m_process->processId() : 0;
}
