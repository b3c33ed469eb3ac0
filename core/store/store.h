#pragma once

#include "model/declarations.h"
#include "model/jobdef.h"
#include "model/node.h"
#include "model/queue.h"
#include "model/run.h"

#include <QString>
#include <QVector>

#include <exception>
#include <memory>
#include <optional>

namespace vigia {

// Everything the store reports as failure; the message names what went wrong.
class StoreError : public std::exception {
public:
    enum class Kind {
        Failure,  // the database failed (I/O, lock, connection)
        NotFound, // the named row does not exist
        Invalid,  // the request contradicts the data (wrong state, unknown queue)
        Schema,   // the schema is newer than this program or could not be migrated
    };
    explicit StoreError(QString message, Kind kind = Kind::Failure)
        : m_message(std::move(message))
        , m_utf8(m_message.toUtf8())
        , m_kind(kind)
    {}
    const char *what() const noexcept override { return m_utf8.constData(); }
    QString message() const { return m_message; }
    Kind kind() const { return m_kind; }

private:
    QString m_message;
    QByteArray m_utf8;
    Kind m_kind;
};

struct RunFilter {
    std::optional<RunState> state;
    bool dlqOnly = false; // dead runs not yet replayed or discarded: the dead-letter queue
    QString queue;        // empty: all
    qint64 beforeId = 0;  // paging: only ids below this (0: from the newest)
    int limit = 100;
};

// The dispatcher's request for work: how many runs it can take now.
struct ClaimRequest {
    QString node;
    int maxRuns = 0;
    qint64 now = 0;
    qint64 leaseExpiresAt = 0;
    // Make scheduled and retryable runs that are due available first. The dispatcher skips it while it knows that
    // nothing is due, which saves a statement on every busy pass.
    bool promote = true;
    // PostgreSQL: a transaction that only claims commits without waiting for its WAL flush. A claim lost in a server
    // crash puts its runs back to available (they may run twice, as after a node crash); every completion and
    // enqueue still waits for the flush, which also makes every earlier claim durable.
    bool asyncClaims = false;
};

struct ExchangeResult {
    QVector<qint64> finished; // completions applied (a completion whose guard failed is left out)
    QVector<Run> claimed;     // in claim order: priority, scheduled_at, id
};

// Who did an operator action, for the audit log written in the same transaction.
struct Actor {
    QString name;
};

struct AuditEntry {
    qint64 id = 0;
    qint64 at = 0;
    QString actor;
    QString action; // e.g. dlq.replay, queue.pause
    QString target; // e.g. run:42, queue:default
    QString detail; // JSON text, may be empty
};

// The only place that knows SQL. One instance per thread (a database connection is not shared between threads);
// open one with openStore() in the thread that uses it.
class Store {
public:
    virtual ~Store() = default;

    virtual QString backend() const = 0; // "sqlite" or "postgres"

    // Schema. Opening a store never migrates by itself; callers decide (the CLI's `migrate`, an engine on start).
    virtual int schemaVersion() = 0;
    virtual int latestSchemaVersion() const = 0;
    virtual void migrate() = 0;

    // Enqueue in one transaction; a duplicate unique key is reported, not inserted.
    virtual QVector<EnqueueResult> enqueue(const QVector<NewRun> &runs, qint64 now) = 0;

    // The dispatcher's hot path, one transaction: apply completions, make due scheduled/retryable runs available
    // (when request.promote), then claim up to request.maxRuns runs honouring each queue's concurrency and pause across
    // all nodes.
    virtual ExchangeResult exchange(const QVector<Completion> &completions, const ClaimRequest &request) = 0;
    // Earliest scheduled_at of scheduled or retryable runs, 0 when none: when the dispatcher must look again.
    virtual qint64 nextDueAt() = 0;
    // Keeps this node's running runs leased; returns ids of its runs an operator asked to cancel.
    virtual QVector<qint64> renewLeases(const QString &node, qint64 leaseExpiresAt) = 0;
    // Running runs whose lease expired before `now` (their node died or hung).
    virtual QVector<Run> expiredLeases(qint64 now, int limit) = 0;

