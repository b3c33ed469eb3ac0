#pragma once

#include "store/declarationplan.h"
#include "store/store.h"

#include <QCoreApplication>

#include <memory>
#include <optional>
#include <string>

namespace pqxx {
class transaction_base;
}

namespace vigia {

struct PostgresSession;
struct IncidentCommand;
struct OnCallPlan;
class PostgresWakeReceiver;

// Store on a PostgreSQL database through libpqxx, one connection per instance: the cluster's shared engine. Claims
// skip rows other transactions hold (FOR UPDATE SKIP LOCKED) and take the queue's row lock while they count its free
// slots, so concurrency and pause hold across every node. The password comes from PGPASSWORD, ~/.pgpass or the secret
// store, never from the URL itself. After the connection broke, every operation throws StoreError (Failure) until one
// finds the server back: it reconnects by itself, so a caller only has to try again later.
class PostgresStore final : public Store {
    Q_DECLARE_TR_FUNCTIONS(PostgresStore)

public:
    // Connects to `url` (postgresql://user@host:port/db?sslmode=...); throws StoreError when it cannot. `password`,
    // when given, is passed to libpq apart from the URL and never printed; the URL's user part then names it as a
    // reference (postgresql://user:${secret:NAME}@host/db), which messages show as written.
    explicit PostgresStore(const QString &url, const QString &password = {});
    ~PostgresStore() override;
    PostgresStore(const PostgresStore &) = delete;
    PostgresStore &operator=(const PostgresStore &) = delete;

    QString backend() const override { return QStringLiteral("postgres"); }
    QString url() const { return m_url; }

    int schemaVersion() override;
    int latestSchemaVersion() const override;
    void migrate() override;

    QVector<EnqueueResult> enqueue(const QVector<NewRun> &runs, qint64 now) override;
    QVector<EnqueueResult> enqueueUnannounced(const QVector<NewRun> &runs, qint64 now) override;
    void announce(const QStringList &queues) override;
    ExchangeResult exchange(const QVector<Completion> &completions, const ClaimRequest &request) override;
    qint64 nextDueAt() override;
    QVector<qint64> renewLeases(const QString &node, qint64 leaseExpiresAt) override;
    QVector<Run> expiredLeases(qint64 now, int limit) override;

    std::optional<Run> run(qint64 id) override;
    QVector<Run> runs(const RunFilter &filter) override;
    QVector<Attempt> attempts(qint64 runId) override;
    QVector<Queue> queues() override;
    std::optional<Queue> queue(const QString &name) override;
    QVector<QueueStats> queueStats() override;
    std::optional<JobDef> job(qint64 id) override;
    std::optional<JobDef> jobByName(const QString &name) override;
    QVector<JobDef> jobs() override;
    qint64 jobsRevision() override;
    QVector<JobActivity> jobActivity(int recentRuns) override;
    QVector<AuditEntry> auditLog(int limit) override;

    CancelResult cancel(qint64 runId, const Actor &actor, qint64 now) override;
    qint64 replay(qint64 deadRunId, const Actor &actor, qint64 now) override;
    QVector<qint64> replayAll(const QString &queue, const Actor &actor, qint64 now) override;
    void discard(qint64 deadRunId, const Actor &actor, qint64 now) override;
    void ensureQueue(const Queue &queue, const Actor &actor, qint64 now) override;
    void setQueuePaused(const QString &name, bool paused, const Actor &actor, qint64 now) override;
    void setQueueConcurrency(const QString &name, int concurrency, const Actor &actor, qint64 now) override;
    qint64 upsertJob(const JobDef &job, const Actor &actor, qint64 now) override;
    void setJobPaused(const QString &name, bool paused, const Actor &actor, qint64 now) override;
    void postponeJob(const QString &name, qint64 until, const Actor &actor, qint64 now) override;
    ApplyResult applyDeclarations(const Declarations &declarations, bool prune, bool dryRun, const Actor &actor,
                                  qint64 now) override;
    bool recordFires(qint64 jobId, qint64 expectedNextFireAt, qint64 nextFireAt, const QVector<NewRun> &runs,
                     qint64 now) override;

