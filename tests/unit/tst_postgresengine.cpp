// The engine on a real PostgreSQL server of this test's own: a run enqueued by another process starts on its
// notification (LISTEN/NOTIFY), not at the next poll, with wake-ups debounced per queue; polling remains the fallback.
// The clock is fake and never moves unless the test says, so a run that starts without it moving was started by a
// wake-up.
#include "engine/engine.h"
#include "engine/wakelistener.h"
#include "executors/executorregistry.h"
#include "fakeclock.h"
#include "postgresserver.h"
#include "testsupport.h"
#include "util/ownedthread.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 LongPollMs = 3'600'000; // an hour on the fake clock: never reached unless the test moves it

NewRun noopRun()
{
    NewRun run;
    run.queue = QStringLiteral("default");
    run.kind = QStringLiteral("noop");
    run.payload = QByteArrayLiteral("{}");
    return run;
}

NewRun sleepRun()
{
    NewRun run = noopRun();
    run.kind = QStringLiteral("sleep");
    run.payload = QByteArrayLiteral("{\"ms\":1000}"); // on the fake clock
    return run;
}
} // namespace

class TestPostgresEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void runEnqueuedByAnotherConnectionStartsOnItsNotification();
    void withoutWakeUpsTheRunStartsAtThePoll();
    void wakeUpsAreDebouncedPerQueue();
    void engineEnqueueClaimsForItsFreeSlotsAndAnnouncesTheRest();
    void resultsOfRunsFinishingDuringAnOutageAreWrittenOnceItEnds();

private:
    StoreOpener opener() const;
    Engine &startEngine(EngineConfig config);
    RunState stateOf(qint64 id) { return m_store->run(id)->state; }

    std::unique_ptr<PostgresServer> m_server;
    QString m_database;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store; // the "other process": a connection of the test's own
    ExecutorRegistry m_registry;
    std::unique_ptr<Engine> m_engine;
    std::atomic<int> m_started{0}; // executions workers started
};

void TestPostgresEngine::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false"));
    QVERIFY2(!PostgresServer::binDir().isEmpty(), "PostgreSQL's server is not installed (see scripts/deps.sh)");
    m_server = std::make_unique<PostgresServer>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_registry = ExecutorRegistry::withBuiltins();
}

void TestPostgresEngine::init()
{
    QString error;
    m_database = m_server->createDatabase(&error);
    QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    m_clock = std::make_unique<FakeClock>();
    m_started = 0;
    m_store = opener()();
    ensureSchema(*m_store);
}

void TestPostgresEngine::cleanup()
{
    if (m_engine && m_engine->isRunning()) {
        QSignalSpy stopped(m_engine.get(), &Engine::stopped);
        m_engine->stop(0);
        stopped.wait(10000);
    }
    m_engine.reset();
    m_store.reset();
    m_clock.reset();
    if (m_server->isRunning())
        m_server->dropDatabase(m_database);
}

StoreOpener TestPostgresEngine::opener() const
{
    const QString url = m_server->url(m_database);
    return [url] {
        QString error;
        const std::optional<StoreUrl> parsed = StoreUrl::parse(url, &error);
        if (!parsed)
            throw StoreError(error);
        return openStore(*parsed);
    };
}

Engine &TestPostgresEngine::startEngine(EngineConfig config)
{
    config.nodeId = QStringLiteral("node-a");
    config.pollIntervalMs = LongPollMs;
    config.onRunStarted = [this](qint64) { ++m_started; };
    m_engine = std::make_unique<Engine>(config, opener(), m_clock.get(), m_registry);
    QSignalSpy started(m_engine.get(), &Engine::started);
    m_engine->start();
    if (!started.wait(10000))
        qFatal("engine did not start");
    return *m_engine;
}

