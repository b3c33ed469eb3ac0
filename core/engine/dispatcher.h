#pragma once

#include "engine/engineconfig.h"
#include "engine/runresult.h"
#include "model/queue.h"
#include "store/storefactory.h"

#include <QObject>
#include <QRandomGenerator>

#include <atomic>
#include <unordered_map>
#include <unordered_set>

namespace vigia {

class Alarm;
class Clock;
class CompletionInbox;
class WorkerPool;

struct EngineStats {
    qint64 at = 0;
    QVector<QueueStats> queues;
    EngineCounters counters;
};

// The engine's coordinator, on its own thread with its own database connection: claims due runs in batches,
// hands them to the workers, writes their results back in batches, keeps leases alive, and publishes events and
// statistics. (Runs of dead nodes are rescued by the leader's Rescuer.)
class Dispatcher : public QObject {
    Q_OBJECT
public:
    Dispatcher(EngineConfig config, StoreOpener opener, Clock *clock);
    ~Dispatcher() override;

    void attach(WorkerPool *pool, CompletionInbox *inbox);

    // Thread-safe: schedules one pass on the dispatcher's thread; calls before it runs fold into it.
    void requestPass();

    // Thread-safe: a claim made off the dispatcher's thread, on the caller's own connection. Engine::enqueue() claims
    // what it just enqueued on the connection that did it, which the server has warm, instead of waking the
    // dispatcher and its idle connection: a third of a millisecond less between enqueue and start.
    // reserveClaim() reserves up to `wanted` free worker slots and says how many it got: 0 while the dispatcher is
    // stopping or cannot reach the database. A caller given more than 0 must then call adoptClaimed() once with that
    // number and the runs it claimed, or with none and `claimFailed` when the claim threw (its reply may be lost
    // with runs claimed). Until then the slots count as taken.
    int reserveClaim(int wanted);
    void adoptClaimed(const QVector<Run> &runs, int reserved, bool claimFailed);

    // These run on the dispatcher's thread (invoke them queued from elsewhere).
    void start();
    void cancelLocal(qint64 runId);
    // The leader's rescuer returned runs to the queue: counted here, and a pass looks for them.
    void countRescued(int count);
    // Stops claiming; runs still executing at `drainUntil` (engine clock) are interrupted and handed back.
    void stop(qint64 drainUntil);

signals:
    void started();
    void failed(const QString &message);
    void runEvents(const QVector<vigia::RunEvent> &events);
    void statsUpdated(const vigia::EngineStats &stats);
    void stopped();
    // The database became unreachable (false) or reachable again (true).
    void reachableChanged(bool reachable);

private:
    void pass();
    void heartbeat();
    // Renews this node's leases (and learns of cancel requests); arms the next heartbeat.
    void renewLeases();
    void publishStats();
    void armWakeUp(bool moreWork);
    void startReady(qint64 now, QVector<RunEvent> *events);
    void releaseReady(qint64 now);
    // Waiting (prefetched) runs of queues paused since they were claimed go back to the queue; looked up at most
    // every PausedCheckMs while runs wait.
    void releasePaused(qint64 now);
    void release(const QVector<Run> &runs, qint64 now);
    Completion toCompletion(const RunResult &result, qint64 now);
    const RetryPolicy &retryPolicyFor(const Run &run);
    void count(const Completion &completion);
    void finishStop();
    // A database operation failed: retry with growing pauses; the first failure of an outage is logged.
    void storeFailed(const QString &message, qint64 now);
    void storeReached();
    // After an outage: runs the database says this node holds but it never heard of (a claim whose reply the broken
    // connection lost) go back to the queue.
    void releaseUnknownClaims(qint64 now);

    EngineConfig m_config;
    StoreOpener m_opener;
    Clock *m_clock;
    WorkerPool *m_pool = nullptr;
    CompletionInbox *m_inbox = nullptr;
    std::unique_ptr<Store> m_store;
    Alarm *m_wakeAlarm;
    Alarm *m_heartbeatAlarm;
    Alarm *m_statsAlarm;
    Alarm *m_drainAlarm;
    std::unordered_set<qint64> m_inFlight; // executing on a worker
    QVector<Completion> m_unwritten;       // results not yet in the database (kept across database errors)
    std::unordered_map<qint64, RetryPolicy> m_jobPolicies;
    QRandomGenerator m_random;
    EngineCounters m_counters;
    std::atomic<bool> m_passPending{false};
    std::atomic<bool> m_stopped{false};
    std::atomic<bool> m_takesClaims{true}; // not draining, database reachable (reserveClaim())
    std::atomic<int> m_reservedSlots{0};   // by reserveClaim(), until adoptClaimed(): runs that may be on their way
    bool m_draining = false;
    int m_prefetchTarget = 0; // runs to keep claimed ahead of free slots (see pass())
    qint64 m_storeRetryMs = 0;
    qint64 m_storeRetryAt = 0;
    bool m_reachable = true;
    bool m_checkClaims = false;
    // When scheduled or retryable runs may next become due: the earliest known due time, and at the latest the next
    // poll (other processes may have enqueued for later). Passes before it skip the promotion.
    qint64 m_promoteAt = 0;
    qint64 m_pausedCheckAt = 0;
    static constexpr qint64 PausedCheckMs = 1000;
};

} // namespace vigia

Q_DECLARE_METATYPE(vigia::EngineStats)
