// PostgresStore: on-call schedules and escalation policies (written by applyDeclarations), the escalator's moves and
// the notification deliveries it leaves for the delivery worker (claimed with SKIP LOCKED, so nodes never share one).
#include "store/oncallcodec.h"
#include "store/oncallplan.h"
#include "store/postgressession.h"
#include "store/postgresstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
#define VIGIA_PG_DELIVERY_COLUMNS                                                                                      \
    "id, incident_id, level, recipient, channel, address, format, severity, critical, status, attempts, last_error, "  \
    "message, created_at, next_attempt_at, finished_at"

NotificationDelivery readDelivery(const pqxx::row &row)
{
    NotificationDelivery d;
    d.id = qtInt(row[0]);
    d.incidentId = qtInt(row[1]);
    d.level = int(qtInt(row[2]));
    d.recipient = qtText(row[3]);
    channelKindFromName(qtText(row[4]), &d.channel);
    d.address = qtText(row[5]);
    d.format = qtText(row[6]);
    d.severity = qtText(row[7]);
    d.critical = qtBool(row[8]);
    deliveryStatusFromName(qtText(row[9]), &d.status);
    d.attempts = int(qtInt(row[10]));
    d.error = qtText(row[11]);
    d.message = notificationMessageFromJson(qtBytes(row[12]));
    d.createdAtMs = qtInt(row[13]);
    d.nextAttemptAtMs = qtInt(row[14]);
    d.finishedAtMs = qtInt(row[15]);
    return d;
}

std::optional<long long> orNull(qint64 value)
{
    return value == 0 ? std::nullopt : std::optional<long long>(value);
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::string text(const QByteArray &utf8)
{
    return utf8.toStdString();
}

void insertNotifiedEvent(pqxx::transaction_base &tx, const NotificationDelivery &delivery, qint64 now)
{
    tx.exec_params("INSERT INTO incident_events (incident_id, at, kind, actor, detail) VALUES ($1, $2, $3, NULL, $4)",
                   static_cast<long long>(delivery.incidentId), now,
                   pgText(incidentEventKindName(IncidentEventKind::Notified)), text(deliveryEventDetail(delivery)));
}
} // namespace

QVector<OnCallSchedule> PostgresStore::selectOnCallSchedules(pqxx::transaction_base &tx)
{
    const pqxx::result rows =
        tx.exec("SELECT name, description, time_zone, layers, overrides FROM oncall_schedules ORDER BY name");
    QVector<OnCallSchedule> result;
    for (const pqxx::row &row : rows) {
        OnCallSchedule s;
        s.name = qtText(row[0]);
        s.description = qtText(row[1]);
        s.timeZone = qtText(row[2]);
        s.layers = onCallLayersFromJson(qtBytes(row[3]));
        s.overrides = onCallOverridesFromJson(qtBytes(row[4]));
        result.append(s);
    }
    return result;
}

QVector<EscalationPolicy> PostgresStore::selectEscalationPolicies(pqxx::transaction_base &tx)
{
    const pqxx::result rows =
        tx.exec("SELECT name, description, steps, repeat_count, final_role FROM escalation_policies ORDER BY name");
    QVector<EscalationPolicy> result;
    for (const pqxx::row &row : rows) {
        EscalationPolicy p;
        p.name = qtText(row[0]);
        p.description = qtText(row[1]);
        p.steps = escalationStepsFromJson(qtBytes(row[2]));
        p.repeat = int(qtInt(row[3]));
        escalationRoleFromName(qtText(row[4]), &p.finalRole);
        result.append(p);
    }
    return result;
}

QVector<OnCallSchedule> PostgresStore::onCallSchedules()
{
    return guarded("schedules", [&] {
        pqxx::read_transaction tx(m_session->connection);
        return selectOnCallSchedules(tx);
    });
}

QVector<EscalationPolicy> PostgresStore::escalationPolicies()
{
    return guarded("escalation policies", [&] {
        pqxx::read_transaction tx(m_session->connection);
        return selectEscalationPolicies(tx);
    });
}

