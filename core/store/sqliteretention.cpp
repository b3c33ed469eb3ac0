// SqliteStore: retention. Finished runs are rolled up into run_rollups in finished_seq order behind a watermark, then
// the old ones are deleted, each step in transactions of a few hundred runs so that the dispatcher's claims wait
// little for the write lock.
#include "store/sqlitestatement.h"
#include "store/sqlitestore.h"
#include "store/sqlitetransaction.h"

#include <QHash>

#include <algorithm>

namespace vigia {

namespace {
// Keys of SqliteStore::raw() statements; far from the dispatcher's (sqlitedispatch.cpp).
enum RetentionKey {
    WatermarkKey = 9001,
    FinishedKey,
    RollupReadKey,
    RollupWriteKey,
    SetWatermarkKey,
    PruneWalkKey,
    DeleteRunKey,
    DeleteAttemptsKey,
};

struct Position {
    qint64 seq = 0;
    qint64 id = 0;
};
} // namespace

RetentionResult SqliteStore::rollupAndPrune(qint64 now, const RetentionPolicy &policy)
{
    RetentionResult result;
    const int batch = std::max(policy.batchSize, 1);
    const int maxBatches = std::max(policy.maxBatches, 1);
    int batches = 0;
    const auto readWatermark = [this] {
        SqliteStatement &read = raw(WatermarkKey, [] {
            return QStringLiteral("SELECT last_seq, last_id FROM retention_state WHERE name = 'rollup'");
        });
        Position position;
        if (read.step())
            position = {read.int64(0), read.int64(1)};
        read.reset();
        return position;
    };

    // Roll up: every run past the watermark, in (finished_seq, id) order. The watermark moves in the same transaction
    // as the rollup rows, so each run is counted once whatever fails in between.
    for (bool done = false; !done;) {
        if (batches >= maxBatches) {
            result.more = true;
            return result;
        }
        SqliteWriteTransaction tx(*this);
        Position last = readWatermark();
        SqliteStatement &finished = raw(FinishedKey, [] {
            return QStringLiteral(
                "SELECT r.finished_seq, r.id, r.finished_at, r.queue, coalesce(j.name, ''), r.state, r.duration_ms "
                "FROM runs r LEFT JOIN jobs j ON j.id = r.job_id WHERE r.finished_seq IS NOT NULL AND "
                "(r.finished_seq, r.id) > (?, ?) ORDER BY r.finished_seq, r.id LIMIT ?");
        });
        finished.add(last.seq).add(last.id).add(batch);
        QHash<QString, RunRollup> rollups;
        int rows = 0;
        while (finished.step()) {
            ++rows;
            last = {finished.int64(0), finished.int64(1)};
            const qint64 finishedAt = finished.int64(2);
            const RunState state = runStateFromName(finished.text(5)).value_or(RunState::Dead);
            const qint64 bucketAt = finishedAt - finishedAt % RunRollup::BucketMs;
            RunRollup &rollup = rollups[rollupKey(bucketAt, finished.text(3), finished.text(4), state)];
            if (rollup.runs == 0) {
                rollup.bucketAt = bucketAt;
                rollup.queue = finished.text(3);
                rollup.job = finished.text(4);
                rollup.state = state;
            }
            rollup.add(finishedAt, finished.isNull(6) ? -1 : finished.int64(6));
        }
        finished.reset();
        done = rows < batch;
        if (rows == 0)
            break; // an empty look does not count as a batch
        ++batches;
        SqliteStatement &existing = raw(RollupReadKey, [] {
            return QStringLiteral("SELECT runs, total_ms, max_ms, last_finished_at, histogram FROM run_rollups "
                                  "WHERE bucket_at = ? AND queue = ? AND job = ? AND state = ?");
        });
        SqliteStatement &write = raw(RollupWriteKey, [] {
            return QStringLiteral("INSERT OR REPLACE INTO run_rollups (bucket_at, queue, job, state, runs, total_ms, "
                                  "max_ms, last_finished_at, histogram) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        });
        for (RunRollup &rollup : rollups) {
            existing.add(rollup.bucketAt).add(rollup.queue).add(rollup.job).add(runStateName(rollup.state));
            if (existing.step()) {
                RunRollup before;
                before.runs = existing.int64(0);
                before.totalMs = existing.int64(1);
                before.maxMs = existing.int64(2);
                before.lastFinishedAt = existing.int64(3);
                before.histogram = DurationHistogram::decode(existing.utf8(4));
                rollup.merge(before);
            }
            existing.reset();
            write.add(rollup.bucketAt)
                .add(rollup.queue)
                .add(rollup.job)
                .add(runStateName(rollup.state))
                .add(rollup.runs)
                .add(rollup.totalMs)
                .add(rollup.maxMs)
                .add(rollup.lastFinishedAt)
                .add(rollup.histogram.encode())
                .run();
        }
        raw(SetWatermarkKey,
            [] { return QStringLiteral("UPDATE retention_state SET last_seq = ?, last_id = ? WHERE name = 'rollup'"); })
            .add(last.seq)
            .add(last.id)
            .run();
        tx.commit();
        result.rolledUp += rows;
    }

    // Prune: walk the rolled-up runs from the oldest seq and delete what the policy lets go, up to the first run
    // younger than the shorter age. The runs kept on the way (the dead-letter queue, mostly) are walked again each
    // time; they are few.
    const Position upTo = readWatermark();
    Position cursor;
    for (bool done = false; !done;) {
        if (batches >= maxBatches) {
            result.more = true;
            return result;
        }
        ++batches;
        SqliteWriteTransaction tx(*this);
        SqliteStatement &walk = raw(PruneWalkKey, [] {
            return QStringLiteral("SELECT finished_seq, id, state, finished_at, dlq_handling IS NOT NULL, "
                                  "coalesce(dlq_handled_at, 0) FROM runs WHERE finished_seq IS NOT NULL AND "
                                  "(finished_seq, id) > (?, ?) AND (finished_seq, id) <= (?, ?) "
                                  "ORDER BY finished_seq, id LIMIT ?");
        });
        walk.add(cursor.seq).add(cursor.id).add(upTo.seq).add(upTo.id).add(batch);
        QVector<qint64> doomed;
        int rows = 0;
        while (walk.step()) {
            ++rows;
            const RunState state = runStateFromName(walk.text(2)).value_or(RunState::Dead);
            const PruneVerdict verdict =
                pruneVerdict(state, walk.int64(3), walk.int64(4) != 0, walk.int64(5), now, policy);
            if (verdict == PruneVerdict::Stop) {
                done = true;
                break;
            }
            cursor = {walk.int64(0), walk.int64(1)};
            if (verdict == PruneVerdict::Prune) {
                doomed.append(cursor.id);
                if (state == RunState::Dead)
                    ++result.prunedDead;
                else
                    ++result.prunedFinished;
            }
        }
        walk.reset();
        if (rows < batch)
            done = true;
        SqliteStatement &deleteRun = raw(DeleteRunKey, [] { return QStringLiteral("DELETE FROM runs WHERE id = ?"); });
        SqliteStatement &deleteAttempts =
            raw(DeleteAttemptsKey, [] { return QStringLiteral("DELETE FROM attempts WHERE run_id = ?"); });
        for (const qint64 id : std::as_const(doomed)) {
            deleteRun.add(id).run();
            deleteAttempts.add(id).run();
        }
        tx.commit();
    }
    return result;
}

QVector<RollupStats> SqliteStore::rollups(const RollupFilter &filter)
{
    QSqlQuery &query = prepared("SELECT bucket_at, queue, job, state, runs, total_ms, max_ms, last_finished_at, "
                                "histogram FROM run_rollups WHERE bucket_at >= ? AND (? = 0 OR bucket_at < ?) AND "
                                "(? = '' OR job = ?) AND (? = '' OR queue = ?)");
    query.addBindValue(filter.since);
    query.addBindValue(filter.until);
    query.addBindValue(filter.until);
    query.addBindValue(filter.job.isEmpty() ? QStringLiteral("") : filter.job);
    query.addBindValue(filter.job.isEmpty() ? QStringLiteral("") : filter.job);
    query.addBindValue(filter.queue.isEmpty() ? QStringLiteral("") : filter.queue);
    query.addBindValue(filter.queue.isEmpty() ? QStringLiteral("") : filter.queue);
    execOrThrow(query, "read run rollups");
    QVector<RunRollup> rows;
    while (query.next()) {
        RunRollup row;
        row.bucketAt = query.value(0).toLongLong();
        row.queue = query.value(1).toString();
        row.job = query.value(2).toString();
        row.state = runStateFromName(query.value(3).toString()).value_or(RunState::Dead);
        row.runs = query.value(4).toLongLong();
        row.totalMs = query.value(5).toLongLong();
        row.maxMs = query.value(6).toLongLong();
        row.lastFinishedAt = query.value(7).toLongLong();
        row.histogram = DurationHistogram::decode(query.value(8).toString().toUtf8());
        rows.append(row);
    }
    query.finish();
    return mergeRollups(rows, filter);
}

} // namespace vigia
