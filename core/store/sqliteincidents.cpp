// SqliteStore: users, incidents with their timeline, and the watermarks of the incident watcher. Each operator
// command checks the actor's role, changes the incident, records the timeline event and the audit row in one write
// transaction (IncidentCommand decides what changes; this file only writes it).
#include "model/escalationpolicy.h"
#include "store/incidentcommand.h"
#include "store/sqliterow.h"
#include "store/sqlitestore.h"
#include "store/sqlitetransaction.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
#define VIGIA_SQLITE_INCIDENT_COLUMNS                                                                                  \
    "id, dedup_key, source, title, severity, state, job_id, run_id, queue, detail, assignee, created_at, "             \
    "last_seen_at, occurrences, acknowledged_at, acknowledged_by, first_acknowledged_at, resolved_at, resolved_by, "   \
    "snoozed_until, escalation_policy, escalation_step, escalation_round, next_escalation_at, escalation_level, "      \
    "escalation_level_at"

Incident readIncident(const QSqlQuery &q)
{
    Incident i;
    i.id = q.value(0).toLongLong();
    i.dedupKey = q.value(1).toString();
    i.source = incidentSourceFromName(q.value(2).toString()).value_or(IncidentSource::External);
    i.title = q.value(3).toString();
    i.severity = incidentSeverityFromName(q.value(4).toString()).value_or(IncidentSeverity::High);
    i.state = incidentStateFromName(q.value(5).toString()).value_or(IncidentState::Triggered);
    i.jobId = q.value(6).toLongLong();
    i.runId = q.value(7).toLongLong();
    i.queue = q.value(8).toString();
    i.detail = q.value(9).toString().toUtf8();
    i.assignee = q.value(10).toString();
    i.createdAt = q.value(11).toLongLong();
    i.lastSeenAt = q.value(12).toLongLong();
    i.occurrences = q.value(13).toInt();
    i.acknowledgedAt = q.value(14).toLongLong();
    i.acknowledgedBy = q.value(15).toString();
    i.firstAcknowledgedAt = q.value(16).toLongLong();
    i.resolvedAt = q.value(17).toLongLong();
    i.resolvedBy = q.value(18).toString();
    i.snoozedUntil = q.value(19).toLongLong();
    i.escalationPolicy = q.value(20).toString();
    i.escalationStep = q.value(21).toInt();
    i.escalationRound = q.value(22).toInt();
    i.nextEscalationAt = q.value(23).toLongLong();
    i.escalationLevel = q.value(24).toInt();
    i.escalationLevelAt = q.value(25).toLongLong();
    return i;
}

QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant() : QVariant(value);
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant nullable(const QByteArray &utf8)
{
    return utf8.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(utf8));
}

// The event detail of a trigger: the run, and the trigger's own detail when it is a JSON object.
QByteArray triggerEventDetail(const IncidentTrigger &trigger, int occurrences)
{
    QJsonObject detail;
    if (trigger.runId > 0)
        detail.insert(QStringLiteral("run_id"), trigger.runId);
    if (occurrences > 1)
        detail.insert(QStringLiteral("occurrences"), occurrences);
    const QJsonDocument own = QJsonDocument::fromJson(trigger.detail);
    if (own.isObject())
        detail.insert(QStringLiteral("detail"), own.object());
    return detail.isEmpty() ? QByteArray() : QJsonDocument(detail).toJson(QJsonDocument::Compact);
}
} // namespace

// ---- users

QVector<User> SqliteStore::users()
{
    QSqlQuery query =
        exec(QStringLiteral("SELECT name, email, role, time_zone, channels, do_not_disturb FROM users ORDER BY name"));
    QVector<User> result;
    while (query.next()) {
        User u;
        u.name = query.value(0).toString();
        u.email = query.value(1).toString();
        escalationRoleFromName(query.value(2).toString(), &u.role);
        u.timeZone = query.value(3).toString();
        u.channels = contactChannelsFromJson(query.value(4).toString().toUtf8());
        u.doNotDisturb = dndWindowsFromJson(query.value(5).toString().toUtf8());
        result.append(u);
    }
    return result;
}

std::optional<User> SqliteStore::user(const QString &name)
{
    for (const User &u : users()) {
        if (u.name == name)
            return u;
    }
    return std::nullopt;
}

