#pragma once

#include "model/declarations.h"

#include <QCoreApplication>

namespace vigia {

// What applying declarations does to one kind of object, matched by name.
template <typename T> struct NamedPlan {
    QVector<T> create;                  // by name
    QVector<T> update;                  // as declared, by name, keeping what the database identifies it by (a job's id)
    QVector<T> remove;                  // as the database holds them (ids included), only with prune
    QVector<DeclarationChange> changes; // every declared object and every removed one, by name
};

// The backend-independent half of Store::applyDeclarations(): checks the declarations and compares them with what the
// database holds, so that every backend creates, updates and deletes exactly the same things. The backend reads the
// current objects inside its write transaction, asks for the plan, refuses queue deletions it cannot make (runs
// still waiting), and writes.
struct DeclarationPlan {
    Q_DECLARE_TR_FUNCTIONS(DeclarationPlan)

public:
    ApplyResult result; // every declared (and, with prune, deleted) object, with what happens to it

    NamedPlan<Queue> queues;
    NamedPlan<JobDef> jobs;
    NamedPlan<Connection> connections;
    NamedPlan<User> users;

    // Throws StoreError (Invalid) for declarations no database may hold: an empty or duplicate name, a concurrency
    // below 1, attempts outside 1-1000, a schedule that does not compile, a job in a queue that will not exist, a
    // connection with a literal password, a user in an unknown time zone. The "default" queue is never deleted.
    // With prune, only the sections `declarations` declares lose what they do not list; a queue or connection that a
    // staying job still uses is not deleted (StoreError Invalid).
    static DeclarationPlan make(const Declarations &declarations, const Declarations &current, bool prune);

    // The fields that differ, named as in the jobs-as-code file ("spec", "retry.base", "schedule.cron", ...).
    // Payloads compare as JSON, not as text; the schedule's details do not count while neither side is scheduled.
    static QStringList changedFields(const JobDef &current, const JobDef &declared);
    static QStringList changedFields(const Queue &current, const Queue &declared);
    static QStringList changedFields(const Connection &current, const Connection &declared);
    static QStringList changedFields(const User &current, const User &declared);

    // The changed fields of each update, keyed "queue:NAME", "job:NAME", ...: what the audit rows record.
    QStringList updatedFields(const QString &target) const;
};

} // namespace vigia
