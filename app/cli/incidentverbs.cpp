// Verbs about incidents and the people who handle them: incidents list|show|ack|resolve|escalate|snooze|note|
// reassign|stats, users list. The acting operator is the OS user unless --as NAME is given; the store checks the
// actor's role (a viewer cannot acknowledge) and refuses with exit code 2.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"
#include "model/escalationpolicy.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace vigia::cli {

namespace {
// For texts marked with QT_TRANSLATE_NOOP("Cli", ...) and passed around.
QString translated(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QJsonValue jsonOrNull(const QByteArray &json)
{
    if (json.isEmpty())
        return QJsonValue::Null;
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return QString::fromUtf8(json);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue instantOrNull(qint64 ms)
{
    return ms == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(formatInstant(ms));
}

QJsonObject incidentToJson(const Incident &i, const QString &jobName)
{
    return QJsonObject{{QStringLiteral("id"), i.id},
                       {QStringLiteral("dedup_key"), i.dedupKey},
                       {QStringLiteral("source"), incidentSourceName(i.source)},
                       {QStringLiteral("title"), i.title},
                       {QStringLiteral("severity"), incidentSeverityName(i.severity)},
                       {QStringLiteral("state"), incidentStateName(i.state)},
                       {QStringLiteral("job"), textOrNull(jobName)},
                       {QStringLiteral("run_id"), i.runId == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(i.runId)},
                       {QStringLiteral("queue"), textOrNull(i.queue)},
                       {QStringLiteral("assignee"), textOrNull(i.assignee)},
                       {QStringLiteral("created_at"), formatInstant(i.createdAt)},
                       {QStringLiteral("last_seen_at"), formatInstant(i.lastSeenAt)},
                       {QStringLiteral("occurrences"), i.occurrences},
                       {QStringLiteral("acknowledged_at"), instantOrNull(i.acknowledgedAt)},
                       {QStringLiteral("acknowledged_by"), textOrNull(i.acknowledgedBy)},
                       {QStringLiteral("resolved_at"), instantOrNull(i.resolvedAt)},
                       {QStringLiteral("resolved_by"), textOrNull(i.resolvedBy)},
                       {QStringLiteral("snoozed_until"), instantOrNull(i.snoozedUntil)},
                       {QStringLiteral("escalation_policy"), textOrNull(i.escalationPolicy)},
                       {QStringLiteral("escalation_step"), i.escalationStep},
                       {QStringLiteral("escalation_round"), i.escalationRound},
                       {QStringLiteral("next_escalation_at"), instantOrNull(i.nextEscalationAt)},
                       {QStringLiteral("detail"), jsonOrNull(i.detail)}};
}

// "45s", "2m30s", "1h05m", "2d03h": precise enough to compare response times at a glance.
QString humanDuration(qint64 ms)
{
    qint64 seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    qint64 minutes = seconds / 60;
    seconds %= 60;
    if (minutes < 60)
        return QStringLiteral("%1m%2s").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
    qint64 hours = minutes / 60;
    minutes %= 60;
    if (hours < 24)
        return QStringLiteral("%1h%2m").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1d%2h").arg(hours / 24).arg(hours % 24, 2, 10, QLatin1Char('0'));
}

// Options every acting verb takes, and the actor they name.
void addActorOption(VerbParser &parser)
{
    parser.addOption({QStringLiteral("as"),
                      QCoreApplication::translate(
                          "Cli", "Act as this user (default: the OS user); the user's role must allow the action."),
                      QStringLiteral("name")});
}

Actor actorOf(CliContext &context, const VerbParser &parser)
{
    if (!parser.isSet(QStringLiteral("as")))
        return context.actor();
    const QString name = parser.value(QStringLiteral("as")).trimmed();
    if (name.isEmpty())
        throw UsageError{QCoreApplication::translate("Cli", "--as: the user name is empty")};
    return Actor{name};
}

QString jobNameOf(Store &store, qint64 jobId, QHash<qint64, QString> &cache)
{
    if (jobId == 0)
        return {};
    auto it = cache.find(jobId);
    if (it == cache.end()) {
        const std::optional<JobDef> job = store.job(jobId);
        it = cache.insert(jobId, job ? job->name : QString());
    }
    return *it;
}

Incident requireIncident(Store &store, qint64 id)
{
    const std::optional<Incident> incident = store.incident(id);
    if (!incident)
        throw StoreError(QCoreApplication::translate("Cli", "no incident with id %1").arg(id),
                         StoreError::Kind::NotFound);
    return *incident;
}

// The shared shape of ack, escalate: one id, --as, a command, a confirmation.
int simpleCommand(CliContext &context, const QStringList &args, const char *name, const char *description,
                  const std::function<void(Store &, qint64, const Actor &, qint64)> &command, const char *done)
{
    VerbParser parser(QStringLiteral("incidents ") + QLatin1String(name), translated(description));
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The incident's id."));
    addActorOption(parser);
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("incidents ") + QLatin1String(name));
    const Actor actor = actorOf(context, parser);
    std::unique_ptr<Store> store = parser.openStore();
    command(*store, id, actor, context.clock().nowMs());
    context.out() << translated(done).arg(id) << '\n';
    return Success;
}
} // namespace

static int incidentsList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("incidents list"),
                      QCoreApplication::translate(
                          "Cli", "List incidents, newest first: the open ones unless --state or --all says otherwise."),
                      VerbParser::WithJson);
    parser.addOption({QStringLiteral("state"),
                      QCoreApplication::translate("Cli", "Only this state: triggered, acknowledged, resolved or open."),
                      QStringLiteral("state")});
    parser.addOption({QStringLiteral("severity"),
                      QCoreApplication::translate("Cli", "Only this severity: critical, high, warning or info."),
                      QStringLiteral("severity")});
    parser.addOption(
        {QStringLiteral("all"), QCoreApplication::translate("Cli", "Every incident, resolved ones included.")});
    parser.addOption({QStringLiteral("limit"), QCoreApplication::translate("Cli", "At most this many (default 100)."),
                      QStringLiteral("n"), QStringLiteral("100")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    IncidentFilter filter;
    filter.limit = parseInt(parser.value(QStringLiteral("limit")), QStringLiteral("--limit"), 1, 100000);
    const QString state = parser.value(QStringLiteral("state"));
    if (parser.isSet(QStringLiteral("state")) && parser.isSet(QStringLiteral("all")))
        throw UsageError{QCoreApplication::translate("Cli", "incidents list: give either --state or --all")};
    if (state.isEmpty() || state == QLatin1String("open")) {
        filter.openOnly = !parser.isSet(QStringLiteral("all"));
    } else {
        filter.state = incidentStateFromName(state);
        if (!filter.state) {
            throw UsageError{QCoreApplication::translate(
                                 "Cli", "--state: \"%1\" is not a state (triggered, acknowledged, resolved or open)")
                                 .arg(state)};
        }
    }
    if (parser.isSet(QStringLiteral("severity"))) {
        const QString severity = parser.value(QStringLiteral("severity"));
        filter.severity = incidentSeverityFromName(severity);
        if (!filter.severity)
            throw UsageError{QCoreApplication::translate(
                                 "Cli", "--severity: \"%1\" is not a severity (critical, high, warning or info)")
                                 .arg(severity)};
    }
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<Incident> incidents = store->incidents(filter);
    QHash<qint64, QString> jobNames;
    if (parser.json()) {
        QJsonArray array;
        for (const Incident &i : incidents)
            array.append(incidentToJson(i, jobNameOf(*store, i.jobId, jobNames)));
        printJson(context.out(), array);
        return Success;
    }
    QList<QStringList> rows;
    for (const Incident &i : incidents) {
        QString state = incidentStateName(i.state);
        if (i.snoozedUntil > context.clock().nowMs())
            state += QCoreApplication::translate("Cli", " (snoozed)");
        rows.append({QString::number(i.id), state, incidentSeverityName(i.severity), QString::number(i.occurrences),
                     formatInstant(i.lastSeenAt), i.assignee, i.title});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "ID"), QCoreApplication::translate("Cli", "STATE"),
                QCoreApplication::translate("Cli", "SEVERITY"), QCoreApplication::translate("Cli", "COUNT"),
                QCoreApplication::translate("Cli", "LAST SEEN"), QCoreApplication::translate("Cli", "ASSIGNEE"),
                QCoreApplication::translate("Cli", "TITLE")},
               rows);
    return Success;
}

