#include "store/incidentcommand.h"

#include "model/escalationpolicy.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
QByteArray json(const QJsonObject &object)
{
    return object.isEmpty() ? QByteArray() : QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

[[noreturn]] void invalid(const QString &message)
{
    throw StoreError(message, StoreError::Kind::Invalid);
}

// Escalation resumes at once when the incident has a policy (the escalator picks it up), else stays off.
void resumeEscalation(Incident &incident, qint64 now)
{
    incident.nextEscalationAt = incident.escalationPolicy.isEmpty() ? 0 : now;
}
} // namespace

QString osUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME", QStringLiteral("unknown"));
    return user;
}

Role IncidentCommand::requiredRole() const
{
    return kind == Kind::Note ? Role::Viewer : Role::Operator;
}

QString IncidentCommand::auditAction() const
{
    switch (kind) {
    case Kind::Acknowledge:
        return QStringLiteral("incident.ack");
    case Kind::Resolve:
        return QStringLiteral("incident.resolve");
    case Kind::Snooze:
        return QStringLiteral("incident.snooze");
    case Kind::Note:
        return QStringLiteral("incident.note");
    case Kind::Reassign:
        return QStringLiteral("incident.reassign");
    case Kind::Escalate:
        return QStringLiteral("incident.escalate");
    case Kind::AutoResolve:
    case Kind::ReopenAckTimedOut:
    case Kind::Unsnooze:
        break;
    }
    return {};
}

void IncidentCommand::checkAllowed(const QString &actor, std::optional<Role> actorRole, bool anyUsers) const
{
    if (!needsRole())
        return;
    const QString action = auditAction();
    if (!anyUsers) {
        if (actor == osUserName())
            return;
        throw StoreError(IncidentCommand::tr("%1: \"%2\" is not allowed: no users are declared, so only the OS user "
                                             "\"%3\" may act on incidents (declare users to let others)")
                             .arg(action, actor, osUserName()),
                         StoreError::Kind::Forbidden);
    }
    if (!actorRole) {
        throw StoreError(IncidentCommand::tr("%1: \"%2\" is not a known user; nothing was written").arg(action, actor),
                         StoreError::Kind::Forbidden);
    }
    if (int(*actorRole) < int(requiredRole())) {
        throw StoreError(IncidentCommand::tr("%1: user \"%2\" has role %3; it needs %4 or admin; nothing was written")
                             .arg(action, actor, escalationRoleName(*actorRole), escalationRoleName(requiredRole())),
                         StoreError::Kind::Forbidden);
    }
}

void IncidentCommand::checkAssignee(bool assigneeKnown, bool anyUsers) const
{
    if (text.trimmed().isEmpty())
        invalid(IncidentCommand::tr("reassign: the new assignee's name is empty"));
    if (anyUsers && !assigneeKnown)
        invalid(IncidentCommand::tr("reassign: \"%1\" is not a known user").arg(text));
}

IncidentCommand::Change IncidentCommand::apply(const Incident &before, const QString &actor, qint64 now) const
{
    Change change;
    change.after = before;
    Incident &after = change.after;
    change.auditAction = auditAction();
    const QString target = QStringLiteral("incident %1").arg(before.id);
    QJsonObject detail;
    if (!before.isOpen() && kind != Kind::Note)
        invalid(IncidentCommand::tr("%1 is already resolved").arg(target));
    switch (kind) {
    case Kind::Acknowledge:
        if (before.state == IncidentState::Acknowledged)
            invalid(IncidentCommand::tr("%1 is already acknowledged by %2").arg(target, before.acknowledgedBy));
        after.state = IncidentState::Acknowledged;
        after.acknowledgedAt = now;
        after.acknowledgedBy = actor;
        if (after.firstAcknowledgedAt == 0)
            after.firstAcknowledgedAt = now;
        after.nextEscalationAt = 0;
        change.event = IncidentEventKind::Acknowledged;
        break;
    case Kind::Resolve:
    case Kind::AutoResolve:
        after.state = IncidentState::Resolved;
        after.resolvedAt = now;
        after.resolvedBy = actor;
        after.nextEscalationAt = 0;
        after.snoozedUntil = 0;
        change.event = IncidentEventKind::Resolved;
        if (!text.isEmpty())
            detail.insert(QStringLiteral("note"), text);
        if (kind == Kind::AutoResolve)
            detail.insert(QStringLiteral("auto"), true);
        break;
    case Kind::Snooze:
        if (until <= now)
            invalid(IncidentCommand::tr("snooze: %1 is not in the future").arg(isoTime(until)));
        after.snoozedUntil = until;
        after.nextEscalationAt = 0; // paused; expireIncidentSnoozes() resumes it
        change.event = IncidentEventKind::Snoozed;
        detail.insert(QStringLiteral("until"), until);
        break;
    case Kind::Note:
        if (text.trimmed().isEmpty())
            invalid(IncidentCommand::tr("note: the text is empty"));
        change.event = IncidentEventKind::Note;
        detail.insert(QStringLiteral("text"), text);
        break;
    case Kind::Reassign:
        after.assignee = text;
        change.event = IncidentEventKind::Reassigned;
        if (!before.assignee.isEmpty())
            detail.insert(QStringLiteral("from"), before.assignee);
        detail.insert(QStringLiteral("to"), text);
        break;
    case Kind::Escalate:
        after.nextEscalationAt = now;
        change.event = IncidentEventKind::Escalated;
        detail.insert(QStringLiteral("by_hand"), true);
        if (!before.escalationPolicy.isEmpty())
            detail.insert(QStringLiteral("policy"), before.escalationPolicy);
        break;
    case Kind::ReopenAckTimedOut:
        if (before.state != IncidentState::Acknowledged)
            invalid(IncidentCommand::tr("%1 is not acknowledged").arg(target));
        after.state = IncidentState::Triggered;
        after.acknowledgedAt = 0;
        after.acknowledgedBy.clear();
        resumeEscalation(after, now);
        change.event = IncidentEventKind::Reopened;
        detail.insert(QStringLiteral("reason"), QStringLiteral("ack_timeout"));
        detail.insert(QStringLiteral("acknowledged_by"), before.acknowledgedBy);
        detail.insert(QStringLiteral("acknowledged_at"), before.acknowledgedAt);
        break;
    case Kind::Unsnooze:
        after.snoozedUntil = 0;
        if (after.state == IncidentState::Triggered)
            resumeEscalation(after, now);
        change.event = IncidentEventKind::Unsnoozed;
        detail.insert(QStringLiteral("snoozed_until"), before.snoozedUntil);
        break;
    }
    change.eventDetail = json(detail);
    if (!change.auditAction.isEmpty()) {
        QJsonObject audit = detail;
        audit.insert(QStringLiteral("from"), incidentStateName(before.state));
        audit.insert(QStringLiteral("to"), incidentStateName(after.state));
        if (kind == Kind::Reassign) {
            audit.insert(QStringLiteral("from"), before.assignee);
            audit.insert(QStringLiteral("to"), text);
        }
        change.auditDetail = QString::fromUtf8(json(audit));
    }
    return change;
}

} // namespace vigia
