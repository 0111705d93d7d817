// Browsing a big archive the way the Archive page does: the first rows of a
// list in every sort order, paging down through 10,000 rows, opening a
// message, starting the window, and the longest the UI thread stops
// answering while it pages (alone, and while an import stores mail).
// The archive is built straight through MessageStore (no IMAP).
// See docs/benchmarks.md for the commands and the results.
#include "BrowseArchive.h"
#include "MainWindow.h"
#include "archive/Archive.h"
#include "archive/ArchivePage.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/ArchiveReader.h"
#include "archive/FolderTreeModel.h"
#include "archive/MessageBodyBrowser.h"
#include "archive/MessageDocument.h"
#include "archive/MessageListModel.h"
#include "archive/MessageListView.h"
#include "archive/MessageStore.h"
#include "archive/MessageView.h"
#include "common/BackgroundPriority.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/LayeredCredentialStore.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/DeleteSourceDialog.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceStatistics.h"
#include "sources/SourceTableModel.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QPointer>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <thread>

namespace {

using namespace BrowseArchive;

double msSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : (value < 1000 ? 1 : 0));
}

struct Stats
{
    double mean = 0;
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Stats statsOf(QList<double> values)
{
    Stats stats;
    if (values.isEmpty()) {
        return stats;
    }
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (const double value : std::as_const(values)) {
        sum += value;
    }
    stats.mean = sum / static_cast<double>(values.size());
    stats.median = values.at(values.size() / 2);
    stats.p95 = values.at(std::min(values.size() - 1, static_cast<qsizetype>(values.size() * 0.95)));
    stats.max = values.last();
    return stats;
}

// Runs the event loop until `done`; false after `timeoutMs`. A timer wakes
// the loop so the timeout is seen when nothing else happens.
bool spinUntil(const std::function<bool()>& done, qint64 timeoutMs = 30 * 60 * 1000)
{
    QTimer waker;
    waker.start(20);
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Qt's warnings, counted instead of printed: one that repeats for every
// message shown would bury the tables.
QHash<QString, int>& warnings()
{
    static QHash<QString, int> counts;
    return counts;
}

void countMessage(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtFatalMsg) {
        QTextStream(stderr) << message << '\n';
        std::abort();
    }
    ++warnings()[message];
}

qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<qint64>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

void spinFor(int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    spinUntil([&] { return timer.elapsed() >= milliseconds; });
}

// ---- Measuring -----------------------------------------------------------------

// The largest gap between the ticks of a 1 ms timer: how long the UI thread
// did not get back to its event loop.
class StallMonitor
{
public:
    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }
    void start()
    {
        m_max = 0;
        m_over16 = 0;
        m_over50 = 0;
        m_stalls.clear();
        m_stallCpu.clear();
        m_events.clear();
        m_lastCpu = threadCpuNs();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    double maxGapMs() const { return m_max; }
    int over16() const { return m_over16; }
    int over50() const { return m_over50; }
    // Something the UI thread did, logged when it ends: a stall that
    // contains it was (at least partly) spent on it.
    void note(const QString& what) { m_events.append({static_cast<double>(m_clock.nsecsElapsed()) / 1e6, what}); }
    // The longest stalls, each with what ended inside it.
    QStringList worstStalls(int count) const
    {
        QList<qsizetype> order;
        for (qsizetype i = 0; i < m_stalls.size(); ++i) {
            order << i;
        }
        const auto length = [this](qsizetype i) { return m_stalls.at(i).second - m_stalls.at(i).first; };
        std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return length(a) > length(b); });
        QStringList result;
        for (qsizetype n = 0; n < std::min<qsizetype>(count, order.size()); ++n) {
            const auto& [from, to] = m_stalls.at(order.at(n));
            QStringList inside;
            for (const auto& [at, what] : m_events) {
                if (at >= from && at <= to + 0.5) {
                    inside << what;
                }
            }
            inside.removeDuplicates();
            // Little CPU in a long stall: the thread was waiting (for a
            // core on a busy machine, a lock or the disk), not working.
            result << QStringLiteral("%1 ms at %2 s, UI thread on a CPU %3 ms of it: %4")
                          .arg(ms(to - from),
                               QString::number(from / 1000.0, 'f', 1),
                               ms(m_stallCpu.at(order.at(n))),
                               inside.isEmpty() ? QStringLiteral("(nothing logged)")
                                                : inside.join(QStringLiteral(", ")));
        }
        return result;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const double gap = static_cast<double>(now - m_last) / 1e6;
        const qint64 cpu = threadCpuNs();
        const double cpuMs = static_cast<double>(cpu - m_lastCpu) / 1e6;
        m_lastCpu = cpu;
        m_last = now;
        m_max = std::max(m_max, gap);
        m_over16 += gap > 16 ? 1 : 0;
        m_over50 += gap > 50 ? 1 : 0;
        if (gap > 16) {
            m_stalls.append({static_cast<double>(m_last) / 1e6 - gap, static_cast<double>(m_last) / 1e6});
            m_stallCpu.append(cpuMs);
        }
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_max = 0;
    int m_over16 = 0;
    int m_over50 = 0;
    QList<std::pair<double, double>> m_stalls; // from, to (ms)
    QList<double> m_stallCpu; // of each stall, the time the UI thread ran (ms)
    qint64 m_lastCpu = 0;
    QList<std::pair<double, QString>> m_events;
};

