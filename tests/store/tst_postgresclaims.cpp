// What only PostgreSQL can show: several connections (nodes) claiming from one database at the same time. Queue
// concurrency holds across them, no run is claimed twice, a claimer passes over runs another transaction holds, and it
// waits for another claimer's queue lock and then counts that claimer's runs.
#include "engine/engine.h"
#include "postgresserver.h"
#include "store/migration.h"
#include "store/storefactory.h"

#include <QRandomGenerator>
#include <QTest>

#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <thread>

using namespace vigia;
using namespace vigia::test;

namespace {
const Actor Operator{QStringLiteral("tester")};
constexpr qint64 T0 = 1'700'000'000'000;

NewRun runIn(const QString &queue)
{
    NewRun run;
    run.kind = QStringLiteral("noop");
    run.queue = queue;
    return run;
}

Completion succeeded(const Run &run, const QString &node, qint64 at)
{
    Completion c;
    c.runId = run.id;
    c.attempt = run.attempt;
    c.node = node;
    c.newState = RunState::Succeeded;
    c.outcome = QStringLiteral("succeeded");
    c.startedAt = run.startedAt;
    c.finishedAt = at;
    return c;
}

// The highest value an atomic counter reached.
void raiseTo(std::atomic<int> &max, int value)
{
    int seen = max.load();
    while (value > seen && !max.compare_exchange_weak(seen, value)) {
    }
}
} // namespace

class TestPostgresClaims : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void concurrentClaimersNeverExceedConcurrencyNorClaimTwice();
    void claimSkipsRunsLockedByAnotherTransaction();
    void claimWaitsForQueueLockThenCountsCommittedClaims();
    void exchangeClaimsTheSlotItsCompletionsFreed();
    void overlappingCompletionsFinishEachRunOnceWithoutDeadlock();
    void concurrentMigrationsApplyEachStepOnce();

private:
    std::unique_ptr<Store> open(bool migrated = true) const
    {
        QString error;
        std::unique_ptr<Store> store = openStore(*StoreUrl::parse(m_server->url(m_database), &error));
        if (migrated)
            ensureSchema(*store);
        return store;
    }
    std::string conninfo() const { return m_server->url(m_database).toStdString(); }

    PostgresServer *m_server = nullptr;
    QString m_database;
};

void TestPostgresClaims::initTestCase()
{
    if (PostgresServer::binDir().isEmpty())
        QSKIP("PostgreSQL's server is not installed (see scripts/deps.sh)");
    QString error;
    m_server = PostgresServer::shared(&error);
    QVERIFY2(m_server, qPrintable(error));
}

void TestPostgresClaims::init()
{
    QString error;
    m_database = m_server->createDatabase(&error);
    QVERIFY2(!m_database.isEmpty(), qPrintable(error));
}

void TestPostgresClaims::cleanup()
{
    if (!m_database.isEmpty())
        m_server->dropDatabase(m_database);
    m_database.clear();
}

