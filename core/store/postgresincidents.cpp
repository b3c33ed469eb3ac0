// PostgresStore: users, incidents with their timeline, and the watermarks of the incident watcher. A command locks
// the incident row (SELECT ... FOR UPDATE), so that two operators or nodes acting at once are serialised; raising
// relies on the partial unique index (one open incident per key) with INSERT ... ON CONFLICT, which is atomic under
// concurrent triggers.
#include "model/escalationpolicy.h"
#include "store/incidentcommand.h"
#include "store/postgressession.h"
#include "store/postgresstore.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
#define VIGIA_PG_INCIDENT_COLUMNS                                                                                      \
    "id, dedup_key, source, title, severity, state, job_id, run_id, queue, detail, assignee, created_at, "             \
    "last_seen_at, occurrences, acknowledged_at, acknowledged_by, first_acknowledged_at, resolved_at, resolved_by, "   \
    "snoozed_until, escalation_policy, escalation_step, escalation_round, next_escalation_at, escalation_level, "      \
    "escalation_level_at"

Incident readIncident(const pqxx::row &row)
{
    Incident i;
    i.id = qtInt(row[0]);
    i.dedupKey = qtText(row[1]);
    i.source = incidentSourceFromName(qtText(row[2])).value_or(IncidentSource::External);
    i.title = qtText(row[3]);
    i.severity = incidentSeverityFromName(qtText(row[4])).value_or(IncidentSeverity::High);
    i.state = incidentStateFromName(qtText(row[5])).value_or(IncidentState::Triggered);
    i.jobId = qtInt(row[6]);
    i.runId = qtInt(row[7]);
    i.queue = qtText(row[8]);
    i.detail = qtBytes(row[9]);
    i.assignee = qtText(row[10]);
    i.createdAt = qtInt(row[11]);
    i.lastSeenAt = qtInt(row[12]);
    i.occurrences = int(qtInt(row[13]));
    i.acknowledgedAt = qtInt(row[14]);
    i.acknowledgedBy = qtText(row[15]);
    i.firstAcknowledgedAt = qtInt(row[16]);
    i.resolvedAt = qtInt(row[17]);
    i.resolvedBy = qtText(row[18]);
    i.snoozedUntil = qtInt(row[19]);
    i.escalationPolicy = qtText(row[20]);
    i.escalationStep = int(qtInt(row[21]));
    i.escalationRound = int(qtInt(row[22]));
    i.nextEscalationAt = qtInt(row[23]);
    i.escalationLevel = int(qtInt(row[24]));
    i.escalationLevelAt = qtInt(row[25]);
    return i;
}

std::optional<std::string> pgNullableBytes(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return std::nullopt;
    return utf8.toStdString();
}

User readUser(const pqxx::row &row)
{
    User u;
    u.name = qtText(row[0]);
    u.email = qtText(row[1]);
    escalationRoleFromName(qtText(row[2]), &u.role);
    u.timeZone = qtText(row[3]);
    u.channels = contactChannelsFromJson(qtBytes(row[4]));
    u.doNotDisturb = dndWindowsFromJson(qtBytes(row[5]));
    return u;
}

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

void insertEvent(pqxx::transaction_base &tx, qint64 incidentId, IncidentEventKind kind, const QString &actor,
                 const QByteArray &detail, qint64 now)
{
    tx.exec_params("INSERT INTO incident_events (incident_id, at, kind, actor, detail) VALUES ($1, $2, $3, $4, $5)",
                   incidentId, now, pgText(incidentEventKindName(kind)), pgNullable(actor), pgNullableBytes(detail));
}

QVector<Incident> selectIncidents(pqxx::transaction_base &tx, const std::string &where,
                                  const std::vector<std::string> &binds)
{
    const pqxx::result rows = tx.exec_params("SELECT " VIGIA_PG_INCIDENT_COLUMNS " FROM incidents " + where,
                                             pqxx::prepare::make_dynamic_params(binds));
    QVector<Incident> result;
    for (const pqxx::row &row : rows)
        result.append(readIncident(row));
    return result;
}
} // namespace

// ---- users

