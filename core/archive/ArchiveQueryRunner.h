#pragma once

#include "Archive.h"
#include "ArchiveReader.h"
#include "QueryTickets.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

// Every read the GUI makes of the archive goes through here: the UI thread
// never waits on the disk. Queries run on threads of their own, each with a
// read-only connection, and their results come back to a context object on
// its thread:
//  - a result never reaches a context object that was destroyed;
//  - cancel() means "never call back", and stops the query when it is
//    already running (SQLite's progress handler sees the cancelled ticket),
//    so a superseded page or search frees the thread at once;
//  - two lanes: Interactive (what the user waits for: a page of the list, a
//    message) and Background (counts and totals), so counting a million
//    messages never delays opening one.
class ArchiveQueryRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveQueryRunner)

public:
    enum class Lane { Interactive, Background };
    using Ticket = QueryTickets::Ticket;

    explicit ArchiveQueryRunner(Archive archive, QObject* parent = nullptr);
    // Interrupts what runs, drops what waits, and joins the threads: no
    // callback runs after this.
    ~ArchiveQueryRunner() override;

    // Runs `query` on the lane's thread, then `done(result)` on `context`'s
    // thread unless the ticket was cancelled or `context` is gone by then.
    template<typename Query, typename Done>
    Ticket run(Lane lane, QObject* context, Query query, Done done)
    {
        using Result = std::invoke_result_t<Query, const ArchiveReader&>;
        const std::shared_ptr<QueryTickets> tickets = m_tickets;
        const Ticket ticket = tickets->add();
        QPointer<QObject> receiver(context);
        auto release = std::make_shared<QueryTickets::Release>(tickets, ticket);
        enqueue(lane,
                ticket,
                [query = std::move(query), done = std::move(done), receiver, tickets, ticket, release](
                    const ArchiveReader& reader) mutable {
                    auto result = std::make_shared<Result>(query(reader));
                    if (receiver.isNull() || tickets->isCancelled(ticket)) {
                        return;
                    }
                    QMetaObject::invokeMethod(
                        receiver.data(),
                        [done = std::move(done), result, tickets, ticket, release]() mutable {
                            // Checked again on the receiver's thread, where
                            // cancel() is called: a result already on its way
                            // when the request was cancelled is dropped too.
                            if (!tickets->isCancelled(ticket)) {
                                done(std::move(*result));
                            }
                        },
                        Qt::QueuedConnection);
                });
        return ticket;
    }

    // The request never calls back. Safe for a ticket that already finished.
    void cancel(Ticket ticket);

    // Requests that have neither called back nor been dropped (for tests).
    int pendingCount() const;

private:
    void enqueue(Lane lane, Ticket ticket, std::function<void(const ArchiveReader&)> task);

    std::shared_ptr<QueryTickets> m_tickets;
    struct Private;
    std::unique_ptr<Private> d;
};