    void registerNode(const NodeInfo &node) override;
    void heartbeatNode(const QString &id, const QString &state, qint64 now) override;
    QVector<NodeInfo> nodes() override;
    bool acquireLeadership(const QString &node, qint64 now, qint64 expiresAt) override;
    void releaseLeadership(const QString &node) override;
    LeaderLease leaderLease() override;

    QVector<Connection> connections() override;
    std::optional<Connection> connection(const QString &name) override;
    QVector<User> users() override;
    std::optional<User> user(const QString &name) override;
    void upsertUser(const User &user, const Actor &actor, qint64 now) override;
    IncidentTriggerResult raiseIncident(const IncidentTrigger &trigger, qint64 now) override;
    bool resolveIncidentByKey(const QString &dedupKey, const Actor &actor, const QString &note, qint64 now) override;
    QVector<Incident> incidents(const IncidentFilter &filter) override;
    std::optional<Incident> incident(qint64 id) override;
    QVector<IncidentEvent> incidentEvents(qint64 incidentId) override;
    void acknowledgeIncident(qint64 id, const Actor &actor, qint64 now) override;
    void resolveIncident(qint64 id, const Actor &actor, const QString &note, qint64 now) override;
    void snoozeIncident(qint64 id, qint64 until, const Actor &actor, qint64 now) override;
    void addIncidentNote(qint64 id, const QString &text, const Actor &actor, qint64 now) override;
    void reassignIncident(qint64 id, const QString &assignee, const Actor &actor, qint64 now) override;
    void escalateIncident(qint64 id, const Actor &actor, qint64 now) override;
    QVector<qint64> reopenAckTimedOut(qint64 ackTimeoutMs, qint64 now) override;
    QVector<qint64> expireIncidentSnoozes(qint64 now) override;
    QVector<IncidentStats> incidentStats(IncidentStatsGroup group, qint64 since) override;
    qint64 watermark(const QString &name) override;
    void setWatermark(const QString &name, qint64 value) override;
    QVector<Run> deadRunsBetween(qint64 after, qint64 upTo, int limit) override;
    QVector<std::pair<Attempt, Run>> failedAttemptsBetween(const QString &kind, qint64 after, qint64 upTo,
                                                           int limit) override;
    bool jobSucceededAfter(qint64 jobId, qint64 fromRunId, qint64 finishedAfter) override;
    RetentionResult rollupAndPrune(qint64 now, const RetentionPolicy &policy) override;
    QVector<RollupStats> rollups(const RollupFilter &filter) override;

    bool listenForWakes() override;
    int wakeSocket() const override;
    QStringList takeWakes() override;

    // The channel enqueue() notifies, with the queue's name as the payload.
    static constexpr const char *WakeChannel = "vigia_runs";

    QVector<OnCallSchedule> onCallSchedules() override;
    QVector<EscalationPolicy> escalationPolicies() override;
    QVector<Incident> escalationsDue(qint64 now, bool adoptUnassigned, int limit) override;
    bool recordEscalation(const EscalationUpdate &update, qint64 now) override;
    QVector<NotificationDelivery> deliveries(const DeliveryFilter &filter) override;
    QVector<NotificationDelivery> claimDueDeliveries(qint64 now, qint64 leaseUntil, int limit) override;
    qint64 nextDeliveryDueAt() override;
    void recordDeliveryAttempt(const NotificationDelivery &delivery, qint64 now) override;

private:
    // Runs `body`, turning libpqxx's exceptions into StoreError naming `what` (defined in postgressession.h).
    template <typename Body> auto guarded(const char *what, Body &&body) -> decltype(body());
    [[noreturn]] void rethrowAsStoreError(const char *what) const;
    // A new connection in place of a broken one (the next operation after a failure calls it); throws libpqxx's
    // broken_connection when the server is still unreachable, or when this connection listened for wake-ups.
    void reconnect();
    // Another connection to the same database.
    std::unique_ptr<PostgresSession> openSession() const;

