#pragma once

#include "benchresult.h"
#include "model/run.h"

namespace vigia {
class Clock;
class ExecutorRegistry;
class Store;
} // namespace vigia

namespace vigia::bench {

// A noop run on the `default` queue, as every scenario enqueues it.
NewRun noopRun();

// Enqueues `jobs` noop runs, `batchSize` per transaction, through enqueueRuns() so that validation (kind lookup,
// payload JSON parse) is paid as a real client pays it. Throws StoreError.
void enqueueNoopRuns(Store &store, const ExecutorRegistry &registry, const Clock &clock, int jobs, int batchSize);

// The `enqueue` (batchSize 1000) and `enqueue-single` (batchSize 1) scenarios: times enqueueNoopRuns().
BenchResult runEnqueueBench(Store &store, const ExecutorRegistry &registry, const Clock &clock, int jobs,
                            int batchSize);

} // namespace vigia::bench