QVector<User> PostgresStore::selectUsers(pqxx::transaction_base &tx, const char *where,
                                         const std::optional<std::string> &name)
{
    const std::string sql =
        std::string("SELECT name, email, role, time_zone, channels, do_not_disturb FROM users ") + where;
    QVector<User> result;
    for (const pqxx::row &row : name ? tx.exec_params(sql, *name) : tx.exec(sql))
        result.append(readUser(row));
    return result;
}

QVector<User> PostgresStore::users()
{
    return guarded("list users", [&] {
        pqxx::nontransaction tx(m_session->connection);
        return selectUsers(tx, "ORDER BY name", std::nullopt);
    });
}

std::optional<User> PostgresStore::user(const QString &name)
{
    return guarded("look up user", [&]() -> std::optional<User> {
        pqxx::nontransaction tx(m_session->connection);
        const QVector<User> found = selectUsers(tx, "WHERE name = $1", pgText(name));
        return found.isEmpty() ? std::nullopt : std::optional<User>(found.first());
    });
}

void PostgresStore::upsertUser(const User &user, const Actor &actor, qint64 now)
{
    if (user.name.trimmed().isEmpty())
        throw StoreError(PostgresStore::tr("a user needs a name"), StoreError::Kind::Invalid);
    guarded("save user", [&] {
        pqxx::work tx(m_session->connection);
        tx.exec_params("INSERT INTO users (name, email, role, time_zone, channels, do_not_disturb, created_at, "
                       "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (name) DO UPDATE SET "
                       "email = excluded.email, role = excluded.role, time_zone = excluded.time_zone, "
                       "channels = excluded.channels, do_not_disturb = excluded.do_not_disturb, "
                       "updated_at = excluded.updated_at",
                       pgText(user.name), pgText(user.email), pgText(escalationRoleName(user.role)),
                       pgText(user.timeZone), contactChannelsToJson(user.channels).toStdString(),
                       dndWindowsToJson(user.doNotDisturb).toStdString(), now);
        audit(tx, actor, now, QStringLiteral("user.save"), u"user:" + user.name,
              QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("role"), escalationRoleName(user.role)}})
                                    .toJson(QJsonDocument::Compact)));
        tx.commit();
    });
}

// ---- incidents: queries

QVector<Incident> PostgresStore::incidents(const IncidentFilter &filter)
{
    return guarded("list incidents", [&] {
        std::string where = "WHERE true";
        std::vector<std::string> binds;
        auto bind = [&binds](std::string value) {
            binds.push_back(std::move(value));
            return '$' + std::to_string(binds.size());
        };
        if (filter.openOnly)
            where += " AND state <> 'resolved'";
        if (filter.state)
            where += " AND state = " + bind(pgText(incidentStateName(*filter.state)));
        if (filter.severity)
            where += " AND severity = " + bind(pgText(incidentSeverityName(*filter.severity)));
        if (filter.jobId > 0)
            where += " AND job_id = " + bind(std::to_string(filter.jobId)) + "::bigint";
        where += " ORDER BY id DESC LIMIT " +
                 (filter.limit < 0 ? std::string("ALL") : bind(std::to_string(filter.limit)) + "::bigint");
        pqxx::nontransaction tx(m_session->connection);
        return selectIncidents(tx, where, binds);
    });
}

std::optional<Incident> PostgresStore::incident(qint64 id)
{
    return guarded("look up incident", [&]() -> std::optional<Incident> {
        pqxx::nontransaction tx(m_session->connection);
        const QVector<Incident> found = selectIncidents(tx, "WHERE id = $1::bigint", {std::to_string(id)});
        if (found.isEmpty())
            return std::nullopt;
        return found.constFirst();
    });
}

QVector<IncidentEvent> PostgresStore::incidentEvents(qint64 incidentId)
{
    return guarded("incident timeline", [&] {
        pqxx::nontransaction tx(m_session->connection);
        QVector<IncidentEvent> events;
        for (const pqxx::row &row : tx.exec_params("SELECT id, incident_id, at, kind, actor, detail FROM "
                                                   "incident_events WHERE incident_id = $1 ORDER BY id",
                                                   incidentId)) {
            IncidentEvent e;
            e.id = qtInt(row[0]);
            e.incidentId = qtInt(row[1]);
            e.at = qtInt(row[2]);
            e.kind = incidentEventKindFromName(qtText(row[3])).value_or(IncidentEventKind::Note);
            e.actor = qtText(row[4]);
            e.detail = qtBytes(row[5]);
            events.append(e);
        }
        return events;
    });
}

