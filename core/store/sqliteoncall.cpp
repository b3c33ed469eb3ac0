// SqliteStore: on-call schedules and escalation policies (written by applyDeclarations), the escalator's moves and
// the notification deliveries it leaves for the delivery worker.
#include "store/oncallcodec.h"
#include "store/oncallplan.h"
#include "store/sqlitestore.h"
#include "store/sqlitetransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
#define VIGIA_SQLITE_DELIVERY_COLUMNS                                                                                  \
    "id, incident_id, level, recipient, channel, address, format, severity, critical, status, attempts, last_error, "  \
    "message, created_at, next_attempt_at, finished_at"

NotificationDelivery readDelivery(const QSqlQuery &q)
{
    NotificationDelivery d;
    d.id = q.value(0).toLongLong();
    d.incidentId = q.value(1).toLongLong();
    d.level = q.value(2).toInt();
    d.recipient = q.value(3).toString();
    channelKindFromName(q.value(4).toString(), &d.channel);
    d.address = q.value(5).toString();
    d.format = q.value(6).toString();
    d.severity = q.value(7).toString();
    d.critical = q.value(8).toInt() != 0;
    deliveryStatusFromName(q.value(9).toString(), &d.status);
    d.attempts = q.value(10).toInt();
    d.error = q.value(11).toString();
    d.message = notificationMessageFromJson(q.value(12).toString().toUtf8());
    d.createdAtMs = q.value(13).toLongLong();
    d.nextAttemptAtMs = q.value(14).toLongLong();
    d.finishedAtMs = q.value(15).toLongLong();
    return d;
}

