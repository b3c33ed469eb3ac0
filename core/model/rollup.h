#pragma once

#include "model/durationhistogram.h"
#include "model/run.h"

#include <QString>
#include <QVector>

namespace vigia {

// Retention of finished runs (Store::rollupAndPrune): runs are rolled up into per-minute rows first, then the old
// ones are deleted. Ages are in ms.
struct RetentionPolicy {
    static constexpr qint64 Day = 24LL * 3600 * 1000;
    qint64 succeededAgeMs = 7 * Day; // succeeded and cancelled runs
    qint64 deadAgeMs = 30 * Day;     // dead runs replayed or discarded, counted from then; unhandled ones stay
    int batchSize = 500;             // runs per transaction, so that claims wait little
    int maxBatches = 200;            // per call; result.more says there was more to do
};

struct RetentionResult {
    qint64 rolledUp = 0;
    qint64 prunedFinished = 0; // succeeded and cancelled
    qint64 prunedDead = 0;
    bool more = false; // stopped at maxBatches with work left
};

// What retention does with one rolled-up run, walking them in finished_seq order (about finish order): Stop at the
// first one younger than the shorter age, as every later one is about as young.
enum class PruneVerdict {
    Keep,
    Prune,
    Stop
};
PruneVerdict pruneVerdict(RunState state, qint64 finishedAt, bool dlqHandled, qint64 dlqHandledAt, qint64 now,
                          const RetentionPolicy &policy);

// One minute of one job's runs on one queue that ended in one state. `job` is the job's name, empty for runs of no
// job (enqueued by hand or of a deleted job).
struct RunRollup {
    static constexpr qint64 BucketMs = 60 * 1000;

    qint64 bucketAt = 0; // the minute's start, ms since the epoch
    QString queue{};
    QString job{};
    RunState state = RunState::Succeeded;
    qint64 runs = 0;
    qint64 totalMs = 0; // sum of durations of the runs that ran (a run cancelled before it started has none)
    qint64 maxMs = 0;
    qint64 lastFinishedAt = 0;
    DurationHistogram histogram{};

    // Adds one finished run (finished at `finishedAt`, `durationMs` < 0 when it never ran).
    void add(qint64 finishedAt, qint64 durationMs);
    // Adds another rollup of the same key.
    void merge(const RunRollup &other);
};

// The rollup rows' key, for collecting a batch's runs.
QString rollupKey(qint64 bucketAt, const QString &queue, const QString &job, RunState state);

struct RollupFilter {
    QString job{};     // empty: every job
    QString queue{};   // empty: every queue
    qint64 since = 0;  // bucket start at or after
    qint64 until = 0;  // bucket start before; 0: no end
    bool byJob = true; // group per job
    bool byQueue = false;
};

// A period's merged rollups for one group (the job and/or queue it is per; empty when not grouped by it).
struct RollupStats {
    QString job{};
    QString queue{};
    qint64 succeeded = 0;
    qint64 dead = 0;
    qint64 cancelled = 0;
    qint64 totalMs = 0;
    qint64 maxMs = 0;
    qint64 lastSuccessAt = 0;
    // Durations of the runs that ended succeeded or dead (cancelled runs say little about a job's duration).
    DurationHistogram durations{};

    qint64 runs() const { return succeeded + dead + cancelled; }
    qint64 p50() const { return durations.percentile(0.50, maxMs); }
    qint64 p95() const { return durations.percentile(0.95, maxMs); }
    qint64 p99() const { return durations.percentile(0.99, maxMs); }
};

// Groups rollup rows as the filter says (the rows already selected by its period, job and queue); by job, then queue.
QVector<RollupStats> mergeRollups(const QVector<RunRollup> &rows, const RollupFilter &filter);

} // namespace vigia
