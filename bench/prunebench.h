#pragma once

#include "benchresult.h"

namespace vigia {
class Clock;
class Store;
} // namespace vigia

namespace vigia::bench {

// The `prune` scenario: preloads `jobs` runs of 10 jobs that finished (98% succeeded, 2% dead and then discarded)
// over the minutes ending 40 days ago (not timed), then times Store::rollupAndPrune() with the default policy until
// it has nothing left: every run rolled up, then deleted. Reports runs/s rolled up and deleted.
BenchResult runPruneBench(Store &store, const Clock &clock, int jobs);

} // namespace vigia::bench