void TestPostgresClaims::concurrentClaimersNeverExceedConcurrencyNorClaimTwice()
{
    constexpr int Narrow = 3, Wide = 7, Threads = 4, NarrowRuns = 1200, WideRuns = 800;
    constexpr int Total = NarrowRuns + WideRuns;
    const QString narrow = QStringLiteral("narrow"), wide = QStringLiteral("wide"), held = QStringLiteral("held");
    {
        const std::unique_ptr<Store> setup = open();
        setup->ensureQueue({narrow, Narrow, false}, Operator, T0);
        setup->ensureQueue({wide, Wide, false}, Operator, T0);
        setup->ensureQueue({held, 5, true}, Operator, T0);
        QVector<NewRun> runs;
        for (int i = 0; i < Total; ++i)
            runs.append(runIn(i % 5 < 3 ? narrow : wide));
        runs += QVector<NewRun>(50, runIn(held));
        setup->enqueue(runs, T0);
    }

    std::mutex mutex;
    std::set<qint64> claimedIds;
    QStringList failures;
    std::atomic<int> completed{0}, duplicates{0}, holding{0}, maxHolding{0};
    std::atomic<int> heldNarrow{0}, heldWide{0}, maxHeldNarrow{0}, maxHeldWide{0};
    std::atomic<bool> stop{false};
    auto fail = [&](const QString &message) {
        const std::lock_guard<std::mutex> lock(mutex);
        failures << message;
        stop = true;
    };

    auto claimer = [&](int index) {
        try {
            const std::unique_ptr<Store> store = open(false);
            const QString node = QStringLiteral("node-%1").arg(index);
            QVector<Run> mine;
            while (!stop && completed.load() < Total) {
                QVector<Completion> done;
                for (const Run &run : std::as_const(mine)) {
                    done.append(succeeded(run, node, T0 + 1));
                    (run.queue == narrow ? heldNarrow : heldWide)--;
                }
                if (!mine.isEmpty())
                    holding--;
                const ExchangeResult result = store->exchange(done, ClaimRequest{node, 4, T0, T0 + 600'000});
                if (result.finished.size() != done.size())
                    fail(QStringLiteral("%1 of %2 completions applied").arg(result.finished.size()).arg(done.size()));
                completed += int(result.finished.size());
                mine = result.claimed;
                {
                    const std::lock_guard<std::mutex> lock(mutex);
                    for (const Run &run : std::as_const(mine)) {
                        if (!claimedIds.insert(run.id).second)
                            ++duplicates;
                    }
                }
                for (const Run &run : std::as_const(mine)) {
                    if (run.queue == narrow)
                        raiseTo(maxHeldNarrow, ++heldNarrow);
                    else if (run.queue == wide)
                        raiseTo(maxHeldWide, ++heldWide);
                    else
                        fail(QStringLiteral("claimed run %1 of queue %2").arg(run.id).arg(run.queue));
                }
                if (!mine.isEmpty())
                    raiseTo(maxHolding, ++holding);
                // Work for a moment, so that claimers overlap.
                std::this_thread::sleep_for(std::chrono::microseconds(QRandomGenerator::global()->bounded(1500)));
            }
        } catch (const StoreError &error) {
            fail(error.message());
        }
    };

    // Watches the database itself: every snapshot must show each queue within its limit.
    std::atomic<int> maxRunningNarrow{0}, maxRunningWide{0}, snapshots{0};
    auto monitor = [&] {
        try {
            const std::unique_ptr<Store> store = open(false);
            while (!stop && completed.load() < Total) {
                for (const QueueStats &stats : store->queueStats()) {
                    if (stats.name == narrow)
                        raiseTo(maxRunningNarrow, int(stats.running));
                    else if (stats.name == wide)
                        raiseTo(maxRunningWide, int(stats.running));
                    else if (stats.running != 0)
                        fail(QStringLiteral("queue %1 runs %2").arg(stats.name).arg(stats.running));
                }
                ++snapshots;
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        } catch (const StoreError &error) {
            fail(error.message());
        }
    };

    std::vector<std::thread> threads;
    for (int i = 0; i < Threads; ++i)
        threads.emplace_back(claimer, i);
    threads.emplace_back(monitor);
    std::thread watchdog([&] {
        for (int i = 0; i < 1200 && !stop && completed.load() < Total; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (completed.load() < Total)
            fail(QStringLiteral("only %1 of %2 runs completed within two minutes").arg(completed.load()).arg(Total));
    });
    for (std::thread &thread : threads)
        thread.join();
    watchdog.join();

    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(duplicates.load(), 0);
    QCOMPARE(int(claimedIds.size()), Total);
    QCOMPARE(completed.load(), Total);
    qInfo("most held at once: narrow %d/%d, wide %d/%d; in the database: narrow %d, wide %d over %d snapshots; "
          "claimers holding runs at once: %d",
          maxHeldNarrow.load(), Narrow, maxHeldWide.load(), Wide, maxRunningNarrow.load(), maxRunningWide.load(),
          snapshots.load(), maxHolding.load());
    QVERIFY(maxRunningNarrow.load() <= Narrow);
    QVERIFY(maxRunningWide.load() <= Wide);
    QVERIFY(maxHeldNarrow.load() <= Narrow);
    QVERIFY(maxHeldWide.load() <= Wide);
    QVERIFY2(maxHolding.load() >= 2, "the claimers never overlapped; the test proved nothing");

    const std::unique_ptr<Store> store = open(false);
    RunFilter done;
    done.state = RunState::Succeeded;
    done.limit = Total + 100;
    const QVector<Run> finished = store->runs(done);
    QCOMPARE(finished.size(), Total);
    for (const Run &run : finished) {
        QCOMPARE(run.attempt, 1);
        QCOMPARE(store->attempts(run.id).size(), 1);
    }
    for (const QueueStats &stats : store->queueStats()) {
        QCOMPARE(stats.running, 0);
        QCOMPARE(stats.available, stats.name == held ? 50 : 0);
    }
}

void TestPostgresClaims::claimSkipsRunsLockedByAnotherTransaction()
{
    QVector<qint64> ids;
    {
        const std::unique_ptr<Store> setup = open();
        for (const EnqueueResult &result : setup->enqueue(QVector<NewRun>(10, runIn(QStringLiteral("default"))), T0))
            ids.append(result.id);
    }
    // Another transaction holds the first three runs, as a claimer does between its SELECT ... FOR UPDATE and its
    // commit.
    pqxx::connection other(conninfo());
    pqxx::work holding(other);
    QVector<qint64> locked;
    for (const pqxx::row &row : holding.exec("SELECT id FROM runs WHERE state = 'available' AND queue = 'default' "
                                             "ORDER BY priority, scheduled_at, id LIMIT 3 FOR UPDATE SKIP LOCKED")) {
        locked.append(row[0].as<long long>());
    }
    QCOMPARE(locked, ids.mid(0, 3));

    std::future<QVector<qint64>> claim = std::async(std::launch::async, [this] {
        const std::unique_ptr<Store> store = open(false);
        QVector<qint64> claimed;
        for (const Run &run : store->exchange({}, ClaimRequest{QStringLiteral("n2"), 5, T0, T0 + 30'000}).claimed)
            claimed.append(run.id);
        return claimed;
    });
    if (claim.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
        holding.abort(); // lets the claimer go, so that the test can end
        claim.wait();
        QFAIL("the claim waited for the other transaction's row locks instead of skipping them");
    }
    QCOMPARE(claim.get(), ids.mid(3, 5));
    holding.abort();

    const std::unique_ptr<Store> store = open(false);
    QVector<qint64> rest;
    for (const Run &run : store->exchange({}, ClaimRequest{QStringLiteral("n3"), 10, T0, T0 + 30'000}).claimed)
        rest.append(run.id);
    QCOMPARE(rest, ids.mid(0, 3) + ids.mid(8));
}

void TestPostgresClaims::claimWaitsForQueueLockThenCountsCommittedClaims()
{
    {
        const std::unique_ptr<Store> setup = open();
        setup->ensureQueue({QStringLiteral("narrow"), 3, false}, Operator, T0);
        setup->enqueue(QVector<NewRun>(6, runIn(QStringLiteral("narrow"))), T0);
    }
    // Another node is inside its claim: it holds the queue's lock and has claimed two runs, not yet committed.
    pqxx::connection other(conninfo());
    pqxx::work first(other);
    first.exec("SELECT name FROM queues WHERE name = 'narrow' FOR NO KEY UPDATE");
    first.exec("UPDATE runs SET state = 'running', attempt = 1, lease_owner = 'n1', lease_expires_at = " +
               std::to_string(T0 + 30'000) + ", started_at = " + std::to_string(T0) +
               " WHERE id IN (SELECT id FROM runs WHERE queue = 'narrow' ORDER BY id LIMIT 2)");

    std::future<int> claim = std::async(std::launch::async, [this] {
        const std::unique_ptr<Store> store = open(false);
        return int(store->exchange({}, ClaimRequest{QStringLiteral("n2"), 5, T0, T0 + 30'000}).claimed.size());
    });
    const bool waited = claim.wait_for(std::chrono::milliseconds(500)) == std::future_status::timeout;
    first.commit();
    QVERIFY2(waited, "the claim did not wait for the queue lock another claimer held");
    // Two of three slots were taken by the time the lock was released: one is left.
    QCOMPARE(claim.get(), 1);
    const std::unique_ptr<Store> store = open(false);
    RunFilter running;
    running.state = RunState::Running;
    QCOMPARE(store->runs(running).size(), 3);
}

void TestPostgresClaims::exchangeClaimsTheSlotItsCompletionsFreed()
{
    // Completions and claims run side by side on two connections; a serial queue must still go on in the same
    // exchange, not wait for the next poll, and never hold two runs at once.
    const QString serial = QStringLiteral("serial");
    const std::unique_ptr<Store> store = open();
    store->ensureQueue({serial, 1, false}, Operator, T0);
    store->enqueue(QVector<NewRun>(5, runIn(serial)), T0);
    QVector<Run> held = store->exchange({}, ClaimRequest{QStringLiteral("n1"), 4, T0, T0 + 30'000}).claimed;
    QCOMPARE(held.size(), 1);
    for (int i = 1; i < 5; ++i) {
        const ExchangeResult next = store->exchange({succeeded(held.first(), QStringLiteral("n1"), T0 + i)},
                                                    ClaimRequest{QStringLiteral("n1"), 4, T0 + i, T0 + 30'000});
        QCOMPARE(next.finished, QVector<qint64>{held.first().id});
        QCOMPARE(next.claimed.size(), 1);
        QVERIFY(next.claimed.first().id > held.first().id);
        held = next.claimed;
    }
    const ExchangeResult last = store->exchange({succeeded(held.first(), QStringLiteral("n1"), T0 + 9)},
                                                ClaimRequest{QStringLiteral("n1"), 4, T0 + 9, T0 + 30'000});
    QCOMPARE(last.finished.size(), 1);
    QVERIFY(last.claimed.isEmpty());
    RunFilter done;
    done.state = RunState::Succeeded;
    QCOMPARE(store->runs(done).size(), 5);
}

void TestPostgresClaims::overlappingCompletionsFinishEachRunOnceWithoutDeadlock()
{
    // A node stalled past its lease finishes its runs while the leader's rescuer finishes the same runs as expired,
    // each on its own connection and each listing them in a different order. Every run is finished once, by one of
    // them, and neither fails: the store takes the rows in run-id order, and writes a batch again if the server still
    // chose it as a deadlock victim (logged).
    constexpr int Runs = 400;
    constexpr int Rounds = 10;
    const std::unique_ptr<Store> node = open();
    const std::unique_ptr<Store> rescuer = open();
    node->ensureQueue({QStringLiteral("wide"), 10'000, false}, Operator, T0);
    for (int round = 0; round < Rounds; ++round) {
        const qint64 now = T0 + round * 100'000;
        node->enqueue(QVector<NewRun>(Runs, runIn(QStringLiteral("wide"))), now);
        const QVector<Run> held =
            node->exchange({}, ClaimRequest{QStringLiteral("n1"), Runs, now, now + 1'000}).claimed;
        QCOMPARE(held.size(), Runs);
        QVector<Completion> late, rescues;
        for (const Run &run : held) {
            late.append(succeeded(run, QStringLiteral("n1"), now + 2'000));
            Completion rescue = succeeded(run, QStringLiteral("n1"), now + 2'000);
            rescue.guard = Completion::Guard::ExpiredLease;
            rescue.newState = RunState::Retryable;
            rescue.outcome = QStringLiteral("lease-expired");
            rescue.rescued = true;
            rescue.nextRunAt = now + 2'000;
            rescues.prepend(rescue); // the other order
        }
        std::future<QVector<qint64>> rescued = std::async(std::launch::async, [&] {
            return rescuer->exchange(rescues, ClaimRequest{QStringLiteral("leader"), 0, now + 2'000, 0}).finished;
        });
        const QVector<qint64> finished =
            node->exchange(late, ClaimRequest{QStringLiteral("n1"), 0, now + 2'000, 0}).finished;
        const QVector<qint64> rescuedIds = rescued.get();
        std::set<qint64> once(finished.cbegin(), finished.cend());
        for (qint64 id : rescuedIds)
            QVERIFY2(once.insert(id).second, "a run was finished by both");
        QCOMPARE(int(once.size()), Runs);
        RunFilter running;
        running.state = RunState::Running;
        QVERIFY(node->runs(running).isEmpty());
        // The rescued ones go round again; finish them so that the next round starts clean.
        const QVector<Run> again =
            node->exchange({}, ClaimRequest{QStringLiteral("n1"), Runs, now + 3'000, now + 30'000}).claimed;
        QCOMPARE(again.size(), rescuedIds.size());
        QVector<Completion> done;
        for (const Run &run : again)
            done.append(succeeded(run, QStringLiteral("n1"), now + 3'001));
        QCOMPARE(node->exchange(done, ClaimRequest{QStringLiteral("n1"), 0, now + 3'001, 0}).finished.size(),
                 again.size());
    }
}

void TestPostgresClaims::concurrentMigrationsApplyEachStepOnce()
{
    constexpr int Nodes = 3;
    std::vector<std::future<QString>> nodes;
    for (int i = 0; i < Nodes; ++i) {
        nodes.push_back(std::async(std::launch::async, [this]() -> QString {
            try {
                const std::unique_ptr<Store> store = open(false);
                store->migrate();
                return {};
            } catch (const StoreError &error) {
                return error.message();
            }
        }));
    }
    for (std::future<QString> &node : nodes) {
        const QString failure = node.get();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    const std::unique_ptr<Store> store = open(false);
    QCOMPARE(store->schemaVersion(), store->latestSchemaVersion());
    pqxx::connection check(conninfo());
    pqxx::nontransaction tx(check);
    // Every step once (version numbers may have gaps: count the steps, not the latest number).
    QCOMPARE(tx.exec("SELECT count(*) FROM schema_migrations")[0][0].as<int>(), int(postgresMigrations().size()));
    QCOMPARE(tx.exec("SELECT count(*) FROM queues")[0][0].as<int>(), 1);
}

QTEST_GUILESS_MAIN(TestPostgresClaims)
#include "tst_postgresclaims.moc"