void TestPostgresEngine::runEnqueuedByAnotherConnectionStartsOnItsNotification()
{
    EngineConfig config;
    config.wakeDebounceMs = 0; // the fake clock stands still: a debounce window would never end
    Engine &engine = startEngine(config);
    QTRY_VERIFY_WITH_TIMEOUT(engine.isListeningForWakes(), 10000);
    const qint64 first = m_store->enqueue({noopRun()}, m_clock->nowMs()).constFirst().id;
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(first), RunState::Succeeded, 10000);
    // And again, once the engine is idle: each enqueue wakes it.
    const qint64 second = m_store->enqueue({noopRun(), noopRun()}, m_clock->nowMs()).constLast().id;
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(second), RunState::Succeeded, 10000);
    QCOMPARE(stateOf(second - 1), RunState::Succeeded);
}

void TestPostgresEngine::withoutWakeUpsTheRunStartsAtThePoll()
{
    EngineConfig config;
    config.listenForWakes = false;
    Engine &engine = startEngine(config);
    QVERIFY(!engine.isListeningForWakes());
    const qint64 id = m_store->enqueue({noopRun()}, m_clock->nowMs()).constFirst().id;
    QCOMPARE(stateOf(id), RunState::Available);
    m_clock->advanceMs(LongPollMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), RunState::Succeeded, 10000);
}

void TestPostgresEngine::wakeUpsAreDebouncedPerQueue()
{
    constexpr qint64 DebounceMs = 1000;
    m_store->ensureQueue({QStringLiteral("other"), 10, false}, Actor{QStringLiteral("tester")}, m_clock->nowMs());
    OwnedThread<WakeListener> thread(QStringLiteral("test-wakes"),
                                     std::make_unique<WakeListener>(opener(), m_clock.get(), DebounceMs));
    WakeListener *listener = thread.object();
    QSignalSpy listening(listener, &WakeListener::listeningChanged);
    QSignalSpy wakes(listener, &WakeListener::wake);
    QMetaObject::invokeMethod(listener, &WakeListener::start, Qt::QueuedConnection);
    QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 1, 10000);
    QCOMPARE(listening.at(0).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(wakes.size(), 1, 10000); // once listening: for what may have been enqueued before

    const auto enqueueTo = [this](const char *queue) {
        NewRun run = noopRun();
        run.queue = QLatin1String(queue);
        m_store->enqueue({run}, m_clock->nowMs());
    };
    enqueueTo("default");
    QTRY_COMPARE_WITH_TIMEOUT(wakes.size(), 2, 10000); // the first of a queue wakes at once
    enqueueTo("default");
    enqueueTo("default");
    enqueueTo("other"); // another queue is not held back by this one's window; it arrives after the others
    QTRY_COMPARE_WITH_TIMEOUT(wakes.size(), 3, 10000);
    QCOMPARE(wakes.size(), 3); // the two of `default` in its window are folded...
    m_clock->advanceMs(DebounceMs);
    QTRY_COMPARE_WITH_TIMEOUT(wakes.size(), 4, 10000); // ...into one wake when it ends
    m_clock->advanceMs(DebounceMs);
    enqueueTo("default");
    QTRY_COMPARE_WITH_TIMEOUT(wakes.size(), 5, 10000); // after a quiet window, at once again
}

