// PostgresStore: the queries dashboards and the CLI read, and the operator commands, each audited in its own
// transaction. A command locks the rows it judges (SELECT ... FOR UPDATE) so that a claim on another node cannot
// change them between the check and the write.
#include "store/postgresstore.h"

#include "store/postgressession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace vigia {

namespace {
QString detailJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Queue readQueue(const pqxx::row &row)
{
    return Queue{qtText(row[0]), int(qtInt(row[1])), qtBool(row[2])};
}

void requireUnhandledDead(const Run &run)
{
    if (run.state != RunState::Dead) {
        throw StoreError(
            PostgresStore::tr("run %1 is %2, not dead; only runs in the dead-letter queue can be replayed or discarded")
                .arg(run.id)
                .arg(runStateName(run.state)),
            StoreError::Kind::Invalid);
    }
    if (!run.dlqHandling.isEmpty())
        throw StoreError(PostgresStore::tr("run %1 was already %2").arg(run.id).arg(run.dlqHandling),
                         StoreError::Kind::Invalid);
}

// Replays of the dead runs $1 (locked by the caller), in their order, and marks them handled at $2.
const char *const ReplaySql =
    "WITH dead AS (SELECT id, queue, kind, payload, priority, max_attempts, timeout_ms, job_id FROM runs "
    "WHERE id = ANY ($1::bigint[])), "
    "marked AS (UPDATE runs SET dlq_handling = 'replayed', dlq_handled_at = $2::bigint WHERE id = ANY ($1::bigint[])), "
    "replays AS (INSERT INTO runs (queue, kind, payload, priority, state, max_attempts, timeout_ms, job_id, "
    "replay_of, created_at, scheduled_at) SELECT queue, kind, payload, priority, 'available', max_attempts, "
    "timeout_ms, job_id, id, $2::bigint, $2::bigint FROM dead ORDER BY id RETURNING id, replay_of) "
    "SELECT id FROM replays ORDER BY replay_of";
} // namespace

// ---- queries

std::optional<Run> PostgresStore::run(qint64 id)
{
    return guarded("look up run", [&]() -> std::optional<Run> {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_prepared(
            m_session->prepared("vigia_run", "SELECT " VIGIA_PG_RUN_COLUMNS " FROM runs WHERE id = $1"), id);
        if (rows.empty())
            return std::nullopt;
        return readPgRun(rows[0]);
    });
}

std::optional<Run> PostgresStore::lockRun(pqxx::transaction_base &tx, qint64 id)
{
    const pqxx::result rows = tx.exec_prepared(
        m_session->prepared("vigia_lock_run", "SELECT " VIGIA_PG_RUN_COLUMNS " FROM runs WHERE id = $1 FOR UPDATE"),
        id);
    if (rows.empty())
        return std::nullopt;
    return readPgRun(rows[0]);
}

Run PostgresStore::requireRun(pqxx::transaction_base &tx, qint64 id)
{
    std::optional<Run> found = lockRun(tx, id);
    if (!found)
        throw StoreError(PostgresStore::tr("no run with id %1").arg(id), StoreError::Kind::NotFound);
    return *found;
}

QVector<Run> PostgresStore::runs(const RunFilter &filter)
{
    return guarded("list runs", [&] {
        std::string sql = "SELECT " VIGIA_PG_RUN_COLUMNS " FROM runs WHERE true";
        std::vector<std::string> binds;
        auto bind = [&binds](std::string value) {
            binds.push_back(std::move(value));
            return '$' + std::to_string(binds.size());
        };
        if (filter.dlqOnly)
            sql += " AND state = 'dead' AND dlq_handling IS NULL";
        else if (filter.state)
            sql += " AND state = " + bind(pgText(runStateName(*filter.state)));
        if (!filter.queue.isEmpty())
            sql += " AND queue = " + bind(pgText(filter.queue));
        if (!filter.leaseOwner.isEmpty())
            sql += " AND lease_owner = " + bind(pgText(filter.leaseOwner));
        if (filter.beforeId > 0)
            sql += " AND id < " + bind(std::to_string(filter.beforeId)) + "::bigint";
        // A negative limit means none, as on SQLite.
        sql += " ORDER BY id DESC LIMIT " +
               (filter.limit < 0 ? std::string("ALL") : bind(std::to_string(filter.limit)) + "::bigint");
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(binds));
        QVector<Run> result;
        result.reserve(rows.size());
        for (const pqxx::row &row : rows)
            result.append(readPgRun(row));
        return result;
    });
}

