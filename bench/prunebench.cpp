#include "prunebench.h"

#include "peakrss.h"
#include "store/store.h"
#include "util/clock.h"

#include <QElapsedTimer>

namespace vigia::bench {

namespace {
constexpr int JobCount = 10;
constexpr int Chunk = 1000;
const Actor Bench{QStringLiteral("vigia-bench")};

// Enqueues, claims and finishes `jobs` runs through the store, in chunks, with finish times 10 ms apart ending at
// `endAt`. Every 50th run goes dead and is discarded at `endAt`.
void preload(Store &store, const QVector<qint64> &jobIds, int jobs, qint64 endAt)
{
    const QString queue = QStringLiteral("bench-prune");
    for (int done = 0; done < jobs;) {
        const int n = std::min(Chunk, jobs - done);
        const qint64 startAt = endAt - qint64(jobs - done) * 10;
        QVector<NewRun> runs(n);
        for (int i = 0; i < n; ++i) {
            runs[i].queue = queue;
            runs[i].kind = QStringLiteral("noop");
            runs[i].maxAttempts = 1;
            runs[i].jobId = jobIds.at((done + i) % JobCount);
        }
        store.enqueue(runs, startAt);
        const ExchangeResult claimed =
            store.exchange({}, ClaimRequest{QStringLiteral("bench"), n, startAt, startAt + 3'600'000});
        QVector<Completion> completions;
        QVector<qint64> dead;
        for (int i = 0; i < claimed.claimed.size(); ++i) {
            const Run &run = claimed.claimed.at(i);
            Completion c;
            c.runId = run.id;
            c.attempt = run.attempt;
            c.node = QStringLiteral("bench");
            c.newState = (done + i) % 50 == 49 ? RunState::Dead : RunState::Succeeded;
            c.outcome = c.newState == RunState::Dead ? QStringLiteral("failed") : QStringLiteral("succeeded");
            c.startedAt = startAt;
            c.finishedAt = startAt + 10 * i + (i * 37) % 2000; // durations spread over 0..2 s
            completions.append(c);
            if (c.newState == RunState::Dead)
                dead.append(run.id);
        }
        store.exchange(completions, ClaimRequest{});
        for (const qint64 id : std::as_const(dead))
            store.discard(id, Bench, endAt);
        done += n;
    }
}
} // namespace

BenchResult runPruneBench(Store &store, const Clock &clock, int jobs)
{
    const qint64 now = clock.nowMs();
    try {
        Queue queue;
        queue.name = QStringLiteral("bench-prune");
        queue.concurrency = Chunk;
        store.ensureQueue(queue, Bench, now);
        QVector<qint64> jobIds;
        for (int i = 0; i < JobCount; ++i) {
            JobDef job;
            job.name = QStringLiteral("bench-job-%1").arg(i);
            job.queue = queue.name;
            job.kind = QStringLiteral("noop");
            jobIds.append(store.upsertJob(job, Bench, now));
        }
        preload(store, jobIds, jobs, now - 40 * RetentionPolicy::Day);
    } catch (const StoreError &error) {
        return BenchResult::failure(QStringLiteral("cannot preload the runs: ") + error.message());
    }

    BenchResult result;
    qint64 rolledUp = 0;
    qint64 pruned = 0;
    QElapsedTimer timer;
    timer.start();
    try {
        for (;;) {
            const RetentionResult pass = store.rollupAndPrune(now, RetentionPolicy{});
            rolledUp += pass.rolledUp;
            pruned += pass.prunedFinished + pass.prunedDead;
            if (!pass.more)
                break;
        }
    } catch (const StoreError &error) {
        return BenchResult::failure(error.message());
    }
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.peakRssMb = peakRssMb();
    if (rolledUp != jobs || pruned != jobs) {
        return BenchResult::failure(
            QStringLiteral("rolled up %1 and deleted %2 of %3 runs").arg(rolledUp).arg(pruned).arg(jobs));
    }
    RollupFilter all;
    qint64 counted = 0;
    for (const RollupStats &stats : store.rollups(all))
        counted += stats.runs();
    if (counted != jobs)
        return BenchResult::failure(QStringLiteral("the rollups count %1 runs of %2").arg(counted).arg(jobs));
    result.jobs = jobs;
    result.ok = true;
    return result;
}

} // namespace vigia::bench
