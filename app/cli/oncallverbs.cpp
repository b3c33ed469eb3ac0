// Verbs about who gets paged: oncall who|gaps (schedules resolved at an instant or over days) and notifications
// list (the delivery log: recipient, channel, status, attempts, error).
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"
#include "incidents/oncallresolver.h"

#include <QCoreApplication>

namespace vigia::cli {

namespace {
constexpr qint64 DayMs = 24 * 3600'000;

QJsonValue instantOrNull(qint64 ms)
{
    return ms == 0 || ms == OnCallResolver::Never ? QJsonValue(QJsonValue::Null) : QJsonValue(formatInstant(ms));
}

QString layerName(const OnCallSchedule &schedule, int layer)
{
    if (layer == OnCallResolver::OverrideLayer)
        return QCoreApplication::translate("Cli", "override");
    if (layer < 0 || layer >= schedule.layers.size())
        return {};
    const QString name = schedule.layers.at(layer).name;
    return name.isEmpty() ? QCoreApplication::translate("Cli", "layer %1").arg(layer + 1) : name;
}

// The declared schedules, or only --schedule's (exit 2 when it does not exist).
QVector<OnCallSchedule> selectedSchedules(Store &store, const QString &name)
{
    QVector<OnCallSchedule> schedules = store.onCallSchedules();
    if (name.isEmpty())
        return schedules;
    for (const OnCallSchedule &schedule : schedules) {
        if (schedule.name == name)
            return {schedule};
    }
    throw UsageError{QCoreApplication::translate("Cli", "--schedule: unknown schedule \"%1\"").arg(name)};
}

void addScheduleOption(VerbParser &parser)
{
    parser.addOption({QStringLiteral("schedule"),
                      QCoreApplication::translate("Cli", "Only this schedule (default: every schedule)."),
                      QStringLiteral("name")});
}

int oncallWho(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("oncall who"),
                      QCoreApplication::translate("Cli", "Who is on call for each schedule at an instant: overrides "
                                                         "first, then the highest layer that covers it."),
                      VerbParser::WithJson);
    parser.addOption({QStringLiteral("at"),
                      QCoreApplication::translate("Cli", "The instant, ISO 8601 with an offset (default: now)."),
                      QStringLiteral("iso")});
    addScheduleOption(parser);
    if (!parser.parse(context, args, 0, 0))
        return Success;
    const qint64 at = parser.isSet(QStringLiteral("at"))
                          ? parseInstant(parser.value(QStringLiteral("at")), QStringLiteral("--at"))
                          : context.clock().nowMs();
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<OnCallSchedule> schedules = selectedSchedules(*store, parser.value(QStringLiteral("schedule")));
    QJsonArray array;
    QList<QStringList> rows;
    for (const OnCallSchedule &schedule : schedules) {
        const OnCallResolver::Answer answer = OnCallResolver(schedule).at(at);
        array.append(QJsonObject{
            {QStringLiteral("schedule"), schedule.name},
            {QStringLiteral("user"), answer.covered() ? QJsonValue(answer.user) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("layer"),
             answer.covered() ? QJsonValue(layerName(schedule, answer.layer)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("at"), formatInstant(at)},
            {QStringLiteral("until"), instantOrNull(answer.untilMs)}});
        rows.append({schedule.name,
                     answer.covered() ? answer.user : QCoreApplication::translate("Cli", "(nobody: a gap)"),
                     layerName(schedule, answer.layer),
                     answer.untilMs == OnCallResolver::Never ? QString() : formatInstant(answer.untilMs)});
    }
    if (parser.json()) {
        printJson(context.out(), array);
    } else if (schedules.isEmpty()) {
        context.out() << QCoreApplication::translate("Cli", "No on-call schedules are declared.") << '\n';
    } else {
        printTable(context.out(),
                   {QCoreApplication::translate("Cli", "SCHEDULE"), QCoreApplication::translate("Cli", "ON CALL"),
                    QCoreApplication::translate("Cli", "LAYER"), QCoreApplication::translate("Cli", "UNTIL")},
                   rows);
    }
    return Success;
}

int oncallGaps(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("oncall gaps"),
                      QCoreApplication::translate("Cli", "The times nobody is on call, per schedule, over the next "
                                                         "days."),
                      VerbParser::WithJson);
    parser.addOption({QStringLiteral("days"), QCoreApplication::translate("Cli", "How many days ahead (default 14)."),
                      QStringLiteral("n"), QStringLiteral("14")});
    parser.addOption({QStringLiteral("from"),
                      QCoreApplication::translate("Cli", "Start, ISO 8601 with an offset (default: now)."),
                      QStringLiteral("iso")});
    addScheduleOption(parser);
    if (!parser.parse(context, args, 0, 0))
        return Success;
    const int days = parseInt(parser.value(QStringLiteral("days")), QStringLiteral("--days"), 1, 366);
    const qint64 from = parser.isSet(QStringLiteral("from"))
                            ? parseInstant(parser.value(QStringLiteral("from")), QStringLiteral("--from"))
                            : context.clock().nowMs();
    const qint64 to = from + days * DayMs;
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<OnCallSchedule> schedules = selectedSchedules(*store, parser.value(QStringLiteral("schedule")));
    QJsonArray array;
    QList<QStringList> rows;
    for (const OnCallSchedule &schedule : schedules) {
        for (const OnCallResolver::Segment &gap : OnCallResolver(schedule).gaps(from, to)) {
            array.append(QJsonObject{{QStringLiteral("schedule"), schedule.name},
                                     {QStringLiteral("from"), formatInstant(gap.fromMs)},
                                     {QStringLiteral("to"), formatInstant(gap.toMs)},
                                     {QStringLiteral("duration_s"), (gap.toMs - gap.fromMs) / 1000}});
            rows.append({schedule.name, formatInstant(gap.fromMs), formatInstant(gap.toMs)});
        }
    }
    if (parser.json()) {
        printJson(context.out(), array);
    } else if (rows.isEmpty()) {
        context.out() << QCoreApplication::translate("Cli", "No gaps: someone is on call from %1 to %2.")
                             .arg(formatInstant(from), formatInstant(to))
                      << '\n';
    } else {
        printTable(context.out(),
                   {QCoreApplication::translate("Cli", "SCHEDULE"), QCoreApplication::translate("Cli", "FROM"),
                    QCoreApplication::translate("Cli", "TO")},
                   rows);
    }
    return Success;
}

int notificationsList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("notifications list"),
                      QCoreApplication::translate("Cli", "The notification log, newest first: recipient, channel, "
                                                         "status (PENDING, SENT, FAILED, SILENCED), attempts, error."),
                      VerbParser::WithJson);
    parser.addOption({QStringLiteral("incident"), QCoreApplication::translate("Cli", "Only this incident's."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("limit"), QCoreApplication::translate("Cli", "At most this many (default 100)."),
                      QStringLiteral("n"), QStringLiteral("100")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    DeliveryFilter filter;
    if (parser.isSet(QStringLiteral("incident")))
        filter.incidentId = parseId(parser.value(QStringLiteral("incident")), QStringLiteral("--incident"));
    filter.limit = parseInt(parser.value(QStringLiteral("limit")), QStringLiteral("--limit"), 1, 100000);
    std::unique_ptr<Store> store = parser.openStore();
    if (filter.incidentId > 0 && !store->incident(filter.incidentId))
        throw UsageError{QCoreApplication::translate("Cli", "no incident with id %1").arg(filter.incidentId)};
    const QVector<NotificationDelivery> deliveries = store->deliveries(filter);
    if (parser.json()) {
        QJsonArray array;
        for (const NotificationDelivery &d : deliveries) {
            array.append(QJsonObject{
                {QStringLiteral("id"), d.id},
                {QStringLiteral("incident_id"), d.incidentId},
                {QStringLiteral("level"), d.level},
                {QStringLiteral("recipient"), d.recipient},
                {QStringLiteral("channel"), channelKindName(d.channel)},
                {QStringLiteral("address"), d.address.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.address)},
                {QStringLiteral("status"), deliveryStatusName(d.status)},
                {QStringLiteral("attempts"), d.attempts},
                {QStringLiteral("error"), d.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.error)},
                {QStringLiteral("created_at"), formatInstant(d.createdAtMs)},
                {QStringLiteral("next_attempt_at"),
                 instantOrNull(d.status == NotificationDelivery::Status::Pending ? d.nextAttemptAtMs : 0)},
                {QStringLiteral("finished_at"), instantOrNull(d.finishedAtMs)},
                {QStringLiteral("subject"), d.message.subject}});
        }
        printJson(context.out(), array);
        return Success;
    }
    if (deliveries.isEmpty()) {
        context.out() << QCoreApplication::translate("Cli", "No notifications.") << '\n';
        return Success;
    }
    QList<QStringList> rows;
    for (const NotificationDelivery &d : deliveries) {
        rows.append({QString::number(d.id), QString::number(d.incidentId), d.recipient, channelKindName(d.channel),
                     deliveryStatusName(d.status).toUpper(), QString::number(d.attempts), formatInstant(d.createdAtMs),
                     d.error});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "ID"), QCoreApplication::translate("Cli", "INCIDENT"),
                QCoreApplication::translate("Cli", "RECIPIENT"), QCoreApplication::translate("Cli", "CHANNEL"),
                QCoreApplication::translate("Cli", "STATUS"), QCoreApplication::translate("Cli", "ATTEMPTS"),
                QCoreApplication::translate("Cli", "CREATED"), QCoreApplication::translate("Cli", "ERROR")},
               rows);
    return Success;
}
} // namespace

int oncallVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("oncall"), args, {{"who", oncallWho}, {"gaps", oncallGaps}},
                      QCoreApplication::translate(
                          "Cli", "Usage: vigia-engine oncall who [--at ISO] [--schedule S] [--json]\n"
                                 "       vigia-engine oncall gaps [--days N] [--from ISO] [--schedule S] [--json]\n"));
}

int notificationsVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("notifications"), args, {{"list", notificationsList}},
                      QCoreApplication::translate(
                          "Cli", "Usage: vigia-engine notifications list [--incident ID] [--limit N] [--json]\n"));
}

} // namespace vigia::cli
