// `vigia-engine stats`: per job, the counts and duration percentiles of the runs that finished over a period, read
// from the per-minute rollups the leader's pruner keeps (so months back, long after the runs themselves were
// deleted).
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"

#include <QCoreApplication>

namespace vigia::cli {

namespace {
// "850ms", "12.3s", "4m05s", "2h07m": short and exact enough for a table.
QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("%1s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}
} // namespace

int statsVerb(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("stats"),
                      QCoreApplication::translate(
                          "Cli", "Counts by end state and duration percentiles (p50, p95, p99 of the runs that "
                                 "succeeded or went dead) per job over a period, from the per-minute rollups that "
                                 "the engine's leader writes every minute; they outlive the runs themselves. Runs of "
                                 "no job are shown as \"-\"."),
                      VerbParser::WithJson);
    parser.addOption(
        {QStringLiteral("job"), QCoreApplication::translate("Cli", "Only this job."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("queue"), QCoreApplication::translate("Cli", "Only runs of this queue."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("since"),
                      QCoreApplication::translate("Cli", "How far back (default 24h; e.g. 90m, 7d)."),
                      QStringLiteral("duration"), QStringLiteral("24h")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    const qint64 sinceMs = parseDurationMs(parser.value(QStringLiteral("since")), QStringLiteral("--since"), 60'000,
                                           3650 * RetentionPolicy::Day);
    std::unique_ptr<Store> store = parser.openStore();
    const qint64 now = context.clock().nowMs();
    RollupFilter filter;
    filter.job = parser.value(QStringLiteral("job"));
    filter.queue = parser.value(QStringLiteral("queue"));
    // Whole minutes: the rollups' buckets.
    filter.since = (now - sinceMs) - (now - sinceMs) % RunRollup::BucketMs;
    const QVector<RollupStats> stats = store->rollups(filter);

    if (parser.json()) {
        QJsonArray array;
        for (const RollupStats &s : stats) {
            array.append(QJsonObject{{QStringLiteral("job"), s.job},
                                     {QStringLiteral("runs"), s.runs()},
                                     {QStringLiteral("succeeded"), s.succeeded},
                                     {QStringLiteral("dead"), s.dead},
                                     {QStringLiteral("cancelled"), s.cancelled},
                                     {QStringLiteral("p50_ms"), s.p50()},
                                     {QStringLiteral("p95_ms"), s.p95()},
                                     {QStringLiteral("p99_ms"), s.p99()},
                                     {QStringLiteral("max_ms"), s.maxMs},
                                     {QStringLiteral("last_success_at"), formatInstant(s.lastSuccessAt)}});
        }
        printJson(context.out(), array);
        return Success;
    }
    if (stats.isEmpty()) {
        context.out() << QCoreApplication::translate("Cli", "No finished runs rolled up since %1.")
                             .arg(formatInstant(filter.since))
                      << '\n';
        return Success;
    }
    QList<QStringList> rows;
    for (const RollupStats &s : stats) {
        const bool timed = !s.durations.isEmpty();
        rows.append({s.job.isEmpty() ? QStringLiteral("-") : s.job, QString::number(s.runs()),
                     QString::number(s.succeeded), QString::number(s.dead), QString::number(s.cancelled),
                     timed ? formatDuration(s.p50()) : QStringLiteral("-"),
                     timed ? formatDuration(s.p95()) : QStringLiteral("-"),
                     timed ? formatDuration(s.p99()) : QStringLiteral("-"),
                     timed ? formatDuration(s.maxMs) : QStringLiteral("-")});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "JOB"), QCoreApplication::translate("Cli", "RUNS"),
                QCoreApplication::translate("Cli", "SUCCEEDED"), QCoreApplication::translate("Cli", "DEAD"),
                QCoreApplication::translate("Cli", "CANCELLED"), QCoreApplication::translate("Cli", "P50"),
                QCoreApplication::translate("Cli", "P95"), QCoreApplication::translate("Cli", "P99"),
                QCoreApplication::translate("Cli", "MAX")},
               rows);
    return Success;
}

} // namespace vigia::cli
