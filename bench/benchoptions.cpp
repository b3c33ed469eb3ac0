#include "benchoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace vigia::bench {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Bench", text);
}

constexpr int DefaultJobs = 10'000;
constexpr int DefaultLatencyJobs = 500;
constexpr int DefaultCronJobs = 100;

// A whole number in [min, max], or nullopt with *message naming the option and the problem.
std::optional<int> parseBounded(const QString &text, const QString &option, int min, int max, QString *message)
{
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok) {
        *message = tr("%1: \"%2\" is not a whole number").arg(option, text);
        return std::nullopt;
    }
    if (value < min || value > max) {
        *message = tr("%1: %2 is out of range (%3..%4)").arg(option).arg(value).arg(min).arg(max);
        return std::nullopt;
    }
    return int(value);
}
} // namespace

QString scenarioName(Scenario scenario)
{
    switch (scenario) {
    case Scenario::Enqueue:
        return QStringLiteral("enqueue");
    case Scenario::EnqueueSingle:
        return QStringLiteral("enqueue-single");
    case Scenario::Process:
        return QStringLiteral("process");
    case Scenario::Latency:
        return QStringLiteral("latency");
    case Scenario::CronLag:
        return QStringLiteral("cron-lag");
    case Scenario::Prune:
        return QStringLiteral("prune");
    }
    return {};
}

