#pragma once

#include "store/sqlitestore.h"

namespace vigia {

// A write transaction that rolls back unless committed. BEGIN IMMEDIATE takes the write lock up front: a deferred
// transaction that upgrades later can fail with SQLITE_BUSY without waiting for the busy timeout. The three
// statements are prepared once per connection: the dispatcher opens thousands of transactions a second.
class SqliteWriteTransaction {
public:
    explicit SqliteWriteTransaction(SqliteStore &store)
        : m_store(store)
    {
        QSqlQuery &begin = m_store.prepared("BEGIN IMMEDIATE");
        m_store.execOrThrow(begin, "begin transaction");
        begin.finish();
    }
    ~SqliteWriteTransaction()
    {
        if (m_committed)
            return;
        QSqlQuery &rollback = m_store.prepared("ROLLBACK");
        rollback.exec();
        rollback.finish();
    }
    SqliteWriteTransaction(const SqliteWriteTransaction &) = delete;
    SqliteWriteTransaction &operator=(const SqliteWriteTransaction &) = delete;

    void commit()
    {
        QSqlQuery &commit = m_store.prepared("COMMIT");
        m_store.execOrThrow(commit, "commit");
        commit.finish();
        m_committed = true;
    }

private:
    SqliteStore &m_store;
    bool m_committed = false;
};

} // namespace vigia
