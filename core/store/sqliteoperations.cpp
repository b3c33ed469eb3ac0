// SqliteStore: the queries dashboards and the CLI read, and the operator commands, each audited in its own
// transaction. The dispatcher's hot path lives in sqlitestore.cpp.
#include "store/sqlitestore.h"

#include "store/sqliterow.h"
#include "store/sqlitetransaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlError>

namespace vigia {

namespace {} // namespace

std::optional<Run> SqliteStore::run(qint64 id)
{
    QSqlQuery query = exec(QStringLiteral("SELECT " VIGIA_SQLITE_RUN_COLUMNS " FROM runs WHERE id = ?"), {id});
    if (!query.next())
        return std::nullopt;
    return readRun(query);
}

Run SqliteStore::requireRun(qint64 id)
{
    std::optional<Run> found = run(id);
    if (!found)
        throw StoreError(SqliteStore::tr("no run with id %1").arg(id), StoreError::Kind::NotFound);
    return *found;
}

QVector<Run> SqliteStore::runs(const RunFilter &filter)
{
    QString sql = QStringLiteral("SELECT " VIGIA_SQLITE_RUN_COLUMNS " FROM runs WHERE 1 = 1");
    QVariantList binds;
    if (filter.dlqOnly) {
        sql += QStringLiteral(" AND state = 'dead' AND dlq_handling IS NULL");
    } else if (filter.state) {
        sql += QStringLiteral(" AND state = ?");
        binds << runStateName(*filter.state);
    }
    if (!filter.queue.isEmpty()) {
        sql += QStringLiteral(" AND queue = ?");
        binds << filter.queue;
    }
    if (!filter.leaseOwner.isEmpty()) {
        sql += QStringLiteral(" AND lease_owner = ?");
        binds << filter.leaseOwner;
    }
    if (filter.beforeId > 0) {
        sql += QStringLiteral(" AND id < ?");
        binds << filter.beforeId;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << filter.limit;
    QSqlQuery query = exec(sql, binds);
    QVector<Run> result;
    while (query.next())
        result.append(readRun(query));
    return result;
}

QVector<Attempt> SqliteStore::attempts(qint64 runId)
{
    // The view's seq is NULL for the attempt kept on the run row, which is always the last one.
    QSqlQuery query = exec(QStringLiteral("SELECT run_id, attempt, node, started_at, finished_at, outcome, error "
                                          "FROM attempt_history WHERE run_id = ? ORDER BY seq IS NULL, seq"),
                           {runId});
    QVector<Attempt> result;
    while (query.next()) {
        Attempt a;
        a.runId = query.value(0).toLongLong();
        a.attempt = query.value(1).toInt();
        a.node = query.value(2).toString();
        a.startedAt = query.value(3).toLongLong();
        a.finishedAt = query.value(4).toLongLong();
        a.outcome = query.value(5).toString();
        a.error = query.value(6).toString();
        result.append(a);
    }
    return result;
}

QVector<Queue> SqliteStore::queues()
{
    QSqlQuery query = exec(QStringLiteral("SELECT name, concurrency, paused FROM queues ORDER BY name"));
    QVector<Queue> result;
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toInt(), query.value(2).toInt() != 0});
    return result;
}

std::optional<Queue> SqliteStore::queue(const QString &name)
{
    QSqlQuery query = exec(QStringLiteral("SELECT name, concurrency, paused FROM queues WHERE name = ?"), {name});
    if (!query.next())
        return std::nullopt;
    return Queue{query.value(0).toString(), query.value(1).toInt(), query.value(2).toInt() != 0};
}

