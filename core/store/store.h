#pragma once

#include "model/declarations.h"
#include "model/escalationpolicy.h"
#include "model/incident.h"
#include "model/jobactivity.h"
#include "model/jobdef.h"
#include "model/node.h"
#include "model/oncallschedule.h"
#include "model/queue.h"
#include "model/rollup.h"
#include "model/run.h"
#include "model/user.h"
#include "notify/notificationdelivery.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <exception>
#include <memory>
#include <optional>

namespace vigia {

// Everything the store reports as failure; the message names what went wrong.
class StoreError : public std::exception {
public:
    enum class Kind {
        Failure,   // the database failed (I/O, lock, connection)
        NotFound,  // the named row does not exist
        Invalid,   // the request contradicts the data (wrong state, unknown queue)
        Schema,    // the schema is newer than this program or could not be migrated
        Forbidden, // the acting user may not do this (unknown, or a role below the one required)
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
    QString leaseOwner;   // empty: any; else only runs leased by this node
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

// What the escalator decided for one incident, written by Store::recordEscalation() in one transaction.
struct EscalationUpdate {
    qint64 incidentId = 0;
    // Guards: the incident must still be triggered, at this level, with this next escalation time (0: none).
    int expectedLevel = -1;
    qint64 expectedNextEscalationAt = 0;
    QString policy;
    int level = -1;
    int step = 0;  // for display: the policy step of `level`
    int round = 0; // and its pass
    qint64 levelStartedAt = 0;
    qint64 nextEscalationAt = 0; // 0: the chain has ended
    QVector<NotificationDelivery> deliveries;
    QVector<std::pair<IncidentEventKind, QByteArray>> events; // timeline rows (kind, JSON detail), engine's own
};

struct DeliveryFilter {
    qint64 incidentId = 0; // 0: all
    int limit = 100;       // newest first
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
    // enqueue() without the wake-up to other processes (see listenForWakes()): the caller takes the runs itself or
    // announces them with announce(). (Engine::enqueue() claims the runs it enqueued on the same connection, and a
    // notification that only wakes listeners would slow that claim down: on two cores, by half a millisecond.)
    virtual QVector<EnqueueResult> enqueueUnannounced(const QVector<NewRun> &runs, qint64 now)
    {
        return enqueue(runs, now);
    }
    // Wakes the other processes listening, as if runs had been enqueued to these queues.
    virtual void announce(const QStringList &queues) { Q_UNUSED(queues) }

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
    // Every attempt of a run in order, the successful last one included although it lives on the run row
    // (Completion::attemptOnRunRow(); the attempt_history view).
    virtual QVector<Attempt> attempts(qint64 runId) = 0;
    virtual QVector<Queue> queues() = 0;
    virtual std::optional<Queue> queue(const QString &name) = 0;
    virtual QVector<QueueStats> queueStats() = 0;
    virtual std::optional<JobDef> job(qint64 id) = 0;
    virtual std::optional<JobDef> jobByName(const QString &name) = 0;
    virtual QVector<JobDef> jobs() = 0; // by name
    // Changes whenever a job is added, edited or removed (not when the scheduler books a fire).
    virtual qint64 jobsRevision() = 0;
    // What the SLA monitor evaluates, for every job by id: its creation, its last success, its running runs and the
    // end states and durations of its newest `recentRuns` finished runs (newest first). A few statements whatever
    // the number of jobs, each reading only a job's newest runs (runs_job index); see model/jobactivity.h.
    virtual QVector<JobActivity> jobActivity(int recentRuns) = 0;
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
    // Jobs as code, one transaction: makes the database hold the declared queues, jobs, connections and users (matched
    // by name), creating and updating only what differs (compared as DeclarationPlan does; a changed schedule rule
    // forgets the next fire as upsertJob() does) and auditing each change (queue.create/update/delete, job.*,
    // connection.*, user.*). With `prune`, also deletes the queues (never "default"), jobs, connections and users not
    // declared; a deleted job's runs stay, with job_id set to NULL. Throws StoreError (Invalid), writing nothing, for
    // invalid declarations or when a queue to delete still has runs waiting, running or unhandled in the dead-letter
    // queue. With `dryRun`, computes the same result (and the same refusals) and writes nothing. Applying the same
    // declarations twice changes nothing the second time and writes no audit rows.
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

