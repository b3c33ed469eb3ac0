#pragma once

#include "store/storeurl.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace vigia::bench {

enum class Scenario {
    Enqueue,
    EnqueueSingle,
    Process,
    Latency,
    CronLag,
    Prune,
};

QString scenarioName(Scenario scenario);

struct BenchOptions {
    StoreUrl db;         // sqlite:PATH or postgresql://… (a fresh database bench_<random> is created on that server)
    bool pgTemp = false; // --pg-temp: a throwaway PostgreSQL server instead of --db
    Scenario scenario = Scenario::Process;
    int jobs = 0;            // runs to enqueue / process
    int concurrency = 8;     // the engine's concurrency (also reported for the enqueue scenarios)
    int batchSize = 1000;    // runs per transaction in `enqueue` and in the untimed preload of `process`
    int intervalMs = 20;     // `latency`: pause between two enqueues
    int maxPrefetch = -1;    // the engine's ceiling of runs claimed ahead (-1: its default)
    bool asyncClaims = true; // PostgreSQL: claim-only transactions commit without waiting for the WAL flush
    bool verbose = false;    // keep the engine's info logs (on stderr)
};

// Parses the command line (arguments()[0] is the program). Returns nullopt when the program should exit:
// *exitCode is 0 after --help/--version, 2 with *message naming the bad input otherwise.
std::optional<BenchOptions> parseBenchOptions(const QStringList &arguments, int *exitCode, QString *message);

} // namespace vigia::bench
