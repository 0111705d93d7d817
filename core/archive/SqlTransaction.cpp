#include "SqlTransaction.h"

#include <QSqlError>
#include <QSqlQuery>

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery begin(m_db);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active) {
        m_error = begin.lastError().text();
    }
}

SqlTransaction::~SqlTransaction()
{
    if (m_active) {
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

bool SqlTransaction::isActive() const
{
    return m_active;
}

bool SqlTransaction::commit()
{
    if (!m_active) {
        return false;
    }
    QSqlQuery commit(m_db);
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        m_error = commit.lastError().text();
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        m_active = false;
        return false;
    }
    m_active = false;
    return true;
}

QString SqlTransaction::errorText() const
{
    return m_error;
}