void TestPostgresEngine::engineEnqueueClaimsForItsFreeSlotsAndAnnouncesTheRest()
{
    EngineConfig config;
    config.concurrency = 2;
    config.wakeDebounceMs = 0;
    Engine &engine = startEngine(config);
    QTRY_VERIFY_WITH_TIMEOUT(engine.isListeningForWakes(), 10000);
    std::unique_ptr<Store> otherNode = opener()();
    QVERIFY(otherNode->listenForWakes());

    // A free slot: when enqueue() returns, the run is this node's, claimed on the connection that enqueued it (the
    // clock stands still and nothing announced it, so the dispatcher had no reason to look).
    const qint64 first = engine.enqueue({sleepRun()}).constFirst().id;
    std::optional<Run> run = m_store->run(first);
    QCOMPARE(run->state, RunState::Running);
    QCOMPARE(run->leaseOwner, QStringLiteral("node-a"));
    QCOMPARE(run->attempt, 1);

    // Two more, one slot left: the earlier of them is claimed the same way, the other is announced to other nodes.
    const QVector<EnqueueResult> more = engine.enqueue({sleepRun(), sleepRun()});
    QCOMPARE(m_store->run(more.at(0).id)->state, RunState::Running);
    QCOMPARE(m_store->run(more.at(0).id)->leaseOwner, QStringLiteral("node-a"));
    // Notifications come in commit order: had the first enqueue been announced, it would be heard first.
    QStringList heard;
    QTRY_VERIFY_WITH_TIMEOUT((heard += otherNode->takeWakes(), !heard.isEmpty()), 10000);
    QCOMPARE(heard, QStringList{QStringLiteral("default")});

    // No slot free: enqueued and announced as usual, and the run waits for a slot.
    const qint64 last = engine.enqueue({noopRun()}).constFirst().id;
    heard.clear();
    QTRY_COMPARE_WITH_TIMEOUT((heard += otherNode->takeWakes(), heard), QStringList{QStringLiteral("default")}, 10000);

    // Everything runs once, two at a time.
    QTRY_COMPARE_WITH_TIMEOUT(m_started.load(), 2, 10000);
    m_clock->advanceMs(1000); // the first two finish, the other two start
    QTRY_COMPARE_WITH_TIMEOUT(m_started.load(), 4, 10000);
    m_clock->advanceMs(1000);
    for (const qint64 id : {first, more.at(0).id, more.at(1).id, last}) {
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), RunState::Succeeded, 10000);
        QCOMPARE(m_store->run(id)->attempt, 1);
    }
    QCOMPARE(m_started.load(), 4);
}

void TestPostgresEngine::resultsOfRunsFinishingDuringAnOutageAreWrittenOnceItEnds()
{
    EngineConfig config;
    config.wakeDebounceMs = 0;
    Engine &engine = startEngine(config);
    QVERIFY(engine.isReady());
    QSignalSpy readiness(&engine, &Engine::readyChanged);
    QTRY_VERIFY_WITH_TIMEOUT(engine.isListeningForWakes(), 10000);
    NewRun sleep = noopRun();
    sleep.kind = QStringLiteral("sleep");
    sleep.payload = QByteArrayLiteral("{\"ms\":1000}"); // on the fake clock
    const QVector<EnqueueResult> runs = m_store->enqueue({sleep, sleep, sleep}, m_clock->nowMs());
    QTRY_COMPARE_WITH_TIMEOUT(m_started.load(), 3, 10000);

    // The database goes away while the runs execute; they finish meanwhile.
    m_store.reset();
    m_server->stopNow();
    m_clock->advanceMs(1000);
    QTRY_VERIFY_WITH_TIMEOUT(!engine.isReady(), 10000);
    QCOMPARE(readiness.size(), 1);
    QCOMPARE(readiness.at(0).at(0).toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(!engine.isListeningForWakes(), 10000);
    m_clock->advanceMs(10'000); // the engine tries again (and fails): still not ready, still running
    QVERIFY(engine.isRunning());

    // Back within the runs' lease (30 s): the engine reconnects at its next attempt and writes the kept results.
    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    m_clock->advanceMs(10'000);
    QTRY_VERIFY_WITH_TIMEOUT(engine.isReady(), 10000);
    QCOMPARE(readiness.size(), 2);
    m_store = opener()();
    for (const EnqueueResult &run : runs) {
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(run.id), RunState::Succeeded, 10000);
        const QVector<Attempt> attempts = m_store->attempts(run.id);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).outcome, QStringLiteral("succeeded"));
        QCOMPARE(m_store->run(run.id)->attempt, 1);
    }
    QCOMPARE(m_started.load(), 3); // nothing ran twice

    // The wake-up listener is back too: a run enqueued elsewhere starts with the clock standing still.
    QTRY_VERIFY_WITH_TIMEOUT(engine.isListeningForWakes(), 10000);
    const qint64 next = m_store->enqueue({noopRun()}, m_clock->nowMs()).constFirst().id;
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(next), RunState::Succeeded, 10000);
}

QTEST_GUILESS_MAIN(TestPostgresEngine)
#include "tst_postgresengine.moc"
