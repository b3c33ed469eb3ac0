// SqliteStore: jobs as code. Declarations are compared with the database by DeclarationPlan (shared with every
// backend) and written in one transaction with one audit row per change.
#include "store/declarationplan.h"
#include "store/oncallplan.h"
#include "store/sqlitestore.h"
#include "store/sqlitetransaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

void SqliteStore::refuseBusyQueueDeletions(const QVector<Queue> &queues)
{
    if (queues.isEmpty())
        return;
    QHash<QString, QueueStats> stats;
    for (const QueueStats &s : queueStats())
        stats.insert(s.name, s);
    QStringList refusals;
    for (const Queue &queue : queues) {
        const QueueStats s = stats.value(queue.name);
        const qint64 waiting = s.available + s.scheduled + s.retryable + s.running;
        // Unhandled dead runs count too: a replay would land in a queue that no longer exists.
        if (waiting > 0 || s.dead > 0) {
            refusals << SqliteStore::tr("queue \"%1\" (%2 runs waiting or running, %3 dead runs not yet handled)")
                            .arg(queue.name)
                            .arg(waiting)
                            .arg(s.dead);
        }
    }
    if (!refusals.isEmpty()) {
        throw StoreError(SqliteStore::tr("--prune cannot delete %1: let the runs finish or cancel them, replay or "
                                         "discard the dead ones, or keep declaring the queue; nothing was written")
                             .arg(refusals.join(QLatin1String(", "))),
                         StoreError::Kind::Invalid);
    }
}

ApplyResult SqliteStore::applyDeclarations(const Declarations &declarations, bool prune, bool dryRun,
                                           const Actor &actor, qint64 now)
{
    // The plan is made inside the write transaction, so that nothing changes between comparing and writing. A dry
    // run takes the same path and rolls back.
    SqliteWriteTransaction tx(*this);
    Declarations current;
    current.queues = queues();
    current.jobs = jobs();
    current.connections = connections();
    current.users = users();
    DeclarationPlan plan = DeclarationPlan::make(declarations, current, prune);
    const OnCallPlan onCall =
        OnCallPlan::make(declarations, current.jobs, onCallSchedules(), escalationPolicies(), prune);
    plan.result.changes += onCall.changes;
    plan.result.dryRun = dryRun;
    refuseBusyQueueDeletions(plan.queues.remove);
    if (dryRun)
        return plan.result;

    for (const Queue &queue : std::as_const(plan.queues.create)) {
        exec(QStringLiteral("INSERT INTO queues (name, concurrency, paused, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?)"),
             {queue.name, queue.concurrency, queue.paused ? 1 : 0, now, now});
        audit(actor, now, QStringLiteral("queue.create"), u"queue:" + queue.name,
              compactJson({{QStringLiteral("concurrency"), queue.concurrency},
                           {QStringLiteral("paused"), queue.paused},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const Queue &queue : std::as_const(plan.queues.update)) {
        exec(QStringLiteral("UPDATE queues SET concurrency = ?, paused = ?, updated_at = ? WHERE name = ?"),
             {queue.concurrency, queue.paused ? 1 : 0, now, queue.name});
        const QString target = u"queue:" + queue.name;
        audit(actor, now, QStringLiteral("queue.update"), target,
              compactJson({{QStringLiteral("fields"), QJsonArray::fromStringList(plan.updatedFields(target))},
                           {QStringLiteral("concurrency"), queue.concurrency},
                           {QStringLiteral("paused"), queue.paused},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const JobDef &job : std::as_const(plan.jobs.create)) {
        writeJob(job, now);
        audit(actor, now, QStringLiteral("job.create"), u"job:" + job.name,
              compactJson({{QStringLiteral("queue"), job.queue},
                           {QStringLiteral("kind"), job.kind},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const JobDef &job : std::as_const(plan.jobs.update)) {
        // The same statement as upsertJob(): a changed schedule rule forgets the next fire the scheduler waited for.
        writeJob(job, now);
        const QString target = u"job:" + job.name;
        audit(actor, now, QStringLiteral("job.update"), target,
              compactJson({{QStringLiteral("fields"), QJsonArray::fromStringList(plan.updatedFields(target))},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const JobDef &job : std::as_const(plan.jobs.remove)) {
        // Past runs stay, unlinked: SQLite may give a later job the same id, which must not inherit them.
        QSqlQuery detach = exec(QStringLiteral("UPDATE runs SET job_id = NULL WHERE job_id = ?"), {job.id});
        const int detached = detach.numRowsAffected();
        detach.finish();
        exec(QStringLiteral("UPDATE incidents SET job_id = NULL WHERE job_id = ?"), {job.id});
        exec(QStringLiteral("DELETE FROM jobs WHERE id = ?"), {job.id});
        audit(actor, now, QStringLiteral("job.delete"), u"job:" + job.name,
              compactJson({{QStringLiteral("id"), job.id},
                           {QStringLiteral("runs_unlinked"), detached},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    writeConnections(plan.connections, plan, actor, now);
    writeUsers(plan.users, plan, actor, now);
    for (const Queue &queue : std::as_const(plan.queues.remove)) {
        exec(QStringLiteral("DELETE FROM queues WHERE name = ?"), {queue.name});
        audit(actor, now, QStringLiteral("queue.delete"), u"queue:" + queue.name,
              compactJson({{QStringLiteral("concurrency"), queue.concurrency},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    writeOnCallPlan(onCall, actor, now);
    tx.commit();
    return plan.result;
}

} // namespace vigia