    // Queries.
    virtual std::optional<Run> run(qint64 id) = 0;
    virtual QVector<Run> runs(const RunFilter &filter) = 0;
    virtual QVector<Attempt> attempts(qint64 runId) = 0;
    virtual QVector<Queue> queues() = 0;
    virtual std::optional<Queue> queue(const QString &name) = 0;
    virtual QVector<QueueStats> queueStats() = 0;
    virtual std::optional<JobDef> job(qint64 id) = 0;
    virtual std::optional<JobDef> jobByName(const QString &name) = 0;
    virtual QVector<JobDef> jobs() = 0; // by name
    // Changes whenever a job is added, edited or removed (not when the scheduler books a fire).
    virtual qint64 jobsRevision() = 0;
    // Newest first.
    virtual QVector<AuditEntry> auditLog(int limit) = 0;

    // Operator commands; each writes its audit row in the same transaction.
    enum class CancelResult {
        Cancelled,
        CancelRequested
    };
    virtual CancelResult cancel(qint64 runId, const Actor &actor, qint64 now) = 0;
    virtual qint64 replay(qint64 deadRunId, const Actor &actor, qint64 now) = 0;
    virtual QVector<qint64> replayAll(const QString &queue, const Actor &actor, qint64 now) = 0;
    virtual void discard(qint64 deadRunId, const Actor &actor, qint64 now) = 0;
    virtual void ensureQueue(const Queue &queue, const Actor &actor, qint64 now) = 0;
    virtual void setQueuePaused(const QString &name, bool paused, const Actor &actor, qint64 now) = 0;
    virtual void setQueueConcurrency(const QString &name, int concurrency, const Actor &actor, qint64 now) = 0;
    // Creates or updates a job by name; a changed schedule makes the scheduler compute its next fire afresh.
    virtual qint64 upsertJob(const JobDef &job, const Actor &actor, qint64 now) = 0;
    virtual void setJobPaused(const QString &name, bool paused, const Actor &actor, qint64 now) = 0;
    virtual void postponeJob(const QString &name, qint64 until, const Actor &actor, qint64 now) = 0;
    // Jobs as code, one transaction: makes the database hold the declared queues and jobs (matched by name), creating
    // and updating only what differs (compared as DeclarationPlan does; a changed schedule rule forgets the next fire
    // as upsertJob() does) and auditing each change (queue.create/update/delete, job.create/update/delete). With
    // `prune`, also deletes the queues (never "default") and jobs not declared; a deleted job's runs stay, with
    // job_id set to NULL. Throws StoreError (Invalid), writing nothing, for invalid declarations or when a queue to
    // delete still has runs waiting, running or unhandled in the dead-letter queue. With `dryRun`, computes the
    // same result (and the same refusals) and writes nothing. Applying the same declarations twice changes nothing
    // the second time and writes no audit rows.
    virtual ApplyResult applyDeclarations(const Declarations &declarations, bool prune, bool dryRun, const Actor &actor,
                                          qint64 now) = 0;

    // The scheduler's booking, one transaction: enqueue the fires' runs (a unique key makes a fire enqueue once)
    // and move the job's next fire from `expectedNextFireAt` to `nextFireAt`. Returns false, writing nothing, when
    // another scheduler moved it first.
    virtual bool recordFires(qint64 jobId, qint64 expectedNextFireAt, qint64 nextFireAt, const QVector<NewRun> &runs,
                             qint64 now) = 0;

    // Nodes: each engine registers itself (insert or replace by id) and heartbeats its row.
    virtual void registerNode(const NodeInfo &node) = 0;
    virtual void heartbeatNode(const QString &id, const QString &state, qint64 now) = 0;
    virtual QVector<NodeInfo> nodes() = 0; // by id

    // Leadership, by compare-and-set on one lease row: `node` takes the lease when nobody holds it, it expired before
    // `now`, or `node` already holds it (a renewal), and then holds it until `expiresAt`. Returns whether `node` holds
    // it now.
    virtual bool acquireLeadership(const QString &node, qint64 now, qint64 expiresAt) = 0;
    // Gives the lease up if `node` holds it, so another node can take it at once.
    virtual void releaseLeadership(const QString &node) = 0;
    virtual LeaderLease leaderLease() = 0;
};

} // namespace vigia