QVector<IncidentStats> PostgresStore::incidentStats(IncidentStatsGroup group, qint64 since)
{
    return guarded("incident statistics", [&] {
        pqxx::nontransaction tx(m_session->connection);
        const int groupColumn = group == IncidentStatsGroup::Severity ? 0 : group == IncidentStatsGroup::Job ? 1 : 2;
        QVector<IncidentTimes> times;
        for (const pqxx::row &row :
             tx.exec_params("SELECT i.severity, j.name, i.queue, i.created_at, i.first_acknowledged_at, i.resolved_at "
                            "FROM incidents i LEFT JOIN jobs j ON j.id = i.job_id WHERE i.created_at >= $1",
                            since))
            times.append({qtText(row[groupColumn]), qtInt(row[3]), qtInt(row[4]), qtInt(row[5])});
        return computeIncidentStats(times);
    });
}

// ---- incidents: the engine's triggers

IncidentTriggerResult PostgresStore::raiseIncident(const IncidentTrigger &trigger, qint64 now)
{
    if (trigger.dedupKey.isEmpty() || trigger.title.isEmpty())
        throw StoreError(PostgresStore::tr("an incident needs a dedup key and a title"), StoreError::Kind::Invalid);
    return guarded("raise incident", [&] {
        pqxx::work tx(m_session->connection);
        // Without a policy of its own, a job's incident takes the job's escalation policy (none: the engine's
        // default).
        QString policy = trigger.escalationPolicy;
        if (policy.isEmpty() && trigger.jobId > 0) {
            const pqxx::result found = tx.exec_params("SELECT escalation_policy FROM jobs WHERE id = $1",
                                                      static_cast<long long>(trigger.jobId));
            if (!found.empty())
                policy = qtText(found[0][0]);
        }
        const pqxx::result rows = tx.exec_params(
            "INSERT INTO incidents (dedup_key, source, title, severity, state, job_id, run_id, queue, detail, "
            "created_at, last_seen_at, occurrences, escalation_policy, next_escalation_at) VALUES ($1, $2, $3, $4, "
            "'triggered', $5, $6, $7, $8, $9, $9, 1, $10, $11) "
            "ON CONFLICT (dedup_key) WHERE state <> 'resolved' DO UPDATE SET "
            "occurrences = incidents.occurrences + 1, last_seen_at = excluded.last_seen_at, "
            "run_id = coalesce(excluded.run_id, incidents.run_id), "
            "detail = coalesce(excluded.detail, incidents.detail), queue = coalesce(excluded.queue, incidents.queue) "
            "RETURNING id, occurrences",
            pgText(trigger.dedupKey), pgText(incidentSourceName(trigger.source)), pgText(trigger.title),
            pgText(incidentSeverityName(trigger.severity)), pgNullable(trigger.jobId), pgNullable(trigger.runId),
            pgNullable(trigger.queue), pgNullableBytes(trigger.detail), now, pgNullable(policy),
            policy.isEmpty() ? std::nullopt : std::optional<long long>(now));
        IncidentTriggerResult result;
        result.id = qtInt(rows[0][0]);
        const int occurrences = int(qtInt(rows[0][1]));
        result.created = occurrences == 1;
        insertEvent(tx, result.id, result.created ? IncidentEventKind::Created : IncidentEventKind::Occurrence, {},
                    triggerEventDetail(trigger, occurrences), now);
        tx.commit();
        return result;
    });
}

bool PostgresStore::resolveIncidentByKey(const QString &dedupKey, const Actor &actor, const QString &note, qint64 now)
{
    return guarded("resolve incident", [&] {
        pqxx::work tx(m_session->connection);
        const QVector<Incident> open =
            selectIncidents(tx, "WHERE dedup_key = $1 AND state <> 'resolved' FOR UPDATE", {pgText(dedupKey)});
        if (open.isEmpty())
            return false;
        IncidentCommand command;
        command.kind = IncidentCommand::Kind::AutoResolve;
        command.text = note;
        const IncidentCommand::Change change = command.apply(open.constFirst(), actor.name, now);
        writeIncidentChange(tx, change.after, change.event, actor.name, change.eventDetail, now);
        tx.commit();
        return true;
    });
}

