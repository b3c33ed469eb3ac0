#pragma once

#include "store/declarationplan.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <unordered_map>

struct sqlite3;

namespace vigia {

class SqliteStatement;
struct IncidentCommand;
struct OnCallPlan;

// Store on a SQLite file through Qt Sql: WAL journal, synchronous=NORMAL, a busy timeout, and write transactions
// taken with BEGIN IMMEDIATE so that several processes on one file queue up instead of failing on lock upgrades.
class SqliteStore final : public Store {
    Q_DECLARE_TR_FUNCTIONS(SqliteStore)

public:
    explicit SqliteStore(const QString &path);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore &) = delete;
    SqliteStore &operator=(const SqliteStore &) = delete;

    QString backend() const override { return QStringLiteral("sqlite"); }
    QString path() const { return m_path; }

    int schemaVersion() override;
    int latestSchemaVersion() const override;
    void migrate() override;

    QVector<EnqueueResult> enqueue(const QVector<NewRun> &runs, qint64 now) override;
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

    QVector<OnCallSchedule> onCallSchedules() override;
    QVector<EscalationPolicy> escalationPolicies() override;
    QVector<Incident> escalationsDue(qint64 now, bool adoptUnassigned, int limit) override;
    bool recordEscalation(const EscalationUpdate &update, qint64 now) override;
    QVector<NotificationDelivery> deliveries(const DeliveryFilter &filter) override;
    QVector<NotificationDelivery> claimDueDeliveries(qint64 now, qint64 leaseUntil, int limit) override;
    qint64 nextDeliveryDueAt() override;
    void recordDeliveryAttempt(const NotificationDelivery &delivery, qint64 now) override;

private:
    // A statement prepared once per connection and reused; the hot path binds and executes it.
    QSqlQuery &prepared(const char *sql);
    QSqlQuery exec(const QString &sql, const QVariantList &binds = {});
    void execOrThrow(QSqlQuery &query, const char *what);
    [[noreturn]] void fail(const QSqlQuery &query, const char *what);

    friend class SqliteWriteTransaction;
    // Hot-path statements on the C API, prepared once per connection under a key.
    SqliteStatement &raw(int key, const std::function<QString()> &sql);
    SqliteStatement &rawBegin();
    SqliteStatement &rawCommit();
    SqliteStatement &rawRollback();
    QVector<qint64> applyCompletions(const QVector<Completion> &completions);
    void insertChunk(const NewRun *runs, int count, qint64 now, QVector<EnqueueResult> &results);
    void claimFromQueue(const QString &queue, int count, const ClaimRequest &request, QVector<Run> &out);
    void requireQueue(const QString &name);
    QVector<EnqueueResult> insertRuns(const QVector<NewRun> &runs, qint64 now);
    QVector<JobDef> selectJobs(const QString &where, const QVariantList &binds);
    // Inserts or updates the job's row by name inside the caller's transaction, without an audit row.
    qint64 writeJob(const JobDef &job, qint64 now);
    void refuseBusyQueueDeletions(const QVector<Queue> &queues);
    // Writes the schedules and escalation policies of an apply, with their audit rows, in the caller's transaction.
    void writeOnCallPlan(const OnCallPlan &plan, const Actor &actor, qint64 now);
    // Writes the plan's connection changes with their audit rows inside the caller's transaction.
    void writeConnections(const NamedPlan<Connection> &plan, const DeclarationPlan &all, const Actor &actor,
                          qint64 now);
    // Likewise for the plan's users.
    void writeUsers(const NamedPlan<User> &plan, const DeclarationPlan &all, const Actor &actor, qint64 now);
    Run requireRun(qint64 id);
    qint64 insertReplay(const Run &dead, qint64 now);
    QVector<Incident> selectIncidents(const QString &where, const QVariantList &binds);
    // One operator command on one incident, in its own transaction (see IncidentCommand).
    void runIncidentCommand(qint64 id, const IncidentCommand &command, const Actor &actor, qint64 now);
    // Writes a command's change (mutable columns and its timeline event) inside the caller's transaction.
    void writeIncidentChange(const Incident &after, IncidentEventKind event, const QString &actor,
                             const QByteArray &detail, qint64 now);
    void insertIncidentEvent(qint64 incidentId, IncidentEventKind kind, const QString &actor, const QByteArray &detail,
                             qint64 now);
    void audit(const Actor &actor, qint64 now, const QString &action, const QString &target, const QString &detail);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<const char *, QSqlQuery> m_prepared;
    sqlite3 *m_handle = nullptr; // the connection under m_db, for SqliteStatement
    std::unordered_map<int, std::unique_ptr<SqliteStatement>> m_raw;
    int m_claimRotation = 0;
};

} // namespace vigia
