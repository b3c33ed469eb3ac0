#pragma once

#include "store/sqlitestatement.h"
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
        m_store.rawBegin().run();
    }
    ~SqliteWriteTransaction()
    {
        if (m_committed)
            return;
        try {
            m_store.rawRollback().run();
        } catch (const StoreError &) {
            // Nothing more to do: the connection rolls back by itself when a statement failed hard.
        }
    }
    SqliteWriteTransaction(const SqliteWriteTransaction &) = delete;
    SqliteWriteTransaction &operator=(const SqliteWriteTransaction &) = delete;

    void commit()
    {
        m_store.rawCommit().run();
        m_committed = true;
    }

private:
    SqliteStore &m_store;
    bool m_committed = false;
};

} // namespace vigia
