#pragma once

#include "store/store.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigia {

// A write transaction that rolls back unless committed. BEGIN IMMEDIATE takes the write lock up front: a deferred
// transaction that upgrades later can fail with SQLITE_BUSY without waiting for the busy timeout.
class SqliteWriteTransaction {
public:
    explicit SqliteWriteTransaction(const QSqlDatabase &db)
        : m_db(db)
    {
        QSqlQuery begin(m_db);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            throw StoreError(QCoreApplication::translate("SqliteStore", "cannot begin a transaction: %1")
                                 .arg(begin.lastError().text()));
    }
    ~SqliteWriteTransaction()
    {
        if (!m_committed)
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    }
    SqliteWriteTransaction(const SqliteWriteTransaction &) = delete;
    SqliteWriteTransaction &operator=(const SqliteWriteTransaction &) = delete;

    void commit()
    {
        QSqlQuery commit(m_db);
        if (!commit.exec(QStringLiteral("COMMIT")))
            throw StoreError(QCoreApplication::translate("SqliteStore", "cannot commit a transaction: %1")
                                 .arg(commit.lastError().text()));
        m_committed = true;
    }

private:
    QSqlDatabase m_db;
    bool m_committed = false;
};

} // namespace vigia