// Remembers when a widget was first painted (after `armed`).
class PaintWatcher : public QObject
{
public:
    PaintWatcher(QWidget* widget, const QElapsedTimer* clock, std::function<bool()> armed = {})
        : m_clock(clock)
        , m_armed(std::move(armed))
    {
        widget->installEventFilter(this);
    }
    double paintedAtMs() const { return m_at; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_at < 0 && (!m_armed || m_armed())) {
            m_at = msSince(*m_clock);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer* m_clock;
    std::function<bool()> m_armed;
    double m_at = -1;
};

struct StartResult
{
    double openMs = 0;
    double constructedMs = 0;
    double windowPaintMs = -1;
    double rowsShownMs = -1;
    // Delete on the Ingestions page: the dialog counts what would go.
    double deleteDialogMs = -1; // the dialog is up
    double deletePreviewMs = -1; // its numbers are in
    double deleteMaxStallMs = -1; // the UI thread's longest stall meanwhile
};

// 5: the window built as app/gui/main.cpp builds it, then Ctrl+2.
StartResult measureStart(const QString& path)
{
    StartResult result;
    QElapsedTimer clock;
    clock.start();
    Archive archive(path);
    QString error;
    if (!archive.open(&error)) {
        return result;
    }
    result.openMs = msSince(clock);
    KeychainCredentialStore keychain(archive.identity());
    SessionCredentialStore session;
    LayeredCredentialStore credentials(&keychain, &session);
    SyncManager manager(archive, &credentials);
    SourceService sources(archive, &credentials, &manager);
    {
        MainWindow window(archive, &manager, &sources, &credentials);
        result.constructedMs = msSince(clock);
        const PaintWatcher windowPaint(&window, &clock);
        ArchivePage* page = window.archivePage();
        const PaintWatcher rowsPaint(
            page->messageListView()->viewport(), &clock, [page] { return page->messageModel()->rowCount() > 0; });
        window.resize(1280, 860);
        window.show();
        manager.start();
        if (auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"))) {
            navigation->setCurrentRow(1);
        }
        spinUntil([&] { return rowsPaint.paintedAtMs() >= 0; }, 10 * 60 * 1000);
        result.windowPaintMs = windowPaint.paintedAtMs();
        result.rowsShownMs = rowsPaint.paintedAtMs();

        // Delete the source, as far as its dialog: counting what only it
        // holds reads every message.
        IngestionsPage* ingestions = window.ingestionsPage();
        spinUntil([&] { return ingestions->model()->rowCount() > 0; }, 60 * 1000);
        ingestions->table()->selectRow(0);
        StallMonitor monitor;
        monitor.start();
        QElapsedTimer deleting;
        deleting.start();
        QPointer<DeleteSourceDialog> dialog = ingestions->deleteSelected();
        if (dialog) {
            spinUntil([&] { return dialog->isVisible(); }, 60 * 1000);
            result.deleteDialogMs = msSince(deleting);
            spinUntil([&] { return dialog.isNull() || dialog->hasPreview(); }, 10 * 60 * 1000);
            result.deletePreviewMs = msSince(deleting);
            monitor.stop();
            result.deleteMaxStallMs = monitor.maxGapMs();
            dialog->reject();
        }
    }
    archive.closeConnection();
    return result;
}

struct SortCase
{
    QString name;
    int column;
    Qt::SortOrder order;
};

const QList<SortCase> sortCases {
    {QStringLiteral("date ↓ (default)"), MessageListModel::DateColumn, Qt::DescendingOrder},
    {QStringLiteral("date ↑"), MessageListModel::DateColumn, Qt::AscendingOrder},
    {QStringLiteral("sender ↑"), MessageListModel::CorrespondentColumn, Qt::AscendingOrder},
    {QStringLiteral("sender ↓"), MessageListModel::CorrespondentColumn, Qt::DescendingOrder},
    {QStringLiteral("subject ↑"), MessageListModel::SubjectColumn, Qt::AscendingOrder},
    {QStringLiteral("subject ↓"), MessageListModel::SubjectColumn, Qt::DescendingOrder},
    {QStringLiteral("size ↑"), MessageListModel::SizeColumn, Qt::AscendingOrder},
    {QStringLiteral("size ↓"), MessageListModel::SizeColumn, Qt::DescendingOrder},
};

// 1: setQuery to the first page painted, and the next page after it.
void measureFirstRows(ArchiveQueryRunner* runner,
                      const QList<std::pair<QString, MessageListQuery>>& lists,
                      QTextStream& out)
{
    MessageListModel model(runner);
    MessageListView view;
    view.setModel(&model);
    view.resize(1000, 600);
    view.show();
    spinUntil([&] { return view.isVisible(); });
    out << "\n| list | sort | first rows (ms) | next page (ms) | runs |\n|---|---|---|---|---|\n";
    for (const auto& [listName, query] : lists) {
        for (const SortCase& sortCase : sortCases) {
            QList<double> firsts;
            QList<double> nexts;
            // Three runs when quick; a sort that takes seconds is run once.
            for (int run = 0; run < 3; ++run) {
                model.setQuery(std::nullopt);
                model.sort(sortCase.column, sortCase.order);
                QElapsedTimer timer;
                bool shown = false;
                const QMetaObject::Connection connection =
                    QObject::connect(&model, &MessageListModel::loaded, &view, [&] {
                        view.viewport()->repaint();
                        firsts << msSince(timer);
                        shown = true;
                    });
                timer.start();
                model.setQuery(query);
                spinUntil([&] { return shown; });
                QObject::disconnect(connection);
                const int rows = model.rowCount();
                timer.start();
                // The view may have asked for it already while it painted.
                if (model.canFetchMore({})) {
                    model.fetchMore({});
                }
                if (spinUntil([&] { return model.rowCount() > rows; }, 5 * 60 * 1000)) {
                    view.viewport()->repaint();
                    nexts << msSince(timer);
                }
                if (firsts.last() > 2000) {
                    break;
                }
            }
            out << "| " << listName << " | " << sortCase.name << " | " << ms(statsOf(firsts).median) << " | "
                << (nexts.isEmpty() ? QStringLiteral("–") : ms(statsOf(nexts).median)) << " | " << firsts.size()
                << " |\n";
            out.flush();
        }
    }
    model.setQuery(std::nullopt);
}

struct PagingResult
{
    QList<double> steps; // one PageDown handled and painted
    double totalMs = 0;
    int rowsPerStep = 0;
    int reached = 0; // the current row at the end
    int pageWaits = 0; // times the current row sat on the last loaded row
    double longestPageWaitMs = 0;
    double maxStallMs = 0;
    int stalls16 = 0;
    int stalls50 = 0;
    int rowsInsertedAtTop = 0;
    int resets = 0; // the list started over (and the current row went back to the top)
    QStringList worstStalls;
};

// 2 and 3: PageDown at key-repeat pace until `target` is the current row
// (or `limitMs` passed).
PagingResult pageDown(ArchivePage& page,
                      int target,
                      int keyIntervalMs,
                      qint64 limitMs,
                      const std::function<void(StallMonitor&)>& onIdle = {})
{
    MessageListView* list = page.messageListView();
    MessageListModel* model = page.messageModel();
    list->setFocus();
    PagingResult result;
    StallMonitor monitor;
    // What the UI thread does besides the key presses, logged to name the stalls.
    QList<QMetaObject::Connection> connections {
        QObject::connect(model,
                         &QAbstractItemModel::rowsInserted,
                         list,
                         [&](const QModelIndex&, int first, int last) {
                             if (first == 0 && model->rowCount() > last + 1) {
                                 result.rowsInsertedAtTop += last - first + 1;
                                 monitor.note(QStringLiteral("new rows at the top"));
                             } else {
                                 monitor.note(QStringLiteral("a page appended"));
                             }
                         }),
        QObject::connect(model,
                         &QAbstractItemModel::modelReset,
                         list,
                         [&] {
                             ++result.resets;
                             monitor.note(QStringLiteral("list reset"));
                         }),
        QObject::connect(
            page.preview(), &MessageView::documentShown, list, [&] { monitor.note(QStringLiteral("preview shown")); }),
        QObject::connect(
            &page, &ArchivePage::foldersLoaded, list, [&] { monitor.note(QStringLiteral("folder tree rebuilt")); }),
    };
    monitor.start();
    QElapsedTimer total;
    total.start();
    QElapsedTimer waiting;
    bool blocked = false;
    while (list->currentIndex().row() < target && total.elapsed() < limitMs) {
        spinFor(keyIntervalMs);
        if (onIdle) {
            onIdle(monitor);
        }
        const int row = list->currentIndex().row();
        if (row >= model->rowCount() - 1) {
            // At the end of what is loaded: the view asked for the next page
            // when it scrolled to the bottom; PageDown waits for it.
            if (!blocked) {
                blocked = true;
                ++result.pageWaits;
                waiting.start();
            }
            continue;
        }
        if (blocked) {
            result.longestPageWaitMs = std::max(result.longestPageWaitMs, msSince(waiting));
            blocked = false;
        }
        QElapsedTimer step;
        step.start();
        QTest::keyClick(list, Qt::Key_PageDown);
        list->viewport()->repaint();
        result.steps << msSince(step);
        monitor.note(QStringLiteral("PageDown"));
        if (result.rowsPerStep == 0) {
            result.rowsPerStep = list->currentIndex().row() - row;
        }
    }
    result.totalMs = msSince(total);
    result.reached = list->currentIndex().row();
    monitor.stop();
    for (const QMetaObject::Connection& connection : std::as_const(connections)) {
        QObject::disconnect(connection);
    }
    result.maxStallMs = monitor.maxGapMs();
    result.stalls16 = monitor.over16();
    result.stalls50 = monitor.over50();
    result.worstStalls = monitor.worstStalls(3);
    return result;
}

void printPaging(const QString& name, const PagingResult& result, QTextStream& out)
{
    const Stats steps = statsOf(result.steps);
    out << "| " << name << " | " << result.steps.size() << " × " << result.rowsPerStep << " rows, to row "
        << result.reached << " | " << ms(steps.mean) << " | " << ms(steps.p95) << " | " << ms(steps.max) << " | "
        << ms(result.totalMs) << " | " << result.pageWaits << " (longest " << ms(result.longestPageWaitMs) << ") | "
        << ms(result.maxStallMs) << " | " << result.stalls16 << " / " << result.stalls50 << " |\n";
    for (const QString& stall : result.worstStalls) {
        out << "  stall " << stall << '\n';
    }
    if (result.resets > 0 || result.rowsInsertedAtTop > 0) {
        out << "  list reset " << result.resets << " times; " << result.rowsInsertedAtTop
            << " rows came in at the top\n";
    }
    out.flush();
}

std::unique_ptr<ArchivePage> openPage(const Archive& archive, ArchiveQueryRunner* runner)
{
    auto page = std::make_unique<ArchivePage>(archive, runner);
    bool folders = false;
    const QMetaObject::Connection connection =
        QObject::connect(page.get(), &ArchivePage::foldersLoaded, page.get(), [&] { folders = true; });
    page->resize(1200, 900);
    page->show();
    spinUntil([&] {
        return folders && !page->messageModel()->isLoading() && page->messageListView()->currentIndex().isValid();
    });
    // The tree is read again on every new total: `folders` is gone by then.
    QObject::disconnect(connection);
    return page;
}

// A sync's storing side on a thread of its own: batches of 200 generated
// messages into the big folder, newer than all the archive holds, until told
// to stop.
class Importer
{
public:
    Importer(Archive archive, qint64 folderId, const QDateTime& after)
        : m_thread([this, archive = std::move(archive), folderId, after] { run(archive, folderId, after); })
    {
    }
    ~Importer() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    qint64 stored() const { return m_stored; }

private:
    void run(const Archive& archive, qint64 folderId, const QDateTime& after)
    {
        // As the sync thread it stands in for (SyncWorker::run).
        BackgroundPriority::applyToCurrentThread();
        {
            MessageStore store = archive.store();
            FolderCheckpoint checkpoint = store.checkpoint(folderId);
            MailGeneratorOptions options = mixOptions(7);
            options.firstDate = after.addDays(1);
            MailGenerator generator(options);
            QString error;
            while (!m_stop) {
                QList<PreparedMessage> batch;
                for (int i = 0; i < BatchSize; ++i) {
                    batch << MessageStore::prepare(fetched(generator.next(), ++checkpoint.lastUid), store.dictionary());
                }
                checkpoint.uidNext = checkpoint.lastUid + 1;
                if (!store.storeBatch(batch, checkpoint, nullptr, &error)) {
                    QTextStream(stderr) << "import failed: " << error << '\n';
                    break;
                }
                m_stored += batch.size();
            }
        }
        archive.closeConnection();
    }

