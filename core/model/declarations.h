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
    // The top-level sections of a jobs-as-code file. With prune, each section the file names (even as an empty list,
    // `users: []`) is made to hold exactly what it declares; a section the file leaves out is not touched, so that a
    // file of jobs only cannot delete every user.
    enum Section : unsigned {
        Queues = 1u << 0,
        Jobs = 1u << 1,
        Schedules = 1u << 2,
        EscalationPolicies = 1u << 3,
        Connections = 1u << 4,
        Users = 1u << 5,
        AllSections = (1u << 6) - 1
    };

    QVector<Queue> queues{};
    QVector<JobDef> jobs{};
    QVector<OnCallSchedule> schedules{};
    QVector<EscalationPolicy> escalationPolicies{};
    QVector<Connection> connections{};
    QVector<User> users{};
    unsigned sections = AllSections; // the sections declared; the parser sets those the file names

    bool declares(Section section) const { return (sections & section) != 0; }
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
