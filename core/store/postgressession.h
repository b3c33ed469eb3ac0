#pragma once

// PostgresStore's internals, shared by its source files only: the libpqxx connection, statement preparation, the
// translation of libpqxx's exceptions, and the conversions between Qt values and PostgreSQL text.

#include "model/run.h"
#include "store/postgresstore.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <pqxx/pqxx>

#include <optional>
#include <string>
#include <unordered_map>

// The columns readPgRun() expects, in order; used in SELECT and RETURNING clauses.
#define VIGIA_PG_RUN_COLUMNS                                                                                           \
    "id, queue, kind, payload, priority, state, attempt, max_attempts, timeout_ms, job_id, replay_of, unique_key, "    \
    "created_at, scheduled_at, started_at, finished_at, duration_ms, lease_owner, lease_expires_at, "                  \
    "cancel_requested, rescue_count, result, error, dlq_handling, dlq_handled_at"

// A CTE `woken` that notifies the wake-up channel (PostgresStore::WakeChannel) once per queue of a CTE `inserted`
// with a `queue` column when the boolean parameter `announce` is true; count it in the main statement so that it runs.
#define VIGIA_PG_WAKE_CTE(announce)                                                                                    \
    "woken AS (SELECT pg_notify('vigia_runs', queue) FROM (SELECT DISTINCT queue FROM inserted) AS q WHERE " announce  \
    ")"

namespace vigia {

// Routes the server's notices (e.g. "relation already exists, skipping") to the store's logging category instead
// of libpqxx's default, stderr.
class PostgresNoticeLogger final : public pqxx::errorhandler {
public:
    explicit PostgresNoticeLogger(pqxx::connection_base &connection)
        : pqxx::errorhandler(connection)
    {}
    bool operator()(const char message[]) noexcept override;
};

struct PostgresSession {
    explicit PostgresSession(const std::string &conninfo)
        : connection(conninfo)
        , notices(connection)
    {
        // Short statements only: JIT compiling one costs far more than running it (the queue lock took 377 ms
        // instead of 0.3 ms once its estimated cost passed jit_above_cost). libpqxx sets it again after a reconnect.
        connection.set_variable("jit", "off");
    }

    // The name of a statement prepared on this connection under `name`. libpqxx sends the PREPARE with its first
    // use, and again by itself after it re-established a broken connection.
    const std::string &prepared(const char *name, const char *sql)
    {
        auto it = names.find(name);
        if (it == names.end()) {
            connection.prepare(name, sql);
            it = names.emplace(name, std::string(name)).first;
        }
        return it->second;
    }

    pqxx::connection connection;
    PostgresNoticeLogger notices; // after the connection: unregisters before it closes
    std::unordered_map<const char *, std::string> names;
};

// Collects the payloads (queue names) of the wake-up channel's notifications for PostgresStore::takeWakes().
class PostgresWakeReceiver final : public pqxx::notification_receiver {
public:
    PostgresWakeReceiver(pqxx::connection_base &connection, const std::string &channel)
        : pqxx::notification_receiver(connection, channel)
    {}
    void operator()(const std::string &payload, int) override { received << QString::fromStdString(payload); }

    QStringList received;
};

template <typename Body> auto PostgresStore::guarded(const char *what, Body &&body) -> decltype(body())
{
    try {
        if (!m_session || !m_session->connection.is_open())
            reconnect();
        return body();
    } catch (...) {
        rethrowAsStoreError(what);
    }
}

// ---- Qt values to statement parameters (libpqxx sends std::nullopt as NULL)

inline std::string pgText(const QString &text)
{
    return text.toStdString();
}

inline std::optional<std::string> pgNullable(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return text.toStdString();
}

inline std::optional<long long> pgNullable(qint64 value)
{
    if (value == 0)
        return std::nullopt;
    return value;
}

// A one-dimensional array literal ({1,NULL,"text"}) for a $n::type[] parameter: bulk statements pass one array
// per column and unnest them, so one prepared statement serves any number of rows.
class PgArray {
public:
    PgArray &add(qint64 value)
    {
        separate();
        m_text += std::to_string(value);
        return *this;
    }
    PgArray &add(int value) { return add(qint64(value)); }
    PgArray &add(const QString &text) { return add(text.toUtf8()); }
    PgArray &add(const QByteArray &utf8)
    {
        separate();
        m_text += '"';
        for (const char c : utf8) {
            if (c == '"' || c == '\\')
                m_text += '\\';
            m_text += c;
        }
        m_text += '"';
        return *this;
    }
    PgArray &addNull()
    {
        separate();
        m_text += "NULL";
        return *this;
    }
    PgArray &addNullable(const QString &text) { return text.isEmpty() ? addNull() : add(text); }
    PgArray &addNullable(const QByteArray &utf8) { return utf8.isEmpty() ? addNull() : add(utf8); }
    PgArray &addNullable(qint64 value) { return value == 0 ? addNull() : add(value); }

    std::string str() const { return m_text + '}'; }
    bool isEmpty() const { return m_empty; }

private:
    void separate()
    {
        if (!m_empty)
            m_text += ',';
        m_empty = false;
    }
    std::string m_text = "{";
    bool m_empty = true;
};

// ---- result fields to Qt values (NULL reads as empty or 0, as on SQLite)

inline QString qtText(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromUtf8(field.c_str(), qsizetype(field.size()));
}

inline QByteArray qtBytes(const pqxx::field &field)
{
    return field.is_null() ? QByteArray() : QByteArray(field.c_str(), qsizetype(field.size()));
}

inline qint64 qtInt(const pqxx::field &field)
{
    return field.is_null() ? 0 : field.as<long long>();
}

inline bool qtBool(const pqxx::field &field)
{
    return !field.is_null() && field.as<bool>();
}

inline Run readPgRun(const pqxx::row &row)
{
    Run run;
    run.id = qtInt(row[0]);
    run.queue = qtText(row[1]);
    run.kind = qtText(row[2]);
    run.payload = qtBytes(row[3]);
    run.priority = static_cast<Priority>(qtInt(row[4]));
    run.state = runStateFromName(qtText(row[5])).value_or(RunState::Available);
    run.attempt = int(qtInt(row[6]));
    run.maxAttempts = int(qtInt(row[7]));
    run.timeoutMs = qtInt(row[8]);
    run.jobId = qtInt(row[9]);
    run.replayOf = qtInt(row[10]);
    run.uniqueKey = qtText(row[11]);
    run.createdAt = qtInt(row[12]);
    run.scheduledAt = qtInt(row[13]);
    run.startedAt = qtInt(row[14]);
    run.finishedAt = qtInt(row[15]);
    run.durationMs = qtInt(row[16]);
    run.leaseOwner = qtText(row[17]);
    run.leaseExpiresAt = qtInt(row[18]);
    run.cancelRequested = qtBool(row[19]);
    run.rescueCount = int(qtInt(row[20]));
    run.result = qtBytes(row[21]);
    run.error = qtText(row[22]);
    run.dlqHandling = qtText(row[23]);
    run.dlqHandledAt = qtInt(row[24]);
    return run;
}

} // namespace vigia