QVector<QueueStats> SqliteStore::queueStats()
{
    QMap<QString, QueueStats> byName;
    for (const Queue &q : queues())
        byName.insert(q.name, QueueStats{q.name, q.concurrency, q.paused, 0, 0, 0, 0, 0});
    // Each count is written so that it matches one partial index exactly, which SQLite needs to use it.
    auto countInto = [&](const char *sql, qint64 QueueStats::*field) {
        QSqlQuery &query = prepared(sql);
        execOrThrow(query, "queue statistics");
        while (query.next()) {
            auto it = byName.find(query.value(0).toString());
            if (it != byName.end())
                (*it).*field = query.value(1).toLongLong();
        }
        query.finish();
    };
    countInto("SELECT queue, count(*) FROM runs WHERE state = 'available' GROUP BY queue", &QueueStats::available);
    countInto("SELECT queue, count(*) FROM runs WHERE state = 'running' GROUP BY queue", &QueueStats::running);
    countInto("SELECT queue, count(*) FROM runs WHERE state = 'dead' AND dlq_handling IS NULL GROUP BY queue",
              &QueueStats::dead);
    QSqlQuery &waiting = prepared("SELECT queue, state, count(*) FROM runs WHERE state IN ('scheduled', 'retryable') "
                                  "GROUP BY queue, state");
    execOrThrow(waiting, "queue statistics");
    while (waiting.next()) {
        auto it = byName.find(waiting.value(0).toString());
        if (it == byName.end())
            continue;
        if (waiting.value(1).toString() == QLatin1String("scheduled"))
            it->scheduled = waiting.value(2).toLongLong();
        else
            it->retryable = waiting.value(2).toLongLong();
    }
    waiting.finish();
    return byName.values().toVector();
}

QVector<AuditEntry> SqliteStore::auditLog(int limit)
{
    QSqlQuery query =
        exec(QStringLiteral("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?"),
             {limit});
    QVector<AuditEntry> entries;
    while (query.next()) {
        entries.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toString(), query.value(5).toString()});
    }
    return entries;
}

// ---- operator commands

void SqliteStore::audit(const Actor &actor, qint64 now, const QString &action, const QString &target,
                        const QString &detail)
{
    exec(QStringLiteral("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)"),
         {now, actor.name, action, target, detail.isEmpty() ? QVariant() : QVariant(detail)});
}

static QString detailJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Store::CancelResult SqliteStore::cancel(qint64 runId, const Actor &actor, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    const Run run = requireRun(runId);
    CancelResult result = CancelResult::Cancelled;
    if (isFinal(run.state)) {
        throw StoreError(SqliteStore::tr("run %1 is already %2; only queued or running runs can be cancelled")
                             .arg(runId)
                             .arg(runStateName(run.state)),
                         StoreError::Kind::Invalid);
    }
    if (run.state == RunState::Running) {
        exec(QStringLiteral("UPDATE runs SET cancel_requested = 1 WHERE id = ?"), {runId});
        result = CancelResult::CancelRequested;
    } else {
        exec(QStringLiteral("UPDATE runs SET state = 'cancelled', finished_at = ?, error = ?, "
                            "finished_seq = " VIGIA_SQLITE_NEXT_FINISHED_SEQ " WHERE id = ?"),
             {now, SqliteStore::tr("cancelled by %1").arg(actor.name), runId});
    }
    audit(actor, now, QStringLiteral("run.cancel"), QStringLiteral("run:%1").arg(runId),
          detailJson({{QStringLiteral("from"), runStateName(run.state)}}));
    tx.commit();
    return result;
}

qint64 SqliteStore::insertReplay(const Run &dead, qint64 now)
{
    QSqlQuery insert = exec(
        QStringLiteral("INSERT INTO runs (queue, kind, payload, priority, state, max_attempts, timeout_ms, job_id, "
                       "replay_of, created_at, scheduled_at) VALUES (?, ?, ?, ?, 'available', ?, ?, ?, ?, ?, ?) "
                       "RETURNING id"),
        {dead.queue, dead.kind, QString::fromUtf8(dead.payload), static_cast<int>(dead.priority), dead.maxAttempts,
         dead.timeoutMs, dead.jobId > 0 ? QVariant(dead.jobId) : QVariant(), dead.id, now, now});
    insert.next();
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    exec(QStringLiteral("UPDATE runs SET dlq_handling = 'replayed', dlq_handled_at = ? WHERE id = ?"), {now, dead.id});
    return id;
}

static void requireUnhandledDead(const Run &run)
{
    if (run.state != RunState::Dead) {
        throw StoreError(
            SqliteStore::tr("run %1 is %2, not dead; only runs in the dead-letter queue can be replayed or discarded")
                .arg(run.id)
                .arg(runStateName(run.state)),
            StoreError::Kind::Invalid);
    }
    if (!run.dlqHandling.isEmpty()) {
        throw StoreError(SqliteStore::tr("run %1 was already %2").arg(run.id).arg(run.dlqHandling),
                         StoreError::Kind::Invalid);
    }
}