void PostgresStore::writeOnCallPlan(pqxx::transaction_base &tx, const OnCallPlan &plan, const Actor &actor, qint64 now)
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
            tx.exec_params("INSERT INTO oncall_schedules (name, description, time_zone, layers, overrides, created_at, "
                           "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (name) DO UPDATE SET "
                           "description = excluded.description, time_zone = excluded.time_zone, "
                           "layers = excluded.layers, overrides = excluded.overrides, updated_at = excluded.updated_at",
                           pgText(s.name), s.description.toStdString(), pgText(s.timeZone),
                           text(onCallLayersToJson(s.layers)), text(onCallOverridesToJson(s.overrides)), now);
            QJsonObject detail{{QStringLiteral("via"), via}};
            if (!create)
                detail.insert(QStringLiteral("fields"), fieldsOf(DeclarationChange::Object::Schedule, s.name));
            audit(tx, actor, now, create ? QStringLiteral("schedule.create") : QStringLiteral("schedule.update"),
                  u"schedule:" + s.name, compactJson(detail));
        }
    }
    for (const QString &name : plan.schedulesToDelete) {
        tx.exec_params("DELETE FROM oncall_schedules WHERE name = $1", pgText(name));
        audit(tx, actor, now, QStringLiteral("schedule.delete"), u"schedule:" + name,
              compactJson({{QStringLiteral("via"), via}}));
    }
    for (const auto *list : {&plan.policiesToCreate, &plan.policiesToUpdate}) {
        const bool create = list == &plan.policiesToCreate;
        for (const EscalationPolicy &p : *list) {
            tx.exec_params("INSERT INTO escalation_policies (name, description, steps, repeat_count, final_role, "
                           "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (name) DO UPDATE "
                           "SET description = excluded.description, steps = excluded.steps, "
                           "repeat_count = excluded.repeat_count, final_role = excluded.final_role, "
                           "updated_at = excluded.updated_at",
                           pgText(p.name), p.description.toStdString(), text(escalationStepsToJson(p.steps)), p.repeat,
                           pgText(escalationRoleName(p.finalRole)), now);
            QJsonObject detail{{QStringLiteral("via"), via}};
            if (!create)
                detail.insert(QStringLiteral("fields"), fieldsOf(DeclarationChange::Object::EscalationPolicy, p.name));
            audit(tx, actor, now,
                  create ? QStringLiteral("escalation_policy.create") : QStringLiteral("escalation_policy.update"),
                  u"escalation_policy:" + p.name, compactJson(detail));
        }
    }
    for (const QString &name : plan.policiesToDelete) {
        tx.exec_params("DELETE FROM escalation_policies WHERE name = $1", pgText(name));
        audit(tx, actor, now, QStringLiteral("escalation_policy.delete"), u"escalation_policy:" + name,
              compactJson({{QStringLiteral("via"), via}}));
    }
}

QVector<Incident> PostgresStore::escalationsDue(qint64 now, bool adoptUnassigned, int limit)
{
    const QVector<qint64> ids = guarded("escalations due", [&] {
        pqxx::read_transaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_params(
            "SELECT id FROM incidents WHERE state = 'triggered' AND (snoozed_until IS NULL OR snoozed_until <= $1) "
            "AND (next_escalation_at <= $1 OR ($2 AND escalation_level = -1 AND escalation_policy IS NULL AND "
            "next_escalation_at IS NULL)) ORDER BY id LIMIT $3",
            now, adoptUnassigned, limit);
        QVector<qint64> found;
        for (const pqxx::row &row : rows)
            found.append(qtInt(row[0]));
        return found;
    });
    QVector<Incident> result;
    for (qint64 id : ids) {
        if (const std::optional<Incident> found = incident(id))
            result.append(*found);
    }
    return result;
}

bool PostgresStore::recordEscalation(const EscalationUpdate &update, qint64 now)
{
    return guarded("record escalation", [&] {
        pqxx::work tx(m_session->connection);
        const pqxx::result moved = tx.exec_params(
            "UPDATE incidents SET escalation_policy = $1, escalation_level = $2, escalation_level_at = $3, "
            "escalation_step = $4, escalation_round = $5, next_escalation_at = $6 WHERE id = $7 AND "
            "state = 'triggered' AND (snoozed_until IS NULL OR snoozed_until <= $8) AND escalation_level = $9 AND "
            "next_escalation_at IS NOT DISTINCT FROM $10::bigint",
            pgNullable(update.policy), update.level, orNull(update.levelStartedAt), update.step, update.round,
            orNull(update.nextEscalationAt), static_cast<long long>(update.incidentId), now, update.expectedLevel,
            orNull(update.expectedNextEscalationAt));
        if (moved.affected_rows() != 1)
            return false;
        for (const auto &event : update.events) {
            tx.exec_params("INSERT INTO incident_events (incident_id, at, kind, actor, detail) "
                           "VALUES ($1, $2, $3, NULL, $4)",
                           static_cast<long long>(update.incidentId), now, pgText(incidentEventKindName(event.first)),
                           event.second.isEmpty() ? std::nullopt : std::optional<std::string>(text(event.second)));
        }
        for (NotificationDelivery d : update.deliveries) {
            const bool pending = d.status == NotificationDelivery::Status::Pending;
            const pqxx::result inserted = tx.exec_params(
                "INSERT INTO notification_deliveries (incident_id, level, recipient, channel, address, format, "
                "severity, critical, status, attempts, last_error, message, created_at, next_attempt_at, finished_at, "
                "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12, $13, $14, $12) RETURNING id",
                static_cast<long long>(update.incidentId), d.level, pgText(d.recipient),
                pgText(channelKindName(d.channel)), d.address.toStdString(), d.format.toStdString(), pgText(d.severity),
                d.critical, pgText(deliveryStatusName(d.status)), pgNullable(d.error),
                text(notificationMessageToJson(d.message)), now,
                pending ? std::optional<long long>(qMax(now, d.nextAttemptAtMs)) : std::nullopt,
                pending ? std::nullopt : std::optional<long long>(now));
            d.id = qtInt(inserted[0][0]);
            d.incidentId = update.incidentId;
            insertNotifiedEvent(tx, d, now);
        }
        tx.commit();
        return true;
    });
}