QVector<Attempt> PostgresStore::attempts(qint64 runId)
{
    return guarded("list attempts", [&] {
        pqxx::nontransaction tx(m_session->connection);
        // The view's seq is NULL for the attempt kept on the run row, which is always the last one.
        const pqxx::result rows =
            tx.exec_params("SELECT run_id, attempt, node, started_at, finished_at, outcome, "
                           "error FROM attempt_history WHERE run_id = $1 ORDER BY seq IS NULL, seq",
                           runId);
        QVector<Attempt> result;
        for (const pqxx::row &row : rows) {
            Attempt a;
            a.runId = qtInt(row[0]);
            a.attempt = int(qtInt(row[1]));
            a.node = qtText(row[2]);
            a.startedAt = qtInt(row[3]);
            a.finishedAt = qtInt(row[4]);
            a.outcome = qtText(row[5]);
            a.error = qtText(row[6]);
            result.append(a);
        }
        return result;
    });
}

QVector<Queue> PostgresStore::selectQueues(pqxx::transaction_base &tx)
{
    QVector<Queue> result;
    for (const pqxx::row &row : tx.exec("SELECT name, concurrency, paused FROM queues ORDER BY name"))
        result.append(readQueue(row));
    return result;
}

QVector<Queue> PostgresStore::queues()
{
    return guarded("list queues", [&] {
        pqxx::nontransaction tx(m_session->connection);
        return selectQueues(tx);
    });
}

std::optional<Queue> PostgresStore::queue(const QString &name)
{
    return guarded("look up queue", [&]() -> std::optional<Queue> {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows =
            tx.exec_params("SELECT name, concurrency, paused FROM queues WHERE name = $1", pgText(name));
        if (rows.empty())
            return std::nullopt;
        return readQueue(rows[0]);
    });
}

QVector<QueueStats> PostgresStore::queueStats()
{
    return guarded("queue statistics", [&] {
        // One snapshot for the queues and all counts (repeatable read); each branch matches one partial index.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(m_session->connection);
        QMap<QString, QueueStats> byName;
        for (const pqxx::row &row : tx.exec("SELECT name, concurrency, paused FROM queues ORDER BY name")) {
            const Queue q = readQueue(row);
            byName.insert(q.name, QueueStats{q.name, q.concurrency, q.paused, 0, 0, 0, 0, 0});
        }
        const pqxx::result counts =
            tx.exec("SELECT queue, 'available', count(*) FROM runs WHERE state = 'available' GROUP BY queue "
                    "UNION ALL SELECT queue, 'running', count(*) FROM runs WHERE state = 'running' GROUP BY queue "
                    "UNION ALL SELECT queue, 'dead', count(*) FROM runs WHERE state = 'dead' AND dlq_handling IS NULL "
                    "GROUP BY queue "
                    "UNION ALL SELECT queue, state, count(*) FROM runs WHERE state IN ('scheduled', 'retryable') "
                    "GROUP BY queue, state");
        for (const pqxx::row &row : counts) {
            auto it = byName.find(qtText(row[0]));
            if (it == byName.end())
                continue;
            const std::string state = row[1].c_str();
            const qint64 count = qtInt(row[2]);
            if (state == "available")
                it->available = count;
            else if (state == "running")
                it->running = count;
            else if (state == "dead")
                it->dead = count;
            else if (state == "scheduled")
                it->scheduled = count;
            else if (state == "retryable")
                it->retryable = count;
        }
        tx.commit();
        return byName.values().toVector();
    });
}

