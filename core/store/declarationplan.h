#pragma once

#include "model/declarations.h"

#include <QCoreApplication>

namespace vigia {

// The backend-independent half of Store::applyDeclarations(): checks the declarations and compares them with what the
// database holds, so that every backend creates, updates and deletes exactly the same things. The backend reads the
// current queues and jobs inside its write transaction, asks for the plan, refuses queue deletions it cannot make
// (runs still waiting), and writes.
struct DeclarationPlan {
    Q_DECLARE_TR_FUNCTIONS(DeclarationPlan)

public:
    ApplyResult result; // every declared (and, with prune, deleted) queue and job, with what happens to it

    QVector<Queue> queuesToCreate;
    QVector<Queue> queuesToUpdate;
    QVector<Queue> queuesToDelete;
    QVector<JobDef> jobsToCreate;
    QVector<JobDef> jobsToUpdate;
    QVector<JobDef> jobsToDelete; // as the database holds them, ids included

    // Throws StoreError (Invalid) for declarations no database may hold: an empty or duplicate name, a concurrency
    // below 1, attempts outside 1-1000, a schedule that does not compile, a job in a queue that will not exist.
    // The "default" queue is never deleted.
    static DeclarationPlan make(const Declarations &declarations, const QVector<Queue> &currentQueues,
                                const QVector<JobDef> &currentJobs, bool prune);

    // The fields that differ, named as in the jobs-as-code file ("spec", "retry.base", "schedule.cron", ...).
    // Payloads compare as JSON, not as text; the schedule's details do not count while neither side is scheduled.
    static QStringList changedFields(const JobDef &current, const JobDef &declared);
    static QStringList changedFields(const Queue &current, const Queue &declared);
};

} // namespace vigia
