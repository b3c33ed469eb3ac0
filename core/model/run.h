#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

namespace vigia {

// Life of a run: scheduled → available → running → succeeded | retryable | dead | cancelled;
// retryable → available when its backoff elapses. `dead` is the dead-letter queue.
enum class RunState {
    Scheduled,
    Available,
    Running,
    Succeeded,
    Retryable,
    Dead,
    Cancelled
};

QString runStateName(RunState state);
std::optional<RunState> runStateFromName(const QString &name);
bool isFinal(RunState state);

// Claims are ordered by priority first; lower value = claimed earlier.
enum class Priority {
    Critical = 0,
    High = 1,
    Normal = 2,
    Low = 3
};

QString priorityName(Priority priority);
std::optional<Priority> priorityFromName(const QString &name);

// Times are milliseconds since the Unix epoch (UTC); 0 means "not set".
struct Run {
    qint64 id = 0;
    QString queue;
    QString kind;
    QByteArray payload; // JSON text
    Priority priority = Priority::Normal;
    RunState state = RunState::Available;
    int attempt = 0;
    int maxAttempts = 1;
    qint64 timeoutMs = 0;
    qint64 jobId = 0;
    qint64 replayOf = 0;
    QString uniqueKey;
    qint64 createdAt = 0;
    qint64 scheduledAt = 0;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    qint64 durationMs = 0;
    QString leaseOwner;
    qint64 leaseExpiresAt = 0;
    bool cancelRequested = false;
    int rescueCount = 0;
    QByteArray result; // JSON text, empty when none
    QString error;
    QString dlqHandling; // for dead runs an operator handled: "replayed" or "discarded"
    qint64 dlqHandledAt = 0;
};

// What a caller asks to enqueue; the store fills in the rest.
struct NewRun {
    QString queue = QStringLiteral("default");
    QString kind;
    QByteArray payload = QByteArrayLiteral("{}");
    Priority priority = Priority::Normal;
    int maxAttempts = 4;  // 3 retries, as DESIGN.md's defaults
    qint64 timeoutMs = 0; // 0: the engine's default
    qint64 runAt = 0;     // 0: now
    QString uniqueKey;    // empty: none
    qint64 jobId = 0;
    qint64 replayOf = 0;
};

struct EnqueueResult {
    qint64 id = 0;
    bool duplicate = false; // the unique key existed; `id` is the existing run
};

// One row per attempt: the run's history, kept when the run is retried.
struct Attempt {
    qint64 runId = 0;
    int attempt = 0;
    QString node;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    QString outcome; // succeeded, failed, timeout, cancelled, interrupted, lease-expired
    QString error;   // at most MaxErrorLength characters
    static constexpr int MaxErrorLength = 2000;
};

// The engine's verdict on one attempt, written back by the store in a batch.
struct Completion {
    enum class Guard {
        Lease,       // the run must still be running under this node's lease
        ExpiredLease // the run's lease must have expired (rescue of a dead node's run)
    };
    qint64 runId = 0;
    int attempt = 0;
    QString node;
    Guard guard = Guard::Lease;
    RunState newState = RunState::Succeeded;
    QString outcome;
    QString error;
    QByteArray result;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    qint64 nextRunAt = 0;       // for retryable/available: when it becomes due
    bool refundAttempt = false; // handed back on shutdown: the attempt does not count
    bool rescued = false;       // recovered from a dead node
    bool recordAttempt = true;  // false for a run handed back before it started: no attempt happened

    // A successful last attempt is kept on the run row itself (the run's started_at and finished_at, and
    // final_attempt_node), not as a row of its own in `attempts`: most runs succeed at once, and that row with its two
    // index entries was a third of the database's writes per run. The attempt_history view shows both kinds.
    bool attemptOnRunRow() const { return recordAttempt && newState == RunState::Succeeded; }
};

} // namespace vigia

Q_DECLARE_METATYPE(vigia::Run)
