#pragma once

#include "model/connection.h"
#include "model/escalationpolicy.h"
#include "model/jobdef.h"
#include "model/oncallschedule.h"
#include "model/queue.h"
#include "model/user.h"

#include <QStringList>
#include <QVector>

namespace vigia {

// Queues, jobs, on-call schedules, escalation policies, connections and users as a file declares them (jobs as code):
// what `apply` makes the database hold. Every member has a default initializer, so that code naming only the first few
// stays warning-free.
struct Declarations {
    QVector<Queue> queues{};
    QVector<JobDef> jobs{};
    QVector<OnCallSchedule> schedules{};
    QVector<EscalationPolicy> escalationPolicies{};
    QVector<Connection> connections{};
    QVector<User> users{};
};

// What applying declarations did (or, in a dry run, would do) to one queue or job.
struct DeclarationChange {
    enum class Object {
        Queue,
        Job,
        Schedule,
        EscalationPolicy,
        Connection,
        User
    };
    enum class Action {
        Create,
        Update,
        Unchanged,
        Delete
    };
    Object object = Object::Job;
    Action action = Action::Unchanged;
    QString name;
    QStringList fields; // for Update: the changed fields, named as in the file (e.g. "schedule.cron", "timeout")

    friend bool operator==(const DeclarationChange &a, const DeclarationChange &b)
    {
        return a.object == b.object && a.action == b.action && a.name == b.name && a.fields == b.fields;
    }
};

struct ApplyResult {
    bool dryRun = false;
    // Every declared object, and with prune every deleted one: queues by name, then jobs, connections, users. Objects
    // the file does not declare and that stay are not listed.
    QVector<DeclarationChange> changes;

    int count(DeclarationChange::Action action) const;
    bool hasChanges() const { return count(DeclarationChange::Action::Unchanged) != changes.size(); }
};

// "queue", "job", "schedule", "escalation_policy", "connection", "user"
QString declarationObjectName(DeclarationChange::Object object);
QString declarationActionName(DeclarationChange::Action action); // "create", "update", "unchanged", "delete"

} // namespace vigia