void SqliteStore::upsertUser(const User &user, const Actor &actor, qint64 now)
{
    if (user.name.trimmed().isEmpty())
        throw StoreError(SqliteStore::tr("a user needs a name"), StoreError::Kind::Invalid);
    SqliteWriteTransaction tx(*this);
    exec(QStringLiteral("INSERT INTO users (name, email, role, time_zone, channels, do_not_disturb, created_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                        "email = excluded.email, role = excluded.role, time_zone = excluded.time_zone, "
                        "channels = excluded.channels, do_not_disturb = excluded.do_not_disturb, "
                        "updated_at = excluded.updated_at"),
         {user.name, user.email.isNull() ? QStringLiteral("") : user.email, escalationRoleName(user.role),
          user.timeZone, QString::fromUtf8(contactChannelsToJson(user.channels)),
          QString::fromUtf8(dndWindowsToJson(user.doNotDisturb)), now, now});
    audit(actor, now, QStringLiteral("user.save"), u"user:" + user.name,
          QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("role"), escalationRoleName(user.role)}})
                                .toJson(QJsonDocument::Compact)));
    tx.commit();
}

// ---- incidents: queries

QVector<Incident> SqliteStore::selectIncidents(const QString &where, const QVariantList &binds)
{
    QSqlQuery query = exec(QStringLiteral("SELECT " VIGIA_SQLITE_INCIDENT_COLUMNS " FROM incidents ") + where, binds);
    QVector<Incident> result;
    while (query.next())
        result.append(readIncident(query));
    return result;
}

QVector<Incident> SqliteStore::incidents(const IncidentFilter &filter)
{
    QString where = QStringLiteral("WHERE 1 = 1");
    QVariantList binds;
    if (filter.openOnly)
        where += QStringLiteral(" AND state <> 'resolved'");
    if (filter.state) {
        where += QStringLiteral(" AND state = ?");
        binds << incidentStateName(*filter.state);
    }
    if (filter.severity) {
        where += QStringLiteral(" AND severity = ?");
        binds << incidentSeverityName(*filter.severity);
    }
    if (filter.jobId > 0) {
        where += QStringLiteral(" AND job_id = ?");
        binds << filter.jobId;
    }
    where += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << filter.limit;
    return selectIncidents(where, binds);
}

