// The engine end to end in one process, on a fake clock: state transitions, retries, the DLQ, timeouts, cancel,
// queue limits, priorities, pause, lease rescue and shutdown. Nothing here sleeps: time moves when the test says.
#include "engine/engine.h"
#include "executors/executorregistry.h"
#include "fakeclock.h"
#include "secrets/environmentsecretstore.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <atomic>

using namespace vigia;
using namespace vigia::test;

namespace {

// A kind whose outcome the test controls: fails while `broken` is set, as a downstream outage would.
std::atomic<bool> g_broken{false};

class SwitchExecutor final : public Executor {
    class Run final : public Execution {
    public:
        void start(ExecutionContext &context) override
        {
            if (g_broken.load())
                context.fail(QStringLiteral("downstream unavailable"));
            else
                context.succeed();
        }
    };

public:
    QString kind() const override { return QStringLiteral("switch"); }
    QString validate(const QJsonObject &) const override { return {}; }
    std::unique_ptr<Execution> create() const override { return std::make_unique<Run>(); }
};

// A kind that reports its (resolved) payload back, as a careless script printing its arguments would.
class EchoExecutor final : public Executor {
    class Run final : public Execution {
    public:
        void start(ExecutionContext &context) override
        {
            const QByteArray echoed = QJsonDocument(context.payload()).toJson(QJsonDocument::Compact);
            if (context.payload().value(QLatin1String("fail")).toBool())
                context.fail(QStringLiteral("request failed: ") + QString::fromUtf8(echoed));
            else
                context.succeed(echoed);
        }
    };

public:
    QString kind() const override { return QStringLiteral("echo"); }
    QString validate(const QJsonObject &) const override { return {}; }
    std::unique_ptr<Execution> create() const override { return std::make_unique<Run>(); }
};

const Actor Operator{QStringLiteral("tester")};

NewRun newRun(const QString &queue, const QString &kind, const QByteArray &payload = QByteArrayLiteral("{}"))
{
    NewRun run;
    run.queue = queue;
    run.kind = kind;
    run.payload = payload;
    return run;
}

} // namespace

class TestEngine : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void noopRunSucceedsWithOneAttempt();
    void runForAFreeSlotIsClaimedBeforeEnqueueReturns();
    void scheduledRunWaitsUntilDue();
    void failingRunRetriesWithBackoffThenSucceeds();
    void jobRetryPolicyGovernsBackoff();
    void lastFailedAttemptGoesDead();
    void deadRunReplayedAfterFixSucceeds();
    void deadRunOfEndedOutageReplaysSuccessfully();
    void timeoutCountsAsFailedAttempt();
    void cancelQueuedRun();
    void cancelRunningRun();
    void neverMoreThanConcurrencyRunningPerQueue();
    void claimsFollowPriorityOrder();
    void pausedQueueIsNotClaimedUntilResumed();
    void pausingAQueueRecallsItsPrefetchedRuns();
    void expiredLeaseIsRescuedAsRetry();
    void expiredLeaseOnLastAttemptGoesDead();
    void gracefulStopLetsRunningRunsFinish();
    void stopHandsBackUnfinishedRunsAfterDrain();
    void everyRunSucceedsExactlyOnceUnderLoad();
    void eventsReportTransitionsWithoutDatabase();
    void statisticsCarryCountersAndQueueDepths();
    void secretsAreResolvedForTheRunAndNeverStored();
    void runReferringToMissingSecretFails();

private:
    Engine &startEngine(EngineConfig config = {});
    qint64 enqueue(NewRun run);
    Run runOf(qint64 id) { return *m_store->run(id); }
    RunState stateOf(qint64 id) { return runOf(id).state; }
    void stopEngine();

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store;
    ExecutorRegistry m_registry;
    std::unique_ptr<Engine> m_engine;
    // Executions a worker has started. A run is `running` in the database a moment before its worker starts it
    // (and reads the clock); tests that move the clock wait for this first.
    std::atomic<int> m_started{0};
    EngineConfig withHooks(EngineConfig config)
    {
        config.onRunStarted = [this](qint64) { ++m_started; };
        return config;
    }
};