static int incidentsShow(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("incidents show"),
                      QCoreApplication::translate("Cli", "Show one incident with its timeline."), VerbParser::WithJson);
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The incident's id."));
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("incidents show"));
    std::unique_ptr<Store> store = parser.openStore();
    const Incident incident = requireIncident(*store, id);
    const QVector<IncidentEvent> events = store->incidentEvents(id);
    QHash<qint64, QString> jobNames;
    const QString jobName = jobNameOf(*store, incident.jobId, jobNames);
    if (parser.json()) {
        QJsonObject object = incidentToJson(incident, jobName);
        QJsonArray timeline;
        for (const IncidentEvent &e : events) {
            timeline.append(QJsonObject{{QStringLiteral("at"), formatInstant(e.at)},
                                        {QStringLiteral("kind"), incidentEventKindName(e.kind)},
                                        {QStringLiteral("actor"), textOrNull(e.actor)},
                                        {QStringLiteral("detail"), jsonOrNull(e.detail)}});
        }
        object.insert(QStringLiteral("timeline"), timeline);
        printJson(context.out(), object);
        return Success;
    }
    QTextStream &out = context.out();
    const auto line = [&out](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out << label.leftJustified(16) << value << '\n';
    };
    line(QCoreApplication::translate("Cli", "Incident"), QString::number(incident.id));
    line(QCoreApplication::translate("Cli", "Title"), incident.title);
    line(QCoreApplication::translate("Cli", "State"), incidentStateName(incident.state));
    line(QCoreApplication::translate("Cli", "Severity"), incidentSeverityName(incident.severity));
    line(QCoreApplication::translate("Cli", "Source"), incidentSourceName(incident.source));
    line(QCoreApplication::translate("Cli", "Dedup key"), incident.dedupKey);
    line(QCoreApplication::translate("Cli", "Job"), jobName);
    line(QCoreApplication::translate("Cli", "Run"), incident.runId == 0 ? QString() : QString::number(incident.runId));
    line(QCoreApplication::translate("Cli", "Queue"), incident.queue);
    line(QCoreApplication::translate("Cli", "Assignee"), incident.assignee);
    line(QCoreApplication::translate("Cli", "Occurrences"), QString::number(incident.occurrences));
    line(QCoreApplication::translate("Cli", "Created"), formatInstant(incident.createdAt));
    line(QCoreApplication::translate("Cli", "Last seen"), formatInstant(incident.lastSeenAt));
    if (incident.acknowledgedAt > 0)
        line(QCoreApplication::translate("Cli", "Acknowledged"),
             formatInstant(incident.acknowledgedAt) + u' ' + incident.acknowledgedBy);
    if (incident.resolvedAt > 0)
        line(QCoreApplication::translate("Cli", "Resolved"),
             QString(formatInstant(incident.resolvedAt) + u' ' + incident.resolvedBy).trimmed());
    line(QCoreApplication::translate("Cli", "Snoozed until"), formatInstant(incident.snoozedUntil));
    line(QCoreApplication::translate("Cli", "Escalation"), incident.escalationPolicy);
    if (!incident.detail.isEmpty())
        line(QCoreApplication::translate("Cli", "Detail"), QString::fromUtf8(incident.detail));
    out << '\n' << QCoreApplication::translate("Cli", "Timeline:") << '\n';
    QList<QStringList> rows;
    for (const IncidentEvent &e : events) {
        rows.append({formatInstant(e.at), incidentEventKindName(e.kind),
                     e.actor.isEmpty() ? QCoreApplication::translate("Cli", "(engine)") : e.actor,
                     QString::fromUtf8(e.detail)});
    }
    printTable(out,
               {QCoreApplication::translate("Cli", "AT"), QCoreApplication::translate("Cli", "EVENT"),
                QCoreApplication::translate("Cli", "BY"), QCoreApplication::translate("Cli", "DETAIL")},
               rows);
    return Success;
}