QVariant orNull(qint64 value)
{
    return value == 0 ? QVariant() : QVariant(value);
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

QVector<OnCallSchedule> SqliteStore::onCallSchedules()
{
    QSqlQuery query = exec(QStringLiteral("SELECT name, description, time_zone, layers, overrides FROM "
                                          "oncall_schedules ORDER BY name"));
    QVector<OnCallSchedule> result;
    while (query.next()) {
        OnCallSchedule s;
        s.name = query.value(0).toString();
        s.description = query.value(1).toString();
        s.timeZone = query.value(2).toString();
        s.layers = onCallLayersFromJson(query.value(3).toString().toUtf8());
        s.overrides = onCallOverridesFromJson(query.value(4).toString().toUtf8());
        result.append(s);
    }
    return result;
}

QVector<EscalationPolicy> SqliteStore::escalationPolicies()
{
    QSqlQuery query = exec(QStringLiteral("SELECT name, description, steps, repeat_count, final_role FROM "
                                          "escalation_policies ORDER BY name"));
    QVector<EscalationPolicy> result;
    while (query.next()) {
        EscalationPolicy p;
        p.name = query.value(0).toString();
        p.description = query.value(1).toString();
        p.steps = escalationStepsFromJson(query.value(2).toString().toUtf8());
        p.repeat = query.value(3).toInt();
        escalationRoleFromName(query.value(4).toString(), &p.finalRole);
        result.append(p);
    }
    return result;
}

void SqliteStore::writeOnCallPlan(const OnCallPlan &plan, const Actor &actor, qint64 now)
{
    const auto via = QStringLiteral("apply");
    const auto fieldsOf = [&plan](DeclarationChange::Object object, const QString &name) {
        for (const DeclarationChange &change : plan.changes) {
            if (change.object == object && change.name == name)
                return QJsonArray::fromStringList(change.fields);
        }
        return QJsonArray();
    };
    for (const auto *list : {&plan.schedulesToCreate, &plan.schedulesToUpdate}) {
        const bool create = list == &plan.schedulesToCreate;
        for (const OnCallSchedule &s : *list) {
            exec(QStringLiteral("INSERT INTO oncall_schedules (name, description, time_zone, layers, overrides, "
                                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                                "description = excluded.description, time_zone = excluded.time_zone, "
                                "layers = excluded.layers, overrides = excluded.overrides, "
                                "updated_at = excluded.updated_at"),
                 {s.name, s.description.isNull() ? QStringLiteral("") : s.description, s.timeZone,
                  QString::fromUtf8(onCallLayersToJson(s.layers)),
                  QString::fromUtf8(onCallOverridesToJson(s.overrides)), now, now});
            QJsonObject detail{{QStringLiteral("via"), via}};
            if (!create)
                detail.insert(QStringLiteral("fields"), fieldsOf(DeclarationChange::Object::Schedule, s.name));
            audit(actor, now, create ? QStringLiteral("schedule.create") : QStringLiteral("schedule.update"),
                  u"schedule:" + s.name, compactJson(detail));
        }
    }
    for (const QString &name : plan.schedulesToDelete) {
        exec(QStringLiteral("DELETE FROM oncall_schedules WHERE name = ?"), {name});
        audit(actor, now, QStringLiteral("schedule.delete"), u"schedule:" + name,
              compactJson({{QStringLiteral("via"), via}}));
    }
    for (const auto *list : {&plan.policiesToCreate, &plan.policiesToUpdate}) {
        const bool create = list == &plan.policiesToCreate;
        for (const EscalationPolicy &p : *list) {
            exec(QStringLiteral("INSERT INTO escalation_policies (name, description, steps, repeat_count, final_role, "
                                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                                "description = excluded.description, steps = excluded.steps, "
                                "repeat_count = excluded.repeat_count, final_role = excluded.final_role, "
                                "updated_at = excluded.updated_at"),
                 {p.name, p.description.isNull() ? QStringLiteral("") : p.description,
                  QString::fromUtf8(escalationStepsToJson(p.steps)), p.repeat, escalationRoleName(p.finalRole), now,
                  now});
            QJsonObject detail{{QStringLiteral("via"), via}};
            if (!create)
                detail.insert(QStringLiteral("fields"), fieldsOf(DeclarationChange::Object::EscalationPolicy, p.name));
            audit(actor, now,
                  create ? QStringLiteral("escalation_policy.create") : QStringLiteral("escalation_policy.update"),
                  u"escalation_policy:" + p.name, compactJson(detail));
        }
    }
    for (const QString &name : plan.policiesToDelete) {
        exec(QStringLiteral("DELETE FROM escalation_policies WHERE name = ?"), {name});
        audit(actor, now, QStringLiteral("escalation_policy.delete"), u"escalation_policy:" + name,
              compactJson({{QStringLiteral("via"), via}}));
    }
}

QVector<Incident> SqliteStore::escalationsDue(qint64 now, bool adoptUnassigned, int limit)
{
    return selectIncidents(
        QStringLiteral("WHERE state = 'triggered' AND (snoozed_until IS NULL OR snoozed_until <= ?) AND "
                       "(next_escalation_at <= ? OR (? AND escalation_level = -1 AND escalation_policy IS NULL AND "
                       "next_escalation_at IS NULL)) ORDER BY id LIMIT ?"),
        {now, now, adoptUnassigned ? 1 : 0, limit});
}

bool SqliteStore::recordEscalation(const EscalationUpdate &update, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    QSqlQuery moved = exec(
        QStringLiteral("UPDATE incidents SET escalation_policy = ?, escalation_level = ?, escalation_level_at = ?, "
                       "escalation_step = ?, escalation_round = ?, next_escalation_at = ? WHERE id = ? AND "
                       "state = 'triggered' AND (snoozed_until IS NULL OR snoozed_until <= ?) AND "
                       "escalation_level = ? AND next_escalation_at IS ?"),
        {update.policy.isEmpty() ? QVariant() : QVariant(update.policy), update.level, orNull(update.levelStartedAt),
         update.step, update.round, orNull(update.nextEscalationAt), update.incidentId, now, update.expectedLevel,
         orNull(update.expectedNextEscalationAt)});
    const bool applied = moved.numRowsAffected() == 1;
    moved.finish();
    if (!applied)
        return false;
    for (const auto &event : update.events)
        insertIncidentEvent(update.incidentId, event.first, {}, event.second, now);
    for (NotificationDelivery d : update.deliveries) {
        const bool pending = d.status == NotificationDelivery::Status::Pending;
        QSqlQuery inserted = exec(
            QStringLiteral("INSERT INTO notification_deliveries (incident_id, level, recipient, channel, address, "
                           "format, severity, critical, status, attempts, last_error, message, created_at, "
                           "next_attempt_at, finished_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, "
                           "?, ?, ?) RETURNING id"),
            {update.incidentId, d.level, d.recipient, channelKindName(d.channel),
             d.address.isNull() ? QStringLiteral("") : d.address, d.format.isNull() ? QStringLiteral("") : d.format,
             d.severity, d.critical ? 1 : 0, deliveryStatusName(d.status),
             d.error.isEmpty() ? QVariant() : QVariant(d.error),
             QString::fromUtf8(notificationMessageToJson(d.message)), now,
             pending ? QVariant(qMax(now, d.nextAttemptAtMs)) : QVariant(), pending ? QVariant() : QVariant(now), now});
        inserted.next();
        d.id = inserted.value(0).toLongLong();
        inserted.finish();
        d.incidentId = update.incidentId;
        insertIncidentEvent(update.incidentId, IncidentEventKind::Notified, {}, deliveryEventDetail(d), now);
    }
    tx.commit();
    return true;
}

QVector<NotificationDelivery> SqliteStore::deliveries(const DeliveryFilter &filter)
{
    QSqlQuery query =
        filter.incidentId > 0
            ? exec(QStringLiteral("SELECT " VIGIA_SQLITE_DELIVERY_COLUMNS " FROM notification_deliveries WHERE "
                                  "incident_id = ? ORDER BY id DESC LIMIT ?"),
                   {filter.incidentId, filter.limit})
            : exec(QStringLiteral("SELECT " VIGIA_SQLITE_DELIVERY_COLUMNS
                                  " FROM notification_deliveries ORDER BY id DESC LIMIT ?"),
                   {filter.limit});
    QVector<NotificationDelivery> result;
    while (query.next())
        result.append(readDelivery(query));
    return result;
}

QVector<NotificationDelivery> SqliteStore::claimDueDeliveries(qint64 now, qint64 leaseUntil, int limit)
{
    SqliteWriteTransaction tx(*this);
    QSqlQuery query = exec(QStringLiteral("SELECT " VIGIA_SQLITE_DELIVERY_COLUMNS " FROM notification_deliveries "
                                          "WHERE status = 'pending' AND next_attempt_at <= ? "
                                          "ORDER BY next_attempt_at, id LIMIT ?"),
                           {now, limit});
    QVector<NotificationDelivery> result;
    while (query.next())
        result.append(readDelivery(query));
    query.finish();
    for (const NotificationDelivery &d : std::as_const(result))
        exec(QStringLiteral("UPDATE notification_deliveries SET next_attempt_at = ? WHERE id = ?"), {leaseUntil, d.id});
    tx.commit();
    return result;
}

qint64 SqliteStore::nextDeliveryDueAt()
{
    QSqlQuery query =
        exec(QStringLiteral("SELECT min(next_attempt_at) FROM notification_deliveries WHERE status = 'pending'"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

void SqliteStore::recordDeliveryAttempt(const NotificationDelivery &delivery, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    const bool pending = delivery.status == NotificationDelivery::Status::Pending;
    exec(QStringLiteral("UPDATE notification_deliveries SET status = ?, attempts = ?, last_error = ?, "
                        "next_attempt_at = ?, finished_at = ?, updated_at = ? WHERE id = ?"),
         {deliveryStatusName(delivery.status), delivery.attempts,
          delivery.error.isEmpty() ? QVariant() : QVariant(delivery.error),
          pending ? QVariant(delivery.nextAttemptAtMs) : QVariant(),
          pending ? QVariant() : QVariant(delivery.finishedAtMs > 0 ? delivery.finishedAtMs : now), now, delivery.id});
    if (!pending)
        insertIncidentEvent(delivery.incidentId, IncidentEventKind::Notified, {}, deliveryEventDetail(delivery), now);
    tx.commit();
}

} // namespace vigia
