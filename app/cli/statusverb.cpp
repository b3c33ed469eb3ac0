// vigia-engine status: the system's health (state, score, stale jobs, too-long runs, failure rates, open incidents)
// for people and for scripts, with exit codes in the convention of Nagios/Icinga plugins.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"
#include "incidents/healthcheck.h"

#include <QCoreApplication>

namespace vigia::cli {

namespace {
enum StatusExit {
    StatusOk = 0,
    StatusDegraded = 1,
    StatusCritical = 2,
    StatusUnknown = 3, // the health could not be evaluated: bad usage, no database
};

QJsonValue instantOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(formatInstant(ms)) : QJsonValue(QJsonValue::Null);
}

// "2h 05m", "3d 4h", "45s"
QString duration(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 60)
        return QCoreApplication::translate("Cli", "%1s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Cli", "%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 86400) {
        return QCoreApplication::translate("Cli", "%1h %2m")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    return QCoreApplication::translate("Cli", "%1d %2h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString stateLabel(HealthState state)
{
    switch (state) {
    case HealthState::Ok:
        return QCoreApplication::translate("Cli", "ok");
    case HealthState::Degraded:
        return QCoreApplication::translate("Cli", "degraded");
    case HealthState::Critical:
        return QCoreApplication::translate("Cli", "critical");
    }
    return {};
}

QJsonObject reportToJson(const HealthReport &report)
{
    const SystemHealth &system = report.system;
    QJsonArray stale;
    QJsonArray tooLong;
    QJsonArray failureRates;
    for (const JobHealth &job : system.jobs) {
        if (job.stale) {
            stale.append(QJsonObject{{QStringLiteral("job"), job.name},
                                     {QStringLiteral("critical"), job.critical},
                                     {QStringLiteral("last_success_at"), instantOrNull(job.lastSuccessAt)},
                                     {QStringLiteral("period_ms"), job.periodMs},
                                     {QStringLiteral("sla_ms"), job.slaMs},
                                     {QStringLiteral("sla_default"), job.slaIsDefault},
                                     {QStringLiteral("stale_at"), instantOrNull(job.staleAt)},
                                     {QStringLiteral("overdue_ms"), job.overdueMs}});
        }
        for (const LongRun &run : job.tooLong) {
            tooLong.append(QJsonObject{{QStringLiteral("job"), job.name},
                                       {QStringLiteral("run_id"), run.runId},
                                       {QStringLiteral("started_at"), instantOrNull(run.startedAt)},
                                       {QStringLiteral("running_ms"), run.runningMs},
                                       {QStringLiteral("limit_ms"), run.limitMs},
                                       {QStringLiteral("limit_derived"), job.runLimitIsDerived}});
        }
        if (job.failureRateBreached) {
            failureRates.append(QJsonObject{{QStringLiteral("job"), job.name},
                                            {QStringLiteral("failures"), job.failures},
                                            {QStringLiteral("runs"), job.finishedRuns},
                                            {QStringLiteral("rate"), job.failureRate},
                                            {QStringLiteral("threshold"), job.failureRateThreshold}});
        }
    }
    const OpenIncidentCounts &incidents = system.incidents;
    return QJsonObject{
        {QStringLiteral("state"), healthStateName(system.state)},
        {QStringLiteral("score"), system.score},
        {QStringLiteral("evaluated_at"), formatInstant(report.evaluatedAt)},
        {QStringLiteral("jobs"), int(system.jobs.size())},
        {QStringLiteral("stale_jobs"), stale},
        {QStringLiteral("too_long_runs"), tooLong},
        {QStringLiteral("failure_rates"), failureRates},
        {QStringLiteral("open_incidents"), QJsonObject{{QStringLiteral("total"), incidents.total()},
                                                       {QStringLiteral("critical"), incidents.critical},
                                                       {QStringLiteral("high"), incidents.high},
                                                       {QStringLiteral("warning"), incidents.warning},
                                                       {QStringLiteral("info"), incidents.info}}},
    };
}

void printReport(QTextStream &out, const HealthReport &report)
{
    const SystemHealth &system = report.system;
    out << QCoreApplication::translate("Cli", "State: %1 (health score %2/100, %3 jobs)")
               .arg(stateLabel(system.state))
               .arg(system.score)
               .arg(system.jobs.size())
        << '\n';
    QList<QStringList> stale;
    QList<QStringList> tooLong;
    QList<QStringList> failureRates;
    for (const JobHealth &job : system.jobs) {
        if (job.stale) {
            stale.append(
                {job.name,
                 job.lastSuccessAt > 0 ? formatInstant(job.lastSuccessAt) : QCoreApplication::translate("Cli", "never"),
                 duration(job.slaMs), duration(job.overdueMs),
                 job.critical ? QCoreApplication::translate("Cli", "critical") : QString()});
        }
        for (const LongRun &run : job.tooLong) {
            tooLong.append({job.name, QString::number(run.runId), formatInstant(run.startedAt), duration(run.runningMs),
                            duration(run.limitMs)});
        }
        if (job.failureRateBreached) {
            failureRates.append({job.name, QStringLiteral("%1/%2").arg(job.failures).arg(job.finishedRuns),
                                 QStringLiteral("%1%").arg(job.failureRate * 100, 0, 'f', 0),
                                 QStringLiteral("%1%").arg(job.failureRateThreshold * 100, 0, 'f', 0)});
        }
    }
    if (!stale.isEmpty()) {
        out << '\n' << QCoreApplication::translate("Cli", "Stale jobs:") << '\n';
        printTable(out,
                   {QCoreApplication::translate("Cli", "JOB"), QCoreApplication::translate("Cli", "LAST SUCCESS"),
                    QCoreApplication::translate("Cli", "SLA"), QCoreApplication::translate("Cli", "OVERDUE BY"),
                    QCoreApplication::translate("Cli", "CRITICAL")},
                   stale);
    }
    if (!tooLong.isEmpty()) {
        out << '\n' << QCoreApplication::translate("Cli", "Runs running too long:") << '\n';
        printTable(out,
                   {QCoreApplication::translate("Cli", "JOB"), QCoreApplication::translate("Cli", "RUN"),
                    QCoreApplication::translate("Cli", "STARTED"), QCoreApplication::translate("Cli", "RUNNING FOR"),
                    QCoreApplication::translate("Cli", "LIMIT")},
                   tooLong);
    }
    if (!failureRates.isEmpty()) {
        out << '\n' << QCoreApplication::translate("Cli", "Failure rates over their threshold:") << '\n';
        printTable(out,
                   {QCoreApplication::translate("Cli", "JOB"), QCoreApplication::translate("Cli", "FAILED"),
                    QCoreApplication::translate("Cli", "RATE"), QCoreApplication::translate("Cli", "THRESHOLD")},
                   failureRates);
    }
    const OpenIncidentCounts &incidents = system.incidents;
    out << '\n'
        << QCoreApplication::translate("Cli", "Open incidents: %1 (critical %2, high %3, warning %4, info %5)")
               .arg(incidents.total())
               .arg(incidents.critical)
               .arg(incidents.high)
               .arg(incidents.warning)
               .arg(incidents.info)
        << '\n';
}
} // namespace

int statusVerb(CliContext &context, const QStringList &args)
{
    try {
        VerbParser parser(
            QStringLiteral("status"),
            QCoreApplication::translate(
                "Cli", "Show the system's health: state, health score, stale jobs, runs running too long, failure "
                       "rates over their threshold and open incidents. Exit code: 0 ok, 1 degraded, 2 critical, "
                       "3 unknown (the health could not be evaluated), as monitoring plugins report."),
            VerbParser::WithJson);
        if (!parser.parse(context, args, 0, 0))
            return StatusOk;
        std::unique_ptr<Store> store = parser.openStore();
        HealthCheck check;
        const HealthReport report = check.run(*store, context.clock().nowMs());
        if (parser.json())
            printJson(context.out(), reportToJson(report));
        else
            printReport(context.out(), report);
        switch (report.system.state) {
        case HealthState::Ok:
            return StatusOk;
        case HealthState::Degraded:
            return StatusDegraded;
        case HealthState::Critical:
            return StatusCritical;
        }
        return StatusUnknown;
    } catch (const UsageError &error) {
        context.err() << "vigia-engine: " << error.message << '\n';
    } catch (const StoreError &error) {
        context.err() << "vigia-engine: " << error.message() << '\n';
    }
    return StatusUnknown;
}

} // namespace vigia::cli