    std::atomic<bool> m_stop = false;
    std::atomic<qint64> m_stored = 0;
    std::thread m_thread;
};

// 4: MessageDocument::load on the query runner, then showDocument and the
// view painted, then the rest of the body laid out.
void measureOpening(ArchiveQueryRunner* runner, const QList<Specimen>& specimens, QTextStream& out)
{
    MessageView view(runner);
    view.resize(900, 700);
    view.show();
    spinUntil([&] { return view.isVisible(); });
    out << "\n| message | raw size | load (ms) | show + paint (ms) | rest of the layout (ms) | of the show: a bare "
           "QTextDocument's setHtml + layout (ms) |\n|---|---|---|---|---|---|\n";
    for (const Specimen& specimen : specimens) {
        QList<double> loads;
        QList<double> shows;
        QList<double> layouts;
        QList<double> bares;
        for (int run = 0; run < 5; ++run) {
            view.clear();
            view.repaint();
            QElapsedTimer timer;
            bool loaded = false;
            MessageDocument document;
            timer.start();
            runner->run(
                ArchiveQueryRunner::Lane::Interactive,
                &view,
                [id = specimen.id](const ArchiveReader& reader) { return MessageDocument::load(reader, id); },
                [&](MessageDocument result) {
                    document = std::move(result);
                    loaded = true;
                });
            spinUntil([&] { return loaded; });
            loads << msSince(timer);
            timer.start();
            view.showDocument(document);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            view.repaint();
            shows << msSince(timer);
            // QTextBrowser lays out what is visible first and the rest
            // later, from its event loop; pageCount() finishes it now.
            timer.start();
            view.bodyBrowser()->document()->documentLayout()->pageCount();
            layouts << msSince(timer);
            // Where the show's time goes: the same HTML in a QTextDocument
            // of the view's width, without the widget.
            timer.start();
            QTextDocument bare;
            bare.setHtml(document.hasHtml ? document.html : QString());
            bare.setTextWidth(view.bodyBrowser()->viewport()->width());
            bare.size();
            bares << msSince(timer);
        }
        out << "| " << specimen.name << " | " << QString::number(specimen.rawSize / 1024.0, 'f', 0) << " KB | "
            << ms(statsOf(loads).median) << " | " << ms(statsOf(shows).median) << " | " << ms(statsOf(layouts).median)
            << " | " << ms(statsOf(bares).median) << " |\n";
        out.flush();
    }
}

} // namespace