std::optional<Incident> SqliteStore::incident(qint64 id)
{
    const QVector<Incident> found = selectIncidents(QStringLiteral("WHERE id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<Incident>(found.constFirst());
}

QVector<IncidentEvent> SqliteStore::incidentEvents(qint64 incidentId)
{
    QSqlQuery query = exec(QStringLiteral("SELECT id, incident_id, at, kind, actor, detail FROM incident_events "
                                          "WHERE incident_id = ? ORDER BY id"),
                           {incidentId});
    QVector<IncidentEvent> events;
    while (query.next()) {
        IncidentEvent e;
        e.id = query.value(0).toLongLong();
        e.incidentId = query.value(1).toLongLong();
        e.at = query.value(2).toLongLong();
        e.kind = incidentEventKindFromName(query.value(3).toString()).value_or(IncidentEventKind::Note);
        e.actor = query.value(4).toString();
        e.detail = query.value(5).toString().toUtf8();
        events.append(e);
    }
    return events;
}

QVector<IncidentStats> SqliteStore::incidentStats(IncidentStatsGroup group, qint64 since)
{
    QSqlQuery query = exec(QStringLiteral("SELECT i.severity, j.name, i.queue, i.created_at, i.first_acknowledged_at, "
                                          "i.resolved_at FROM incidents i LEFT JOIN jobs j ON j.id = i.job_id "
                                          "WHERE i.created_at >= ?"),
                           {since});
    QVector<IncidentTimes> times;
    const int groupColumn = group == IncidentStatsGroup::Severity ? 0 : group == IncidentStatsGroup::Job ? 1 : 2;
    while (query.next()) {
        times.append({query.value(groupColumn).toString(), query.value(3).toLongLong(), query.value(4).toLongLong(),
                      query.value(5).toLongLong()});
    }
    return computeIncidentStats(times);
}

// ---- incidents: the engine's triggers

void SqliteStore::insertIncidentEvent(qint64 incidentId, IncidentEventKind kind, const QString &actor,
                                      const QByteArray &detail, qint64 now)
{
    exec(QStringLiteral("INSERT INTO incident_events (incident_id, at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)"),
         {incidentId, now, incidentEventKindName(kind), nullable(actor), nullable(detail)});
}

IncidentTriggerResult SqliteStore::raiseIncident(const IncidentTrigger &trigger, qint64 now)
{
    if (trigger.dedupKey.isEmpty() || trigger.title.isEmpty())
        throw StoreError(SqliteStore::tr("an incident needs a dedup key and a title"), StoreError::Kind::Invalid);
    SqliteWriteTransaction tx(*this);
    // Without a policy of its own, a job's incident takes the job's escalation policy (none: the engine's default).
    IncidentTrigger effective = trigger;
    if (effective.escalationPolicy.isEmpty() && effective.jobId > 0) {
        QSqlQuery policy = exec(QStringLiteral("SELECT escalation_policy FROM jobs WHERE id = ?"), {trigger.jobId});
        if (policy.next())
            effective.escalationPolicy = policy.value(0).toString();
    }
    // The partial unique index allows one open incident per key: a conflict adds an occurrence to it.
    QSqlQuery upsert = exec(
        QStringLiteral("INSERT INTO incidents (dedup_key, source, title, severity, state, job_id, run_id, queue, "
                       "detail, created_at, last_seen_at, occurrences, escalation_policy, next_escalation_at) "
                       "VALUES (?, ?, ?, ?, 'triggered', ?, ?, ?, ?, ?, ?, 1, ?, ?) "
                       "ON CONFLICT (dedup_key) WHERE state <> 'resolved' DO UPDATE SET "
                       "occurrences = occurrences + 1, last_seen_at = excluded.last_seen_at, "
                       "run_id = coalesce(excluded.run_id, run_id), detail = coalesce(excluded.detail, detail), "
                       "queue = coalesce(excluded.queue, queue) RETURNING id, occurrences"),
        {trigger.dedupKey, incidentSourceName(trigger.source), trigger.title, incidentSeverityName(trigger.severity),
         nullable(trigger.jobId), nullable(trigger.runId), nullable(trigger.queue), nullable(trigger.detail), now, now,
         nullable(effective.escalationPolicy), effective.escalationPolicy.isEmpty() ? QVariant() : QVariant(now)});
    upsert.next();
    IncidentTriggerResult result;
    result.id = upsert.value(0).toLongLong();
    const int occurrences = upsert.value(1).toInt();
    upsert.finish();
    result.created = occurrences == 1;
    insertIncidentEvent(result.id, result.created ? IncidentEventKind::Created : IncidentEventKind::Occurrence, {},
                        triggerEventDetail(trigger, occurrences), now);
    tx.commit();
    return result;
}

bool SqliteStore::resolveIncidentByKey(const QString &dedupKey, const Actor &actor, const QString &note, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    const QVector<Incident> open =
        selectIncidents(QStringLiteral("WHERE dedup_key = ? AND state <> 'resolved'"), {dedupKey});
    if (open.isEmpty())
        return false;
    IncidentCommand command;
    command.kind = IncidentCommand::Kind::AutoResolve;
    command.text = note;
    const IncidentCommand::Change change = command.apply(open.constFirst(), actor.name, now);
    writeIncidentChange(change.after, change.event, actor.name, change.eventDetail, now);
    tx.commit();
    return true;
}

// ---- incidents: operator commands

void SqliteStore::writeIncidentChange(const Incident &after, IncidentEventKind event, const QString &actor,
                                      const QByteArray &detail, qint64 now)
{
    exec(QStringLiteral("UPDATE incidents SET state = ?, assignee = ?, acknowledged_at = ?, acknowledged_by = ?, "
                        "first_acknowledged_at = ?, resolved_at = ?, resolved_by = ?, snoozed_until = ?, "
                        "next_escalation_at = ? WHERE id = ?"),
         {incidentStateName(after.state), nullable(after.assignee), nullable(after.acknowledgedAt),
          nullable(after.acknowledgedBy), nullable(after.firstAcknowledgedAt), nullable(after.resolvedAt),
          nullable(after.resolvedBy), nullable(after.snoozedUntil), nullable(after.nextEscalationAt), after.id});
    insertIncidentEvent(after.id, event, actor, detail, now);
}

void SqliteStore::runIncidentCommand(qint64 id, const IncidentCommand &command, const Actor &actor, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    const bool anyUsers = exec(QStringLiteral("SELECT 1 FROM users LIMIT 1")).next();
    std::optional<Role> role;
    QSqlQuery lookup = exec(QStringLiteral("SELECT role FROM users WHERE name = ?"), {actor.name});
    if (lookup.next()) {
        Role r = Role::Viewer;
        escalationRoleFromName(lookup.value(0).toString(), &r);
        role = r;
    }
    lookup.finish();
    command.checkAllowed(actor.name, role, anyUsers);
    if (command.kind == IncidentCommand::Kind::Reassign) {
        const bool known = exec(QStringLiteral("SELECT 1 FROM users WHERE name = ?"), {command.text}).next();
        command.checkAssignee(known, anyUsers);
    }
    const std::optional<Incident> before = incident(id);
    if (!before)
        throw StoreError(SqliteStore::tr("no incident with id %1").arg(id), StoreError::Kind::NotFound);
    const IncidentCommand::Change change = command.apply(*before, actor.name, now);
    writeIncidentChange(change.after, change.event, actor.name, change.eventDetail, now);
    audit(actor, now, change.auditAction, QStringLiteral("incident:%1").arg(id), change.auditDetail);
    tx.commit();
}

void SqliteStore::acknowledgeIncident(qint64 id, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Acknowledge, 0, {}}, actor, now);
}

void SqliteStore::resolveIncident(qint64 id, const Actor &actor, const QString &note, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Resolve, 0, note}, actor, now);
}