qint64 SqliteStore::replay(qint64 deadRunId, const Actor &actor, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    const Run dead = requireRun(deadRunId);
    requireUnhandledDead(dead);
    const qint64 id = insertReplay(dead, now);
    audit(actor, now, QStringLiteral("dlq.replay"), QStringLiteral("run:%1").arg(deadRunId),
          detailJson({{QStringLiteral("new_run"), id}}));
    tx.commit();
    return id;
}

QVector<qint64> SqliteStore::replayAll(const QString &queue, const Actor &actor, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    if (!queue.isEmpty())
        requireQueue(queue);
    QVector<Run> dead;
    QSqlQuery query = exec(queue.isEmpty() ? QStringLiteral("SELECT " VIGIA_SQLITE_RUN_COLUMNS " FROM runs WHERE "
                                                            "state = 'dead' AND dlq_handling IS NULL ORDER BY id")
                                           : QStringLiteral("SELECT " VIGIA_SQLITE_RUN_COLUMNS " FROM runs WHERE "
                                                            "state = 'dead' AND dlq_handling IS NULL AND queue = ? "
                                                            "ORDER BY id"),
                           queue.isEmpty() ? QVariantList{} : QVariantList{queue});
    while (query.next())
        dead.append(readRun(query));
    query.finish();
    QVector<qint64> ids;
    for (const Run &run : dead)
        ids.append(insertReplay(run, now));
    if (!ids.isEmpty())
        audit(actor, now, QStringLiteral("dlq.replay_all"),
              queue.isEmpty() ? QStringLiteral("queue:*") : u"queue:" + queue,
              detailJson({{QStringLiteral("count"), int(ids.size())}}));
    tx.commit();
    return ids;
}

void SqliteStore::discard(qint64 deadRunId, const Actor &actor, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    const Run dead = requireRun(deadRunId);
    requireUnhandledDead(dead);
    exec(QStringLiteral("UPDATE runs SET dlq_handling = 'discarded', dlq_handled_at = ? WHERE id = ?"),
         {now, deadRunId});
    audit(actor, now, QStringLiteral("dlq.discard"), QStringLiteral("run:%1").arg(deadRunId), {});
    tx.commit();
}

void SqliteStore::ensureQueue(const Queue &queue, const Actor &actor, qint64 now)
{
    if (queue.concurrency <= 0)
        throw StoreError(SqliteStore::tr("queue concurrency must be at least 1"), StoreError::Kind::Invalid);
    SqliteWriteTransaction tx(*this);
    QSqlQuery insert = exec(QStringLiteral("INSERT INTO queues (name, concurrency, paused, created_at, updated_at) "
                                           "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"),
                            {queue.name, queue.concurrency, queue.paused ? 1 : 0, now, now});
    if (insert.numRowsAffected() == 1) {
        audit(actor, now, QStringLiteral("queue.create"), u"queue:" + queue.name,
              detailJson({{QStringLiteral("concurrency"), queue.concurrency}}));
    }
    tx.commit();
}

void SqliteStore::setQueuePaused(const QString &name, bool paused, const Actor &actor, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    requireQueue(name);
    exec(QStringLiteral("UPDATE queues SET paused = ?, updated_at = ? WHERE name = ?"), {paused ? 1 : 0, now, name});
    audit(actor, now, paused ? QStringLiteral("queue.pause") : QStringLiteral("queue.resume"), u"queue:" + name, {});
    tx.commit();
}

void SqliteStore::setQueueConcurrency(const QString &name, int concurrency, const Actor &actor, qint64 now)
{
    if (concurrency <= 0)
        throw StoreError(SqliteStore::tr("queue concurrency must be at least 1, not %1").arg(concurrency),
                         StoreError::Kind::Invalid);
    SqliteWriteTransaction tx(*this);
    const std::optional<Queue> before = queue(name);
    if (!before)
        throw StoreError(SqliteStore::tr("unknown queue \"%1\"").arg(name), StoreError::Kind::Invalid);
    exec(QStringLiteral("UPDATE queues SET concurrency = ?, updated_at = ? WHERE name = ?"), {concurrency, now, name});
    audit(actor, now, QStringLiteral("queue.set"), u"queue:" + name,
          detailJson({{QStringLiteral("concurrency_from"), before->concurrency},
                      {QStringLiteral("concurrency_to"), concurrency}}));
    tx.commit();
}

} // namespace vigia