void TestEngine::init()
{
    g_broken = false;
    m_started = 0;
    m_db = std::make_unique<TempDatabase>();
    m_clock = std::make_unique<FakeClock>();
    m_store = m_db->open();
    m_registry = ExecutorRegistry::withBuiltins();
    m_registry.add(std::make_unique<SwitchExecutor>());
    m_registry.add(std::make_unique<EchoExecutor>());
}

void TestEngine::cleanup()
{
    stopEngine();
    m_store.reset();
    m_clock.reset();
    m_db.reset();
}

Engine &TestEngine::startEngine(EngineConfig config)
{
    config.nodeId = QStringLiteral("node-a");
    config.randomSeed = 42;
    m_engine = std::make_unique<Engine>(withHooks(config), m_db->opener(), m_clock.get(), m_registry);
    QSignalSpy started(m_engine.get(), &Engine::started);
    m_engine->start();
    if (!started.wait(10000))
        qFatal("engine did not start");
    return *m_engine;
}

void TestEngine::stopEngine()
{
    if (!m_engine)
        return;
    if (m_engine->isRunning()) {
        QSignalSpy stopped(m_engine.get(), &Engine::stopped);
        m_engine->stop(0);
        stopped.wait(10000);
    }
    m_engine.reset();
}

qint64 TestEngine::enqueue(NewRun run)
{
    if (m_engine)
        return m_engine->enqueue({run}).constFirst().id;
    return m_store->enqueue({run}, m_clock->nowMs()).constFirst().id;
}

void TestEngine::noopRunSucceedsWithOneAttempt()
{
    startEngine();
    const qint64 id = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    QTRY_COMPARE(stateOf(id), RunState::Succeeded);
    const Run run = runOf(id);
    QCOMPARE(run.attempt, 1);
    QVERIFY(run.leaseOwner.isEmpty());
    QCOMPARE(run.finishedAt, m_clock->nowMs());
    const QVector<Attempt> attempts = m_store->attempts(id);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.at(0).outcome, QStringLiteral("succeeded"));
    QCOMPARE(attempts.at(0).node, QStringLiteral("node-a"));
}

void TestEngine::runForAFreeSlotIsClaimedBeforeEnqueueReturns()
{
    EngineConfig config;
    config.concurrency = 2;
    startEngine(config);
    // Engine::enqueue() claims for the free slots on its own connection, not by waking the dispatcher: the runs are
    // this node's when it returns. Only as many as there are free slots; the later ones wait their turn.
    const NewRun sleep =
        newRun(QStringLiteral("default"), QStringLiteral("sleep"), QByteArrayLiteral(R"({"ms": 1000})"));
    const qint64 first = enqueue(sleep);
    const Run run = runOf(first);
    QCOMPARE(run.state, RunState::Running);
    QCOMPARE(run.leaseOwner, QStringLiteral("node-a"));
    QCOMPARE(run.attempt, 1);
    const QVector<EnqueueResult> more = m_engine->enqueue({sleep, sleep});
    QCOMPARE(stateOf(more.at(0).id), RunState::Running);
    QTRY_COMPARE(m_started.load(), 2);
    m_clock->advanceMs(1000);
    QTRY_COMPARE(m_started.load(), 3);
    m_clock->advanceMs(1000);
    for (const qint64 id : {first, more.at(0).id, more.at(1).id}) {
        QTRY_COMPARE(stateOf(id), RunState::Succeeded);
        QCOMPARE(runOf(id).attempt, 1);
    }
    QCOMPARE(m_started.load(), 3);
}

