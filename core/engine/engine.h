#pragma once

#include "engine/dispatcher.h"
#include "engine/engineconfig.h"
#include "store/storefactory.h"

#include <QObject>

#include <memory>

namespace vigia {

class Clock;
class CompletionInbox;
class ConnectionDirectory;
class ExecutorRegistry;
class Scheduler;
class SecretStore;
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

    // Starts the threads; emits started() or failed(). The schema must be current (see ensureSchema()).
    void start();
    // Stops claiming, lets running runs finish for up to drainMs, hands the rest back; emits stopped().
    void stop(qint64 drainMs);

    // Commands, on this thread's own connection. Throw StoreError.
    QVector<EnqueueResult> enqueue(const QVector<NewRun> &runs);
    Store::CancelResult cancel(qint64 runId, const Actor &actor);
    // Look for work now (for example after another process enqueued).
    void wake();
    // A job was added or edited through store(): the scheduler recomputes its fires now.
    void jobsChanged();
    Store &store();

signals:
    void started();
    void failed(const QString &message);
    void runEvents(const QVector<vigia::RunEvent> &events);
    void statsUpdated(const vigia::EngineStats &stats);
    void stopped();

private:
    EngineConfig m_config;
    StoreOpener m_opener;
    Clock *m_clock;
    const ExecutorRegistry &m_registry;
    std::unique_ptr<Store> m_store; // this thread's connection, for commands
    std::unique_ptr<CompletionInbox> m_inbox;
    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<OwnedThread<Dispatcher>> m_dispatcher;
    std::unique_ptr<OwnedThread<Scheduler>> m_scheduler;
    SecretStore *m_secrets = nullptr;
    std::shared_ptr<const ConnectionDirectory> m_connections;
    bool m_running = false;
};

// Brings the database to this program's schema: migrates an older one, refuses a newer one (StoreError::Schema).
void ensureSchema(Store &store);

} // namespace vigia
