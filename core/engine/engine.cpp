#include "engine/engine.h"

#include "engine/completioninbox.h"
#include "engine/enqueue.h"
#include "engine/leadership.h"
#include "engine/notifier.h"
#include "engine/pruner.h"
#include "engine/rescuer.h"
#include "engine/scheduler.h"
#include "engine/slamonitor.h"
#include "engine/statsreader.h"
#include "engine/wakelistener.h"
#include "engine/workerpool.h"
#include "incidents/escalator.h"
#include "incidents/incidentwatcher.h"
#include "util/clock.h"
#include "util/logging.h"
#include "util/ownedthread.h"

#include <QCoreApplication>
#include <QMetaMethod>
#include <QThread>

namespace vigia {

Engine::Engine(EngineConfig config, StoreOpener opener, Clock *clock, const ExecutorRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_registry(registry)
{
    if (m_config.nodeId.isEmpty())
        m_config.nodeId = defaultNodeId();
    m_config.concurrency = std::max(1, m_config.concurrency);
    if (m_config.prefetch < 0)
        m_config.prefetch = m_config.concurrency;
    qRegisterMetaType<QVector<vigia::RunEvent>>();
    qRegisterMetaType<vigia::EngineStats>();

    if (m_config.runScheduler) {
        addLeaderDuty(QStringLiteral("scheduler"), [this]() -> std::unique_ptr<QObject> {
            auto scheduler = std::make_unique<Scheduler>(m_opener, m_clock);
            connect(scheduler.get(), &Scheduler::firesEnqueued, this, &Engine::wake);
            connect(scheduler.get(), &Scheduler::failed, this,
                    [](const QString &message) { qCWarning(lcEngine).noquote() << "scheduler:" << message; });
            return scheduler;
        });
    }
    if (m_config.runRescuer) {
        addLeaderDuty(QStringLiteral("rescuer"), [this]() -> std::unique_ptr<QObject> {
            auto rescuer = std::make_unique<Rescuer>(m_opener, m_clock, m_config.leaseMs);
            connect(rescuer.get(), &Rescuer::rescued, this, [this](int count) {
                if (!m_dispatcher)
                    return;
                Dispatcher *d = m_dispatcher->object();
                QMetaObject::invokeMethod(
                    d, [d, count] { d->countRescued(count); }, Qt::QueuedConnection);
            });
            return rescuer;
        });
    }
    if (m_config.runSlaMonitor) {
        addLeaderDuty(QStringLiteral("sla-monitor"), [this]() -> std::unique_ptr<QObject> {
            auto monitor = std::make_unique<SlaMonitor>(m_opener, m_clock, m_config.slaCheckIntervalMs);
            connect(monitor.get(), &SlaMonitor::failed, this,
                    [](const QString &message) { qCWarning(lcEngine).noquote() << "SLA monitor:" << message; });
            return monitor;
        });
    }
    if (m_config.runPruner) {
        addLeaderDuty(QStringLiteral("pruner"), [this]() -> std::unique_ptr<QObject> {
            auto pruner = std::make_unique<Pruner>(m_opener, m_clock, m_config.retention, m_config.pruneIntervalMs);
            connect(pruner.get(), &Pruner::failed, this,
                    [](const QString &message) { qCWarning(lcEngine).noquote() << "pruner:" << message; });
            return pruner;
        });
    }
    if (m_config.runIncidentWatcher) {
        addLeaderDuty(QStringLiteral("incident-watcher"), [this]() -> std::unique_ptr<QObject> {
            return std::make_unique<IncidentWatcher>(m_opener, m_clock, m_config.incidentWatch);
        });
    }
    if (m_config.runEscalator) {
        addLeaderDuty(QStringLiteral("escalator"), [this]() -> std::unique_ptr<QObject> {
            auto escalator = std::make_unique<Escalator>(m_opener, m_clock, m_config.escalation);
            // New deliveries wake the notifier at once (it runs in its own thread: a slow receiver never holds up
            // the escalator).
            connect(escalator.get(), &Escalator::deliveriesWritten, this, [this] {
                if (QObject *notifier = leaderDuty(QStringLiteral("notifier")))
                    QMetaObject::invokeMethod(notifier, "wake", Qt::QueuedConnection);
            });
            connect(escalator.get(), &Escalator::failed, this,
                    [](const QString &message) { qCWarning(lcEngine).noquote() << "escalator:" << message; });
            return escalator;
        });
    }
    if (m_config.runNotifier) {
        addLeaderDuty(QStringLiteral("notifier"), [this]() -> std::unique_ptr<QObject> {
            auto notifier = std::make_unique<Notifier>(m_opener, m_clock, m_config.notifications);
            connect(notifier.get(), &Notifier::desktopNotification, this, &Engine::desktopNotification);
            connect(notifier.get(), &Notifier::failed, this,
                    [](const QString &message) { qCWarning(lcEngine).noquote() << "notifier:" << message; });
            return notifier;
        });
    }
}

Engine::~Engine()
{
    if (m_inbox)
        m_inbox->setWake({});
    m_stopping = true;
    stopDuties();
    m_wakes.reset(); // it calls into the dispatcher
    m_leadership.reset();
    m_dispatcher.reset(); // joins the dispatcher thread: nothing posts to the workers after this
    m_stats.reset();      // after the dispatcher, which submits to it
    m_pool.reset();
}

void Engine::connectNotify(const QMetaMethod &signal)
{
    if (signal == QMetaMethod::fromSignal(&Engine::statsUpdated))
        m_wantStats = true;
}

void Engine::disconnectNotify(const QMetaMethod &signal)
{
    // An invalid method stands for a disconnect() of everything.
    if (signal == QMetaMethod::fromSignal(&Engine::statsUpdated) || !signal.isValid())
        m_wantStats = isSignalConnected(QMetaMethod::fromSignal(&Engine::statsUpdated));
}

void Engine::start()
{
    if (m_running)
        return;
    m_running = true;
    auto dispatcher = std::make_unique<Dispatcher>(m_config, m_opener, m_clock);
    Dispatcher *d = dispatcher.get();
    connect(d, &Dispatcher::started, this, [this] {
        setReady(true);
        emit started();
    });
    connect(d, &Dispatcher::reachableChanged, this, &Engine::setReady);
    connect(d, &Dispatcher::failed, this, [this](const QString &message) {
        m_running = false;
        setReady(false);
        emit failed(message);
    });
    connect(d, &Dispatcher::runEvents, this, &Engine::runEvents);
    if (!m_stats) {
        auto reader = std::make_unique<StatsReader>(m_opener);
        connect(reader.get(), &StatsReader::statsUpdated, this, &Engine::statsUpdated);
        m_stats = std::make_unique<OwnedThread<StatsReader>>(QStringLiteral("vigia-stats"), std::move(reader));
    }
    // Counting the queues is the reader's job, on its own thread: the dispatcher only hands over its counters.
    connect(
        d, &Dispatcher::statsUpdated, d,
        [this, reader = m_stats->object()](const EngineStats &counters) {
            if (m_wantStats.load())
                reader->submit(counters);
        },
        Qt::DirectConnection);
    connect(d, &Dispatcher::stopped, this, [this] {
        m_running = false;
        setReady(false);
        emit stopped();
    });
    m_inbox = std::make_unique<CompletionInbox>();
    m_inbox->setWake([d] { d->requestPass(); });
    m_inbox->setConcurrency(m_config.concurrency);
    const int threads = m_config.workerThreads > 0
                            ? m_config.workerThreads
                            : std::min(m_config.concurrency, std::max(1, QThread::idealThreadCount()));
    m_pool = std::make_unique<WorkerPool>(threads, m_registry, m_clock, *m_inbox, m_config.defaultTimeoutMs,
                                          m_config.onRunStarted, m_secrets, m_connections);
    d->attach(m_pool.get(), m_inbox.get());
    m_dispatcher = std::make_unique<OwnedThread<Dispatcher>>(QStringLiteral("vigia-dispatcher"), std::move(dispatcher));
    QMetaObject::invokeMethod(d, &Dispatcher::start, Qt::QueuedConnection);

    if (m_config.listenForWakes) {
        auto wakes = std::make_unique<WakeListener>(m_opener, m_clock, m_config.wakeDebounceMs);
        WakeListener *w = wakes.get();
        connect(
            w, &WakeListener::wake, w, [d] { d->requestPass(); }, Qt::DirectConnection);
        connect(w, &WakeListener::listeningChanged, this, [this](bool listening) {
            m_listeningForWakes = listening;
            emit wakeListeningChanged(listening);
        });
        m_wakes = std::make_unique<OwnedThread<WakeListener>>(QStringLiteral("vigia-wakes"), std::move(wakes));
        QMetaObject::invokeMethod(w, &WakeListener::start, Qt::QueuedConnection);
    }

    m_stopping = false;
    auto leadership = std::make_unique<Leadership>(
        Leadership::Config{m_config.nodeId, m_config.leaderLeaseMs, QCoreApplication::applicationVersion()}, m_opener,
        m_clock);
    Leadership *l = leadership.get();
    connect(l, &Leadership::gained, this, &Engine::startDuties);
    connect(l, &Leadership::lost, this, &Engine::stopDuties);
    m_leadership = std::make_unique<OwnedThread<Leadership>>(QStringLiteral("vigia-leadership"), std::move(leadership));
    QMetaObject::invokeMethod(l, &Leadership::start, Qt::QueuedConnection);
}

void Engine::setReady(bool ready)
{
    if (m_ready == ready)
        return;
    m_ready = ready;
    emit readyChanged(ready);
}

void Engine::addLeaderDuty(const QString &name, LeaderDutyFactory makeDuty)
{
    Duty &duty = m_duties[name];
    duty.running.reset();
    duty.make = std::move(makeDuty);
}

QObject *Engine::leaderDuty(const QString &name) const
{
    const auto it = m_duties.find(name);
    return it != m_duties.end() && it->second.running ? it->second.running->object() : nullptr;
}

void Engine::startDuties()
{
    if (m_stopping || m_leader)
        return;
    m_leader = true;
    for (auto &[name, duty] : m_duties) {
        std::unique_ptr<QObject> object = duty.make();
        if (!object)
            continue;
        QObject *o = object.get();
        duty.running = std::make_unique<OwnedThread<QObject>>(QStringLiteral("vigia-") + name, std::move(object));
        if (!QMetaObject::invokeMethod(o, "start", Qt::QueuedConnection))
            qCWarning(lcEngine).noquote() << "leader duty" << name << "has no start() slot";
    }
    emit leadershipGained();
}

void Engine::stopDuties()
{
    if (!m_leader)
        return;
    m_leader = false;
    for (auto &entry : m_duties)
        entry.second.running.reset(); // quits and joins the duty's thread; the duty is destroyed in it
    emit leadershipLost();
}

void Engine::jobsChanged()
{
    if (auto *s = qobject_cast<Scheduler *>(leaderDuty(QStringLiteral("scheduler"))))
        QMetaObject::invokeMethod(s, &Scheduler::wake, Qt::QueuedConnection);
}

void Engine::stop(qint64 drainMs)
{
    // Leader duties end first, and the lease is given up so that another node leads at once.
    m_stopping = true;
    stopDuties();
    if (m_leadership) {
        Leadership *l = m_leadership->object();
        QMetaObject::invokeMethod(l, &Leadership::resign, Qt::QueuedConnection);
    }
    if (!m_dispatcher || !m_running) {
        QMetaObject::invokeMethod(this, &Engine::stopped, Qt::QueuedConnection);
        return;
    }
    Dispatcher *d = m_dispatcher->object();
    const qint64 drainUntil = m_clock->nowMs() + drainMs;
    QMetaObject::invokeMethod(
        d, [d, drainUntil] { d->stop(drainUntil); }, Qt::QueuedConnection);
}

Store &Engine::store()
{
    if (!m_store)
        m_store = m_opener();
    return *m_store;
}

QVector<EnqueueResult> Engine::enqueue(const QVector<NewRun> &runs)
{
    const qint64 now = m_clock->nowMs();
    const int due =
        int(std::count_if(runs.cbegin(), runs.cend(), [now](const NewRun &run) { return run.runAt <= now; }));
    Dispatcher *d = m_dispatcher && m_running && !m_stopping ? m_dispatcher->object() : nullptr;
    const int reserved = d ? d->reserveClaim(due) : 0;
    if (reserved == 0) {
        QVector<EnqueueResult> results = enqueueRuns(store(), m_registry, runs, now);
        wake();
        return results;
    }
    // This node has free slots: the runs are enqueued without waking the other nodes, and claimed for this one on
    // the same connection, which the server has warm, rather than by waking the dispatcher and its idle connection
    // (see Dispatcher::reserveClaim()). What this node does not take is announced afterwards. Like any claim, it
    // takes the best available runs, which may be others.
    QVector<EnqueueResult> results;
    try {
        results = enqueueRuns(store(), m_registry, runs, now, EnqueueAnnouncement::Deferred);
    } catch (...) {
        d->adoptClaimed({}, reserved, false);
        throw;
    }
    QVector<Run> claimed;
    bool claimFailed = false;
    ClaimRequest request{m_config.nodeId, reserved, now, now + m_config.leaseMs};
    request.promote = false;
    request.asyncClaims = m_config.asyncClaims;
    try {
        claimed = store().exchange({}, request).claimed;
    } catch (const StoreError &error) {
        // The runs are enqueued: the dispatcher claims them (and looks for a claim whose reply was lost).
        qCInfo(lcEngine).noquote() << "claim after enqueue failed, leaving it to the dispatcher:" << error.message();
        claimFailed = true;
    }
    d->adoptClaimed(claimed, reserved, claimFailed); // it also makes the dispatcher look for more
    announceUnclaimed(runs, results, claimed);
    return results;
}

void Engine::announceUnclaimed(const QVector<NewRun> &runs, const QVector<EnqueueResult> &results,
                               const QVector<Run> &claimed)
{
    QSet<qint64> claimedIds;
    for (const Run &run : claimed)
        claimedIds.insert(run.id);
    QStringList queues;
    for (qsizetype i = 0; i < std::min(runs.size(), results.size()); ++i) {
        if (!results.at(i).duplicate && !claimedIds.contains(results.at(i).id) && !queues.contains(runs.at(i).queue))
            queues.append(runs.at(i).queue);
    }
    if (queues.isEmpty())
        return;
    try {
        store().announce(queues);
    } catch (const StoreError &error) {
        qCInfo(lcEngine).noquote() << "could not wake the other nodes; they find the runs at their next poll:"
                                   << error.message();
    }
}

Store::CancelResult Engine::cancel(qint64 runId, const Actor &actor)
{
    const Store::CancelResult result = store().cancel(runId, actor, m_clock->nowMs());
    if (m_dispatcher) {
        Dispatcher *d = m_dispatcher->object();
        if (result == Store::CancelResult::CancelRequested)
            QMetaObject::invokeMethod(
                d, [d, runId] { d->cancelLocal(runId); }, Qt::QueuedConnection);
    }
    return result;
}

void Engine::wake()
{
    if (!m_dispatcher)
        return;
    m_dispatcher->object()->requestPass();
}

void ensureSchema(Store &store)
{
    const int current = store.schemaVersion();
    if (current > store.latestSchemaVersion()) {
        throw StoreError(QCoreApplication::translate("Engine", "the database has schema version %1, newer than this "
                                                               "program knows (%2); upgrade Vigia to use it")
                             .arg(current)
                             .arg(store.latestSchemaVersion()),
                         StoreError::Kind::Schema);
    }
    if (current < store.latestSchemaVersion()) {
        qCInfo(lcEngine) << "migrating the database from schema version" << current << "to"
                         << store.latestSchemaVersion();
        store.migrate();
    }
}

} // namespace vigia