QVector<AuditEntry> PostgresStore::auditLog(int limit)
{
    return guarded("read the audit log", [&] {
        pqxx::nontransaction tx(m_session->connection);
        QVector<AuditEntry> entries;
        for (const pqxx::row &row :
             tx.exec_params("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT $1",
                            limit < 0 ? std::nullopt : std::optional<int>(limit))) {
            entries.append(
                {qtInt(row[0]), qtInt(row[1]), qtText(row[2]), qtText(row[3]), qtText(row[4]), qtText(row[5])});
        }
        return entries;
    });
}

// ---- operator commands

void PostgresStore::audit(pqxx::transaction_base &tx, const Actor &actor, qint64 now, const QString &action,
                          const QString &target, const QString &detail)
{
    tx.exec_params("INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)", now,
                   pgText(actor.name), pgText(action), pgText(target), pgNullable(detail));
}

Store::CancelResult PostgresStore::cancel(qint64 runId, const Actor &actor, qint64 now)
{
    return guarded("cancel", [&] {
        pqxx::work tx(m_session->connection);
        const Run run = requireRun(tx, runId);
        if (isFinal(run.state)) {
            throw StoreError(PostgresStore::tr("run %1 is already %2; only queued or running runs can be cancelled")
                                 .arg(runId)
                                 .arg(runStateName(run.state)),
                             StoreError::Kind::Invalid);
        }
        CancelResult result = CancelResult::Cancelled;
        if (run.state == RunState::Running) {
            tx.exec_params("UPDATE runs SET cancel_requested = true WHERE id = $1", runId);
            result = CancelResult::CancelRequested;
        } else {
            tx.exec_params("UPDATE runs SET state = 'cancelled', finished_at = $1, error = $2, "
                           "finished_seq = pg_current_xact_id()::text::bigint WHERE id = $3",
                           now, pgText(PostgresStore::tr("cancelled by %1").arg(actor.name)), runId);
        }
        audit(tx, actor, now, QStringLiteral("run.cancel"), QStringLiteral("run:%1").arg(runId),
              detailJson({{QStringLiteral("from"), runStateName(run.state)}}));
        tx.commit();
        return result;
    });
}

qint64 PostgresStore::replay(qint64 deadRunId, const Actor &actor, qint64 now)
{
    return guarded("replay", [&] {
        pqxx::work tx(m_session->connection);
        requireUnhandledDead(requireRun(tx, deadRunId));
        const pqxx::result rows = tx.exec_params(ReplaySql, PgArray().add(deadRunId).str(), now);
        const qint64 id = qtInt(rows[0][0]);
        audit(tx, actor, now, QStringLiteral("dlq.replay"), QStringLiteral("run:%1").arg(deadRunId),
              detailJson({{QStringLiteral("new_run"), id}}));
        tx.commit();
        return id;
    });
}

QVector<qint64> PostgresStore::replayAll(const QString &queue, const Actor &actor, qint64 now)
{
    return guarded("replay all", [&] {
        pqxx::work tx(m_session->connection);
        if (!queue.isEmpty())
            requireQueue(tx, queue);
        const pqxx::result dead =
            queue.isEmpty()
                ? tx.exec("SELECT id FROM runs WHERE state = 'dead' AND dlq_handling IS NULL ORDER BY id FOR UPDATE")
                : tx.exec_params("SELECT id FROM runs WHERE state = 'dead' AND dlq_handling IS NULL AND queue = $1 "
                                 "ORDER BY id FOR UPDATE",
                                 pgText(queue));
        QVector<qint64> ids;
        if (dead.empty())
            return ids;
        PgArray deadIds;
        for (const pqxx::row &row : dead)
            deadIds.add(qtInt(row[0]));
        for (const pqxx::row &row : tx.exec_params(ReplaySql, deadIds.str(), now))
            ids.append(qtInt(row[0]));
        audit(tx, actor, now, QStringLiteral("dlq.replay_all"),
              queue.isEmpty() ? QStringLiteral("queue:*") : u"queue:" + queue,
              detailJson({{QStringLiteral("count"), int(ids.size())}}));
        tx.commit();
        return ids;
    });
}

