// Nodes and the leader lease on every backend: nodes register and heartbeat, the lease is taken by compare-and-set
// (free, expired, or renewed by its holder), released on a graceful exit, and when several connections race for an
// expired lease exactly one wins.
#include "storefixture.h"

#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 T0 = 1'700'000'000'000;
const Actor Operator{QStringLiteral("tester")};

NewRun runIn(const char *queue, const char *uniqueKey = "", qint64 runAt = 0)
{
    NewRun run;
    run.queue = QLatin1String(queue);
    run.kind = QStringLiteral("noop");
    run.payload = QByteArrayLiteral("{}");
    run.uniqueKey = QLatin1String(uniqueKey);
    run.runAt = runAt;
    return run;
}

NodeInfo node(const char *id, qint64 at)
{
    NodeInfo n;
    n.id = QLatin1String(id);
    n.host = QStringLiteral("host-1");
    n.pid = 4242;
    n.version = QStringLiteral("1.2.3");
    n.startedAt = at;
    n.heartbeatAt = at;
    n.state = QStringLiteral("running");
    return n;
}
} // namespace

class TestStoreCluster : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void registeredNodesAreListedWithTheirHeartbeat();
    void registeringAgainReplacesTheNodesRow();
    void freeLeaseIsTakenByTheFirstNode();
    void holderRenewsItsLeaseKeepingItsStart();
    void liveLeaseIsRefusedToOtherNodes();
    void expiredLeaseIsTakenOverByAnotherNode();
    void releasedLeaseCanBeTakenAtOnce();
    void onlyTheHolderCanRelease();
    void racingNodesForAnExpiredLeaseOneWins();
    void enqueueAnnouncesItsQueuesToListeners();
    void unannouncedEnqueueIsAnnouncedOnlyWhenAsked();
    void runsCanBeListedByLeaseOwner();

private:
    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;
};

void TestStoreCluster::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : availableBackends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void TestStoreCluster::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fixture = makeFixture(backend);
    m_store = m_fixture->open();
}

void TestStoreCluster::cleanup()
{
    m_store.reset();
    m_fixture.reset();
}

void TestStoreCluster::registeredNodesAreListedWithTheirHeartbeat()
{
    QVERIFY(m_store->nodes().isEmpty());
    m_store->registerNode(node("node-b", T0));
    m_store->registerNode(node("node-a", T0 + 5));
    m_store->heartbeatNode(QStringLiteral("node-b"), QStringLiteral("running"), T0 + 1000);
    m_store->heartbeatNode(QStringLiteral("node-a"), QStringLiteral("stopped"), T0 + 2000);
    const QVector<NodeInfo> nodes = m_store->nodes();
    QCOMPARE(nodes.size(), 2);
    QCOMPARE(nodes.at(0).id, QStringLiteral("node-a"));
    QCOMPARE(nodes.at(0).state, QStringLiteral("stopped"));
    QCOMPARE(nodes.at(0).heartbeatAt, T0 + 2000);
    QCOMPARE(nodes.at(0).startedAt, T0 + 5);
    QCOMPARE(nodes.at(1).id, QStringLiteral("node-b"));
    QCOMPARE(nodes.at(1).host, QStringLiteral("host-1"));
    QCOMPARE(nodes.at(1).pid, 4242);
    QCOMPARE(nodes.at(1).version, QStringLiteral("1.2.3"));
    QCOMPARE(nodes.at(1).state, QStringLiteral("running"));
    QCOMPARE(nodes.at(1).heartbeatAt, T0 + 1000);
}

