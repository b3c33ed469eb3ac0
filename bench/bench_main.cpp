// vigia-bench: runs one benchmark scenario on a fresh database and prints exactly one JSON line on stdout:
// {"peer":"vigia","backend":…,"scenario":…,"jobs":N,"concurrency":C,"seconds":S,"jobs_per_s":X,"p50_ms":…,
//  "p99_ms":…,"peak_rss_mb":M}. Diagnostics go to stderr. Exit codes: 0 measured, 1 failed, 2 bad command line.
#include "benchdatabase.h"
#include "benchoptions.h"
#include "cronlagbench.h"
#include "enqueuebench.h"
#include "freshstore.h"
#include "latencybench.h"
#include "processbench.h"
#include "prunebench.h"

#include "executors/executorregistry.h"
#include "store/storefactory.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cmath>
#include <cstdio>

using namespace vigia;
using namespace vigia::bench;

namespace {

void printErr(const QString &message)
{
    std::fprintf(stderr, "vigia-bench: %s\n", qPrintable(message));
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QJsonValue optionalMs(const std::optional<double> &ms)
{
    return ms ? QJsonValue(rounded(*ms, 3)) : QJsonValue(QJsonValue::Null);
}

QByteArray toJsonLine(const QString &backend, const BenchOptions &options, const BenchResult &result)
{
    QJsonObject json;
    json.insert(QStringLiteral("peer"), QStringLiteral("vigia"));
    json.insert(QStringLiteral("backend"), backend);
    json.insert(QStringLiteral("scenario"), scenarioName(options.scenario));
    json.insert(QStringLiteral("jobs"), result.jobs);
    json.insert(QStringLiteral("concurrency"), options.concurrency);
    json.insert(QStringLiteral("seconds"), rounded(result.seconds, 4));
    json.insert(QStringLiteral("jobs_per_s"),
                result.seconds > 0 ? rounded(double(result.jobs) / result.seconds, 1) : 0.0);
    json.insert(QStringLiteral("p50_ms"), optionalMs(result.p50Ms));
    json.insert(QStringLiteral("p99_ms"), optionalMs(result.p99Ms));
    json.insert(QStringLiteral("peak_rss_mb"), rounded(result.peakRssMb, 1));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigia-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIA_VERSION));

    int exitCode = 0;
    QString message;
    const std::optional<BenchOptions> parsed = parseBenchOptions(QCoreApplication::arguments(), &exitCode, &message);
    if (!parsed) {
        if (exitCode == 0) {
            std::fputs(qPrintable(message), stdout);
        } else {
            printErr(message);
            std::fputs("Try 'vigia-bench --help'.\n", stderr);
        }
        return exitCode;
    }
    const BenchOptions &options = *parsed;
    // The engine's info lines (migrations, start, stop) would only add noise and cost; warnings stay.
    if (!options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.debug=false\nvigia.*.info=false"));

    SystemClock clock;
    const ExecutorRegistry registry = ExecutorRegistry::withBuiltins();
    // Declared before everything that connects to it: dropped (and a throwaway server stopped) last.
    std::unique_ptr<BenchDatabase> database;
    std::unique_ptr<Store> store;
    try {
        database = BenchDatabase::open(options.db, options.pgTemp);
        store = createFreshStore(database->url(), options.concurrency, clock.nowMs());
    } catch (const StoreError &error) {
        printErr(QStringLiteral("cannot create a fresh database at %1: %2")
                     .arg(database         ? database->url().text
                          : options.pgTemp ? QStringLiteral("--pg-temp")
                                           : options.db.text,
                          error.message()));
        return 1;
    }

    const StoreUrl url = database->url();
    const EngineSetup setup{[url] { return openStore(url); },
                            &clock,
                            &registry,
                            options.concurrency,
                            options.maxPrefetch,
                            options.asyncClaims};
    BenchResult result;
    switch (options.scenario) {
    case Scenario::Enqueue:
        result = runEnqueueBench(*store, registry, clock, options.jobs, options.batchSize);
        break;
    case Scenario::EnqueueSingle:
        result = runEnqueueBench(*store, registry, clock, options.jobs, 1);
        break;
    case Scenario::Process: {
        try {
            enqueueNoopRuns(*store, registry, clock, options.jobs, options.batchSize); // not timed
        } catch (const StoreError &error) {
            printErr(QStringLiteral("cannot preload the runs: ") + error.message());
            return 1;
        }
        ProcessBench bench(setup, *store, options.jobs);
        result = runEngineBench(bench);
        break;
    }
    case Scenario::Latency: {
        LatencyBench bench(setup, options.jobs, options.intervalMs);
        result = runEngineBench(bench);
        break;
    }
    case Scenario::CronLag: {
        CronLagBench bench(setup, *store, options.jobs);
        result = runEngineBench(bench);
        break;
    }
    case Scenario::Prune:
        result = runPruneBench(*store, clock, options.jobs);
        break;
    }
    if (!result.ok) {
        printErr(QStringLiteral("%1 failed: %2").arg(scenarioName(options.scenario), result.error));
        return 1;
    }
    const QByteArray line = toJsonLine(store->backend(), options, result) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
    return 0;
}
