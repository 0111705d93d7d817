#pragma once

#include <QSqlDatabase>

// A write transaction that rolls back unless committed, so an early return or
// an exception can never leave half a batch behind (Trojitá's
// SqlTransactionAutoAborter). BEGIN IMMEDIATE takes the write lock at once:
// a deferred BEGIN could fail with SQLITE_BUSY half way through a batch.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    Q_DISABLE_COPY_MOVE(SqlTransaction)

    bool isActive() const;
    // Returns false (and rolls back) when COMMIT fails, e.g. on a full disk.
    bool commit();
    QString errorText() const;

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};