void TestStoreCluster::registeringAgainReplacesTheNodesRow()
{
    m_store->registerNode(node("node-a", T0));
    m_store->heartbeatNode(QStringLiteral("node-a"), QStringLiteral("stopped"), T0 + 10);
    NodeInfo restarted = node("node-a", T0 + 60'000);
    restarted.pid = 7;
    m_store->registerNode(restarted);
    const QVector<NodeInfo> nodes = m_store->nodes();
    QCOMPARE(nodes.size(), 1);
    QCOMPARE(nodes.at(0).pid, 7);
    QCOMPARE(nodes.at(0).state, QStringLiteral("running"));
    QCOMPARE(nodes.at(0).startedAt, T0 + 60'000);
}

void TestStoreCluster::freeLeaseIsTakenByTheFirstNode()
{
    QCOMPARE(m_store->leaderLease().holder, QString());
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-a"), T0, T0 + 15'000));
    const LeaderLease lease = m_store->leaderLease();
    QCOMPARE(lease.holder, QStringLiteral("node-a"));
    QCOMPARE(lease.expiresAt, T0 + 15'000);
    QCOMPARE(lease.since, T0);
}

void TestStoreCluster::holderRenewsItsLeaseKeepingItsStart()
{
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-a"), T0, T0 + 15'000));
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-a"), T0 + 5'000, T0 + 20'000));
    // Even a holder that renews late (its lease ran out but nobody took it) keeps leading.
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-a"), T0 + 30'000, T0 + 45'000));
    const LeaderLease lease = m_store->leaderLease();
    QCOMPARE(lease.holder, QStringLiteral("node-a"));
    QCOMPARE(lease.expiresAt, T0 + 45'000);
    QCOMPARE(lease.since, T0);
}

void TestStoreCluster::liveLeaseIsRefusedToOtherNodes()
{
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-a"), T0, T0 + 15'000));
    QVERIFY(!m_store->acquireLeadership(QStringLiteral("node-b"), T0 + 1, T0 + 15'001));
    QVERIFY(!m_store->acquireLeadership(QStringLiteral("node-b"), T0 + 15'000, T0 + 30'000)); // expires_at is still in
    const LeaderLease lease = m_store->leaderLease();
    QCOMPARE(lease.holder, QStringLiteral("node-a"));
    QCOMPARE(lease.expiresAt, T0 + 15'000);
}

void TestStoreCluster::expiredLeaseIsTakenOverByAnotherNode()
{
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-a"), T0, T0 + 15'000));
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-b"), T0 + 15'001, T0 + 30'001));
    LeaderLease lease = m_store->leaderLease();
    QCOMPARE(lease.holder, QStringLiteral("node-b"));
    QCOMPARE(lease.since, T0 + 15'001);
    // The old leader's renewal now fails: it must step down.
    QVERIFY(!m_store->acquireLeadership(QStringLiteral("node-a"), T0 + 15'002, T0 + 30'002));
    lease = m_store->leaderLease();
    QCOMPARE(lease.holder, QStringLiteral("node-b"));
    QCOMPARE(lease.expiresAt, T0 + 30'001);
}

void TestStoreCluster::releasedLeaseCanBeTakenAtOnce()
{
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-a"), T0, T0 + 15'000));
    m_store->releaseLeadership(QStringLiteral("node-a"));
    QCOMPARE(m_store->leaderLease().holder, QString());
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-b"), T0 + 1, T0 + 15'001));
    QCOMPARE(m_store->leaderLease().holder, QStringLiteral("node-b"));
}

void TestStoreCluster::onlyTheHolderCanRelease()
{
    QVERIFY(m_store->acquireLeadership(QStringLiteral("node-a"), T0, T0 + 15'000));
    m_store->releaseLeadership(QStringLiteral("node-b"));
    QCOMPARE(m_store->leaderLease().holder, QStringLiteral("node-a"));
    QCOMPARE(m_store->leaderLease().expiresAt, T0 + 15'000);
}

void TestStoreCluster::racingNodesForAnExpiredLeaseOneWins()
{
    QVERIFY(m_store->acquireLeadership(QStringLiteral("old-leader"), T0, T0 + 15'000));
    constexpr int Racers = 6;
    // Each racer opens its own connection in its own thread, then all try at once for the lease that expired.
    std::atomic<int> ready{0};
    std::atomic<int> winners{0};
    std::atomic<int> failures{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Racers; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            try {
                std::unique_ptr<Store> store = m_fixture->open();
                ++ready;
                while (ready.load() < Racers)
                    QThread::yieldCurrentThread();
                if (store->acquireLeadership(QStringLiteral("racer-%1").arg(i), T0 + 20'000, T0 + 35'000))
                    ++winners;
            } catch (const StoreError &error) {
                qWarning().noquote() << error.message();
                ++failures;
                ++ready;
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60'000));
    QCOMPARE(failures.load(), 0);
    QCOMPARE(winners.load(), 1);
    QVERIFY(m_store->leaderLease().holder.startsWith(QLatin1String("racer-")));
}

void TestStoreCluster::enqueueAnnouncesItsQueuesToListeners()
{
    QFETCH_GLOBAL(QString, backend);
    std::unique_ptr<Store> listener = m_fixture->open();
    if (backend == QLatin1String("sqlite")) {
        // One process per SQLite file: nothing to announce, the engine polls.
        QVERIFY(!listener->listenForWakes());
        QCOMPARE(listener->wakeSocket(), -1);
        QVERIFY(listener->takeWakes().isEmpty());
        return;
    }
    QVERIFY(listener->listenForWakes());
    QVERIFY(listener->wakeSocket() >= 0);
    QVERIFY(listener->takeWakes().isEmpty());
    m_store->ensureQueue({QStringLiteral("mail"), 10, false}, Operator, T0);
    m_store->ensureQueue({QStringLiteral("reports"), 10, false}, Operator, T0);

    // Unkeyed (one statement), keyed (in a transaction) and future runs: each enqueue announces its queues, once
    // per queue however many runs it inserted.
    m_store->enqueue({runIn("mail"), runIn("mail"), runIn("default")}, T0);
    QStringList heard;
    QTRY_COMPARE_WITH_TIMEOUT((heard += listener->takeWakes(), heard.size()), 2, 10000);
    heard.sort();
    QCOMPARE(heard, (QStringList{QStringLiteral("default"), QStringLiteral("mail")}));

    heard.clear();
    m_store->enqueue({runIn("reports", "k1"), runIn("reports", "k2", T0 + 60'000)}, T0);
    QTRY_COMPARE_WITH_TIMEOUT((heard += listener->takeWakes(), heard), QStringList{QStringLiteral("reports")}, 10000);

    // A duplicate key inserts nothing and announces nothing; a failed enqueue (unknown queue) neither.
    m_store->enqueue({runIn("reports", "k1")}, T0);
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->enqueue({runIn("nowhere")}, T0));
    m_store->enqueue({runIn("default")}, T0);
    heard.clear();
    QTRY_COMPARE_WITH_TIMEOUT((heard += listener->takeWakes(), heard), QStringList{QStringLiteral("default")}, 10000);
}

void TestStoreCluster::unannouncedEnqueueIsAnnouncedOnlyWhenAsked()
{
    QFETCH_GLOBAL(QString, backend);
    std::unique_ptr<Store> listener = m_fixture->open();
    const bool listening = listener->listenForWakes();
    QCOMPARE(listening, backend == QLatin1String("postgres"));
    m_store->ensureQueue({QStringLiteral("mail"), 10, false}, Operator, T0);
    // Every statement that inserts, silenced: one run, an unkeyed batch, a keyed batch in a transaction.
    const QVector<EnqueueResult> quiet = m_store->enqueueUnannounced({runIn("default")}, T0);
    m_store->enqueueUnannounced({runIn("default"), runIn("mail")}, T0);
    m_store->enqueueUnannounced({runIn("default", "k1"), runIn("mail", "k2")}, T0);
    QCOMPARE(quiet.size(), 1);
    QCOMPARE(m_store->run(quiet.constFirst().id)->state, RunState::Available); // enqueued all the same
    m_store->announce({QStringLiteral("mail"), QStringLiteral("mail")});
    if (!listening)
        return; // SQLite: nothing to announce (one process per file), and no error
    // Notifications arrive in commit order: the first one heard is the announcement, once per queue.
    QStringList heard;
    QTRY_VERIFY_WITH_TIMEOUT((heard += listener->takeWakes(), !heard.isEmpty()), 10000);
    QCOMPARE(heard, QStringList{QStringLiteral("mail")});
    // The same connection announces its plain enqueues again.
    m_store->enqueue({runIn("default")}, T0);
    heard.clear();
    QTRY_COMPARE_WITH_TIMEOUT((heard += listener->takeWakes(), heard), QStringList{QStringLiteral("default")}, 10000);
}

void TestStoreCluster::runsCanBeListedByLeaseOwner()
{
    m_store->enqueue({runIn("default"), runIn("default"), runIn("default")}, T0);
    const ExchangeResult a = m_store->exchange({}, ClaimRequest{QStringLiteral("node-a"), 2, T0, T0 + 30'000});
    const ExchangeResult b = m_store->exchange({}, ClaimRequest{QStringLiteral("node-b"), 1, T0, T0 + 30'000});
    QCOMPARE(a.claimed.size(), 2);
    QCOMPARE(b.claimed.size(), 1);
    RunFilter filter;
    filter.state = RunState::Running;
    filter.leaseOwner = QStringLiteral("node-a");
    QVector<qint64> held;
    for (const Run &run : m_store->runs(filter))
        held.append(run.id);
    std::sort(held.begin(), held.end());
    QCOMPARE(held, (QVector<qint64>{a.claimed.at(0).id, a.claimed.at(1).id}));
    filter.leaseOwner = QStringLiteral("node-c");
    QVERIFY(m_store->runs(filter).isEmpty());
}

QTEST_GUILESS_MAIN(TestStoreCluster)
#include "tst_storecluster.moc"
