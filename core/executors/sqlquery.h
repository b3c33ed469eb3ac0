#pragma once

#include "executors/sqlrule.h"

#include <QString>

#include <atomic>
#include <mutex>

namespace pqxx {
class connection_base;
}

namespace vigia {

// A database an `sql` run queries, its secrets already resolved.
struct SqlTarget {
    QString url;      // sqlite:PATH or postgresql://...
    QString password; // PostgreSQL only; empty: PGPASSWORD or ~/.pgpass
    bool readOnly = false;
};

// Stops a query running on another thread: PostgreSQL gets a cancel request, SQLite's progress handler sees the flag.
class SqlCancellation {
public:
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    // By the thread running the query, around the life of its PostgreSQL connection.
    void attach(pqxx::connection_base *connection);
    void detach();

private:
    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    pqxx::connection_base *m_connection = nullptr;
};

struct SqlOutcome {
    enum class Status {
        Ok,
        ConnectFailed,
        QueryFailed,
        TimedOut,
        Cancelled
    };
    Status status = Status::Ok;
    QString error; // first line a reason, further lines detail
    SqlRows rows;
    qint64 durationMs = 0;
};

// Connects, runs `query` under a statement timeout and collects its rows. Blocks: call it off the worker's thread.
// PostgreSQL through libpqxx (`SET LOCAL statement_timeout`), SQLite through Qt Sql (a progress handler that stops
// the statement at the deadline). Never throws.
SqlOutcome runSqlQuery(const SqlTarget &target, const QString &query, int timeoutMs, SqlCancellation &cancellation);

// "sqlite:PATH" or "postgresql://..."/"postgres://..."; anything else is not a database URL we query.
bool isSqliteUrl(const QString &url);
bool isPostgresUrl(const QString &url);

} // namespace vigia
