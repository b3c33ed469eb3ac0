#pragma once

#include "model/user.h"

#include <QString>
#include <QVector>

namespace vigia {

// Who one escalation step pages: a user, whoever is on call for a schedule at that moment, or everyone with a role.
struct EscalationTarget {
    enum class Kind {
        User,
        Schedule,
        Role
    };
    Kind kind = Kind::User;
    QString name; // user or schedule name
    Role role = Role::Admin;

    bool operator==(const EscalationTarget &other) const
    {
        return kind == other.kind && name == other.name && (kind != Kind::Role || role == other.role);
    }
};

// A step notifies its targets, then waits `delayMs` for an acknowledgement before the next step.
struct EscalationStep {
    qint64 delayMs = 15 * 60'000;
    QVector<EscalationTarget> targets;
};

// Ordered steps, run through 1 + `repeat` times; when the last step's delay passes with no acknowledgement,
// everyone with `finalRole` is notified and escalation ends.
struct EscalationPolicy {
    QString name; // unique
    QString description;
    QVector<EscalationStep> steps;
    int repeat = 0;
    Role finalRole = Role::Admin;
};

// How configuration and stores spell roles and target kinds: viewer/operator/admin, user/schedule/role.
QString escalationRoleName(Role role);
bool escalationRoleFromName(const QString &name, Role *role);
QString escalationTargetKindName(EscalationTarget::Kind kind);
bool escalationTargetKindFromName(const QString &name, EscalationTarget::Kind *kind);

} // namespace vigia
