// SqliteStore: the dispatcher's hot path. Completions of a pass are written with one multi-row UPDATE and one
// multi-row INSERT per chunk instead of two statements per run; claims take whole batches per queue.
#include "store/sqlitestore.h"

#include "store/sqliterow.h"
#include "store/sqlitetransaction.h"

#include <QSet>
#include <QVariant>

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
} // namespace

QSqlQuery &SqliteStore::preparedChunk(ChunkStatement statement, int rows)
{
    const int key = int(statement) * 1000 + rows;
    auto it = m_chunkStatements.find(key);
    if (it != m_chunkStatements.end())
        return it->second;
    QString sql;
    switch (statement) {
    case ChunkStatement::FinishRuns:
        // The guard makes a run final once: it must still be running under this node's lease, or (for a rescue)
        // its lease must have expired.
        sql =
            QStringLiteral("WITH c (id, state, final_at, finished_at, duration_ms, result, error, next_run_at, "
                           "refund, rescued, guard, node) AS (VALUES ") +
            repeatedRows("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows) +
            QStringLiteral(") UPDATE runs SET state = c.state, finished_at = c.final_at, duration_ms = c.duration_ms, "
                           "result = c.result, error = c.error, "
                           "scheduled_at = CASE WHEN c.next_run_at > 0 THEN c.next_run_at ELSE runs.scheduled_at END, "
                           "attempt = runs.attempt - c.refund, rescue_count = runs.rescue_count + c.rescued, "
                           "lease_owner = NULL, lease_expires_at = NULL, cancel_requested = 0 FROM c "
                           "WHERE runs.id = c.id AND runs.state = 'running' AND ((c.guard = 0 AND "
                           "runs.lease_owner = c.node) OR (c.guard = 1 AND runs.lease_expires_at < c.finished_at)) "
                           "RETURNING runs.id");
        break;
    case ChunkStatement::InsertAttempts:
        sql = QStringLiteral("INSERT INTO attempts (run_id, attempt, node, started_at, finished_at, outcome, error) "
                             "VALUES ") +
              repeatedRows("(?, ?, ?, ?, ?, ?, ?)", rows);
        break;
    case ChunkStatement::InsertRuns:
        sql =
            QStringLiteral("INSERT INTO runs (queue, kind, payload, priority, state, max_attempts, timeout_ms, job_id, "
                           "replay_of, created_at, scheduled_at) VALUES ") +
            repeatedRows("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        break;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        fail(query, "prepare batch statement");
    return m_chunkStatements.emplace(key, std::move(query)).first->second;
}

QVector<qint64> SqliteStore::applyCompletions(const QVector<Completion> &completions)
{
    QVector<qint64> applied;
    for (qsizetype start = 0; start < completions.size(); start += ChunkRows) {
        const int rows = int(std::min<qsizetype>(ChunkRows, completions.size() - start));
        QSqlQuery &update = preparedChunk(ChunkStatement::FinishRuns, rows);
        for (int i = 0; i < rows; ++i) {
            const Completion &c = completions.at(start + i);
            const QString error = c.error.left(Attempt::MaxErrorLength);
            update.addBindValue(c.runId);
            update.addBindValue(runStateName(c.newState));
            update.addBindValue(isFinal(c.newState) ? QVariant(c.finishedAt) : QVariant());
            update.addBindValue(c.finishedAt);
            update.addBindValue(c.finishedAt - c.startedAt);
            update.addBindValue(c.result.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(c.result)));
            update.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
            update.addBindValue(c.nextRunAt);
            update.addBindValue(c.refundAttempt ? 1 : 0);
            update.addBindValue(c.rescued ? 1 : 0);
            update.addBindValue(c.guard == Completion::Guard::Lease ? 0 : 1);
            update.addBindValue(c.node);
        }
        execOrThrow(update, "finish runs");
        while (update.next())
            applied.append(update.value(0).toLongLong());
        update.finish();
    }

    // One attempt row for each completion that was written and stands for a real attempt.
    const QSet<qint64> written(applied.cbegin(), applied.cend());
    QVector<const Completion *> attempts;
    for (const Completion &c : completions) {
        if (c.recordAttempt && written.contains(c.runId))
            attempts.append(&c);
    }
    for (qsizetype start = 0; start < attempts.size(); start += ChunkRows) {
        const int rows = int(std::min<qsizetype>(ChunkRows, attempts.size() - start));
        QSqlQuery &insert = preparedChunk(ChunkStatement::InsertAttempts, rows);
        for (int i = 0; i < rows; ++i) {
            const Completion &c = *attempts.at(start + i);
            const QString error = c.error.left(Attempt::MaxErrorLength);
            insert.addBindValue(c.runId);
            insert.addBindValue(c.attempt);
            insert.addBindValue(c.node);
            insert.addBindValue(c.startedAt);
            insert.addBindValue(c.finishedAt);
            insert.addBindValue(c.outcome);
            insert.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
        }
        execOrThrow(insert, "record attempts");
        insert.finish();
    }
    return applied;
}

void SqliteStore::claimFromQueue(const QString &queue, int count, const ClaimRequest &request, QVector<Run> &out)
{
    QSqlQuery &claim = prepared(
        "UPDATE runs SET state = 'running', attempt = attempt + 1, lease_owner = ?, lease_expires_at = ?, "
        "started_at = ?, finished_at = NULL WHERE id IN (SELECT id FROM runs WHERE state = 'available' AND queue = ? "
        "ORDER BY priority, scheduled_at, id LIMIT ?) RETURNING " VIGIA_SQLITE_RUN_COLUMNS);
    claim.addBindValue(request.node);
    claim.addBindValue(request.leaseExpiresAt);
    claim.addBindValue(request.now);
    claim.addBindValue(queue);
    claim.addBindValue(count);
    execOrThrow(claim, "claim runs");
    while (claim.next())
        out.append(readRun(claim));
    claim.finish();
}

ExchangeResult SqliteStore::exchange(const QVector<Completion> &completions, const ClaimRequest &request)
{
    ExchangeResult result;
    SqliteWriteTransaction tx(*this);
    result.finished = applyCompletions(completions);
    if (request.maxRuns > 0) {
        QSqlQuery &promote = prepared("UPDATE runs SET state = 'available' WHERE state IN ('scheduled', 'retryable') "
                                      "AND scheduled_at <= ?");
        promote.addBindValue(request.now);
        execOrThrow(promote, "promote due runs");
        promote.finish();

        struct Slot {
            QString queue;
            int free;
        };
        QVector<Slot> openings;
        QSqlQuery &free = prepared(
            "SELECT q.name, q.concurrency - (SELECT count(*) FROM runs r WHERE r.state = 'running' AND r.queue = "
            "q.name) "
            "FROM queues q WHERE q.paused = 0 AND EXISTS (SELECT 1 FROM runs a WHERE a.state = 'available' AND "
            "a.queue = q.name) ORDER BY q.name");
        execOrThrow(free, "queue slots");
        while (free.next()) {
            const int slotsFree = free.value(1).toInt();
            if (slotsFree > 0)
                openings.append({free.value(0).toString(), slotsFree});
        }
        free.finish();
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
