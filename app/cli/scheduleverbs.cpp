// Verbs about time: cron next, cron explain, schedule preview.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"
#include "schedule/cronexplainer.h"
#include "schedule/cronexpression.h"
#include "schedule/schedulerule.h"
#include "util/translations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace vigia::cli {

namespace {
// The expression may be given as one quoted argument or as five separate ones.
CronExpression parseExpression(const QStringList &words)
{
    QString error;
    const std::optional<CronExpression> expression = CronExpression::parse(words.join(u' '), &error);
    if (!expression)
        throw UsageError{QStringLiteral("cron: ") + error};
    return *expression;
}

QString utcSeconds(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}
} // namespace

static int cronNext(CliContext &context, const QStringList &args)
{
    VerbParser parser(
        QStringLiteral("cron next"),
        QCoreApplication::translate("Cli", "Print the next fire times of a cron expression, one per line, in UTC."));
    parser.addPositional(QStringLiteral("expression"),
                         QCoreApplication::translate("Cli", "Five fields or a macro such as @daily (quote it)."));
    parser.addOption({QStringLiteral("tz"),
                      QCoreApplication::translate("Cli", "IANA time zone the expression is read in (default UTC)."),
                      QStringLiteral("zone"), QStringLiteral("UTC")});
    parser.addOption({QStringLiteral("from"),
                      QCoreApplication::translate("Cli", "Start after this ISO 8601 instant (default now)."),
                      QStringLiteral("iso8601")});
    parser.addOption({QStringLiteral("count"), QCoreApplication::translate("Cli", "How many fire times (default 5)."),
                      QStringLiteral("n"), QStringLiteral("5")});
    if (!parser.parse(context, args, 1, 5))
        return Success;
    const CronExpression expression = parseExpression(parser.positional());
    const QTimeZone zone(parser.value(QStringLiteral("tz")).toUtf8());
    if (!zone.isValid())
        throw UsageError{QCoreApplication::translate("Cli", "--tz: unknown time zone \"%1\"")
                             .arg(parser.value(QStringLiteral("tz")))};
    const qint64 from = parser.isSet(QStringLiteral("from"))
                            ? parseInstant(parser.value(QStringLiteral("from")), QStringLiteral("--from"))
                            : context.clock().nowMs();
    const int count = parseInt(parser.value(QStringLiteral("count")), QStringLiteral("--count"), 1, 100000);
    if (!expression.canEverFire()) {
        context.err() << QCoreApplication::translate("Cli", "\"%1\" never fires").arg(expression.text()) << '\n';
        return Success;
    }
    for (const QDateTime &at : expression.nextN(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC), zone, count))
        context.out() << utcSeconds(at.toMSecsSinceEpoch()) << '\n';
    return Success;
}

static int cronExplain(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("cron explain"),
                      QCoreApplication::translate("Cli", "Describe a cron expression in words."));
    parser.addPositional(QStringLiteral("expression"),
                         QCoreApplication::translate("Cli", "Five fields or a macro such as @daily (quote it)."));
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("Cli", "Language, e.g. en or pt_BR (default: the system's)."),
                      QStringLiteral("language")});
    if (!parser.parse(context, args, 1, 5))
        return Success;
    if (parser.isSet(QStringLiteral("lang")) && !installTranslations(parser.value(QStringLiteral("lang"))))
        throw UsageError{QCoreApplication::translate("Cli", "--lang: no translation for \"%1\"")
                             .arg(parser.value(QStringLiteral("lang")))};
    const CronExpression expression = parseExpression(parser.positional());
    context.out() << CronExplainer::explain(expression) << '\n';
    return Success;
}

int cronVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("cron"), args, {{"next", cronNext}, {"explain", cronExplain}},
                      QCoreApplication::translate(
                          "Cli", "Usage: vigia-engine cron next EXPR [--tz ZONE] [--from ISO8601] [--count N]\n"
                                 "       vigia-engine cron explain EXPR [--lang LANGUAGE]\n"));
}

static int schedulePreview(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("schedule preview"),
                      QCoreApplication::translate(
                          "Cli", "List the upcoming fires of every scheduled job, in time order. Paused jobs and fires "
                                 "outside a job's window or before its postpone date are left out."),
                      VerbParser::WithJson);
    parser.addOption({QStringLiteral("hours"),
                      QCoreApplication::translate("Cli", "How far ahead to look (default 24)."), QStringLiteral("n"),
                      QStringLiteral("24")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    const int hours = parseInt(parser.value(QStringLiteral("hours")), QStringLiteral("--hours"), 1, 24 * 366);
    constexpr int MaxFiresPerJob = 10'000;
    std::unique_ptr<Store> store = parser.openStore();
    const qint64 now = context.clock().nowMs();
    const qint64 until = now + qint64(hours) * 3'600'000;

    struct Fire {
        qint64 at;
        JobDef job;
        QTimeZone zone;
    };
    QVector<Fire> fires;
    for (const JobDef &job : store->jobs()) {
        if (!job.schedule.isScheduled() || job.schedule.paused)
            continue;
        QString error;
        const std::optional<ScheduleRule> rule = ScheduleRule::compile(job.schedule, &error);
        if (!rule) {
            context.err() << QCoreApplication::translate("Cli", "job %1: %2").arg(job.name, error) << '\n';
            continue;
        }
        int count = 0;
        for (qint64 at = rule->nextFireAfter(now - 1); at > 0 && at <= until && count < MaxFiresPerJob;
             at = rule->nextFireAfter(at)) {
            if (rule->mayFireAt(at)) {
                fires.append({at, job, rule->zone()});
                ++count;
            }
        }
    }
    std::stable_sort(fires.begin(), fires.end(), [](const Fire &a, const Fire &b) { return a.at < b.at; });
    if (parser.json()) {
        QJsonArray array;
        for (const Fire &fire : fires) {
            array.append(QJsonObject{
                {QStringLiteral("at"), utcSeconds(fire.at)},
                {QStringLiteral("local"), QDateTime::fromMSecsSinceEpoch(fire.at, fire.zone).toString(Qt::ISODate)},
                {QStringLiteral("time_zone"), fire.job.schedule.timeZone},
                {QStringLiteral("job"), fire.job.name},
                {QStringLiteral("queue"), fire.job.queue},
                {QStringLiteral("kind"), fire.job.kind},
            });
        }
        printJson(context.out(), array);
        return Success;
    }
    QList<QStringList> rows;
    for (const Fire &fire : fires) {
        rows.append({utcSeconds(fire.at),
                     QDateTime::fromMSecsSinceEpoch(fire.at, fire.zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                         u' ' + fire.job.schedule.timeZone,
                     fire.job.name, fire.job.queue});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "UTC"), QCoreApplication::translate("Cli", "LOCAL"),
                QCoreApplication::translate("Cli", "JOB"), QCoreApplication::translate("Cli", "QUEUE")},
               rows);
    return Success;
}

int scheduleVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(
        context, QStringLiteral("schedule"), args, {{"preview", schedulePreview}},
        QCoreApplication::translate("Cli", "Usage: vigia-engine schedule preview [--hours 24] [--json]\n"));
}

} // namespace vigia::cli