    // Named databases for `sql` jobs, declared by jobs as code (applyDeclarations), by name. A password is a
    // `${secret:NAME}` reference (or empty), never a value: the secret is read when a run executes.
    virtual QVector<Connection> connections() = 0;
    virtual std::optional<Connection> connection(const QString &name) = 0;

    // Users, by name. Roles are enforced by the incident commands below: acknowledge, resolve, snooze, escalate and
    // reassign need an operator or an admin; a note needs any known user (viewers included). While no user exists at
    // all (a single-user desktop), the OS user running this process acts as admin and anybody else is refused.
    virtual QVector<User> users() = 0;
    virtual std::optional<User> user(const QString &name) = 0;
    // Creates or replaces a user by name (audited user.save); throws StoreError (Invalid) for an empty name.
    virtual void upsertUser(const User &user, const Actor &actor, qint64 now) = 0;

    // Incidents. raiseIncident() opens one, or adds an occurrence (count, last seen, latest run and detail, and an
    // "occurrence" event) to the open incident with the same dedup key; one transaction.
    virtual IncidentTriggerResult raiseIncident(const IncidentTrigger &trigger, qint64 now) = 0;
    // Resolves the open incident with this key, if any (auto-resolve: no role check, no audit row; `actor` may be
    // empty for the engine). Returns whether one was resolved.
    virtual bool resolveIncidentByKey(const QString &dedupKey, const Actor &actor, const QString &note, qint64 now) = 0;
    virtual QVector<Incident> incidents(const IncidentFilter &filter) = 0; // newest first
    virtual std::optional<Incident> incident(qint64 id) = 0;
    virtual QVector<IncidentEvent> incidentEvents(qint64 incidentId) = 0; // oldest first

    // Operator commands on one incident, each in one transaction with its timeline event and its audit row
    // (incident.ack, incident.resolve, ...). Throws StoreError: NotFound for an unknown id, Forbidden (writing
    // nothing) when the actor's role does not allow it, Invalid for a command the state forbids (acknowledging a
    // resolved incident, snoozing into the past, reassigning to an unknown user).
    // Acknowledging stops escalation (next_escalation_at cleared); resolving clears it too.
    virtual void acknowledgeIncident(qint64 id, const Actor &actor, qint64 now) = 0;
    virtual void resolveIncident(qint64 id, const Actor &actor, const QString &note, qint64 now) = 0;
    // Nobody is paged until `until`; the snooze expires by expireIncidentSnoozes().
    virtual void snoozeIncident(qint64 id, qint64 until, const Actor &actor, qint64 now) = 0;
    virtual void addIncidentNote(qint64 id, const QString &text, const Actor &actor, qint64 now) = 0;
    virtual void reassignIncident(qint64 id, const QString &assignee, const Actor &actor, qint64 now) = 0;
    // Escalate by hand: next_escalation_at = now and an "escalated" event; the escalator runs the next step.
    virtual void escalateIncident(qint64 id, const Actor &actor, qint64 now) = 0;
    // Leader housekeeping, one transaction each; return the incidents changed. Acknowledged incidents not resolved
    // within `ackTimeoutMs` of their acknowledgement go back to triggered ("reopened"; escalation resumes when the
    // incident has a policy); snoozes whose time has come end ("unsnoozed"; likewise).
    virtual QVector<qint64> reopenAckTimedOut(qint64 ackTimeoutMs, qint64 now) = 0;
    virtual QVector<qint64> expireIncidentSnoozes(qint64 now) = 0;
    // MTTA / MTTR over incidents created at or after `since` (see computeIncidentStats()).
    virtual QVector<IncidentStats> incidentStats(IncidentStatsGroup group, qint64 since) = 0;

