#include "SyncCommand.h"

#include "CliContext.h"
#include "CliCredentials.h"
#include "archive/Archive.h"
#include "credentials/KeychainCredentialStore.h"
#include "imap/CancelToken.h"
#include "sources/SourceRepository.h"
#include "sync/SourceSync.h"
#include "sync/SyncRecorder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <atomic>
#include <csignal>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)
};

// SIGINT and SIGTERM are taken by a thread of ours with sigwait(), so the
// cancel runs as normal code (CancelToken::cancel() takes a mutex, which a
// signal handler must not).
class InterruptWatcher
{
public:
    InterruptWatcher()
    {
        sigemptyset(&m_signals);
        sigaddset(&m_signals, SIGINT);
        sigaddset(&m_signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &m_signals, nullptr);
        m_thread = std::thread([this] {
            int received = 0;
            sigwait(&m_signals, &received);
            if (m_stopping) {
                return;
            }
            m_interrupted = true;
            std::lock_guard lock(m_mutex);
            if (m_token) {
                m_token->cancel();
            }
        });
    }

    ~InterruptWatcher()
    {
        m_stopping = true;
        pthread_kill(m_thread.native_handle(), SIGTERM);
        m_thread.join();
        pthread_sigmask(SIG_UNBLOCK, &m_signals, nullptr);
    }

    void watch(std::shared_ptr<CancelToken> token)
    {
        std::lock_guard lock(m_mutex);
        m_token = std::move(token);
        if (m_interrupted && m_token) {
            m_token->cancel();
        }
    }

    bool interrupted() const { return m_interrupted; }

private:
    sigset_t m_signals {};
    std::thread m_thread;
    std::mutex m_mutex;
    std::shared_ptr<CancelToken> m_token;
    std::atomic<bool> m_interrupted {false};
    std::atomic<bool> m_stopping {false};
};

} // namespace

int runSyncCommand(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption sourceOption(
        QStringLiteral("source"), Tr::tr("Only this source."), QStringLiteral("name"));
    parser.addOption(sourceOption);
    if (!parser.parse(QStringList {QStringLiteral("sync")} + context.arguments)) {
        context.err << "openarchiver-cli sync: " << parser.errorText() << '\n';
        return CliExit::BadUsage;
    }
    SourceRepository repository(context.archive.connection());
    QList<IngestionSource> sources;
    if (parser.isSet(sourceOption)) {
        const auto named = repository.findByName(parser.value(sourceOption));
        if (!named) {
            context.err << Tr::tr("There is no source named \"%1\".").arg(parser.value(sourceOption)) << '\n';
            return CliExit::Failed;
        }
        if (named->isLocal()) {
            context.err
                << Tr::tr("\"%1\" holds mail imported from files: there is no server to sync it with.").arg(named->name)
                << '\n';
            return CliExit::Failed;
        }
        sources << *named;
    } else {
        for (const IngestionSource& source : repository.list()) {
            if (source.status != IngestionSource::Status::Paused && !source.isLocal()) {
                sources << source;
            }
        }
    }

    InterruptWatcher interrupts;
    const bool terminal = ::isatty(STDERR_FILENO);
    bool allOk = true;
    for (const IngestionSource& source : sources) {
        const CredentialResult password = CliCredentials::readStoredPassword(context.archive, source.id);
        if (password.status != CredentialResult::Status::Ok) {
            SyncRecorder(context.archive).passwordUnavailable(source, password.message);
            context.err << source.name << ": " << password.message << '\n';
            allOk = false;
            continue;
        }
        SyncRecorder recorder(context.archive);
        recorder.started(source);

        SourceSync sync(context.archive, source, password.password);
        interrupts.watch(sync.cancelToken());
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        const SourceSync::Result result = sync.run([&](const QString& folder, qint64 done, qint64 total) {
            if (terminal && (sinceUpdate.elapsed() > 200 || done == total)) {
                context.err << '\r'
                            << Tr::tr("%1 · %2: %3 of %4 messages").arg(source.name, folder).arg(done).arg(total)
                            << "   ";
                context.err.flush();
                sinceUpdate.restart();
            }
            return true;
        });
        interrupts.watch(nullptr);
        if (terminal) {
            context.err << '\n';
        }

        const QString summary = recorder.record(source, result);
        if (result.ok) {
            context.out << summary << '\n';
            allOk = allOk && result.counts.isComplete();
        } else if (result.cancelled) {
            context.err << summary << '\n';
            allOk = false;
            break;
        } else {
            context.err << source.name << ": " << summary << '\n';
            // The sentence has no protocol in it; the server's own words
            // (escaped, password redacted) follow on a line of their own.
            if (!result.failure.technical.isEmpty()) {
                context.err << "  " << Tr::tr("Technical details: %1").arg(result.failure.technical) << '\n';
            }
            allOk = false;
        }
    }
    return allOk ? CliExit::Ok : CliExit::Failed;
}