void SqliteStore::snoozeIncident(qint64 id, qint64 until, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Snooze, until, {}}, actor, now);
}

void SqliteStore::addIncidentNote(qint64 id, const QString &text, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Note, 0, text}, actor, now);
}

void SqliteStore::reassignIncident(qint64 id, const QString &assignee, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Reassign, 0, assignee}, actor, now);
}

void SqliteStore::escalateIncident(qint64 id, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Escalate, 0, {}}, actor, now);
}

// ---- incidents: the leader's housekeeping

QVector<qint64> SqliteStore::reopenAckTimedOut(qint64 ackTimeoutMs, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    const QVector<Incident> due = selectIncidents(
        QStringLiteral("WHERE state = 'acknowledged' AND acknowledged_at <= ? ORDER BY id"), {now - ackTimeoutMs});
    QVector<qint64> ids;
    const IncidentCommand command{IncidentCommand::Kind::ReopenAckTimedOut, 0, {}};
    for (const Incident &incident : due) {
        const IncidentCommand::Change change = command.apply(incident, {}, now);
        writeIncidentChange(change.after, change.event, {}, change.eventDetail, now);
        ids.append(incident.id);
    }
    tx.commit();
    return ids;
}

QVector<qint64> SqliteStore::expireIncidentSnoozes(qint64 now)
{
    SqliteWriteTransaction tx(*this);
    const QVector<Incident> due = selectIncidents(
        QStringLiteral("WHERE snoozed_until IS NOT NULL AND snoozed_until <= ? AND state <> 'resolved' ORDER BY id"),
        {now});
    QVector<qint64> ids;
    const IncidentCommand command{IncidentCommand::Kind::Unsnooze, 0, {}};
    for (const Incident &incident : due) {
        const IncidentCommand::Change change = command.apply(incident, {}, now);
        writeIncidentChange(change.after, change.event, {}, change.eventDetail, now);
        ids.append(incident.id);
    }
    tx.commit();
    return ids;
}

// ---- the incident watcher's reads

qint64 SqliteStore::watermark(const QString &name)
{
    QSqlQuery query = exec(QStringLiteral("SELECT value FROM watermarks WHERE name = ?"), {name});
    return query.next() ? query.value(0).toLongLong() : 0;
}

void SqliteStore::setWatermark(const QString &name, qint64 value)
{
    exec(QStringLiteral("INSERT INTO watermarks (name, value) VALUES (?, ?) "
                        "ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
         {name, value});
}

QVector<Run> SqliteStore::deadRunsBetween(qint64 after, qint64 upTo, int limit)
{
    QSqlQuery query = exec(QStringLiteral("SELECT " VIGIA_SQLITE_RUN_COLUMNS " FROM runs WHERE state = 'dead' AND "
                                          "finished_at > ? AND finished_at <= ? ORDER BY finished_at, id LIMIT ?"),
                           {after, upTo, limit});
    QVector<Run> result;
    while (query.next())
        result.append(readRun(query));
    return result;
}

QVector<std::pair<Attempt, Run>> SqliteStore::failedAttemptsBetween(const QString &kind, qint64 after, qint64 upTo,
                                                                    int limit)
{
    QSqlQuery query = exec(
        QStringLiteral("SELECT a.run_id, a.attempt, a.node, a.started_at, a.finished_at, a.outcome, a.error "
                       "FROM attempts a JOIN runs r ON r.id = a.run_id WHERE a.outcome IN ('failed', 'timeout') AND "
                       "a.finished_at > ? AND a.finished_at <= ? AND r.kind = ? ORDER BY a.finished_at, a.id LIMIT ?"),
        {after, upTo, kind, limit});
    QVector<Attempt> attempts;
    while (query.next()) {
        Attempt a;
        a.runId = query.value(0).toLongLong();
        a.attempt = query.value(1).toInt();
        a.node = query.value(2).toString();
        a.startedAt = query.value(3).toLongLong();
        a.finishedAt = query.value(4).toLongLong();
        a.outcome = query.value(5).toString();
        a.error = query.value(6).toString();
        attempts.append(a);
    }
    query.finish();
    QVector<std::pair<Attempt, Run>> result;
    QHash<qint64, Run> runsById;
    for (const Attempt &a : attempts) {
        auto it = runsById.find(a.runId);
        if (it == runsById.end())
            it = runsById.insert(a.runId, run(a.runId).value_or(Run{}));
        result.append({a, *it});
    }
    return result;
}

bool SqliteStore::jobSucceededAfter(qint64 jobId, qint64 fromRunId, qint64 finishedAfter)
{
    return exec(QStringLiteral("SELECT 1 FROM runs WHERE job_id = ? AND id >= ? AND state = 'succeeded' AND "
                               "finished_at > ? LIMIT 1"),
                {jobId, fromRunId, finishedAfter})
        .next();
}

} // namespace vigia
