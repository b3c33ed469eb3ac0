// PostgresStore: jobs as code. Declarations are compared with the database by DeclarationPlan (shared with every
// backend, see sqliteapply.cpp) and written in one transaction with one audit row per change.
#include "store/declarationplan.h"
#include "store/oncallplan.h"
#include "store/postgressession.h"
#include "store/postgresstore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
// pg_advisory_xact_lock key taken by applyDeclarations(): two applies (from two nodes or two terminals) run one
// after the other, so that each plans against what the other wrote.
constexpr long long ApplyLockKey = 0x5669676961'4170; // "Vigia" "Ap"

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

void PostgresStore::refuseBusyQueueDeletions(pqxx::transaction_base &tx, const QVector<Queue> &queues)
{
    if (queues.isEmpty())
        return;
    PgArray names;
    for (const Queue &queue : queues)
        names.add(queue.name);
    // The queue rows are locked first: a claim (which locks its queue's row) cannot start on them meanwhile.
    tx.exec_params("SELECT name FROM queues WHERE name = ANY ($1::text[]) ORDER BY name FOR UPDATE", names.str());
    const pqxx::result counts =
        tx.exec_params("SELECT queue, count(*) FILTER (WHERE state IN ('scheduled', 'available', 'retryable', "
                       "'running')), count(*) FILTER (WHERE state = 'dead' AND dlq_handling IS NULL) FROM runs "
                       "WHERE queue = ANY ($1::text[]) AND (state IN ('scheduled', 'available', 'retryable', "
                       "'running') OR (state = 'dead' AND dlq_handling IS NULL)) GROUP BY queue ORDER BY queue",
                       names.str());
    QStringList refusals;
    for (const pqxx::row &row : counts) {
        const qint64 waiting = qtInt(row[1]);
        const qint64 dead = qtInt(row[2]);
        // Unhandled dead runs count too: a replay would land in a queue that no longer exists.
        if (waiting > 0 || dead > 0) {
            refusals << PostgresStore::tr("queue \"%1\" (%2 runs waiting or running, %3 dead runs not yet handled)")
                            .arg(qtText(row[0]))
                            .arg(waiting)
                            .arg(dead);
        }
    }
    if (!refusals.isEmpty()) {
        throw StoreError(PostgresStore::tr("--prune cannot delete %1: let the runs finish or cancel them, replay or "
                                           "discard the dead ones, or keep declaring the queue; nothing was written")
                             .arg(refusals.join(QLatin1String(", "))),
                         StoreError::Kind::Invalid);
    }
}

ApplyResult PostgresStore::applyDeclarations(const Declarations &declarations, bool prune, bool dryRun,
                                             const Actor &actor, qint64 now)
{
    return guarded("apply", [&] {
        // The plan is made inside the write transaction, so that nothing changes between comparing and writing. A
        // dry run takes the same path and rolls back (the transaction is never committed).
        pqxx::work tx(m_session->connection);
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", ApplyLockKey);
        Declarations current;
        current.queues = selectQueues(tx);
        current.jobs = selectJobs(tx, "ORDER BY name", std::nullopt);
        current.connections = selectConnections(tx, "ORDER BY name", std::nullopt);
        current.users = selectUsers(tx, "ORDER BY name", std::nullopt);
        DeclarationPlan plan = DeclarationPlan::make(declarations, current, prune);
        const OnCallPlan onCall = OnCallPlan::make(declarations, current.jobs, selectOnCallSchedules(tx),
                                                   selectEscalationPolicies(tx), prune);
        plan.result.changes += onCall.changes;
        plan.result.dryRun = dryRun;
        refuseBusyQueueDeletions(tx, plan.queues.remove);
        if (dryRun)
            return plan.result;

        for (const Queue &queue : std::as_const(plan.queues.create)) {
            tx.exec_params("INSERT INTO queues (name, concurrency, paused, created_at, updated_at) "
                           "VALUES ($1, $2, $3, $4, $4)",
                           pgText(queue.name), queue.concurrency, queue.paused, now);
            audit(tx, actor, now, QStringLiteral("queue.create"), u"queue:" + queue.name,
                  compactJson({{QStringLiteral("concurrency"), queue.concurrency},
                               {QStringLiteral("paused"), queue.paused},
                               {QStringLiteral("via"), QStringLiteral("apply")}}));
        }
        for (const Queue &queue : std::as_const(plan.queues.update)) {
            tx.exec_params("UPDATE queues SET concurrency = $1, paused = $2, updated_at = $3 WHERE name = $4",
                           queue.concurrency, queue.paused, now, pgText(queue.name));
            const QString target = u"queue:" + queue.name;
            audit(tx, actor, now, QStringLiteral("queue.update"), target,
                  compactJson({{QStringLiteral("fields"), QJsonArray::fromStringList(plan.updatedFields(target))},
                               {QStringLiteral("concurrency"), queue.concurrency},
                               {QStringLiteral("paused"), queue.paused},
                               {QStringLiteral("via"), QStringLiteral("apply")}}));
        }
        for (const JobDef &job : std::as_const(plan.jobs.create)) {
            writeJob(tx, job, now);
            audit(tx, actor, now, QStringLiteral("job.create"), u"job:" + job.name,
                  compactJson({{QStringLiteral("queue"), job.queue},
                               {QStringLiteral("kind"), job.kind},
                               {QStringLiteral("via"), QStringLiteral("apply")}}));
        }
        for (const JobDef &job : std::as_const(plan.jobs.update)) {
            // The same statement as upsertJob(): a changed schedule rule forgets the next fire the scheduler waited
            // for.
            writeJob(tx, job, now);
            const QString target = u"job:" + job.name;
            audit(tx, actor, now, QStringLiteral("job.update"), target,
                  compactJson({{QStringLiteral("fields"), QJsonArray::fromStringList(plan.updatedFields(target))},
                               {QStringLiteral("via"), QStringLiteral("apply")}}));
        }
        for (const JobDef &job : std::as_const(plan.jobs.remove)) {
            // Past runs stay, unlinked, as on SQLite.
            const pqxx::result detached = tx.exec_params("UPDATE runs SET job_id = NULL WHERE job_id = $1", job.id);
            tx.exec_params("UPDATE incidents SET job_id = NULL WHERE job_id = $1", job.id);
            tx.exec_params("DELETE FROM jobs WHERE id = $1", job.id);
            audit(tx, actor, now, QStringLiteral("job.delete"), u"job:" + job.name,
                  compactJson({{QStringLiteral("id"), job.id},
                               {QStringLiteral("runs_unlinked"), int(detached.affected_rows())},
                               {QStringLiteral("via"), QStringLiteral("apply")}}));
        }
        writeConnections(tx, plan.connections, plan, actor, now);
        writeUsers(tx, plan.users, plan, actor, now);
        for (const Queue &queue : std::as_const(plan.queues.remove)) {
            tx.exec_params("DELETE FROM queues WHERE name = $1", pgText(queue.name));
            audit(tx, actor, now, QStringLiteral("queue.delete"), u"queue:" + queue.name,
                  compactJson({{QStringLiteral("concurrency"), queue.concurrency},
                               {QStringLiteral("via"), QStringLiteral("apply")}}));
        }
        writeOnCallPlan(tx, onCall, actor, now);
        tx.commit();
        return plan.result;
    });
}

} // namespace vigia