void TestEngine::scheduledRunWaitsUntilDue()
{
    startEngine();
    NewRun later = newRun(QStringLiteral("default"), QStringLiteral("noop"));
    later.runAt = m_clock->nowMs() + 60'000;
    const qint64 id = enqueue(later);
    const qint64 probe = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    QTRY_COMPARE(stateOf(probe), RunState::Succeeded);
    QCOMPARE(stateOf(id), RunState::Scheduled);
    m_clock->advanceMs(59'999);
    const qint64 probe2 = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    QTRY_COMPARE(stateOf(probe2), RunState::Succeeded);
    QCOMPARE(stateOf(id), RunState::Scheduled);
    m_clock->advanceMs(1);
    QTRY_COMPARE(stateOf(id), RunState::Succeeded);
}

void TestEngine::failingRunRetriesWithBackoffThenSucceeds()
{
    startEngine();
    NewRun flaky = newRun(QStringLiteral("default"), QStringLiteral("fail"), QByteArrayLiteral(R"({"times": 2})"));
    flaky.maxAttempts = 4;
    const qint64 id = enqueue(flaky);
    for (int attempt = 1; attempt <= 2; ++attempt) {
        QTRY_COMPARE(stateOf(id), RunState::Retryable);
        const Run run = runOf(id);
        QCOMPARE(run.attempt, attempt);
        QVERIFY(run.error.contains(QStringLiteral("failed on purpose")));
        // Default policy: base 60 s, factor 2, full jitter: the delay is within [0, 60 s * 2^(attempt-1)].
        const qint64 delay = run.scheduledAt - m_clock->nowMs();
        QVERIFY2(delay >= 0 && delay <= 60'000 * (1 << (attempt - 1)), qPrintable(QString::number(delay)));
        m_clock->setNowMs(run.scheduledAt);
        QTRY_VERIFY(runOf(id).attempt == attempt + 1);
    }
    QTRY_COMPARE(stateOf(id), RunState::Succeeded);
    QCOMPARE(runOf(id).attempt, 3);
    const QVector<Attempt> attempts = m_store->attempts(id);
    QCOMPARE(attempts.size(), 3);
    QCOMPARE(attempts.at(0).outcome, QStringLiteral("failed"));
    QCOMPARE(attempts.at(1).outcome, QStringLiteral("failed"));
    QCOMPARE(attempts.at(2).outcome, QStringLiteral("succeeded"));
}

void TestEngine::jobRetryPolicyGovernsBackoff()
{
    JobDef job;
    job.name = QStringLiteral("nightly-report");
    job.kind = QStringLiteral("fail");
    job.retry.baseMs = 5'000;
    job.retry.factor = 3;
    job.retry.maxMs = 20'000;
    job.retry.jitter = RetryPolicy::Jitter::None;
    const qint64 jobId = m_store->upsertJob(job, Operator, m_clock->nowMs());
    startEngine();
    NewRun run = newRun(QStringLiteral("default"), QStringLiteral("fail"));
    run.jobId = jobId;
    run.maxAttempts = 5;
    const qint64 id = enqueue(run);
    // No jitter: exactly 5 s, 15 s, then capped at 20 s.
    for (qint64 expected : {5'000, 15'000, 20'000}) {
        QTRY_COMPARE(stateOf(id), RunState::Retryable);
        QCOMPARE(runOf(id).scheduledAt - m_clock->nowMs(), expected);
        const int attempt = runOf(id).attempt;
        m_clock->advanceMs(expected);
        QTRY_COMPARE(runOf(id).attempt, attempt + 1);
    }
}

void TestEngine::lastFailedAttemptGoesDead()
{
    startEngine();
    NewRun doomed = newRun(QStringLiteral("default"), QStringLiteral("fail"));
    doomed.maxAttempts = 2;
    const qint64 id = enqueue(doomed);
    QTRY_COMPARE(stateOf(id), RunState::Retryable);
    m_clock->setNowMs(runOf(id).scheduledAt);
    QTRY_COMPARE(stateOf(id), RunState::Dead);
    QCOMPARE(runOf(id).attempt, 2);
    RunFilter dlq;
    dlq.dlqOnly = true;
    QCOMPARE(m_store->runs(dlq).size(), 1);
}

void TestEngine::deadRunReplayedAfterFixSucceeds()
{
    g_broken = true;
    startEngine();
    NewRun call = newRun(QStringLiteral("default"), QStringLiteral("switch"));
    call.maxAttempts = 1;
    const qint64 id = enqueue(call);
    QTRY_COMPARE(stateOf(id), RunState::Dead);
    QCOMPARE(runOf(id).error, QStringLiteral("downstream unavailable"));

    g_broken = false; // the downstream is fixed; the operator replays
    const qint64 replayId = m_store->replay(id, Operator, m_clock->nowMs());
    m_engine->wake();
    QTRY_COMPARE(stateOf(replayId), RunState::Succeeded);
    QCOMPARE(runOf(replayId).replayOf, id);
    QCOMPARE(stateOf(id), RunState::Dead); // the original stays for the record, marked handled
    QCOMPARE(runOf(id).dlqHandling, QStringLiteral("replayed"));
    RunFilter dlq;
    dlq.dlqOnly = true;
    QVERIFY(m_store->runs(dlq).isEmpty());
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->replay(id, Operator, m_clock->nowMs()));
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("dlq.replay"));
}

void TestEngine::deadRunOfEndedOutageReplaysSuccessfully()
{
    startEngine();
    const QString until =
        QDateTime::fromMSecsSinceEpoch(m_clock->nowMs() + 60'000, Qt::UTC).toString(Qt::ISODateWithMs);
    NewRun call = newRun(QStringLiteral("default"), QStringLiteral("fail"),
                         QStringLiteral(R"({"until": "%1"})").arg(until).toUtf8());
    call.maxAttempts = 1;
    const qint64 id = enqueue(call);
    QTRY_COMPARE(stateOf(id), RunState::Dead);
    m_clock->advanceMs(60'000); // the outage is over
    const qint64 replayId = m_store->replay(id, Operator, m_clock->nowMs());
    m_engine->wake();
    QTRY_COMPARE(stateOf(replayId), RunState::Succeeded);
    QCOMPARE(runOf(replayId).payload, runOf(id).payload);
}

void TestEngine::timeoutCountsAsFailedAttempt()
{
    startEngine();
    NewRun slow = newRun(QStringLiteral("default"), QStringLiteral("sleep"), QByteArrayLiteral(R"({"ms": 10000})"));
    slow.timeoutMs = 1'000;
    slow.maxAttempts = 2;
    const qint64 id = enqueue(slow);
    QTRY_COMPARE(m_started.load(), 1);
    m_clock->advanceMs(999);
    QTRY_COMPARE(runOf(id).state, RunState::Running);
    m_clock->advanceMs(1);
    QTRY_COMPARE(stateOf(id), RunState::Retryable);
    QVERIFY(runOf(id).error.startsWith(QStringLiteral("timeout")));
    QCOMPARE(m_store->attempts(id).at(0).outcome, QStringLiteral("timeout"));
}

void TestEngine::cancelQueuedRun()
{
    NewRun later = newRun(QStringLiteral("default"), QStringLiteral("noop"));
    later.runAt = m_clock->nowMs() + 3'600'000;
    const qint64 id = enqueue(later);
    startEngine();
    QCOMPARE(m_engine->cancel(id, Operator), Store::CancelResult::Cancelled);
    QCOMPARE(stateOf(id), RunState::Cancelled);
    m_clock->advanceMs(3'600'000);
    const qint64 probe = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    QTRY_COMPARE(stateOf(probe), RunState::Succeeded);
    QCOMPARE(stateOf(id), RunState::Cancelled);
    QVERIFY_THROWS_EXCEPTION(StoreError, m_engine->cancel(id, Operator));
}

void TestEngine::cancelRunningRun()
{
    startEngine();
    const qint64 id =
        enqueue(newRun(QStringLiteral("default"), QStringLiteral("sleep"), QByteArrayLiteral(R"({"ms": 600000})")));
    QTRY_COMPARE(m_started.load(), 1); // executing (`running` in the database from the claim on)
    QCOMPARE(m_engine->cancel(id, Operator), Store::CancelResult::CancelRequested);
    QTRY_COMPARE(stateOf(id), RunState::Cancelled);
    QCOMPARE(m_store->attempts(id).at(0).outcome, QStringLiteral("cancelled"));
}

void TestEngine::neverMoreThanConcurrencyRunningPerQueue()
{
    m_store->ensureQueue({QStringLiteral("narrow"), 2, false}, Operator, m_clock->nowMs());
    QVector<qint64> ids;
    for (int i = 0; i < 9; ++i)
        ids.append(
            enqueue(newRun(QStringLiteral("narrow"), QStringLiteral("sleep"), QByteArrayLiteral(R"({"ms": 1000})"))));
    EngineConfig config;
    config.concurrency = 8; // the node could run 8; the queue allows 2
    m_engine = std::make_unique<Engine>(withHooks(config), m_db->opener(), m_clock.get(), m_registry);
    int running = 0;
    int maxRunning = 0;
    // The connection lives as long as the locals it writes to, not as long as the engine.
    QObject scope;
    connect(m_engine.get(), &Engine::runEvents, &scope, [&](const QVector<RunEvent> &events) {
        for (const RunEvent &e : events) {
            running += e.state == RunState::Running ? 1 : -1;
            maxRunning = std::max(maxRunning, running);
        }
    });
    m_engine->start();
    auto countIn = [&](RunState state) {
        return std::count_if(ids.cbegin(), ids.cend(), [&](qint64 id) { return stateOf(id) == state; });
    };
    for (int round = 0; round < 5; ++round) {
        const qint64 remaining = ids.size() - countIn(RunState::Succeeded);
        QTRY_COMPARE(countIn(RunState::Running), std::min<qint64>(2, remaining));
        QTRY_COMPARE(running, int(std::min<qint64>(2, remaining)));
        QTRY_COMPARE(m_started.load(), int(2 * round + std::min<qint64>(2, remaining)));
        m_clock->advanceMs(1000);
        QTRY_COMPARE(countIn(RunState::Succeeded), std::min<qint64>(ids.size(), 2 * (round + 1)));
    }
    QCOMPARE(maxRunning, 2);
}

void TestEngine::claimsFollowPriorityOrder()
{
    m_store->ensureQueue({QStringLiteral("single"), 1, false}, Operator, m_clock->nowMs());
    const qint64 now = m_clock->nowMs();
    auto add = [&](Priority priority, qint64 runAt) {
        NewRun run = newRun(QStringLiteral("single"), QStringLiteral("noop"));
        run.priority = priority;
        run.runAt = runAt;
        return m_store->enqueue({run}, now).constFirst().id;
    };
    const qint64 low = add(Priority::Low, now);
    const qint64 normalLater = add(Priority::Normal, now);
    const qint64 normalEarlier = add(Priority::Normal, now - 1000);
    const qint64 critical = add(Priority::Critical, now);
    const qint64 high = add(Priority::High, now);
    const qint64 normalSame = add(Priority::Normal, now);

    EngineConfig config;
    config.concurrency = 1;
    m_engine = std::make_unique<Engine>(withHooks(config), m_db->opener(), m_clock.get(), m_registry);
    QVector<qint64> order;
    // The connection lives as long as the locals it writes to, not as long as the engine.
    QObject scope;
    connect(m_engine.get(), &Engine::runEvents, &scope, [&](const QVector<RunEvent> &events) {
        for (const RunEvent &e : events) {
            if (e.state == RunState::Running)
                order.append(e.runId);
        }
    });
    m_engine->start();
    QTRY_COMPARE(order.size(), 6);
    QCOMPARE(order, (QVector<qint64>{critical, high, normalEarlier, normalLater, normalSame, low}));
}

void TestEngine::pausedQueueIsNotClaimedUntilResumed()
{
    m_store->ensureQueue({QStringLiteral("held"), 5, false}, Operator, m_clock->nowMs());
    m_store->setQueuePaused(QStringLiteral("held"), true, Operator, m_clock->nowMs());
    startEngine();
    const qint64 held = enqueue(newRun(QStringLiteral("held"), QStringLiteral("noop")));
    // Passes run in order: once a later run in another queue has finished, the paused one was passed over.
    const qint64 other = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    QTRY_COMPARE(stateOf(other), RunState::Succeeded);
    QCOMPARE(stateOf(held), RunState::Available);
    m_store->setQueuePaused(QStringLiteral("held"), false, Operator, m_clock->nowMs());
    m_engine->wake();
    QTRY_COMPARE(stateOf(held), RunState::Succeeded);
    QCOMPARE(m_store->auditLog(10).at(0).action, QStringLiteral("queue.resume"));
}

// Runs claimed ahead of a free worker are `running` in the database; a pause must hold for them as well.
void TestEngine::pausingAQueueRecallsItsPrefetchedRuns()
{
    m_store->ensureQueue({QStringLiteral("work"), 10, false}, Operator, m_clock->nowMs());
    const QByteArray fiveSeconds = QByteArrayLiteral(R"({"ms": 5000})");
    const qint64 first = enqueue(newRun(QStringLiteral("work"), QStringLiteral("sleep"), fiveSeconds));
    const qint64 second = enqueue(newRun(QStringLiteral("work"), QStringLiteral("sleep"), fiveSeconds));
    EngineConfig config;
    config.concurrency = 1; // one executes, one waits prefetched
    startEngine(config);
    QTRY_COMPARE(m_started.load(), 1);
    QTRY_COMPARE(stateOf(second), RunState::Running); // claimed, not started
    QCOMPARE(m_store->attempts(second).size(), 0);

    m_store->setQueuePaused(QStringLiteral("work"), true, Operator, m_clock->nowMs());
    m_clock->advanceMs(1000); // the next pass looks the pause up
    QTRY_COMPARE(stateOf(second), RunState::Available);
    const Run recalled = runOf(second);
    QCOMPARE(recalled.attempt, 0); // handed back as if never claimed
    QVERIFY(recalled.leaseOwner.isEmpty());
    QCOMPARE(stateOf(first), RunState::Running); // what already executes goes on

    m_clock->advanceMs(4000);
    QTRY_COMPARE(stateOf(first), RunState::Succeeded);
    m_clock->advanceMs(1000);
    QCOMPARE(m_started.load(), 1); // the freed worker did not take the recalled run
    QCOMPARE(stateOf(second), RunState::Available);

    m_store->setQueuePaused(QStringLiteral("work"), false, Operator, m_clock->nowMs());
    m_engine->wake();
    QTRY_COMPARE(m_started.load(), 2);
    m_clock->advanceMs(5000);
    QTRY_COMPARE(stateOf(second), RunState::Succeeded);
    QCOMPARE(runOf(second).attempt, 1);
}

void TestEngine::expiredLeaseIsRescuedAsRetry()
{
    const qint64 id = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    // A node that claimed the run and then died (kill -9): its lease runs out 30 s from now.
    const qint64 now = m_clock->nowMs();
    const ExchangeResult ghost = m_store->exchange({}, {QStringLiteral("ghost"), 10, now, now + 30'000});
    QCOMPARE(ghost.claimed.size(), 1);
    EngineConfig config;
    config.leaseMs = 30'000;
    startEngine(config);
    m_clock->advanceMs(29'000);
    const qint64 probe = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    QTRY_COMPARE(stateOf(probe), RunState::Succeeded);
    QCOMPARE(stateOf(id), RunState::Running); // not yet expired: still the ghost's
    m_clock->advanceMs(11'000);               // past expiry and past the next heartbeat (every lease/3)
    QTRY_COMPARE(stateOf(id), RunState::Succeeded);
    const Run run = runOf(id);
    QCOMPARE(run.rescueCount, 1);
    QCOMPARE(run.attempt, 2);
    const QVector<Attempt> attempts = m_store->attempts(id);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).outcome, QStringLiteral("lease-expired"));
    QCOMPARE(attempts.at(0).node, QStringLiteral("ghost"));
    QCOMPARE(attempts.at(1).outcome, QStringLiteral("succeeded"));
}

void TestEngine::expiredLeaseOnLastAttemptGoesDead()
{
    NewRun once = newRun(QStringLiteral("default"), QStringLiteral("noop"));
    once.maxAttempts = 1;
    const qint64 id = enqueue(once);
    const qint64 now = m_clock->nowMs();
    m_store->exchange({}, {QStringLiteral("ghost"), 10, now, now + 1'000});
    EngineConfig config;
    config.leaseMs = 3'000;
    startEngine(config);
    m_clock->advanceMs(2'000);
    QTRY_COMPARE(stateOf(id), RunState::Dead);
    QVERIFY(runOf(id).error.contains(QStringLiteral("ghost")));
}

void TestEngine::gracefulStopLetsRunningRunsFinish()
{
    startEngine();
    QVector<qint64> ids;
    for (int i = 0; i < 3; ++i)
        ids.append(
            enqueue(newRun(QStringLiteral("default"), QStringLiteral("sleep"), QByteArrayLiteral(R"({"ms": 1000})"))));
    QTRY_COMPARE(m_started.load(), 3);
    QSignalSpy stopped(m_engine.get(), &Engine::stopped);
    m_engine->stop(5'000);
    const qint64 late = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    m_clock->advanceMs(1'000);
    QVERIFY(stopped.wait(10000));
    for (qint64 id : ids)
        QCOMPARE(stateOf(id), RunState::Succeeded);
    QCOMPARE(stateOf(late), RunState::Available); // enqueued after stop: not claimed
}

void TestEngine::stopHandsBackUnfinishedRunsAfterDrain()
{
    startEngine();
    const qint64 id =
        enqueue(newRun(QStringLiteral("default"), QStringLiteral("sleep"), QByteArrayLiteral(R"({"ms": 600000})")));
    QTRY_COMPARE(m_started.load(), 1);
    QSignalSpy stopped(m_engine.get(), &Engine::stopped);
    m_engine->stop(2'000);
    m_clock->advanceMs(2'000);
    QVERIFY(stopped.wait(10000));
    const Run run = runOf(id);
    QCOMPARE(run.state, RunState::Available);
    QCOMPARE(run.attempt, 0); // shutdown is not the run's fault
    QVERIFY(run.leaseOwner.isEmpty());
    QCOMPARE(m_store->attempts(id).at(0).outcome, QStringLiteral("interrupted"));
}

void TestEngine::everyRunSucceedsExactlyOnceUnderLoad()
{
    QVector<NewRun> batch(3000, newRun(QStringLiteral("default"), QStringLiteral("noop")));
    m_store->setQueueConcurrency(QStringLiteral("default"), 100, Operator, m_clock->nowMs());
    m_store->enqueue(batch, m_clock->nowMs());
    EngineConfig config;
    config.concurrency = 16;
    startEngine(config);
    RunFilter succeeded;
    succeeded.state = RunState::Succeeded;
    succeeded.limit = 10000;
    QTRY_COMPARE_WITH_TIMEOUT(m_store->runs(succeeded).size(), 3000, 60000);
    for (const Run &run : m_store->runs(succeeded))
        QCOMPARE(run.attempt, 1);
}

void TestEngine::eventsReportTransitionsWithoutDatabase()
{
    startEngine();
    QVector<RunEvent> events;
    // The connection lives as long as the locals it writes to, not as long as the engine.
    QObject scope;
    connect(m_engine.get(), &Engine::runEvents, &scope, [&](const QVector<RunEvent> &batch) { events += batch; });
    NewRun flaky = newRun(QStringLiteral("default"), QStringLiteral("fail"), QByteArrayLiteral(R"({"times": 1})"));
    const qint64 id = enqueue(flaky);
    QTRY_COMPARE(events.size(), 2);
    QCOMPARE(events.at(0).runId, id);
    QCOMPARE(events.at(0).state, RunState::Running);
    QCOMPARE(events.at(0).queue, QStringLiteral("default"));
    QCOMPARE(events.at(1).state, RunState::Retryable);
    m_clock->setNowMs(runOf(id).scheduledAt);
    QTRY_COMPARE(events.size(), 4);
    QCOMPARE(events.at(3).state, RunState::Succeeded);
    QCOMPARE(events.at(3).attempt, 2);
}

// The dispatcher hands its counters over every statsIntervalMs; the queue counts are read on the stats thread.
void TestEngine::statisticsCarryCountersAndQueueDepths()
{
    m_store->ensureQueue({QStringLiteral("held"), 3, true}, Operator, m_clock->nowMs());
    for (int i = 0; i < 4; ++i)
        enqueue(newRun(QStringLiteral("held"), QStringLiteral("noop")));
    startEngine();
    QVector<EngineStats> received;
    QObject scope;
    connect(m_engine.get(), &Engine::statsUpdated, &scope, [&](const EngineStats &stats) { received.append(stats); });
    const qint64 done = enqueue(newRun(QStringLiteral("default"), QStringLiteral("noop")));
    QTRY_COMPARE(stateOf(done), RunState::Succeeded);
    // A publication after the run's result was written: counters and depths of that moment.
    const auto current = [&] { return !received.isEmpty() && received.last().counters.succeeded == 1; };
    QTRY_VERIFY_WITH_TIMEOUT((m_clock->advanceMs(1000), current()), 10000);
    const EngineStats stats = received.last();
    QCOMPARE(stats.counters.started, 1);
    const auto held = std::find_if(stats.queues.cbegin(), stats.queues.cend(),
                                   [](const QueueStats &q) { return q.name == QLatin1String("held"); });
    QVERIFY(held != stats.queues.cend());
    QCOMPARE(held->available, 4);
    QVERIFY(held->paused);
    QCOMPARE(held->concurrency, 3);
}

void TestEngine::secretsAreResolvedForTheRunAndNeverStored()
{
    const QByteArray value = "tok-3f9a61c2e8";
    qputenv("VIGIA_SECRET_API_TOKEN", value);
    EnvironmentSecretStore secrets;
    m_engine = std::make_unique<Engine>(withHooks({}), m_db->opener(), m_clock.get(), m_registry);
    m_engine->setSecretStore(&secrets);
    QSignalSpy started(m_engine.get(), &Engine::started);
    m_engine->start();
    QVERIFY(started.wait(10000));
    const QByteArray payload = R"({"headers": {"Authorization": "Bearer ${secret:api_token}"}})";
    const qint64 ok = enqueue(newRun(QStringLiteral("default"), QStringLiteral("echo"), payload));
    NewRun failing =
        newRun(QStringLiteral("default"), QStringLiteral("echo"), R"({"fail": true, "key": "${secret:api_token}"})");
    failing.maxAttempts = 1;
    const qint64 bad = enqueue(failing);
    QTRY_COMPARE(stateOf(ok), RunState::Succeeded);
    QTRY_COMPARE(stateOf(bad), RunState::Dead);
    // The execution saw the value; what was stored has it masked, and the payload keeps the reference.
    QCOMPARE(runOf(ok).result, QByteArrayLiteral(R"({"headers":{"Authorization":"Bearer ***"}})"));
    QCOMPARE(runOf(ok).payload, payload);
    QVERIFY2(runOf(bad).error.contains(QStringLiteral("\"key\":\"***\"")), qPrintable(runOf(bad).error));
    QVERIFY(m_store->attempts(bad).at(0).error.contains(QStringLiteral("***")));
    stopEngine();
    m_store.reset();
    // Not in the database file either (its write-ahead log included).
    for (const QString &file : QStringList{m_db->path(), m_db->path() + QStringLiteral("-wal")}) {
        QFile db(file);
        if (db.open(QIODevice::ReadOnly))
            QVERIFY2(!db.readAll().contains(value), qPrintable(file));
    }
    qunsetenv("VIGIA_SECRET_API_TOKEN");
}

void TestEngine::runReferringToMissingSecretFails()
{
    EnvironmentSecretStore secrets;
    m_engine = std::make_unique<Engine>(withHooks({}), m_db->opener(), m_clock.get(), m_registry);
    m_engine->setSecretStore(&secrets);
    QSignalSpy started(m_engine.get(), &Engine::started);
    m_engine->start();
    QVERIFY(started.wait(10000));
    NewRun run = newRun(QStringLiteral("default"), QStringLiteral("echo"), R"({"key": "${secret:nowhere}"})");
    run.maxAttempts = 1;
    const qint64 id = enqueue(run);
    QTRY_COMPARE(stateOf(id), RunState::Dead);
    QVERIFY2(runOf(id).error.contains(QStringLiteral("VIGIA_SECRET_NOWHERE")), qPrintable(runOf(id).error));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
