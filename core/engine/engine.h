#pragma once

#include "engine/dispatcher.h"
#include "engine/engineconfig.h"
#include "store/storefactory.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <map>
#include <memory>

namespace vigia {

class Clock;
class CompletionInbox;
class ConnectionDirectory;
class ExecutorRegistry;
class Leadership;
class SecretStore;
class StatsReader;
class WakeListener;
class WorkerPool;
template <typename T> class OwnedThread;

// The job engine: a dispatcher thread and a pool of worker threads over one database. The facade lives in the
// thread that creates it; its signals arrive there queued, so a UI can consume them without touching the database.
class Engine : public QObject {
    Q_OBJECT
public:
    Engine(EngineConfig config, StoreOpener opener, Clock *clock, const ExecutorRegistry &registry,
           QObject *parent = nullptr);
    ~Engine() override;

    const EngineConfig &config() const { return m_config; }
    // Where runs' ${secret:NAME} references are read; set before start(), must outlive the engine. Without one,
    // a run that refers to a secret fails.
    void setSecretStore(SecretStore *secrets) { m_secrets = secrets; }
    // The databases `sql` runs query (named connections, the engine's own database); set before start().
    void setConnectionDirectory(std::shared_ptr<const ConnectionDirectory> connections)
    {
        m_connections = std::move(connections);
    }
    bool isRunning() const { return m_running; }
    // Running and able to reach its database (for /readyz): false while the database is unreachable, when runs that
    // finish meanwhile wait in memory. readyChanged() tells when it changes.
    bool isReady() const { return m_running && m_ready; }

    // Starts the threads; emits started() or failed(). The schema must be current (see ensureSchema()).
    void start();
    // Stops claiming, lets running runs finish for up to drainMs, hands the rest back; emits stopped().
    void stop(qint64 drainMs);

    // Commands, on this thread's own connection. Throw StoreError.
    // Runs due now start on this node's free slots through a claim on the same connection right after the commit.
    QVector<EnqueueResult> enqueue(const QVector<NewRun> &runs);
    Store::CancelResult cancel(qint64 runId, const Actor &actor);
    // Look for work now (for example after another process enqueued).
    void wake();
    // A job was added or edited through store(): the scheduler recomputes its fires now.
    void jobsChanged();
    Store &store();

    // ---- Leader duties: work done once per cluster, by the node that holds the leader lease.
    //
    // A duty is a QObject with a `start()` slot (a public slot or Q_INVOKABLE). When this node becomes the leader,
    // the engine calls `makeDuty` on the engine's thread, moves the object to a thread of its own (named
    // "vigia-<name>") and invokes start() there, queued. start() opens the duty's own database connection with
    // storeOpener() (one connection per thread) and arms its timers on clock(), e.g. with util/Alarm. When this node
    // stops leading (another node took the lease, the database was unreachable for too long) or the engine stops,
    // the duty's thread is quit and joined and the object destroyed in it; the next leadership term makes a fresh
    // one. So a duty keeps no state across terms except what it writes to the database, and its destructor must not
    // block for long. Register duties before start(); names are unique ("scheduler", "rescuer" and "sla-monitor" are
    // built in).
    //
    //     engine.addLeaderDuty(QStringLiteral("pruner"), [&engine] {
    //         return std::make_unique<Pruner>(engine.storeOpener(), engine.clock());
    //     });
    using LeaderDutyFactory = std::function<std::unique_ptr<QObject>()>;
    void addLeaderDuty(const QString &name, LeaderDutyFactory makeDuty);
    StoreOpener storeOpener() const { return m_opener; }
    Clock *clock() const { return m_clock; }
    // Whether this node leads the cluster now (its leader duties run).
    bool isLeader() const { return m_leader; }
    // The running duty of that name while this node leads, else nullptr. Use it on the engine's thread only.
    QObject *leaderDuty(const QString &name) const;

    // Whether this node hears other processes' enqueues at once (PostgreSQL LISTEN/NOTIFY) rather than at its next
    // poll. Use it on the engine's thread.
    bool isListeningForWakes() const { return m_listeningForWakes; }

signals:
    void readyChanged(bool ready);
    void wakeListeningChanged(bool listening);
    void leadershipGained();
    void leadershipLost();
    void started();
    void failed(const QString &message);
    void runEvents(const QVector<vigia::RunEvent> &events);
    // A desktop notification for the console's tray (only with config().notifications.desktop).
    void desktopNotification(const vigia::DesktopNotification &notification);
    void statsUpdated(const vigia::EngineStats &stats);
    void stopped();

protected:
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    EngineConfig m_config;
    StoreOpener m_opener;
    Clock *m_clock;
    const ExecutorRegistry &m_registry;
    std::unique_ptr<Store> m_store; // this thread's connection, for commands
    std::unique_ptr<CompletionInbox> m_inbox;
    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<OwnedThread<Dispatcher>> m_dispatcher;
    std::unique_ptr<OwnedThread<Leadership>> m_leadership;
    std::unique_ptr<OwnedThread<WakeListener>> m_wakes;
    std::unique_ptr<OwnedThread<StatsReader>> m_stats;
    std::atomic<bool> m_wantStats{false}; // statsUpdated has receivers: without any, queues are not counted
    struct Duty {
        LeaderDutyFactory make;
        std::unique_ptr<OwnedThread<QObject>> running;
    };
    std::map<QString, Duty> m_duties;
    SecretStore *m_secrets = nullptr;
    std::shared_ptr<const ConnectionDirectory> m_connections;
    bool m_running = false;
    bool m_leader = false;
    bool m_listeningForWakes = false;
    bool m_ready = false;
    void setReady(bool ready);
    bool m_stopping = false;

    void startDuties();
    void stopDuties();
    // After enqueue() claimed for this node: wakes the other nodes for the queues of the new runs it did not take.
    void announceUnclaimed(const QVector<NewRun> &runs, const QVector<EnqueueResult> &results,
                           const QVector<Run> &claimed);
};

// Brings the database to this program's schema: migrates an older one, refuses a newer one (StoreError::Schema).
void ensureSchema(Store &store);

} // namespace vigia
