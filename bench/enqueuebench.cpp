#include "enqueuebench.h"

#include "engine/enqueue.h"
#include "executors/executorregistry.h"
#include "peakrss.h"
#include "store/store.h"
#include "util/clock.h"

#include <QElapsedTimer>

namespace vigia::bench {

NewRun noopRun()
{
    NewRun run;
    run.kind = QStringLiteral("noop");
    return run;
}

void enqueueNoopRuns(Store &store, const ExecutorRegistry &registry, const Clock &clock, int jobs, int batchSize)
{
    // Every batch holds identical runs, so one vector serves them all; only a shorter last batch needs its own.
    const QVector<NewRun> full(std::min(batchSize, jobs), noopRun());
    for (int done = 0; done < jobs;) {
        const int n = std::min(batchSize, jobs - done);
        if (n == full.size())
            enqueueRuns(store, registry, full, clock.nowMs());
        else
            enqueueRuns(store, registry, QVector<NewRun>(n, noopRun()), clock.nowMs());
        done += n;
    }
}

BenchResult runEnqueueBench(Store &store, const ExecutorRegistry &registry, const Clock &clock, int jobs, int batchSize)
{
    BenchResult result;
    QElapsedTimer timer;
    timer.start();
    try {
        enqueueNoopRuns(store, registry, clock, jobs, batchSize);
    } catch (const StoreError &error) {
        return BenchResult::failure(error.message());
    }
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.peakRssMb = peakRssMb();
    result.jobs = jobs;
    result.ok = true;
    return result;
}

} // namespace vigia::bench
