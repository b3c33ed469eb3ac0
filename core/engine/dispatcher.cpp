#include "engine/dispatcher.h"

#include "engine/completioninbox.h"
#include "engine/workerpool.h"
#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QMetaMethod>

namespace vigia {

QString defaultNodeId()
{
    return QHostInfo::localHostName() + u':' + QString::number(QCoreApplication::applicationPid());
}

namespace {
// After a database error, retry with pauses growing from the first to the last; results wait in memory meanwhile.
constexpr qint64 FirstStoreRetryMs = 500;
constexpr qint64 MaxStoreRetryMs = 10'000;

QString outcomeName(RunResult::Outcome outcome)
{
    switch (outcome) {
    case RunResult::Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case RunResult::Outcome::Failed:
        return QStringLiteral("failed");
    case RunResult::Outcome::TimedOut:
        return QStringLiteral("timeout");
    case RunResult::Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case RunResult::Outcome::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}
} // namespace

Dispatcher::Dispatcher(EngineConfig config, StoreOpener opener, Clock *clock)
    : m_config(std::move(config))
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_wakeAlarm(new Alarm(clock, this))
    , m_heartbeatAlarm(new Alarm(clock, this))
    , m_statsAlarm(new Alarm(clock, this))
    , m_drainAlarm(new Alarm(clock, this))
    , m_random(m_config.randomSeed != 0 ? m_config.randomSeed : QRandomGenerator::system()->generate())
{
    connect(m_wakeAlarm, &Alarm::rang, this, &Dispatcher::requestPass);
    connect(m_heartbeatAlarm, &Alarm::rang, this, &Dispatcher::heartbeat);
    connect(m_statsAlarm, &Alarm::rang, this, &Dispatcher::publishStats);
    connect(m_drainAlarm, &Alarm::rang, this, [this] {
        releaseReady(m_clock->nowMs()); // before the interruptions: workers must take over no waiting run after them
        const int running = m_inbox->running();
        if (running > 0) {
            qCInfo(lcEngine) << "drain timeout reached; handing back" << running << "running runs";
            m_pool->interruptAll();
        }
        requestPass();
    });
}

Dispatcher::~Dispatcher() = default;

void Dispatcher::attach(WorkerPool *pool, CompletionInbox *inbox)
{
    m_pool = pool;
    m_inbox = inbox;
}

void Dispatcher::start()
{
    try {
        m_store = m_opener();
    } catch (const StoreError &error) {
        emit failed(error.message());
        return;
    }
    qCInfo(lcEngine).noquote() << "engine node" << m_config.nodeId << "started with concurrency" << m_config.concurrency
                               << "on" << m_store->backend();
    renewLeases();
    publishStats();
    // The first pass before started(): once the engine says it started it has looked for work, and what is enqueued
    // from then on is found by a wake-up or the poll (no pass of the start-up left in the queue takes it earlier).
    pass();
    emit started();
}

void Dispatcher::requestPass()
{
    if (m_stopped || m_passPending.exchange(true))
        return;
    QMetaObject::invokeMethod(this, &Dispatcher::pass, Qt::QueuedConnection);
}

int Dispatcher::reserveClaim(int wanted)
{
    if (!m_takesClaims || m_stopped || wanted <= 0)
        return 0;
    // Two callers may both see the same free slot; the worst case is a run waiting for a slot, as a prefetched one.
    const int free = m_config.concurrency - m_inbox->running() - m_inbox->waiting() - m_reservedSlots;
    const int reserved = std::min(wanted, free);
    if (reserved <= 0)
        return 0;
    m_reservedSlots += reserved;
    return reserved;
}

void Dispatcher::adoptClaimed(const QVector<Run> &runs, int reserved, bool claimFailed)
{
    // Queued: events reach this thread in order, so an adoption comes before any later stop().
    QMetaObject::invokeMethod(
        this,
        [this, runs, reserved, claimFailed] {
            if (claimFailed)
                m_checkClaims = true;
            if (m_draining || m_stopped)
                release(runs, m_clock->nowMs());
            else
                m_inbox->addReady(runs); // the next pass starts them before its own round trip
            m_reservedSlots -= reserved;
            requestPass();
        },
        Qt::QueuedConnection);
}

void Dispatcher::pass()
{
    m_passPending = false;
    if (!m_store || m_stopped)
        return;
    const qint64 now = m_clock->nowMs();
    const bool wantEvents = isSignalConnected(QMetaMethod::fromSignal(&Dispatcher::runEvents));
    QVector<RunEvent> events;
    // Waiting runs are handed back before the inbox is read, so that every run a worker started is in `started`.
    if (m_draining)
        releaseReady(now);
    QVector<Run> started;
    const QVector<RunResult> results = m_inbox->take(&started);
    for (const Run &run : std::as_const(started)) {
        m_inFlight.insert(run.id);
        if (wantEvents)
            events.append({run.id, run.queue, run.kind, RunState::Running, run.attempt, now, {}});
    }
    m_counters.started += started.size();
    for (const RunResult &result : results) {
        m_inFlight.erase(result.run.id);
        m_unwritten.append(toCompletion(result, now));
    }
    if (!m_draining && now >= m_pausedCheckAt && m_inbox->waiting() > 0)
        releasePaused(now);
    // Free slots take waiting runs before the database round trip; while it lasts, workers that finish a run take
    // the next waiting one themselves.
    startReady(now, wantEvents ? &events : nullptr);

    if (!m_reachable && now < m_storeRetryAt) {
        // The database is down: workers go on with what they hold, results wait for the next attempt.
        m_wakeAlarm->setDeadlineIfEarlier(m_storeRetryAt);
        if (!events.isEmpty())
            emit runEvents(events);
        return;
    }

    // Prefetch what the workers get through during about two round trips (the results of this pass are what they
    // finished during the last one), between the configured floor and ceiling; it shrinks slowly when the load falls.
    m_prefetchTarget = std::clamp(std::max(2 * int(results.size()), m_prefetchTarget * 3 / 4), m_config.prefetch,
                                  std::max(m_config.prefetch, m_config.maxPrefetch));
    const int capacity = m_config.concurrency + m_prefetchTarget;
    const int wanted = m_draining ? 0 : std::max(0, capacity - m_inbox->running() - m_inbox->waiting());
    for (const Completion &completion : std::as_const(m_unwritten)) {
        if (completion.nextRunAt > 0)
            m_promoteAt = std::min(m_promoteAt, completion.nextRunAt);
    }
    ClaimRequest request{m_config.nodeId, wanted, now, now + m_config.leaseMs};
    request.promote = now >= m_promoteAt;
    request.asyncClaims = m_config.asyncClaims;
    ExchangeResult exchanged;
    try {
        exchanged = m_store->exchange(m_unwritten, request);
    } catch (const StoreError &error) {
        storeFailed(error.message(), now);
        if (!events.isEmpty())
            emit runEvents(events);
        return;
    }
    storeReached();
    if (request.promote && wanted > 0)
        m_promoteAt = now + m_config.pollIntervalMs;
    const std::unordered_set<qint64> applied(exchanged.finished.cbegin(), exchanged.finished.cend());
    for (const Completion &completion : std::as_const(m_unwritten)) {
        if (applied.count(completion.runId) == 0) {
            // The run was no longer ours: a rescuer or an operator got there first. At-least-once delivery.
            qCInfo(lcEngine) << "result of run" << completion.runId << "not written: its lease was lost";
            continue;
        }
        count(completion);
        if (wantEvents) {
            events.append({completion.runId,
                           {},
                           {},
                           completion.newState,
                           completion.attempt,
                           completion.finishedAt,
                           completion.error});
        }
    }
    m_unwritten.clear();

    m_inbox->addReady(exchanged.claimed);
    startReady(now, wantEvents ? &events : nullptr);
    if (m_checkClaims)
        releaseUnknownClaims(now);
    if (!events.isEmpty())
        emit runEvents(events);

    if (m_draining && m_inFlight.empty() && m_inbox->running() == 0) {
        finishStop();
        return;
    }
    armWakeUp(wanted > 0 && exchanged.claimed.size() == wanted);
}

void Dispatcher::startReady(qint64 now, QVector<RunEvent> *events)
{
    const QVector<Run> starting = m_inbox->startReady();
    for (const Run &run : starting) {
        m_inFlight.insert(run.id);
        if (events)
            events->append({run.id, run.queue, run.kind, RunState::Running, run.attempt, now, {}});
    }
    m_counters.started += starting.size();
    m_counters.running = int(m_inFlight.size());
    m_pool->start(starting);
}

void Dispatcher::releaseReady(qint64 now)
{
    release(m_inbox->takeReady(), now);
}

void Dispatcher::releasePaused(qint64 now)
{
    // A pause holds for prefetched runs too: they are `running` in the database but no worker has them yet.
    // Workers may start some in the moments before this check (within PausedCheckMs of the pause).
    m_pausedCheckAt = now + PausedCheckMs;
    QSet<QString> paused;
    try {
        for (const Queue &queue : m_store->queues()) {
            if (queue.paused)
                paused.insert(queue.name);
        }
    } catch (const StoreError &) {
        return; // the exchange reports the failure
    }
    if (paused.isEmpty())
        return;
    const QVector<Run> recalled = m_inbox->takeReadyOf(paused);
    if (!recalled.isEmpty())
        qCInfo(lcEngine) << recalled.size() << "prefetched runs handed back: their queue was paused";
    release(recalled, now);
}

void Dispatcher::release(const QVector<Run> &runs, qint64 now)
{
    // Claimed but never started: back to the queue, as if never claimed.
    for (const Run &run : runs) {
        Completion c;
        c.runId = run.id;
        c.attempt = run.attempt;
        c.node = m_config.nodeId;
        c.newState = RunState::Available;
        c.outcome = QStringLiteral("released");
        c.startedAt = now;
        c.finishedAt = now;
        c.nextRunAt = run.scheduledAt;
        c.refundAttempt = true;
        c.recordAttempt = false;
        m_unwritten.append(c);
    }
}

void Dispatcher::armWakeUp(bool moreWork)
{
    if (moreWork) {
        requestPass();
        return;
    }
    if (m_draining)
        return;
    const qint64 now = m_clock->nowMs();
    qint64 next = now + m_config.pollIntervalMs;
    try {
        const qint64 due = m_store->nextDueAt();
        if (due > 0) {
            next = std::min(next, std::max(due, now));
            m_promoteAt = std::min(m_promoteAt, due);
        }
    } catch (const StoreError &) {
        // The next pass reports the failure; polling continues meanwhile.
    }
    m_wakeAlarm->setDeadline(next);
}

const RetryPolicy &Dispatcher::retryPolicyFor(const Run &run)
{
    if (run.jobId <= 0)
        return m_config.defaultRetry;
    auto it = m_jobPolicies.find(run.jobId);
    if (it == m_jobPolicies.end()) {
        RetryPolicy policy = m_config.defaultRetry;
        try {
            if (const std::optional<JobDef> job = m_store->job(run.jobId))
                policy = job->retry;
        } catch (const StoreError &error) {
            qCWarning(lcEngine).noquote() << "using the default retry policy for run" << run.id << error.message();
            return m_config.defaultRetry;
        }
        it = m_jobPolicies.emplace(run.jobId, policy).first;
    }
    return it->second;
}

Completion Dispatcher::toCompletion(const RunResult &result, qint64 now)
{
    Completion c;
    c.runId = result.run.id;
    c.attempt = result.run.attempt;
    c.node = m_config.nodeId;
    c.startedAt = result.startedAt;
    c.finishedAt = result.finishedAt;
    c.error = result.error;
    c.result = result.result;
    c.outcome = outcomeName(result.outcome);
    switch (result.outcome) {
    case RunResult::Outcome::Succeeded:
        c.newState = RunState::Succeeded;
        break;
    case RunResult::Outcome::Failed:
    case RunResult::Outcome::TimedOut:
        if (result.run.attempt >= result.run.maxAttempts) {
            c.newState = RunState::Dead;
        } else {
            c.newState = RunState::Retryable;
            c.nextRunAt = result.finishedAt + retryPolicyFor(result.run).delayMs(result.run.attempt, m_random);
        }
        break;
    case RunResult::Outcome::Cancelled:
        c.newState = RunState::Cancelled;
        break;
    case RunResult::Outcome::Interrupted:
        // Shutdown is not the run's fault: it goes back to the queue and the attempt does not count.
        c.newState = RunState::Available;
        c.nextRunAt = now;
        c.refundAttempt = true;
        break;
    }
    return c;
}

void Dispatcher::count(const Completion &completion)
{
    switch (completion.newState) {
    case RunState::Succeeded:
        ++m_counters.succeeded;
        break;
    case RunState::Retryable:
        ++m_counters.retried;
        break;
    case RunState::Dead:
        ++m_counters.dead;
        break;
    case RunState::Cancelled:
        ++m_counters.cancelled;
        break;
    default:
        break;
    }
    if (completion.outcome == QLatin1String("timeout"))
        ++m_counters.timedOut;
    if (completion.rescued)
        ++m_counters.rescued;
}

void Dispatcher::storeFailed(const QString &message, qint64 now)
{
    m_storeRetryMs = std::clamp<qint64>(m_storeRetryMs * 2, FirstStoreRetryMs, MaxStoreRetryMs);
    m_storeRetryAt = now + m_storeRetryMs;
    m_wakeAlarm->setDeadline(m_storeRetryAt);
    if (!m_reachable) {
        qCDebug(lcEngine).noquote() << "database still unreachable, next attempt in" << m_storeRetryMs << "ms";
        return;
    }
    m_reachable = false;
    m_takesClaims = false;
    qCWarning(lcEngine).noquote() << "database unreachable; running runs go on, their results are written when it is "
                                     "back (retrying with pauses of up to"
                                  << MaxStoreRetryMs / 1000 << "s):" << message;
    emit reachableChanged(false);
}

void Dispatcher::storeReached()
{
    m_storeRetryMs = 0;
    if (m_reachable)
        return;
    m_reachable = true;
    m_takesClaims = !m_draining;
    m_checkClaims = true;
    qCInfo(lcEngine) << "database reachable again";
    emit reachableChanged(true);
}

void Dispatcher::releaseUnknownClaims(qint64 now)
{
    if (m_reservedSlots > 0)
        return; // runs claimed for this node may be on their way here: check at a later pass
    RunFilter filter;
    filter.state = RunState::Running;
    filter.leaseOwner = m_config.nodeId;
    filter.limit = -1;
    QVector<Run> held;
    try {
        held = m_store->runs(filter);
    } catch (const StoreError &) {
        return; // the next pass after the outage tries again
    }
    m_checkClaims = false;
    std::unordered_set<qint64> known(m_inFlight);
    for (const Completion &completion : std::as_const(m_unwritten))
        known.insert(completion.runId);
    for (const Run &run : std::as_const(held)) {
        if (known.count(run.id) || m_inbox->holds(run.id))
            continue;
        qCInfo(lcEngine) << "run" << run.id << "was claimed by a transaction whose reply was lost; handing it back";
        Completion c;
        c.runId = run.id;
        c.attempt = run.attempt;
        c.node = m_config.nodeId;
        c.newState = RunState::Available;
        c.outcome = QStringLiteral("released");
        c.startedAt = now;
        c.finishedAt = now;
        c.nextRunAt = run.scheduledAt;
        c.refundAttempt = true;
        c.recordAttempt = false;
        m_unwritten.append(c);
    }
    if (!m_unwritten.isEmpty())
        requestPass();
}

void Dispatcher::heartbeat()
{
    if (!m_store || m_stopped)
        return;
    renewLeases();
    requestPass();
}

void Dispatcher::renewLeases()
{
    const qint64 now = m_clock->nowMs();
    m_heartbeatAlarm->setDeadline(now + std::max<qint64>(1, m_config.leaseMs / 3));
    try {
        for (qint64 runId : m_store->renewLeases(m_config.nodeId, now + m_config.leaseMs))
            cancelLocal(runId);
    } catch (const StoreError &error) {
        storeFailed(error.message(), now);
    }
}

void Dispatcher::publishStats()
{
    if (!m_store || m_stopped)
        return;
    m_statsAlarm->setDeadline(m_clock->nowMs() + m_config.statsIntervalMs);
    if (!isSignalConnected(QMetaMethod::fromSignal(&Dispatcher::statsUpdated)))
        return;
    EngineStats stats;
    stats.at = m_clock->nowMs();
    stats.counters = m_counters;
    emit statsUpdated(stats); // without queue counts: the engine's StatsReader adds them on its own thread
}

void Dispatcher::countRescued(int count)
{
    m_counters.rescued += count;
    requestPass();
}

void Dispatcher::cancelLocal(qint64 runId)
{
    const std::optional<Run> waiting = m_inFlight.count(runId) ? std::nullopt : m_inbox->removeReady(runId);
    if (!waiting) {
        // Executing, or just taken from the waiting runs by a worker: the worker holding it cancels it.
        m_pool->cancel(runId);
        return;
    }
    Completion c;
    c.runId = runId;
    c.attempt = waiting->attempt;
    c.node = m_config.nodeId;
    c.newState = RunState::Cancelled;
    c.outcome = QStringLiteral("cancelled");
    c.error = QCoreApplication::translate("Worker", "cancelled by an operator");
    c.startedAt = c.finishedAt = m_clock->nowMs();
    c.recordAttempt = false;
    m_unwritten.append(c);
    requestPass();
}

void Dispatcher::stop(qint64 drainUntil)
{
    if (m_stopped)
        return;
    m_draining = true;
    m_takesClaims = false;
    if (!m_inFlight.empty()) {
        qCInfo(lcEngine) << "stopping: no new claims; waiting up to"
                         << std::max<qint64>(0, drainUntil - m_clock->nowMs()) << "ms for" << m_inFlight.size()
                         << "running runs";
    }
    if (!m_store) {
        finishStop();
        return;
    }
    m_drainAlarm->setDeadline(drainUntil);
    requestPass();
}

void Dispatcher::finishStop()
{
    publishStats();
    m_stopped = true;
    m_wakeAlarm->clear();
    m_heartbeatAlarm->clear();
    m_statsAlarm->clear();
    m_drainAlarm->clear();
    m_store.reset();
    qCInfo(lcEngine) << "engine stopped";
    emit stopped();
}

} // namespace vigia
