// Verbs about job definitions: jobs list, pause, resume, postpone. Jobs are declared with `apply` (jobs as code).
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"
#include "model/jobdef.h"

#include <QCoreApplication>

namespace vigia::cli {

namespace {
QString describeSchedule(const Schedule &s)
{
    switch (s.kind) {
    case Schedule::Kind::Cron:
        return s.cron + u' ' + s.timeZone;
    case Schedule::Kind::Interval:
        return QCoreApplication::translate("Cli", "every %1 s").arg(s.intervalMs / 1000);
    case Schedule::Kind::None:
        break;
    }
    return QCoreApplication::translate("Cli", "on demand");
}

QJsonObject jobToJson(const JobDef &job)
{
    const Schedule &s = job.schedule;
    QJsonObject schedule{
        {QStringLiteral("kind"), scheduleKindName(s.kind)},
        {QStringLiteral("time_zone"), s.timeZone},
        {QStringLiteral("paused"), s.paused},
        {QStringLiteral("misfire"), misfirePolicyName(s.misfire)},
        {QStringLiteral("postpone_until"),
         s.postponeUntil > 0 ? QJsonValue(formatInstant(s.postponeUntil)) : QJsonValue(QJsonValue::Null)},
    };
    if (!s.window.isUnrestricted()) {
        const auto hhmm = [](int minute) {
            return QStringLiteral("%1:%2")
                .arg(minute / 60, 2, 10, QLatin1Char('0'))
                .arg(minute % 60, 2, 10, QLatin1Char('0'));
        };
        QJsonArray weekdays;
        for (int day = 0; day < 7; ++day) {
            if ((s.window.weekdays >> day) & 1)
                weekdays.append(day + 1); // ISO 8601: 1 = Monday ... 7 = Sunday
        }
        QJsonObject window{{QStringLiteral("weekdays"), weekdays}};
        if (s.window.hasTimeOfDay()) {
            window.insert(QStringLiteral("start"), hhmm(s.window.startMinute));
            window.insert(QStringLiteral("end"), hhmm(s.window.endMinute));
        }
        schedule.insert(QStringLiteral("window"), window);
    }
    if (s.kind == Schedule::Kind::Cron)
        schedule.insert(QStringLiteral("cron"), s.cron);
    if (s.kind == Schedule::Kind::Interval)
        schedule.insert(QStringLiteral("interval_s"), double(s.intervalMs) / 1000.0);
    return QJsonObject{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("name"), job.name},
        {QStringLiteral("queue"), job.queue},
        {QStringLiteral("kind"), job.kind},
        {QStringLiteral("priority"), priorityName(job.priority)},
        {QStringLiteral("max_attempts"), job.maxAttempts},
        {QStringLiteral("schedule"), schedule},
        {QStringLiteral("next_fire_at"),
         job.nextFireAt > 0 ? QJsonValue(formatInstant(job.nextFireAt)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("last_fire_at"),
         job.lastFireAt > 0 ? QJsonValue(formatInstant(job.lastFireAt)) : QJsonValue(QJsonValue::Null)},
    };
}
} // namespace

static int jobsList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("jobs list"),
                      QCoreApplication::translate("Cli", "List job definitions with their schedules."),
                      VerbParser::WithJson);
    if (!parser.parse(context, args, 0, 0))
        return Success;
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<JobDef> jobs = store->jobs();
    if (parser.json()) {
        QJsonArray array;
        for (const JobDef &job : jobs)
            array.append(jobToJson(job));
        printJson(context.out(), array);
        return Success;
    }
    QList<QStringList> rows;
    for (const JobDef &job : jobs) {
        rows.append({job.name, job.queue, job.kind, describeSchedule(job.schedule),
                     job.schedule.paused ? QCoreApplication::translate("Cli", "paused")
                                         : QCoreApplication::translate("Cli", "active"),
                     formatInstant(job.nextFireAt)});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "JOB"), QCoreApplication::translate("Cli", "QUEUE"),
                QCoreApplication::translate("Cli", "KIND"), QCoreApplication::translate("Cli", "SCHEDULE"),
                QCoreApplication::translate("Cli", "STATUS"), QCoreApplication::translate("Cli", "NEXT FIRE")},
               rows);
    return Success;
}

static int jobsPause(CliContext &context, const QStringList &args, bool pause)
{
    VerbParser parser(pause ? QStringLiteral("jobs pause") : QStringLiteral("jobs resume"),
                      pause ? QCoreApplication::translate(
                                  "Cli", "Stop firing a job; missed fires follow its misfire policy on resume.")
                            : QCoreApplication::translate("Cli", "Fire a paused job again."));
    parser.addPositional(QStringLiteral("name"), QCoreApplication::translate("Cli", "The job's name."));
    if (!parser.parse(context, args, 1, 1))
        return Success;
    std::unique_ptr<Store> store = parser.openStore();
    store->setJobPaused(parser.positional().at(0), pause, context.actor(), context.clock().nowMs());
    return Success;
}

static int jobsPostpone(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("jobs postpone"),
                      QCoreApplication::translate("Cli", "Skip a job's fires until an instant."));
    parser.addPositional(QStringLiteral("name"), QCoreApplication::translate("Cli", "The job's name."));
    parser.addOption({QStringLiteral("until"),
                      QCoreApplication::translate("Cli", "No fire before this ISO 8601 instant."),
                      QStringLiteral("iso8601")});
    if (!parser.parse(context, args, 1, 1))
        return Success;
    if (!parser.isSet(QStringLiteral("until")))
        throw UsageError{QCoreApplication::translate("Cli", "jobs postpone: --until is required")};
    const qint64 until = parseInstant(parser.value(QStringLiteral("until")), QStringLiteral("--until"));
    std::unique_ptr<Store> store = parser.openStore();
    store->postponeJob(parser.positional().at(0), until, context.actor(), context.clock().nowMs());
    return Success;
}

int jobsVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("jobs"), args,
                      {{"list", jobsList},
                       {"pause", [](CliContext &c, const QStringList &a) { return jobsPause(c, a, true); }},
                       {"resume", [](CliContext &c, const QStringList &a) { return jobsPause(c, a, false); }},
                       {"postpone", jobsPostpone}},
                      QCoreApplication::translate("Cli",
                                                  "Usage: vigia-engine jobs list [--json] | pause NAME | resume NAME | "
                                                  "postpone NAME --until ISO8601\n"));
}

} // namespace vigia::cli