static int incidentsAck(CliContext &context, const QStringList &args)
{
    return simpleCommand(
        context, args, "ack", QT_TRANSLATE_NOOP("Cli", "Acknowledge an incident: you are on it; escalation stops."),
        [](Store &store, qint64 id, const Actor &actor, qint64 now) { store.acknowledgeIncident(id, actor, now); },
        QT_TRANSLATE_NOOP("Cli", "incident %1 acknowledged"));
}

static int incidentsEscalate(CliContext &context, const QStringList &args)
{
    return simpleCommand(
        context, args, "escalate",
        QT_TRANSLATE_NOOP("Cli", "Escalate an incident to the next step of its escalation policy now."),
        [](Store &store, qint64 id, const Actor &actor, qint64 now) { store.escalateIncident(id, actor, now); },
        QT_TRANSLATE_NOOP("Cli", "incident %1 escalated"));
}

static int incidentsResolve(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("incidents resolve"), QCoreApplication::translate("Cli", "Resolve an incident."));
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The incident's id."));
    parser.addOption({QStringLiteral("note"),
                      QCoreApplication::translate("Cli", "A note for the timeline (what fixed it)."),
                      QStringLiteral("text")});
    addActorOption(parser);
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("incidents resolve"));
    const Actor actor = actorOf(context, parser);
    std::unique_ptr<Store> store = parser.openStore();
    store->resolveIncident(id, actor, parser.value(QStringLiteral("note")), context.clock().nowMs());
    context.out() << QCoreApplication::translate("Cli", "incident %1 resolved").arg(id) << '\n';
    return Success;
}

