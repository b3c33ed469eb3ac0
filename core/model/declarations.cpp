#include "model/declarations.h"

#include <algorithm>

namespace vigia {

int ApplyResult::count(DeclarationChange::Action action) const
{
    return int(std::count_if(changes.cbegin(), changes.cend(),
                             [action](const DeclarationChange &change) { return change.action == action; }));
}

QString declarationObjectName(DeclarationChange::Object object)
{
    switch (object) {
    case DeclarationChange::Object::Queue:
        return QStringLiteral("queue");
    case DeclarationChange::Object::Schedule:
        return QStringLiteral("schedule");
    case DeclarationChange::Object::EscalationPolicy:
        return QStringLiteral("escalation_policy");
    case DeclarationChange::Object::Job:
        break;
    case DeclarationChange::Object::Connection:
        return QStringLiteral("connection");
    case DeclarationChange::Object::User:
        return QStringLiteral("user");
    }
    return QStringLiteral("job");
}

QString declarationActionName(DeclarationChange::Action action)
{
    switch (action) {
    case DeclarationChange::Action::Create:
        return QStringLiteral("create");
    case DeclarationChange::Action::Update:
        return QStringLiteral("update");
    case DeclarationChange::Action::Unchanged:
        break;
    case DeclarationChange::Action::Delete:
        return QStringLiteral("delete");
    }
    return QStringLiteral("unchanged");
}

} // namespace vigia
