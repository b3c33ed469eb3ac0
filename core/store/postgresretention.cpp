// PostgresStore: retention. Finished runs are rolled up into run_rollups in finished_seq order behind a watermark,
// then the old ones are deleted, each step in transactions of a few hundred runs: they lock only the rows they delete
// (finished runs no claim wants) and the retention_state row, so claims never wait for them.
#include "store/postgresstore.h"

#include "store/postgressession.h"

#include <QHash>

#include <algorithm>

namespace vigia {

namespace {
// The horizon: every transaction with an id below it has ended, so no run with a smaller finished_seq (the id of the
// transaction that finished it) can still appear. Read before this transaction takes an id of its own.
const char *const HorizonSql = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

// Serialises rollups (a leader that lost its lease while a new one starts) on the watermark row.
const char *const WatermarkSql = "SELECT last_seq, last_id FROM retention_state WHERE name = 'rollup' FOR UPDATE";

const char *const FinishedSql =
    "SELECT r.finished_seq, r.id, r.finished_at, r.queue, coalesce(j.name, ''), r.state, r.duration_ms "
    "FROM runs r LEFT JOIN jobs j ON j.id = r.job_id WHERE r.finished_seq IS NOT NULL AND "
    "(r.finished_seq, r.id) > ($1, $2) AND r.finished_seq < $3 ORDER BY r.finished_seq, r.id LIMIT $4";

const char *const ExistingRollupsSql =
    "SELECT bucket_at, queue, job, state, runs, total_ms, max_ms, last_finished_at, histogram FROM run_rollups "
    "WHERE (bucket_at, queue, job, state) IN (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], "
    "$4::text[]))";

// The rows are merged in C++ (a histogram is not a SQL sum), under the watermark's lock: nobody else writes them.
const char *const WriteRollupsSql =
    "INSERT INTO run_rollups (bucket_at, queue, job, state, runs, total_ms, max_ms, last_finished_at, histogram) "
    "SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], "
    "$7::bigint[], $8::bigint[], $9::text[]) ON CONFLICT (bucket_at, queue, job, state) DO UPDATE SET "
    "runs = excluded.runs, total_ms = excluded.total_ms, max_ms = excluded.max_ms, "
    "last_finished_at = excluded.last_finished_at, histogram = excluded.histogram";

const char *const SetWatermarkSql = "UPDATE retention_state SET last_seq = $1, last_id = $2 WHERE name = 'rollup'";

const char *const PruneWalkSql =
    "SELECT finished_seq, id, state, finished_at, dlq_handling IS NOT NULL, coalesce(dlq_handled_at, 0) FROM runs "
    "WHERE finished_seq IS NOT NULL AND (finished_seq, id) > ($1, $2) AND (finished_seq, id) <= ($3, $4) "
    "ORDER BY finished_seq, id LIMIT $5";

const char *const DeleteRunsSql = "DELETE FROM runs WHERE id = ANY ($1::bigint[])";
const char *const DeleteAttemptsSql = "DELETE FROM attempts WHERE run_id = ANY ($1::bigint[])";

struct Position {
    qint64 seq = 0;
    qint64 id = 0;
};

RunRollup readRollup(const pqxx::row &row)
{
    RunRollup rollup;
    rollup.bucketAt = qtInt(row[0]);
    rollup.queue = qtText(row[1]);
    rollup.job = qtText(row[2]);
    rollup.state = runStateFromName(qtText(row[3])).value_or(RunState::Dead);
    rollup.runs = qtInt(row[4]);
    rollup.totalMs = qtInt(row[5]);
    rollup.maxMs = qtInt(row[6]);
    rollup.lastFinishedAt = qtInt(row[7]);
    rollup.histogram = DurationHistogram::decode(qtBytes(row[8]));
    return rollup;
}
} // namespace

RetentionResult PostgresStore::rollupAndPrune(qint64 now, const RetentionPolicy &policy)
{
    return guarded("retention", [&] {
        RetentionResult result;
        const int batch = std::max(policy.batchSize, 1);
        const int maxBatches = std::max(policy.maxBatches, 1);
        int batches = 0;

        // Roll up: every run past the watermark and below the horizon, in (finished_seq, id) order. The watermark
        // moves in the same transaction as the rollup rows, so each run is counted once whatever fails in between.
        for (bool done = false; !done;) {
            if (batches >= maxBatches) {
                result.more = true;
                return result;
            }
            pqxx::work tx(m_session->connection);
            const qint64 horizon = qtInt(tx.exec_prepared(m_session->prepared("vigia_horizon", HorizonSql))[0][0]);
            const pqxx::result mark = tx.exec_prepared(m_session->prepared("vigia_rollup_mark", WatermarkSql));
            Position last{qtInt(mark[0][0]), qtInt(mark[0][1])};
            const pqxx::result finished = tx.exec_prepared(m_session->prepared("vigia_rollup_finished", FinishedSql),
                                                           last.seq, last.id, horizon, batch);
            done = int(finished.size()) < batch;
            if (finished.empty())
                break; // an empty look does not count as a batch
            ++batches;
            QHash<QString, RunRollup> rollups;
            for (const pqxx::row &row : finished) {
                last = {qtInt(row[0]), qtInt(row[1])};
                const qint64 finishedAt = qtInt(row[2]);
                const RunState state = runStateFromName(qtText(row[5])).value_or(RunState::Dead);
                const qint64 bucketAt = finishedAt - finishedAt % RunRollup::BucketMs;
                const QString queue = qtText(row[3]);
                const QString job = qtText(row[4]);
                RunRollup &rollup = rollups[rollupKey(bucketAt, queue, job, state)];
                if (rollup.runs == 0) {
                    rollup.bucketAt = bucketAt;
                    rollup.queue = queue;
                    rollup.job = job;
                    rollup.state = state;
                }
                rollup.add(finishedAt, row[6].is_null() ? -1 : qtInt(row[6]));
            }
            PgArray bucketAt, queue, job, state;
            for (const RunRollup &rollup : std::as_const(rollups)) {
                bucketAt.add(rollup.bucketAt);
                queue.add(rollup.queue);
                job.add(rollup.job);
                state.add(runStateName(rollup.state));
            }
            for (const pqxx::row &row :
                 tx.exec_prepared(m_session->prepared("vigia_rollup_existing", ExistingRollupsSql), bucketAt.str(),
                                  queue.str(), job.str(), state.str())) {
                const RunRollup before = readRollup(row);
                rollups[rollupKey(before.bucketAt, before.queue, before.job, before.state)].merge(before);
            }
            PgArray bucketAts, queues, jobs, states, runs, totalMs, maxMs, lastFinishedAt, histogram;
            for (const RunRollup &rollup : std::as_const(rollups)) {
                bucketAts.add(rollup.bucketAt);
                queues.add(rollup.queue);
                jobs.add(rollup.job);
                states.add(runStateName(rollup.state));
                runs.add(rollup.runs);
                totalMs.add(rollup.totalMs);
                maxMs.add(rollup.maxMs);
                lastFinishedAt.add(rollup.lastFinishedAt);
                histogram.add(rollup.histogram.encode());
            }
            tx.exec_prepared(m_session->prepared("vigia_rollup_write", WriteRollupsSql), bucketAts.str(), queues.str(),
                             jobs.str(), states.str(), runs.str(), totalMs.str(), maxMs.str(), lastFinishedAt.str(),
                             histogram.str());
            tx.exec_prepared(m_session->prepared("vigia_rollup_set_mark", SetWatermarkSql), last.seq, last.id);
            tx.commit();
            result.rolledUp += qint64(finished.size());
        }

        // Prune: walk the rolled-up runs from the oldest seq and delete what the policy lets go, up to the first run
        // younger than the shorter age. The runs kept on the way (the dead-letter queue, mostly) are walked again
        // each time; they are few.
        Position upTo;
        {
            pqxx::read_transaction tx(m_session->connection);
            const pqxx::result mark = tx.exec("SELECT last_seq, last_id FROM retention_state WHERE name = 'rollup'");
            upTo = {qtInt(mark[0][0]), qtInt(mark[0][1])};
            tx.commit();
        }
        Position cursor;
        for (bool done = false; !done;) {
            if (batches >= maxBatches) {
                result.more = true;
                return result;
            }
            ++batches;
            pqxx::work tx(m_session->connection);
            const pqxx::result walk = tx.exec_prepared(m_session->prepared("vigia_prune_walk", PruneWalkSql),
                                                       cursor.seq, cursor.id, upTo.seq, upTo.id, batch);
            done = int(walk.size()) < batch;
            PgArray doomed;
            for (const pqxx::row &row : walk) {
                const RunState state = runStateFromName(qtText(row[2])).value_or(RunState::Dead);
                const PruneVerdict verdict =
                    pruneVerdict(state, qtInt(row[3]), qtBool(row[4]), qtInt(row[5]), now, policy);
                if (verdict == PruneVerdict::Stop) {
                    done = true;
                    break;
                }
                cursor = {qtInt(row[0]), qtInt(row[1])};
                if (verdict == PruneVerdict::Prune) {
                    doomed.add(cursor.id);
                    if (state == RunState::Dead)
                        ++result.prunedDead;
                    else
                        ++result.prunedFinished;
                }
            }
            if (!doomed.isEmpty()) {
                const std::string ids = doomed.str();
                tx.exec_prepared(m_session->prepared("vigia_prune_runs", DeleteRunsSql), ids);
                tx.exec_prepared(m_session->prepared("vigia_prune_attempts", DeleteAttemptsSql), ids);
            }
            tx.commit();
        }
        return result;
    });
}

QVector<RollupStats> PostgresStore::rollups(const RollupFilter &filter)
{
    return guarded("run rollups", [&] {
        pqxx::nontransaction tx(m_session->connection);
        QVector<RunRollup> rows;
        for (const pqxx::row &row :
             tx.exec_params("SELECT bucket_at, queue, job, state, runs, total_ms, max_ms, last_finished_at, histogram "
                            "FROM run_rollups WHERE bucket_at >= $1 AND ($2::bigint = 0 OR bucket_at < $2::bigint) AND "
                            "($3::text = '' OR job = $3::text) AND ($4::text = '' OR queue = $4::text)",
                            filter.since, filter.until, pgText(filter.job), pgText(filter.queue)))
            rows.append(readRollup(row));
        return mergeRollups(rows, filter);
    });
}

} // namespace vigia
