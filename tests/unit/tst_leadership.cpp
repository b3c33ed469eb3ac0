// Leadership on a real database and a fake clock: the first node leads at once and renews every third of the lease,
// a second node waits, takes over a dead leader's lease within two lease periods (and not before the lease ran
// out), a leader whose lease was taken steps down, and a node that resigns hands over at once. The engine starts its
// leader duties on gain and destroys them on loss. Nothing sleeps: time moves when the test says.
#include "engine/engine.h"
#include "engine/leadership.h"
#include "executors/executorregistry.h"
#include "fakeclock.h"
#include "testsupport.h"
#include "util/ownedthread.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 Lease = 15'000;
constexpr qint64 Renew = Lease / 3;

std::atomic<int> g_dutiesAlive{0};
std::atomic<int> g_dutyStarts{0};

class CountingDuty : public QObject {
    Q_OBJECT
public:
    CountingDuty() { ++g_dutiesAlive; }
    ~CountingDuty() override { --g_dutiesAlive; }
public slots:
    void start() { ++g_dutyStarts; }
};
} // namespace

class TestLeadership : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstNodeLeadsAtOnceAndRenewsEveryThirdOfTheLease();
    void deadLeaderIsReplacedWithinTwoLeases();
    void leaderStepsDownWhenAnotherNodeTookTheLease();
    void resigningLeaderHandsOverAtTheNextRenewal();
    void engineRunsLeaderDutiesOnlyWhileLeading();

private:
    struct Node {
        std::unique_ptr<OwnedThread<Leadership>> thread;
        std::unique_ptr<QSignalSpy> gained;
        std::unique_ptr<QSignalSpy> lost;
        Leadership *object() const { return thread->object(); }
    };
    Node startNode(const char *id);
    qint64 heartbeatOf(const char *id);
    // Moves the clock by `ms` and waits until every listed node has run its renewal for the new time.
    void advance(qint64 ms, std::initializer_list<const char *> ticking);

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store;
};

void TestLeadership::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_clock = std::make_unique<FakeClock>();
    m_store = m_db->open();
}

void TestLeadership::cleanup()
{
    m_store.reset();
    m_clock.reset();
    m_db.reset();
}