int main(int argc, char* argv[])
{
    // Offscreen unless told otherwise: the bench runs on machines with no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Archive browsing benchmark"));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Messages to generate."),
                                            QStringLiteral("n"),
                                            QStringLiteral("100000"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption archiveOption(QStringLiteral("archive"),
                                           QStringLiteral("The archive file (default: a temporary one)."),
                                           QStringLiteral("path"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the archive, and reuse it when it exists."));
    const QCommandLineOption buildOnlyOption(QStringLiteral("build-only"), QStringLiteral("Only build the archive."));
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Rows to page down through."),
                                        QStringLiteral("n"),
                                        QStringLiteral("10000"));
    const QCommandLineOption intervalOption(QStringLiteral("key-interval"),
                                            QStringLiteral("Milliseconds between PageDown presses (key repeat)."),
                                            QStringLiteral("ms"),
                                            QStringLiteral("33"));
    const QCommandLineOption equalPriorityOption(
        QStringLiteral("equal-priority"),
        QStringLiteral("Leave the import's threads at the GUI thread's priority (the app lowers them)."));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Measure only these (comma-separated): start, rows, paging, "
                                                       "open, import."),
                                        QStringLiteral("parts"));
    parser.addOptions({messagesOption,
                       seedOption,
                       archiveOption,
                       keepOption,
                       buildOnlyOption,
                       rowsOption,
                       intervalOption,
                       equalPriorityOption,
                       onlyOption});
    parser.process(app);
    // As app/gui/main.cpp does.
    BackgroundPriority::setEnabled(!parser.isSet(equalPriorityOption));

    // Window state and layout go to a directory of this run, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    const QTemporaryDir settingsDirectory;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDirectory.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDirectory.path());

    QTextStream out(stdout);
    qInstallMessageHandler(countMessage);
    const QTemporaryDir directory;
    const QString path =
        parser.isSet(archiveOption) ? parser.value(archiveOption) : directory.filePath(QStringLiteral("browse.sqlite"));
    if (!openOrBuild(path,
                     parser.isSet(keepOption),
                     parser.value(messagesOption).toInt(),
                     parser.value(seedOption).toULongLong(),
                     out)) {
        return 1;
    }
    QString error;
    if (parser.isSet(buildOnlyOption)) {
        return 0;
    }

    const QStringList only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto wants = [&only](const char* part) { return only.isEmpty() || only.contains(QLatin1String(part)); };

    // 5 first, in a process that has not drawn anything yet.
    const StartResult start = wants("start") ? measureStart(path) : StartResult();

    Archive archive(path);
    if (!archive.open(&error)) {
        out << error << '\n';
        return 1;
    }
    const QList<Specimen> specimens = ensureSpecimens(archive, out);
    const ArchiveReader reader = archive.reader();
    const qint64 messages = reader.messageCount();
    FolderEntry big;
    // The smallest folder of generated mail (the specimens' folder holds 3):
    // a list that is gathered and sorted rather than walked in an index.
    FolderEntry small;
    for (const FolderEntry& folder : reader.folderEntries()) {
        if (folder.messageCount > big.messageCount) {
            big = folder;
        }
        if (folder.messageCount >= 100 && (small.id == 0 || folder.messageCount < small.messageCount)) {
            small = folder;
        }
    }
    QDateTime newest;
    {
        QSqlQuery query(archive.connection());
        query.exec(QStringLiteral("SELECT max(date) FROM messages"));
        if (query.next()) {
            newest = QDateTime::fromSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
        }
    }
    out << "archive:         " << path << ", " << messages << " messages, "
        << QString::number(fileSize(path) / 1e9, 'f', 2) << " GB; biggest folder " << big.path << " ("
        << big.messageCount << "), smallest " << small.path << " (" << small.messageCount << ")\n";
    if (wants("start")) {
        out << "\n| start | ms |\n|---|---|\n"
            << "| archive opened | " << ms(start.openMs) << " |\n"
            << "| MainWindow constructed | " << ms(start.constructedMs) << " |\n"
            << "| window's first paint | " << ms(start.windowPaintMs) << " |\n"
            << "| Archive page's list shows its first rows | " << ms(start.rowsShownMs) << " |\n"
            << "\n| delete a source (Ingestions) | ms |\n|---|---|\n"
            << "| dialog shown | " << ms(start.deleteDialogMs) << " |\n"
            << "| what would be deleted counted | " << ms(start.deletePreviewMs) << " |\n"
            << "| UI thread's longest stall meanwhile | " << ms(start.deleteMaxStallMs) << " |\n";
    }
    out.flush();

    ArchiveQueryRunner runner(archive);
    MessageListQuery all;
    MessageListQuery folder;
    folder.scope = MessageListQuery::Scope::Folder;
    folder.id = big.id;
    MessageListQuery smallFolder = folder;
    smallFolder.id = small.id;
    MessageListQuery source;
    source.scope = MessageListQuery::Scope::Source;
    source.id = big.sourceId;
    if (wants("rows")) {
        measureFirstRows(&runner,
                         {{QStringLiteral("All mail"), all},
                          {QStringLiteral("folder ") + big.path, folder},
                          {QStringLiteral("folder ") + small.path, smallFolder}},
                         out);
        // The source's list walks messages and checks each one's locations.
        MessageListModel model(&runner);
        QElapsedTimer timer;
        timer.start();
        model.setQuery(source);
        spinUntil([&] { return !model.isLoading(); });
        out << "| source " << SourceName << " | date ↓ (default) | " << ms(msSince(timer)) << " | | 1 |\n";
    }

    const int rows = parser.value(rowsOption).toInt();
    const int interval = parser.value(intervalOption).toInt();
    const QString pagingHeader =
        QStringLiteral("\n| paging (PageDown every %1 ms) | steps | step mean (ms) | p95 | max | total | waits for a "
                       "page | longest "
                       "stall | stalls > 16 / > 50 ms |\n|---|---|---|---|---|---|---|---|---|\n")
            .arg(interval);
    if (wants("paging")) {
        out << pagingHeader;
        {
            auto page = openPage(archive, &runner);
            printPaging(QStringLiteral("All mail"), pageDown(*page, rows, interval, 10 * 60 * 1000), out);
        }
        auto page = openPage(archive, &runner);
        page->folderView()->setCurrentIndex(
            page->folderModel()->indexForKey(QStringLiteral("folder:%1:%2").arg(big.sourceId).arg(big.path)));
        spinUntil(
            [&] { return !page->messageModel()->isLoading() && page->messageListView()->currentIndex().isValid(); });
        printPaging(QStringLiteral("folder ") + big.path, pageDown(*page, rows, interval, 10 * 60 * 1000), out);
    }

    if (wants("open")) {
        measureOpening(&runner, specimens, out);
    }

    if (wants("import")) {
        // The same while a second thread stores mail as a sync does, and
        // the page is told the new totals every 2 s as MainWindow does.
        // Capped in time: the import adds to the archive, and a list that
        // starts over never reaches the row.
        auto page = openPage(archive, &runner);
        ArchiveTotals totals;
        totals.messages = messages;
        totals.sources = 1;
        page->setTotals(totals);
        Importer importer(archive, big.id, newest);
        QElapsedTimer sinceTotals;
        sinceTotals.start();
        QElapsedTimer importTime;
        importTime.start();
        const PagingResult result = pageDown(*page, rows, interval, 60 * 1000, [&](StallMonitor& monitor) {
            if (sinceTotals.elapsed() >= 2000) {
                totals.messages = messages + importer.stored();
                page->setTotals(totals);
                monitor.note(QStringLiteral("setTotals"));
                sinceTotals.start();
            }
        });
        const double importSeconds = static_cast<double>(importTime.elapsed()) / 1000.0;
        importer.stop();
        out << pagingHeader;
        printPaging(QStringLiteral("All mail, import running"), result, out);
        out << "  import during it: " << importer.stored() << " messages in " << QString::number(importSeconds, 'f', 1)
            << " s (" << QString::number(importer.stored() / importSeconds, 'f', 0) << "/s)\n";
    }

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    out << "\narchive file:    " << QString::number(fileSize(path) / 1e9, 'f', 2) << " GB (" << reader.messageCount()
        << " messages)\npeak RSS:        " << usage.ru_maxrss / 1024 << " MB\n";
    for (auto it = warnings().cbegin(); it != warnings().cend(); ++it) {
        out << "Qt said " << it.value() << " times: " << it.key() << '\n';
    }
    out.flush();
    archive.closeConnection();
    if (!parser.isSet(keepOption)) {
        QFile::remove(path);
    }
    return 0;
}