    void requireQueues(pqxx::transaction_base &tx, const QVector<NewRun> &runs);
    void requireQueue(pqxx::transaction_base &tx, const QString &name);
    QVector<EnqueueResult> insertRuns(pqxx::transaction_base &tx, const QVector<NewRun> &runs, qint64 now);
    // Runs [start, end) when none has a unique key, in one statement; nullopt (nothing inserted) when a queue is
    // unknown.
    std::optional<QVector<EnqueueResult>> insertUnkeyedRuns(pqxx::transaction_base &tx, const QVector<NewRun> &runs,
                                                            qsizetype start, qsizetype end, qint64 now);
    // One run without a unique key, in one statement with scalar parameters; nullopt when its queue is unknown.
    std::optional<qint64> insertUnkeyedRun(pqxx::transaction_base &tx, const NewRun &run, qint64 now);
    QVector<qint64> applyCompletions(pqxx::transaction_base &tx, PostgresSession &session,
                                     const QVector<Completion> &completions);
    // Writes completions in their own transaction on the completion session (see exchange()); runs on a helper
    // thread while the claim runs on m_session.
    QVector<qint64> writeCompletions(const QVector<Completion> &completions);
    // One claim on m_session, a transaction of its own: promotion if asked, then up to maxRuns runs from the queues
    // with room.
    void claimRuns(const ClaimRequest &request, int maxRuns, QVector<Run> &out);
    std::optional<Run> lockRun(pqxx::transaction_base &tx, qint64 id);
    Run requireRun(pqxx::transaction_base &tx, qint64 id);
    QVector<JobDef> selectJobs(const char *where, const std::optional<std::string> &key);
    QVector<JobDef> selectJobs(pqxx::transaction_base &tx, const char *where, const std::optional<std::string> &key);
    // Inserts or updates the job's row by name inside the caller's transaction, without an audit row.
    qint64 writeJob(pqxx::transaction_base &tx, const JobDef &job, qint64 now);
    QVector<Queue> selectQueues(pqxx::transaction_base &tx);
    void refuseBusyQueueDeletions(pqxx::transaction_base &tx, const QVector<Queue> &queues);
    QVector<OnCallSchedule> selectOnCallSchedules(pqxx::transaction_base &tx);
    QVector<EscalationPolicy> selectEscalationPolicies(pqxx::transaction_base &tx);
    // Writes the schedules and escalation policies of an apply, with their audit rows, in the caller's transaction.
    void writeOnCallPlan(pqxx::transaction_base &tx, const OnCallPlan &plan, const Actor &actor, qint64 now);
    QVector<Connection> selectConnections(pqxx::transaction_base &tx, const char *where,
                                          const std::optional<std::string> &name);
    // Writes the plan's connection changes with their audit rows inside the caller's transaction.
    void writeConnections(pqxx::transaction_base &tx, const NamedPlan<Connection> &plan, const DeclarationPlan &all,
                          const Actor &actor, qint64 now);
    QVector<User> selectUsers(pqxx::transaction_base &tx, const char *where, const std::optional<std::string> &name);
    // Likewise for the plan's users.
    void writeUsers(pqxx::transaction_base &tx, const NamedPlan<User> &plan, const DeclarationPlan &all,
                    const Actor &actor, qint64 now);
    // One operator command on one incident, in its own transaction (see IncidentCommand).
    void runIncidentCommand(qint64 id, const IncidentCommand &command, const Actor &actor, qint64 now);
    // Writes a command's change (mutable columns and its timeline event) inside the caller's transaction.
    void writeIncidentChange(pqxx::transaction_base &tx, const Incident &after, IncidentEventKind event,
                             const QString &actor, const QByteArray &detail, qint64 now);
    // Runs an engine command (no role, no audit) on every incident `where` selects, locked, in one transaction.
    QVector<qint64> runEngineCommand(const char *what, const std::string &where, qint64 bound,
                                     const IncidentCommand &command, qint64 now);
    void audit(pqxx::transaction_base &tx, const Actor &actor, qint64 now, const QString &action, const QString &target,
               const QString &detail);

    QString m_url;
    QString m_password; // from the secret store, or empty for PGPASSWORD / ~/.pgpass
    std::unique_ptr<PostgresSession> m_session;
    // A second connection for exchange()'s completions, opened on first use and dropped when it fails.
    std::unique_ptr<PostgresSession> m_completionSession;
    std::unique_ptr<PostgresWakeReceiver> m_wakes; // after the session: unregisters before it closes
    int m_claimRotation = 0;
    bool m_announceEnqueues = true; // the enqueue statements notify WakeChannel (false in enqueueUnannounced())
};

} // namespace vigia