static int incidentsSnooze(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("incidents snooze"),
                      QCoreApplication::translate("Cli", "Page nobody about an incident until a time."));
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The incident's id."));
    parser.addOption({QStringLiteral("until"),
                      QCoreApplication::translate("Cli", "When paging resumes (ISO 8601, e.g. 2026-11-22T14:30:00Z)."),
                      QStringLiteral("iso")});
    addActorOption(parser);
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("incidents snooze"));
    if (!parser.isSet(QStringLiteral("until")))
        throw UsageError{QCoreApplication::translate("Cli", "incidents snooze: --until is required")};
    const qint64 until = parseInstant(parser.value(QStringLiteral("until")), QStringLiteral("--until"));
    const Actor actor = actorOf(context, parser);
    std::unique_ptr<Store> store = parser.openStore();
    store->snoozeIncident(id, until, actor, context.clock().nowMs());
    context.out()
        << QCoreApplication::translate("Cli", "incident %1 snoozed until %2").arg(id).arg(formatInstant(until)) << '\n';
    return Success;
}

static int incidentsNote(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("incidents note"),
                      QCoreApplication::translate("Cli", "Add a note to an incident's timeline."));
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The incident's id."));
    parser.addPositional(QStringLiteral("text"), QCoreApplication::translate("Cli", "The note."));
    addActorOption(parser);
    if (!parser.parse(context, args, 2, 2))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("incidents note"));
    const Actor actor = actorOf(context, parser);
    std::unique_ptr<Store> store = parser.openStore();
    store->addIncidentNote(id, parser.positional().at(1), actor, context.clock().nowMs());
    context.out() << QCoreApplication::translate("Cli", "note added to incident %1").arg(id) << '\n';
    return Success;
}

static int incidentsReassign(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("incidents reassign"),
                      QCoreApplication::translate("Cli", "Hand an incident to another user."));
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The incident's id."));
    parser.addPositional(QStringLiteral("user"), QCoreApplication::translate("Cli", "The new assignee."));
    addActorOption(parser);
    if (!parser.parse(context, args, 2, 2))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("incidents reassign"));
    const Actor actor = actorOf(context, parser);
    std::unique_ptr<Store> store = parser.openStore();
    store->reassignIncident(id, parser.positional().at(1), actor, context.clock().nowMs());
    context.out()
        << QCoreApplication::translate("Cli", "incident %1 assigned to %2").arg(id).arg(parser.positional().at(1))
        << '\n';
    return Success;
}

