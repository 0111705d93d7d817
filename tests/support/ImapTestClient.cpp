#include "ImapTestClient.h"

#include "GeneratedMessage.h"

#include <QFile>

#include <mutex>

#include <vmime/platforms/posix/posixHandler.hpp>
#include <vmime/security/cert/defaultCertificateVerifier.hpp>
#include <vmime/vmime.hpp>

namespace {

QString describe(const vmime::exception& e)
{
    QString text = QStringLiteral("%1: %2").arg(QString::fromStdString(e.name()), QString::fromStdString(e.what()));
    if (e.other()) {
        text += QStringLiteral(" (%1)").arg(QString::fromStdString(e.other()->what()));
    }
    return text;
}

template<typename Function>
bool guarded(QString* error, Function&& function)
{
    try {
        function();
        return true;
    } catch (const vmime::exception& e) {
        if (error) {
            *error = describe(e);
        }
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromStdString(e.what());
        }
    }
    return false;
}

vmime::net::folder::path toPath(const QString& folder)
{
    vmime::net::folder::path path;
    // Name components as UTF-8 explicitly: vmime::word(std::string) would
    // take the locale's charset (shared notes, imap-lab §3).
    for (const QString& component : folder.split(QLatin1Char('/'))) {
        path.appendComponent(vmime::word(component.toStdString(), vmime::charset(vmime::charsets::UTF_8)));
    }
    return path;
}

QString fromPath(const vmime::net::folder::path& path)
{
    QStringList components;
    for (size_t i = 0; i < path.getSize(); ++i) {
        components << QString::fromStdString(path[i].getConvertedText(vmime::charset(vmime::charsets::UTF_8)));
    }
    return components.join(QLatin1Char('/'));
}

} // namespace

void ImapTestClient::initializeVmime()
{
    static std::once_flag once;
    std::call_once(once, [] { vmime::platform::setHandler<vmime::platforms::posix::posixHandler>(); });
}

ImapTestClient::ImapTestClient(QString host, quint16 port, QString caCertificatePath)
    : m_host(std::move(host))
    , m_port(port)
    , m_caCertificatePath(std::move(caCertificatePath))
{
    initializeVmime();
}

ImapTestClient::~ImapTestClient()
{
    disconnect();
}

bool ImapTestClient::connect(const QString& user, const QString& password, QString* error)
{
    QFile caFile(m_caCertificatePath);
    if (!caFile.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QStringLiteral("cannot read the CA %1").arg(m_caCertificatePath);
        }
        return false;
    }
    const QByteArray caPem = caFile.readAll();

    return guarded(error, [&] {
        m_session = vmime::net::session::create();
        m_store = m_session->getStore(vmime::utility::url("imaps", m_host.toStdString(), m_port));
        m_store->setProperty("options.need-authentication", true);
        m_store->setProperty("auth.username", user.toStdString());
        m_store->setProperty("auth.password", password.toStdString());
        // One attempt only: SASL would try three mechanisms on a wrong password.
        m_store->setProperty("options.sasl", false);

        auto authority = vmime::security::cert::X509Certificate::import(
            reinterpret_cast<const vmime::byte_t*>(caPem.constData()), static_cast<size_t>(caPem.size()));
        if (!authority) {
            throw vmime::exceptions::invalid_argument();
        }
        auto verifier = vmime::make_shared<vmime::security::cert::defaultCertificateVerifier>();
        verifier->setX509RootCAs({authority});
        m_store->setCertificateVerifier(verifier);
        m_store->connect();
    });
}

void ImapTestClient::disconnect()
{
    if (m_store && m_store->isConnected()) {
        guarded(nullptr, [&] { m_store->disconnect(); });
    }
    m_store.reset();
    m_session.reset();
}

QStringList ImapTestClient::folders(QString* error)
{
    QStringList names;
    guarded(error, [&] {
        for (const auto& folder : m_store->getRootFolder()->getFolders(true)) {
            names << fromPath(folder->getFullPath());
        }
    });
    names.sort();
    if (names.removeOne(QStringLiteral("INBOX"))) {
        names.prepend(QStringLiteral("INBOX"));
    }
    return names;
}

qint64 ImapTestClient::messageCount(const QString& folder, QString* error)
{
    qint64 count = -1;
    guarded(error,
            [&] { count = static_cast<qint64>(m_store->getFolder(toPath(folder))->getStatus()->getMessageCount()); });
    return count;
}

bool ImapTestClient::append(const GeneratedMessage& message, QString* error)
{
    return guarded(error, [&] {
        int flags = 0;
        flags |= message.seen ? vmime::net::message::FLAG_SEEN : 0;
        flags |= message.flagged ? vmime::net::message::FLAG_MARKED : 0;
        flags |= message.answered ? vmime::net::message::FLAG_REPLIED : 0;
        const QDateTime utc = message.internalDate.toUTC();
        vmime::datetime date(utc.date().year(),
                             utc.date().month(),
                             utc.date().day(),
                             utc.time().hour(),
                             utc.time().minute(),
                             utc.time().second(),
                             vmime::datetime::GMT);
        const std::string raw(message.raw.constData(), static_cast<size_t>(message.raw.size()));
        vmime::utility::inputStreamStringAdapter stream(raw);
        auto folder = m_store->getFolder(toPath(message.folder));
        if (!folder->exists()) {
            // Like a mail client, create the folder on first delivery.
            vmime::net::folderAttributes attributes;
            attributes.setType(vmime::net::folderAttributes::TYPE_CONTAINS_MESSAGES);
            folder->create(attributes);
        }
        folder->open(vmime::net::folder::MODE_READ_WRITE);
        folder->addMessage(stream, raw.size(), flags, &date);
        folder->close(false);
    });
}

QByteArray ImapTestClient::fetchRaw(const QString& folder, qint64 number, QString* error)
{
    QByteArray raw;
    guarded(error, [&] {
        auto opened = m_store->getFolder(toPath(folder));
        opened->open(vmime::net::folder::MODE_READ_ONLY);
        auto message = opened->getMessage(static_cast<size_t>(number));
        std::string bytes;
        vmime::utility::outputStreamStringAdapter out(bytes);
        message->extract(out, nullptr, 0, static_cast<size_t>(-1), true);
        raw = QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
        opened->close(false);
    });
    return raw;
}