    // Named positions in the database for leader duties that follow what happened (e.g. the incident watcher's last
    // processed finish time). 0 when never set.
    virtual qint64 watermark(const QString &name) = 0;
    virtual void setWatermark(const QString &name, qint64 value) = 0;
    // Runs that went dead with finished_at in (after, upTo], oldest first.
    virtual QVector<Run> deadRunsBetween(qint64 after, qint64 upTo, int limit) = 0;
    // Failed or timed-out attempts of `kind` runs that finished in (after, upTo], oldest first, with their runs.
    virtual QVector<std::pair<Attempt, Run>> failedAttemptsBetween(const QString &kind, qint64 after, qint64 upTo,
                                                                   int limit) = 0;
    // Whether a run of the job with an id of at least `fromRunId` succeeded, finishing after `finishedAfter` (the job
    // recovered).
    virtual bool jobSucceededAfter(qint64 jobId, qint64 fromRunId, qint64 finishedAfter) = 0;

    // ---- On-call (migration 8). Schedules and escalation policies are written by applyDeclarations(); by name.
    virtual QVector<OnCallSchedule> onCallSchedules() = 0;
    virtual QVector<EscalationPolicy> escalationPolicies() = 0;
    // Triggered, unsnoozed incidents whose next escalation is due at `now`, oldest first; with `adoptUnassigned`
    // also those that never escalated and have no policy (the engine's default policy takes them).
    virtual QVector<Incident> escalationsDue(qint64 now, bool adoptUnassigned, int limit) = 0;
    // Moves the incident to its new level and writes its deliveries and timeline rows, in one transaction. Returns
    // false, writing nothing, when the guards fail (acknowledged, resolved, snoozed or advanced meanwhile).
    virtual bool recordEscalation(const EscalationUpdate &update, qint64 now) = 0;
    virtual QVector<NotificationDelivery> deliveries(const DeliveryFilter &filter) = 0;
    // Pending deliveries due at `now`, oldest first, each leased until `leaseUntil` (its next attempt moves there),
    // so that two senders never take the same delivery while one is in flight.
    virtual QVector<NotificationDelivery> claimDueDeliveries(qint64 now, qint64 leaseUntil, int limit) = 0;
    // The earliest next attempt of a pending delivery; 0 when none waits.
    virtual qint64 nextDeliveryDueAt() = 0;
    // Saves an attempt's outcome (status, attempts, error, next attempt, finish); a final outcome (sent, failed)
    // also adds a "notified" row to the incident's timeline.
    virtual void recordDeliveryAttempt(const NotificationDelivery &delivery, qint64 now) = 0;

    // Retention, for the leader's Pruner, in transactions of policy.batchSize runs each so that claims wait little:
    // first rolls every run that reached a final state since the last call into run_rollups, exactly once (a
    // watermark on the runs' finished_seq follows what was rolled up), then deletes (with their attempts) the
    // rolled-up succeeded and cancelled runs that finished before now - succeededAgeMs and the dead runs replayed or
    // discarded before now - deadAgeMs. Dead runs still unhandled in the dead-letter queue are never deleted.
    virtual RetentionResult rollupAndPrune(qint64 now, const RetentionPolicy &policy) = 0;
    // The rolled-up history for charts and `stats`: rows of the filter's period, job and queue, merged per group.
    virtual QVector<RollupStats> rollups(const RollupFilter &filter) = 0;

    // ---- Wake-ups: other processes announce the queues they enqueued to (PostgreSQL LISTEN/NOTIFY, sent by
    // enqueue() in the same statement). A store without them returns false from listenForWakes() and the engine
    // only polls. After listenForWakes() this connection belongs to the listener: use it for nothing else.
    virtual bool listenForWakes() { return false; }
    // The connection's socket: readable when a wake-up (or the end of the connection) may have arrived; -1 if none.
    virtual int wakeSocket() const { return -1; }
    // The queues announced since the last call, without waiting (a queue may repeat). Throws StoreError (Failure)
    // when the connection broke: open a new store and listen again.
    virtual QStringList takeWakes() { return {}; }
};

} // namespace vigia