// ---- incidents: operator commands

void PostgresStore::writeIncidentChange(pqxx::transaction_base &tx, const Incident &after, IncidentEventKind event,
                                        const QString &actor, const QByteArray &detail, qint64 now)
{
    tx.exec_params("UPDATE incidents SET state = $1, assignee = $2, acknowledged_at = $3, acknowledged_by = $4, "
                   "first_acknowledged_at = $5, resolved_at = $6, resolved_by = $7, snoozed_until = $8, "
                   "next_escalation_at = $9 WHERE id = $10",
                   pgText(incidentStateName(after.state)), pgNullable(after.assignee), pgNullable(after.acknowledgedAt),
                   pgNullable(after.acknowledgedBy), pgNullable(after.firstAcknowledgedAt),
                   pgNullable(after.resolvedAt), pgNullable(after.resolvedBy), pgNullable(after.snoozedUntil),
                   pgNullable(after.nextEscalationAt), after.id);
    insertEvent(tx, after.id, event, actor, detail, now);
}

void PostgresStore::runIncidentCommand(qint64 id, const IncidentCommand &command, const Actor &actor, qint64 now)
{
    guarded("incident command", [&] {
        pqxx::work tx(m_session->connection);
        const bool anyUsers = !tx.exec("SELECT 1 FROM users LIMIT 1").empty();
        std::optional<Role> role;
        const pqxx::result found = tx.exec_params("SELECT role FROM users WHERE name = $1", pgText(actor.name));
        if (!found.empty()) {
            Role r = Role::Viewer;
            escalationRoleFromName(qtText(found[0][0]), &r);
            role = r;
        }
        command.checkAllowed(actor.name, role, anyUsers);
        if (command.kind == IncidentCommand::Kind::Reassign) {
            const bool known = !tx.exec_params("SELECT 1 FROM users WHERE name = $1", pgText(command.text)).empty();
            command.checkAssignee(known, anyUsers);
        }
        const QVector<Incident> before = selectIncidents(tx, "WHERE id = $1::bigint FOR UPDATE", {std::to_string(id)});
        if (before.isEmpty())
            throw StoreError(PostgresStore::tr("no incident with id %1").arg(id), StoreError::Kind::NotFound);
        const IncidentCommand::Change change = command.apply(before.constFirst(), actor.name, now);
        writeIncidentChange(tx, change.after, change.event, actor.name, change.eventDetail, now);
        audit(tx, actor, now, change.auditAction, QStringLiteral("incident:%1").arg(id), change.auditDetail);
        tx.commit();
    });
}

void PostgresStore::acknowledgeIncident(qint64 id, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Acknowledge, 0, {}}, actor, now);
}

void PostgresStore::resolveIncident(qint64 id, const Actor &actor, const QString &note, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Resolve, 0, note}, actor, now);
}

void PostgresStore::snoozeIncident(qint64 id, qint64 until, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Snooze, until, {}}, actor, now);
}

void PostgresStore::addIncidentNote(qint64 id, const QString &text, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Note, 0, text}, actor, now);
}

void PostgresStore::reassignIncident(qint64 id, const QString &assignee, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Reassign, 0, assignee}, actor, now);
}

void PostgresStore::escalateIncident(qint64 id, const Actor &actor, qint64 now)
{
    runIncidentCommand(id, {IncidentCommand::Kind::Escalate, 0, {}}, actor, now);
}

// ---- incidents: the leader's housekeeping

QVector<qint64> PostgresStore::runEngineCommand(const char *what, const std::string &where, qint64 bound,
                                                const IncidentCommand &command, qint64 now)
{
    return guarded(what, [&] {
        pqxx::work tx(m_session->connection);
        // SKIP LOCKED: an incident an operator is acting on right now is left for the next pass.
        const QVector<Incident> due =
            selectIncidents(tx, where + " ORDER BY id FOR UPDATE SKIP LOCKED", {std::to_string(bound)});
        QVector<qint64> ids;
        for (const Incident &incident : due) {
            const IncidentCommand::Change change = command.apply(incident, {}, now);
            writeIncidentChange(tx, change.after, change.event, {}, change.eventDetail, now);
            ids.append(incident.id);
        }
        tx.commit();
        return ids;
    });
}

