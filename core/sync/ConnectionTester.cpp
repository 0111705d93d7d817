#include "ConnectionTester.h"

#include "SourceSync.h"
#include "SyncError.h"
#include "imap/CancelToken.h"
#include "imap/ImapConnector.h"
#include "imap/ImapSession.h"
#include "imap/ServerText.h"

#include <QLocale>
#include <QThread>

#include <algorithm>

#include <vmime/vmime.hpp>

namespace {

// A test should answer quickly: a server silent this long counts as failed.
constexpr int TestTimeoutMs = 20000;

} // namespace

ConnectionTester::ConnectionTester(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<ConnectionTestResult>();
}

ConnectionTester::~ConnectionTester()
{
    stopThread();
}

void ConnectionTester::setExtraCaCertificatesFile(const QString& path)
{
    m_extraCaFile = path;
}

void ConnectionTester::start(const IngestionSource& source, const QString& password)
{
    stopThread();
    const quint64 generation = ++m_generation;
    auto token = std::make_shared<CancelToken>();
    m_token = token;
    const QString extraCaFile = m_extraCaFile;
    m_thread = QThread::create([this, source, password, extraCaFile, token, generation] {
        ConnectionTestResult result = run(source, password, extraCaFile, token);
        if (token->isCancelled()) {
            return;
        }
        // Delivered on this object's thread; dropped if it is gone by then
        // (the destructor waits for this thread, so it cannot be mid-way).
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result), generation] {
                if (generation == m_generation) {
                    emit finished(result);
                }
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("connection-test"));
    m_thread->start();
}

void ConnectionTester::cancel()
{
    ++m_generation; // a result already queued is ignored
    if (m_token) {
        m_token->cancel();
    }
}

bool ConnectionTester::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ConnectionTester::stopThread()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

ConnectionTestResult ConnectionTester::run(const IngestionSource& source,
                                           const QString& password,
                                           const QString& extraCaFile,
                                           const std::shared_ptr<CancelToken>& token)
{
    ConnectionTestResult result;
    try {
        ImapConnector connector(SourceSync::tlsPolicy(source, extraCaFile), token, TestTimeoutMs);
        const std::unique_ptr<ImapSession> session =
            connector.openSession(source.host, source.port, source.username, password);
        result.folders = session->listFolders();
        const int selectable = static_cast<int>(std::count_if(
            result.folders.cbegin(), result.folders.cend(), [](const RemoteFolder& f) { return f.isSelectable(); }));
        // What "All folders" would take: the count people compare with the
        // folder list, where Trash and Junk are shown as left out.
        IngestionSource allFolders = source;
        allFolders.folderScope = IngestionSource::FolderScope::AllFolders;
        const int archivable = static_cast<int>(SourceSync::foldersInScope(allFolders, result.folders).size());
        const FolderStatus inbox = session->examine(QStringLiteral("INBOX"));
        result.ok = true;
        result.message = tr("Connected to %1 (security: %2) and logged in as %3. The server has %n folder(s), %4 of "
                            "them archived with All folders (not Trash and Junk); the Inbox holds %5 messages.",
                            nullptr,
                            selectable)
                             .arg(source.host, IngestionSource::securityText(source.security), source.username)
                             .arg(archivable)
                             .arg(QLocale().toString(static_cast<qulonglong>(inbox.messages)));
    } catch (const vmime::exceptions::operation_cancelled&) {
        result.message = tr("The test was cancelled.");
    } catch (const vmime::exception& e) {
        result.failure = SyncError::failure(e, source.host, password);
        result.message = result.failure.message;
    } catch (const std::exception& e) {
        result.failure.kind = SyncFailure::Kind::Other;
        result.failure.message =
            tr("The connection failed: %1")
                .arg(ServerText::redact(ServerText::printable(QString::fromStdString(e.what())), password));
        result.message = result.failure.message;
    }
    return result;
}