TestLeadership::Node TestLeadership::startNode(const char *id)
{
    Node node;
    auto leadership = std::make_unique<Leadership>(Leadership::Config{QLatin1String(id), Lease, QStringLiteral("t")},
                                                   m_db->opener(), m_clock.get());
    node.gained = std::make_unique<QSignalSpy>(leadership.get(), &Leadership::gained);
    node.lost = std::make_unique<QSignalSpy>(leadership.get(), &Leadership::lost);
    Leadership *l = leadership.get();
    node.thread = std::make_unique<OwnedThread<Leadership>>(QStringLiteral("leadership"), std::move(leadership));
    QMetaObject::invokeMethod(l, &Leadership::start, Qt::QueuedConnection);
    // Registered: its first tick ran (the callers' checks fail if it did not).
    if (!QTest::qWaitFor([&] { return heartbeatOf(id) == m_clock->nowMs(); }, 10'000))
        qWarning("%s did not register", id);
    return node;
}

qint64 TestLeadership::heartbeatOf(const char *id)
{
    for (const NodeInfo &node : m_store->nodes()) {
        if (node.id == QLatin1String(id))
            return node.heartbeatAt;
    }
    return 0;
}

void TestLeadership::advance(qint64 ms, std::initializer_list<const char *> ticking)
{
    m_clock->advanceMs(ms);
    for (const char *id : ticking)
        QTRY_COMPARE(heartbeatOf(id), m_clock->nowMs());
}

void TestLeadership::firstNodeLeadsAtOnceAndRenewsEveryThirdOfTheLease()
{
    Node a = startNode("node-a");
    QTRY_COMPARE(a.gained->size(), 1);
    QVERIFY(a.object()->isLeader());
    const qint64 t0 = m_clock->nowMs();
    QCOMPARE(m_store->leaderLease().holder, QStringLiteral("node-a"));
    QCOMPARE(m_store->leaderLease().expiresAt, t0 + Lease);

    Node b = startNode("node-b");
    for (int i = 1; i <= 9; ++i) {
        advance(Renew, {"node-a", "node-b"});
        QCOMPARE(m_store->leaderLease().expiresAt, m_clock->nowMs() + Lease);
    }
    QCOMPARE(m_store->leaderLease().holder, QStringLiteral("node-a"));
    QCOMPARE(m_store->leaderLease().since, t0);
    QCOMPARE(a.gained->size(), 1);
    QCOMPARE(a.lost->size(), 0);
    QCOMPARE(b.gained->size(), 0);
    QVERIFY(!b.object()->isLeader());
}

void TestLeadership::deadLeaderIsReplacedWithinTwoLeases()
{
    Node a = startNode("node-a");
    QTRY_COMPARE(a.gained->size(), 1);
    Node b = startNode("node-b");
    advance(Renew, {"node-a", "node-b"});
    // kill -9: the thread goes away without resigning; its lease stays in the table until it runs out.
    a.thread.reset();
    const qint64 killedAt = m_clock->nowMs();
    qint64 takeover = 0;
    while (takeover == 0 && m_clock->nowMs() - killedAt <= 3 * Lease) {
        // Smaller steps than a renewal: each one lands on node-b's next renewal, or not at all.
        m_clock->advanceMs(Renew / 5);
        QTest::qWait(0);
        const qint64 now = m_clock->nowMs();
        if ((now - killedAt) % Renew == 0)
            QTRY_COMPARE(heartbeatOf("node-b"), now);
        if (b.gained->size() > 0 || b.object()->isLeader())
            takeover = now - killedAt;
    }
    QTRY_COMPARE(b.gained->size(), 1);
    qInfo("takeover %lld ms after the leader died (lease %lld ms)", takeover, Lease);
    QVERIFY2(takeover > Lease - Renew, "took the lease before it ran out");
    QVERIFY2(takeover <= 2 * Lease, "took longer than two lease periods");
    QCOMPARE(m_store->leaderLease().holder, QStringLiteral("node-b"));
}

void TestLeadership::leaderStepsDownWhenAnotherNodeTookTheLease()
{
    Node a = startNode("node-a");
    QTRY_COMPARE(a.gained->size(), 1);
    // An operator (or a node whose clock ran ahead) took the lease away.
    m_store->releaseLeadership(QStringLiteral("node-a"));
    QVERIFY(m_store->acquireLeadership(QStringLiteral("intruder"), m_clock->nowMs(), m_clock->nowMs() + 10 * Lease));
    advance(Renew, {"node-a"});
    QTRY_COMPARE(a.lost->size(), 1);
    QVERIFY(!a.object()->isLeader());
    QCOMPARE(m_store->leaderLease().holder, QStringLiteral("intruder"));
}

void TestLeadership::resigningLeaderHandsOverAtTheNextRenewal()
{
    Node a = startNode("node-a");
    QTRY_COMPARE(a.gained->size(), 1);
    Node b = startNode("node-b");
    QMetaObject::invokeMethod(a.object(), &Leadership::resign, Qt::QueuedConnection);
    QTRY_COMPARE(a.lost->size(), 1);
    QTRY_COMPARE(m_store->leaderLease().holder, QString());
    for (const NodeInfo &node : m_store->nodes()) {
        if (node.id == QLatin1String("node-a"))
            QCOMPARE(node.state, QStringLiteral("stopped"));
    }
    advance(Renew, {"node-b"});
    QTRY_COMPARE(b.gained->size(), 1);
    QCOMPARE(m_store->leaderLease().holder, QStringLiteral("node-b"));
}

void TestLeadership::engineRunsLeaderDutiesOnlyWhileLeading()
{
    g_dutiesAlive = 0;
    g_dutyStarts = 0;
    const ExecutorRegistry registry = ExecutorRegistry::withBuiltins();
    auto makeEngine = [&](const char *id) {
        EngineConfig config;
        config.nodeId = QLatin1String(id);
        config.leaderLeaseMs = Lease;
        config.runScheduler = false;
        config.runRescuer = false;
        auto engine = std::make_unique<Engine>(config, m_db->opener(), m_clock.get(), registry);
        engine->addLeaderDuty(QStringLiteral("counting"), [] { return std::make_unique<CountingDuty>(); });
        return engine;
    };
    std::unique_ptr<Engine> a = makeEngine("engine-a");
    QSignalSpy aGained(a.get(), &Engine::leadershipGained);
    a->start();
    QTRY_COMPARE(aGained.size(), 1);
    QVERIFY(a->isLeader());
    QTRY_COMPARE(g_dutyStarts.load(), 1);
    QCOMPARE(g_dutiesAlive.load(), 1);
    QVERIFY(a->leaderDuty(QStringLiteral("counting")) != nullptr);

    std::unique_ptr<Engine> b = makeEngine("engine-b");
    QSignalSpy bGained(b.get(), &Engine::leadershipGained);
    b->start();
    QTRY_COMPARE(heartbeatOf("engine-b"), m_clock->nowMs());
    QVERIFY(!b->isLeader());
    QCOMPARE(g_dutiesAlive.load(), 1);

    // engine-a stops: its duty is destroyed and its lease released; engine-b starts its own at its next renewal.
    QSignalSpy aStopped(a.get(), &Engine::stopped);
    a->stop(0);
    QTRY_COMPARE(aStopped.size(), 1);
    QVERIFY(!a->isLeader());
    QCOMPARE(g_dutiesAlive.load(), 0);
    QTRY_COMPARE(m_store->leaderLease().holder, QString());
    advance(Renew, {"engine-b"});
    QTRY_COMPARE(bGained.size(), 1);
    QTRY_COMPARE(g_dutyStarts.load(), 2);
    QCOMPARE(g_dutiesAlive.load(), 1);
    a.reset();
    b.reset();
    QCOMPARE(g_dutiesAlive.load(), 0);
}

QTEST_GUILESS_MAIN(TestLeadership)
#include "tst_leadership.moc"
