// SqliteStore: the dispatcher's hot path, on SQLite's C API (see SqliteStatement). Completions of a pass are
// written with one multi-row UPDATE and one multi-row INSERT per chunk instead of two statements per run; claims
// take whole batches per queue and return only the columns a worker needs.
#include "store/sqlitestore.h"

#include "store/sqliterow.h"
#include "store/sqlitestatement.h"
#include "store/sqlitetransaction.h"

#include <QSet>

#include <sqlite3.h>

#include <algorithm>

namespace vigia {

namespace {
// Rows per multi-row statement; a statement is prepared once per row count up to this.
constexpr int ChunkRows = 32;

QString repeatedRows(const char *row, int rows)
{
    QString sql;
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += QLatin1String(", ");
        sql += QLatin1String(row);
    }
    return sql;
}

enum RawKey {
    BeginKey = 1,
    CommitKey,
    RollbackKey,
    PromoteKey,
    SlotsKey,
    ClaimKey,
    FinishKeyBase = 1000,
    AttemptsKeyBase = 2000,
    InsertRunsKeyBase = 3000,
};
} // namespace

SqliteStatement &SqliteStore::raw(int key, const std::function<QString()> &sql)
{
    auto it = m_raw.find(key);
    if (it == m_raw.end())
        it = m_raw.emplace(key, std::make_unique<SqliteStatement>(m_handle, sql())).first;
    return *it->second;
}

SqliteStatement &SqliteStore::rawBegin()
{
    return raw(BeginKey, [] { return QStringLiteral("BEGIN IMMEDIATE"); });
}

SqliteStatement &SqliteStore::rawCommit()
{
    return raw(CommitKey, [] { return QStringLiteral("COMMIT"); });
}

SqliteStatement &SqliteStore::rawRollback()
{
    return raw(RollbackKey, [] { return QStringLiteral("ROLLBACK"); });
}

