#include "model/escalationpolicy.h"

namespace vigia {

QString escalationRoleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Operator:
        return QStringLiteral("operator");
    case Role::Admin:
        break;
    }
    return QStringLiteral("admin");
}

bool escalationRoleFromName(const QString &name, Role *role)
{
    for (Role candidate : {Role::Viewer, Role::Operator, Role::Admin}) {
        if (escalationRoleName(candidate) == name) {
            *role = candidate;
            return true;
        }
    }
    return false;
}

QString escalationTargetKindName(EscalationTarget::Kind kind)
{
    switch (kind) {
    case EscalationTarget::Kind::Schedule:
        return QStringLiteral("schedule");
    case EscalationTarget::Kind::Role:
        return QStringLiteral("role");
    case EscalationTarget::Kind::User:
        break;
    }
    return QStringLiteral("user");
}

bool escalationTargetKindFromName(const QString &name, EscalationTarget::Kind *kind)
{
    for (auto candidate :
         {EscalationTarget::Kind::User, EscalationTarget::Kind::Schedule, EscalationTarget::Kind::Role}) {
        if (escalationTargetKindName(candidate) == name) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

} // namespace vigia