QVector<qint64> PostgresStore::reopenAckTimedOut(qint64 ackTimeoutMs, qint64 now)
{
    return runEngineCommand("reopen acknowledged incidents",
                            "WHERE state = 'acknowledged' AND acknowledged_at <= $1::bigint", now - ackTimeoutMs,
                            {IncidentCommand::Kind::ReopenAckTimedOut, 0, {}}, now);
}

QVector<qint64> PostgresStore::expireIncidentSnoozes(qint64 now)
{
    return runEngineCommand("end incident snoozes",
                            "WHERE snoozed_until IS NOT NULL AND snoozed_until <= $1::bigint AND state <> 'resolved'",
                            now, {IncidentCommand::Kind::Unsnooze, 0, {}}, now);
}

// ---- the incident watcher's reads

qint64 PostgresStore::watermark(const QString &name)
{
    return guarded("read watermark", [&] {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_params("SELECT value FROM watermarks WHERE name = $1", pgText(name));
        return rows.empty() ? qint64(0) : qtInt(rows[0][0]);
    });
}

void PostgresStore::setWatermark(const QString &name, qint64 value)
{
    guarded("write watermark", [&] {
        pqxx::nontransaction tx(m_session->connection);
        tx.exec_params("INSERT INTO watermarks (name, value) VALUES ($1, $2) "
                       "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                       pgText(name), value);
    });
}

QVector<Run> PostgresStore::deadRunsBetween(qint64 after, qint64 upTo, int limit)
{
    return guarded("dead runs", [&] {
        pqxx::nontransaction tx(m_session->connection);
        QVector<Run> result;
        for (const pqxx::row &row :
             tx.exec_params("SELECT " VIGIA_PG_RUN_COLUMNS " FROM runs WHERE state = 'dead' AND finished_at > $1 AND "
                            "finished_at <= $2 ORDER BY finished_at, id LIMIT $3",
                            after, upTo, limit))
            result.append(readPgRun(row));
        return result;
    });
}

QVector<std::pair<Attempt, Run>> PostgresStore::failedAttemptsBetween(const QString &kind, qint64 after, qint64 upTo,
                                                                      int limit)
{
    return guarded("failed attempts", [&] {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_params(
            "SELECT a.run_id, a.attempt, a.node, a.started_at, a.finished_at, a.outcome, a.error FROM attempts a "
            "JOIN runs r ON r.id = a.run_id WHERE a.outcome IN ('failed', 'timeout') AND a.finished_at > $1 AND "
            "a.finished_at <= $2 AND r.kind = $3 ORDER BY a.finished_at, a.id LIMIT $4",
            after, upTo, pgText(kind), limit);
        QVector<std::pair<Attempt, Run>> result;
        QHash<qint64, Run> runsById;
        for (const pqxx::row &row : rows) {
            Attempt a;
            a.runId = qtInt(row[0]);
            a.attempt = int(qtInt(row[1]));
            a.node = qtText(row[2]);
            a.startedAt = qtInt(row[3]);
            a.finishedAt = qtInt(row[4]);
            a.outcome = qtText(row[5]);
            a.error = qtText(row[6]);
            auto it = runsById.find(a.runId);
            if (it == runsById.end()) {
                const pqxx::result runRows =
                    tx.exec_params("SELECT " VIGIA_PG_RUN_COLUMNS " FROM runs WHERE id = $1", a.runId);
                it = runsById.insert(a.runId, runRows.empty() ? Run{} : readPgRun(runRows[0]));
            }
            result.append({a, *it});
        }
        return result;
    });
}

bool PostgresStore::jobSucceededAfter(qint64 jobId, qint64 fromRunId, qint64 finishedAfter)
{
    return guarded("job recovery", [&] {
        pqxx::nontransaction tx(m_session->connection);
        return !tx.exec_params("SELECT 1 FROM runs WHERE job_id = $1 AND id >= $2 AND state = 'succeeded' AND "
                               "finished_at > $3 LIMIT 1",
                               jobId, fromRunId, finishedAfter)
                    .empty();
    });
}

} // namespace vigia