QVector<qint64> SqliteStore::applyCompletions(const QVector<Completion> &completions)
{
    QVector<qint64> applied;
    for (qsizetype start = 0; start < completions.size(); start += ChunkRows) {
        const int rows = int(std::min<qsizetype>(ChunkRows, completions.size() - start));
        // The guard makes a run final once: it must still be running under this node's lease, or (for a rescue)
        // its lease must have expired.
        SqliteStatement &update = raw(FinishKeyBase + rows, [rows]() -> QString {
            return QStringLiteral("WITH c (id, state, final_at, finished_at, duration_ms, result, error, next_run_at, "
                                  "refund, rescued, guard, node, final_node, final_started_at) AS (VALUES ") +
                   repeatedRows("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows) +
                   QStringLiteral(
                       ") UPDATE runs SET state = c.state, finished_at = c.final_at, duration_ms = c.duration_ms, "
                       "finished_seq = CASE WHEN c.final_at IS NOT NULL THEN " VIGIA_SQLITE_NEXT_FINISHED_SEQ " END, "
                       "result = c.result, error = c.error, "
                       "scheduled_at = CASE WHEN c.next_run_at > 0 THEN c.next_run_at ELSE runs.scheduled_at END, "
                       "attempt = runs.attempt - c.refund, rescue_count = runs.rescue_count + c.rescued, "
                       "lease_owner = NULL, lease_expires_at = NULL, cancel_requested = 0, "
                       "started_at = coalesce(c.final_started_at, runs.started_at), final_attempt_node = c.final_node "
                       "FROM c "
                       "WHERE runs.id = c.id AND runs.state = 'running' AND ((c.guard = 0 AND "
                       "runs.lease_owner = c.node) OR (c.guard = 1 AND runs.lease_expires_at < c.finished_at)) "
                       "RETURNING runs.id");
        });
        for (int i = 0; i < rows; ++i) {
            const Completion &c = completions.at(start + i);
            update.add(c.runId).add(runStateName(c.newState));
            if (isFinal(c.newState))
                update.add(c.finishedAt);
            else
                update.addNull();
            update.add(c.finishedAt).add(c.finishedAt - c.startedAt);
            if (c.result.isEmpty())
                update.addNull();
            else
                update.add(c.result);
            update.addNullable(c.error.left(Attempt::MaxErrorLength))
                .add(c.nextRunAt)
                .add(c.refundAttempt ? 1 : 0)
                .add(c.rescued ? 1 : 0)
                .add(c.guard == Completion::Guard::Lease ? 0 : 1)
                .add(c.node);
            if (c.attemptOnRunRow())
                update.add(c.node).add(c.startedAt);
            else
                update.addNull().addNull();
        }
        while (update.step())
            applied.append(update.int64(0));
        update.reset();
    }

    // One attempt row for each completion that was written and stands for a real attempt, but for a successful last
    // attempt, which the run row keeps (Completion::attemptOnRunRow()).
    const QSet<qint64> written(applied.cbegin(), applied.cend());
    QVector<const Completion *> attempts;
    for (const Completion &c : completions) {
        if (c.recordAttempt && !c.attemptOnRunRow() && written.contains(c.runId))
            attempts.append(&c);
    }
    for (qsizetype start = 0; start < attempts.size(); start += ChunkRows) {
        const int rows = int(std::min<qsizetype>(ChunkRows, attempts.size() - start));
        SqliteStatement &insert = raw(AttemptsKeyBase + rows, [rows]() -> QString {
            return QStringLiteral("INSERT INTO attempts (run_id, attempt, node, started_at, finished_at, outcome, "
                                  "error) VALUES ") +
                   repeatedRows("(?, ?, ?, ?, ?, ?, ?)", rows);
        });
        for (int i = 0; i < rows; ++i) {
            const Completion &c = *attempts.at(start + i);
            insert.add(c.runId)
                .add(c.attempt)
                .add(c.node)
                .add(c.startedAt)
                .add(c.finishedAt)
                .add(c.outcome)
                .addNullable(c.error.left(Attempt::MaxErrorLength));
        }
        insert.run();
    }
    return applied;
}

void SqliteStore::claimFromQueue(const QString &queue, int count, const ClaimRequest &request, QVector<Run> &out)
{
    SqliteStatement &claim = raw(ClaimKey, [] {
        return QStringLiteral(
            "UPDATE runs SET state = 'running', attempt = attempt + 1, lease_owner = ?, lease_expires_at = ?, "
            "started_at = ?, finished_at = NULL WHERE id IN (SELECT id FROM runs WHERE state = 'available' AND "
            "queue = ? ORDER BY priority, scheduled_at, id LIMIT ?) RETURNING id, kind, payload, priority, attempt, "
            "max_attempts, timeout_ms, job_id, replay_of, unique_key, created_at, scheduled_at");
    });
    claim.add(request.node).add(request.leaseExpiresAt).add(request.now).add(queue).add(count);
    while (claim.step()) {
        Run run;
        run.id = claim.int64(0);
        run.queue = queue;
        run.kind = claim.text(1);
        run.payload = claim.utf8(2);
        run.priority = static_cast<Priority>(claim.int64(3));
        run.state = RunState::Running;
        run.attempt = int(claim.int64(4));
        run.maxAttempts = int(claim.int64(5));
        run.timeoutMs = claim.int64(6);
        run.jobId = claim.int64(7);
        run.replayOf = claim.int64(8);
        run.uniqueKey = claim.text(9);
        run.createdAt = claim.int64(10);
        run.scheduledAt = claim.int64(11);
        run.startedAt = request.now;
        run.leaseOwner = request.node;
        run.leaseExpiresAt = request.leaseExpiresAt;
        out.append(run);
    }
    claim.reset();
}

void SqliteStore::insertChunk(const NewRun *runs, int count, qint64 now, QVector<EnqueueResult> &results)
{
    SqliteStatement &insert = raw(InsertRunsKeyBase + count, [count]() -> QString {
        return QStringLiteral(
                   "INSERT INTO runs (queue, kind, payload, priority, state, max_attempts, timeout_ms, job_id, "
                   "replay_of, created_at, scheduled_at) VALUES ") +
               repeatedRows("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count);
    });
    static const QString Scheduled = QStringLiteral("scheduled");
    static const QString Available = QStringLiteral("available");
    for (int i = 0; i < count; ++i) {
        const NewRun &run = runs[i];
        const qint64 scheduledAt = run.runAt > 0 ? run.runAt : now;
        insert.add(run.queue)
            .add(run.kind)
            .add(run.payload)
            .add(int(run.priority))
            .add(scheduledAt > now ? Scheduled : Available)
            .add(run.maxAttempts)
            .add(run.timeoutMs)
            .addNullable(run.jobId)
            .addNullable(run.replayOf)
            .add(now)
            .add(scheduledAt);
    }
    insert.run();
    // Inside one write transaction SQLite gives the rows of one INSERT consecutive rowids (max + 1 each), so the
    // last id names them all.
    const qint64 last = sqlite3_last_insert_rowid(m_handle);
    for (int i = 0; i < count; ++i)
        results.append({last - count + 1 + i, false});
}

ExchangeResult SqliteStore::exchange(const QVector<Completion> &completions, const ClaimRequest &request)
{
    ExchangeResult result;
    SqliteWriteTransaction tx(*this);
    result.finished = applyCompletions(completions);
    if (request.maxRuns > 0 && request.promote) {
        SqliteStatement &promote = raw(PromoteKey, [] {
            return QStringLiteral("UPDATE runs SET state = 'available' WHERE state IN ('scheduled', 'retryable') AND "
                                  "scheduled_at <= ?");
        });
        promote.add(request.now).run();
    }
    if (request.maxRuns > 0) {

        struct Slot {
            QString queue;
            int free;
        };
        QVector<Slot> openings;
        SqliteStatement &free = raw(SlotsKey, [] {
            return QStringLiteral(
                "SELECT q.name, q.concurrency - (SELECT count(*) FROM runs r WHERE r.state = 'running' AND "
                "r.queue = q.name) FROM queues q WHERE q.paused = 0 AND EXISTS (SELECT 1 FROM runs a WHERE "
                "a.state = 'available' AND a.queue = q.name) ORDER BY q.name");
        });
        while (free.step()) {
            const int slotsFree = int(free.int64(1));
            if (slotsFree > 0)
                openings.append({free.text(0), slotsFree});
        }
        free.reset();
        // Rotate the starting queue so that a busy queue cannot starve the others of this node's workers.
        int remaining = request.maxRuns;
        const int n = int(openings.size());
        for (int i = 0; i < n && remaining > 0; ++i) {
            const Slot &slot = openings.at((i + m_claimRotation) % n);
            const int before = int(result.claimed.size());
            claimFromQueue(slot.queue, std::min(slot.free, remaining), request, result.claimed);
            remaining -= int(result.claimed.size()) - before;
        }
        ++m_claimRotation;
    }
    tx.commit();
    std::sort(result.claimed.begin(), result.claimed.end(), [](const Run &a, const Run &b) {
        return std::tie(a.priority, a.scheduledAt, a.id) < std::tie(b.priority, b.scheduledAt, b.id);
    });
    return result;
}

qint64 SqliteStore::nextDueAt()
{
    QSqlQuery &query = prepared("SELECT min(scheduled_at) FROM runs WHERE state IN ('scheduled', 'retryable')");
    execOrThrow(query, "next due run");
    query.next();
    const qint64 at = query.value(0).isNull() ? 0 : query.value(0).toLongLong();
    query.finish();
    return at;
}

QVector<qint64> SqliteStore::renewLeases(const QString &node, qint64 leaseExpiresAt)
{
    SqliteWriteTransaction tx(*this);
    QSqlQuery &renew = prepared("UPDATE runs SET lease_expires_at = ? WHERE state = 'running' AND lease_owner = ?");
    renew.addBindValue(leaseExpiresAt);
    renew.addBindValue(node);
    execOrThrow(renew, "renew leases");
    renew.finish();
    QSqlQuery &cancels =
        prepared("SELECT id FROM runs WHERE state = 'running' AND lease_owner = ? AND cancel_requested = 1");
    cancels.addBindValue(node);
    execOrThrow(cancels, "look up cancel requests");
    QVector<qint64> ids;
    while (cancels.next())
        ids.append(cancels.value(0).toLongLong());
    cancels.finish();
    tx.commit();
    return ids;
}

QVector<Run> SqliteStore::expiredLeases(qint64 now, int limit)
{
    QSqlQuery &query = prepared("SELECT " VIGIA_SQLITE_RUN_COLUMNS " FROM runs WHERE state = 'running' AND "
                                "lease_expires_at < ? ORDER BY lease_expires_at LIMIT ?");
    query.addBindValue(now);
    query.addBindValue(limit);
    execOrThrow(query, "expired leases");
    QVector<Run> runs;
    while (query.next())
        runs.append(readRun(query));
    query.finish();
    return runs;
}

} // namespace vigia