void PostgresStore::discard(qint64 deadRunId, const Actor &actor, qint64 now)
{
    guarded("discard", [&] {
        pqxx::work tx(m_session->connection);
        requireUnhandledDead(requireRun(tx, deadRunId));
        tx.exec_params("UPDATE runs SET dlq_handling = 'discarded', dlq_handled_at = $1 WHERE id = $2", now, deadRunId);
        audit(tx, actor, now, QStringLiteral("dlq.discard"), QStringLiteral("run:%1").arg(deadRunId), {});
        tx.commit();
    });
}

void PostgresStore::ensureQueue(const Queue &queue, const Actor &actor, qint64 now)
{
    if (queue.concurrency <= 0)
        throw StoreError(PostgresStore::tr("queue concurrency must be at least 1"), StoreError::Kind::Invalid);
    guarded("create queue", [&] {
        pqxx::work tx(m_session->connection);
        const pqxx::result inserted =
            tx.exec_params("INSERT INTO queues (name, concurrency, paused, created_at, updated_at) "
                           "VALUES ($1, $2, $3, $4, $4) ON CONFLICT (name) DO NOTHING",
                           pgText(queue.name), queue.concurrency, queue.paused, now);
        if (inserted.affected_rows() == 1) {
            audit(tx, actor, now, QStringLiteral("queue.create"), u"queue:" + queue.name,
                  detailJson({{QStringLiteral("concurrency"), queue.concurrency}}));
        }
        tx.commit();
    });
}

void PostgresStore::setQueuePaused(const QString &name, bool paused, const Actor &actor, qint64 now)
{
    guarded("pause queue", [&] {
        pqxx::work tx(m_session->connection);
        const pqxx::result updated =
            tx.exec_params("UPDATE queues SET paused = $1, updated_at = $2 WHERE name = $3", paused, now, pgText(name));
        if (updated.affected_rows() != 1)
            throw StoreError(PostgresStore::tr("unknown queue \"%1\"").arg(name), StoreError::Kind::Invalid);
        audit(tx, actor, now, paused ? QStringLiteral("queue.pause") : QStringLiteral("queue.resume"), u"queue:" + name,
              {});
        tx.commit();
    });
}

void PostgresStore::setQueueConcurrency(const QString &name, int concurrency, const Actor &actor, qint64 now)
{
    if (concurrency <= 0)
        throw StoreError(PostgresStore::tr("queue concurrency must be at least 1, not %1").arg(concurrency),
                         StoreError::Kind::Invalid);
    guarded("set queue concurrency", [&] {
        pqxx::work tx(m_session->connection);
        const pqxx::result before =
            tx.exec_params("SELECT concurrency FROM queues WHERE name = $1 FOR NO KEY UPDATE", pgText(name));
        if (before.empty())
            throw StoreError(PostgresStore::tr("unknown queue \"%1\"").arg(name), StoreError::Kind::Invalid);
        tx.exec_params("UPDATE queues SET concurrency = $1, updated_at = $2 WHERE name = $3", concurrency, now,
                       pgText(name));
        audit(tx, actor, now, QStringLiteral("queue.set"), u"queue:" + name,
              detailJson({{QStringLiteral("concurrency_from"), int(qtInt(before[0][0]))},
                          {QStringLiteral("concurrency_to"), concurrency}}));
        tx.commit();
    });
}

} // namespace vigia