QVector<NotificationDelivery> PostgresStore::deliveries(const DeliveryFilter &filter)
{
    return guarded("deliveries", [&] {
        pqxx::read_transaction tx(m_session->connection);
        const pqxx::result rows =
            filter.incidentId > 0
                ? tx.exec_params("SELECT " VIGIA_PG_DELIVERY_COLUMNS " FROM notification_deliveries WHERE "
                                 "incident_id = $1 ORDER BY id DESC LIMIT $2",
                                 static_cast<long long>(filter.incidentId), filter.limit)
                : tx.exec_params("SELECT " VIGIA_PG_DELIVERY_COLUMNS
                                 " FROM notification_deliveries ORDER BY id DESC LIMIT $1",
                                 filter.limit);
        QVector<NotificationDelivery> result;
        for (const pqxx::row &row : rows)
            result.append(readDelivery(row));
        return result;
    });
}

QVector<NotificationDelivery> PostgresStore::claimDueDeliveries(qint64 now, qint64 leaseUntil, int limit)
{
    return guarded("claim deliveries", [&] {
        pqxx::work tx(m_session->connection);
        // The returned rows carry the lease as their next attempt; the worker sets its own on failure.
        const pqxx::result rows = tx.exec_params(
            "UPDATE notification_deliveries d SET next_attempt_at = $2 FROM (SELECT id FROM notification_deliveries "
            "WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $3 "
            "FOR UPDATE SKIP LOCKED) due WHERE d.id = due.id RETURNING d.id, d.incident_id, d.level, d.recipient, "
            "d.channel, d.address, d.format, d.severity, d.critical, d.status, d.attempts, d.last_error, d.message, "
            "d.created_at, d.next_attempt_at, d.finished_at",
            now, leaseUntil, limit);
        QVector<NotificationDelivery> result;
        for (const pqxx::row &row : rows)
            result.append(readDelivery(row));
        tx.commit();
        std::sort(result.begin(), result.end(),
                  [](const NotificationDelivery &a, const NotificationDelivery &b) { return a.id < b.id; });
        return result;
    });
}

qint64 PostgresStore::nextDeliveryDueAt()
{
    return guarded("next delivery", [&] {
        pqxx::read_transaction tx(m_session->connection);
        const pqxx::result rows =
            tx.exec("SELECT min(next_attempt_at) FROM notification_deliveries WHERE status = 'pending'");
        return rows.empty() ? qint64(0) : qtInt(rows[0][0]);
    });
}

void PostgresStore::recordDeliveryAttempt(const NotificationDelivery &delivery, qint64 now)
{
    guarded("record delivery", [&] {
        pqxx::work tx(m_session->connection);
        const bool pending = delivery.status == NotificationDelivery::Status::Pending;
        tx.exec_params("UPDATE notification_deliveries SET status = $1, attempts = $2, last_error = $3, "
                       "next_attempt_at = $4, finished_at = $5, updated_at = $6 WHERE id = $7",
                       pgText(deliveryStatusName(delivery.status)), delivery.attempts, pgNullable(delivery.error),
                       pending ? std::optional<long long>(delivery.nextAttemptAtMs) : std::nullopt,
                       pending ? std::nullopt
                               : std::optional<long long>(delivery.finishedAtMs > 0 ? delivery.finishedAtMs : now),
                       now, static_cast<long long>(delivery.id));
        if (!pending)
            insertNotifiedEvent(tx, delivery, now);
        tx.commit();
    });
}

} // namespace vigia