static int incidentsStats(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("incidents stats"),
                      QCoreApplication::translate(
                          "Cli", "Mean and median time to acknowledge (MTTA) and to resolve (MTTR), by job, queue or "
                                 "severity."),
                      VerbParser::WithJson);
    parser.addOption({QStringLiteral("by"),
                      QCoreApplication::translate("Cli", "Group by job, queue or severity (default severity)."),
                      QStringLiteral("group"), QStringLiteral("severity")});
    parser.addOption({QStringLiteral("since"),
                      QCoreApplication::translate("Cli", "Only incidents created at or after this ISO 8601 time."),
                      QStringLiteral("iso")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    const QString by = parser.value(QStringLiteral("by"));
    const std::optional<IncidentStatsGroup> group = incidentStatsGroupFromName(by);
    if (!group)
        throw UsageError{QCoreApplication::translate("Cli", "--by: \"%1\" is not job, queue or severity").arg(by)};
    const qint64 since = parser.isSet(QStringLiteral("since"))
                             ? parseInstant(parser.value(QStringLiteral("since")), QStringLiteral("--since"))
                             : 0;
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<IncidentStats> stats = store->incidentStats(*group, since);
    if (parser.json()) {
        QJsonArray array;
        for (const IncidentStats &s : stats) {
            array.append(QJsonObject{{incidentStatsGroupName(*group), textOrNull(s.group)},
                                     {QStringLiteral("count"), s.count},
                                     {QStringLiteral("acknowledged"), s.acknowledged},
                                     {QStringLiteral("resolved"), s.resolved},
                                     {QStringLiteral("mtta_ms"), s.meanAckMs},
                                     {QStringLiteral("median_tta_ms"), s.medianAckMs},
                                     {QStringLiteral("mttr_ms"), s.meanResolveMs},
                                     {QStringLiteral("median_ttr_ms"), s.medianResolveMs}});
        }
        printJson(context.out(), array);
        return Success;
    }
    const auto duration = [](int samples, qint64 ms) { return samples == 0 ? QStringLiteral("-") : humanDuration(ms); };
    QList<QStringList> rows;
    for (const IncidentStats &s : stats) {
        rows.append({s.group.isEmpty() ? QCoreApplication::translate("Cli", "(none)") : s.group,
                     QString::number(s.count), QString::number(s.acknowledged), duration(s.acknowledged, s.meanAckMs),
                     duration(s.acknowledged, s.medianAckMs), QString::number(s.resolved),
                     duration(s.resolved, s.meanResolveMs), duration(s.resolved, s.medianResolveMs)});
    }
    printTable(context.out(),
               {incidentStatsGroupName(*group).toUpper(), QCoreApplication::translate("Cli", "COUNT"),
                QCoreApplication::translate("Cli", "ACKED"), QCoreApplication::translate("Cli", "MTTA"),
                QCoreApplication::translate("Cli", "MEDIAN TTA"), QCoreApplication::translate("Cli", "RESOLVED"),
                QCoreApplication::translate("Cli", "MTTR"), QCoreApplication::translate("Cli", "MEDIAN TTR")},
               rows);
    return Success;
}

int incidentsVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("incidents"), args,
                      {{"list", incidentsList},
                       {"show", incidentsShow},
                       {"ack", incidentsAck},
                       {"resolve", incidentsResolve},
                       {"escalate", incidentsEscalate},
                       {"snooze", incidentsSnooze},
                       {"note", incidentsNote},
                       {"reassign", incidentsReassign},
                       {"stats", incidentsStats}},
                      QCoreApplication::translate(
                          "Cli",
                          "Usage: vigia-engine incidents list [--state S] [--severity S] [--all] [--json]\n"
                          "       vigia-engine incidents show ID [--json]\n"
                          "       vigia-engine incidents ack|escalate ID [--as NAME]\n"
                          "       vigia-engine incidents resolve ID [--note TEXT] [--as NAME]\n"
                          "       vigia-engine incidents snooze ID --until ISO [--as NAME]\n"
                          "       vigia-engine incidents note ID TEXT [--as NAME]\n"
                          "       vigia-engine incidents reassign ID USER [--as NAME]\n"
                          "       vigia-engine incidents stats [--by job|queue|severity] [--since ISO] [--json]\n"));
}

static int usersList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("users list"),
                      QCoreApplication::translate(
                          "Cli", "List the users who may act on incidents, with their roles and contact channels."),
                      VerbParser::WithJson);
    if (!parser.parse(context, args, 0, 0))
        return Success;
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<User> users = store->users();
    if (parser.json()) {
        QJsonArray array;
        for (const User &u : users) {
            array.append(QJsonObject{
                {QStringLiteral("name"), u.name},
                {QStringLiteral("email"), u.email},
                {QStringLiteral("role"), escalationRoleName(u.role)},
                {QStringLiteral("time_zone"), u.timeZone},
                {QStringLiteral("channels"), QJsonDocument::fromJson(contactChannelsToJson(u.channels)).array()},
                {QStringLiteral("do_not_disturb"), QJsonDocument::fromJson(dndWindowsToJson(u.doNotDisturb)).array()}});
        }
        printJson(context.out(), array);
        return Success;
    }
    QList<QStringList> rows;
    for (const User &u : users) {
        QStringList channels;
        for (const ContactChannel &c : u.channels)
            channels << contactChannelKindName(c.kind);
        rows.append({u.name, escalationRoleName(u.role), u.email, u.timeZone, channels.join(u',')});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "NAME"), QCoreApplication::translate("Cli", "ROLE"),
                QCoreApplication::translate("Cli", "EMAIL"), QCoreApplication::translate("Cli", "TIME ZONE"),
                QCoreApplication::translate("Cli", "CHANNELS")},
               rows);
    if (users.isEmpty())
        context.err() << QCoreApplication::translate("Cli", "no users are declared: the OS user (%1) acts as admin")
                             .arg(context.actor().name)
                      << '\n';
    return Success;
}

int usersVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("users"), args, {{"list", usersList}},
                      QCoreApplication::translate("Cli", "Usage: vigia-engine users list [--json]\n"));
}

} // namespace vigia::cli