std::optional<BenchOptions> parseBenchOptions(const QStringList &arguments, int *exitCode, QString *message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Benchmarks the Vigia engine on a FRESH database and prints one JSON line on stdout. A sqlite:PATH file is "
           "deleted and recreated; on PostgreSQL (--db postgresql://USER@HOST:PORT/ANY) a database bench_<random> is "
           "created through the server's maintenance database `postgres` and dropped afterwards; --pg-temp starts a "
           "throwaway PostgreSQL server (default settings) for the run.\n"
           "Scenarios:\n"
           "  enqueue         enqueue --jobs noop runs, --batch-size per transaction\n"
           "  enqueue-single  enqueue --jobs noop runs, one per transaction\n"
           "  process         preload --jobs noop runs, then time an engine running them all\n"
           "  latency         enqueue --jobs runs (default 500) one at a time, --interval-ms apart, into an idle "
           "engine; reports enqueue-to-start percentiles\n"
           "  cron-lag        --jobs scheduled jobs (default 100) firing every second for 10 s; reports "
           "fire-to-enqueue lag percentiles\n"
           "  prune           preload --jobs runs finished 40 days ago, then time retention rolling them up and "
           "deleting them"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("Database to create afresh (sqlite:PATH), or PostgreSQL server to create a fresh "
                                   "database on (postgresql://...)."),
                                QStringLiteral("url"));
    const QCommandLineOption pgTemp(QStringLiteral("pg-temp"),
                                    tr("Run on a throwaway PostgreSQL server started for this run (initdb in a "
                                       "temporary directory, loopback only; needs PostgreSQL's server installed)."));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      tr("enqueue, enqueue-single, process, latency, cron-lag or prune."),
                                      QStringLiteral("name"));
    const QCommandLineOption jobs(QStringLiteral("jobs"), tr("Number of runs (default 10000; 500 for latency)."),
                                  QStringLiteral("n"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         tr("Runs executing at once in the engine (default 8)."), QStringLiteral("c"),
                                         QStringLiteral("8"));
    const QCommandLineOption batch(QStringLiteral("batch-size"),
                                   tr("Runs per transaction for enqueue and the process preload (default 1000)."),
                                   QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption interval(QStringLiteral("interval-ms"),
                                      tr("latency: milliseconds between two enqueues (default 20)."),
                                      QStringLiteral("ms"), QStringLiteral("20"));
    const QCommandLineOption maxPrefetch(QStringLiteral("max-prefetch"),
                                         tr("At most this many runs claimed ahead of free workers (default: the "
                                            "engine's, 1024)."),
                                         QStringLiteral("n"));
    const QCommandLineOption syncClaims(QStringLiteral("sync-claims"),
                                        tr("PostgreSQL: claims wait for their WAL flush too (by default only "
                                           "completions and enqueues do)."));
    const QCommandLineOption verbose(QStringLiteral("verbose"), tr("Keep the engine's info logs (stderr)."));
    parser.addOptions({db, pgTemp, scenario, jobs, concurrency, batch, interval, maxPrefetch, syncClaims, verbose});

    *exitCode = 2;
    if (!parser.parse(arguments)) {
        *message = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(helpOption) || parser.isSet(versionOption)) {
        *exitCode = 0;
        *message = parser.isSet(helpOption)
                       ? parser.helpText()
                       : QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion() + u'\n';
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }

    BenchOptions options;
    options.pgTemp = parser.isSet(pgTemp);
    if (options.pgTemp == parser.isSet(db)) {
        *message = options.pgTemp ? tr("--db and --pg-temp exclude each other")
                                  : tr("--db or --pg-temp is required (the benchmark deletes and recreates that "
                                       "database)");
        return std::nullopt;
    }
    if (!options.pgTemp) {
        QString urlError;
        const std::optional<StoreUrl> url = StoreUrl::parse(parser.value(db), &urlError);
        if (!url) {
            *message = tr("--db: %1").arg(urlError);
            return std::nullopt;
        }
        options.db = *url;
    }

    if (!parser.isSet(scenario)) {
        *message = tr("--scenario is required (enqueue, enqueue-single, process, latency, cron-lag or prune)");
        return std::nullopt;
    }
    const QString name = parser.value(scenario);
    bool known = false;
    for (Scenario s : {Scenario::Enqueue, Scenario::EnqueueSingle, Scenario::Process, Scenario::Latency,
                       Scenario::CronLag, Scenario::Prune}) {
        if (scenarioName(s) == name) {
            options.scenario = s;
            known = true;
        }
    }
    if (!known) {
        *message =
            tr("--scenario: unknown scenario \"%1\" (expected enqueue, enqueue-single, process, latency, cron-lag or "
               "prune)")
                .arg(name);
        return std::nullopt;
    }

    const int defaultJobs = options.scenario == Scenario::Latency   ? DefaultLatencyJobs
                            : options.scenario == Scenario::CronLag ? DefaultCronJobs
                                                                    : DefaultJobs;
    const QString jobsText = parser.isSet(jobs) ? parser.value(jobs) : QString::number(defaultJobs);
    const std::optional<int> jobsValue = parseBounded(jobsText, QStringLiteral("--jobs"), 1, 100'000'000, message);
    const std::optional<int> concurrencyValue =
        jobsValue ? parseBounded(parser.value(concurrency), QStringLiteral("--concurrency"), 1, 10'000, message)
                  : std::nullopt;
    const std::optional<int> batchValue =
        concurrencyValue ? parseBounded(parser.value(batch), QStringLiteral("--batch-size"), 1, 100'000, message)
                         : std::nullopt;
    const std::optional<int> intervalValue =
        batchValue ? parseBounded(parser.value(interval), QStringLiteral("--interval-ms"), 0, 60'000, message)
                   : std::nullopt;
    if (!intervalValue)
        return std::nullopt;
    if (parser.isSet(maxPrefetch)) {
        const std::optional<int> value =
            parseBounded(parser.value(maxPrefetch), QStringLiteral("--max-prefetch"), 0, 100'000, message);
        if (!value)
            return std::nullopt;
        options.maxPrefetch = *value;
    }
    options.asyncClaims = !parser.isSet(syncClaims);
    options.jobs = *jobsValue;
    options.concurrency = *concurrencyValue;
    options.batchSize = *batchValue;
    options.intervalMs = *intervalValue;
    options.verbose = parser.isSet(verbose);
    *exitCode = 0;
    return options;
}

} // namespace vigia::bench
