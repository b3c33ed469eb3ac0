// Operator commands and views on every backend, run unchanged against each backend in storefixture.cpp: cancelling
// queued and running runs, replaying and discarding dead runs, queue settings with their audit rows, queue statistics
// and the run list.
#include "storefixture.h"
#include "storetesthelpers.h"

#include <QTest>

using namespace vigia;
using namespace vigia::test;

class TestStoreOperations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void cancelQueuedRunIsImmediate();
    void cancelRunningRunIsRequested();
    void cancelFinishedRunIsRejected();
    void replayCreatesLinkedRunAndMarksDeadRunHandled();
    void replayOfNonDeadRunIsRejected();
    void replayAllTakesOneQueue();
    void discardHidesRunFromDlq();
    void queueSettingsAreAudited();
    void queueStatsCountEachState();
    void runsListPagesNewestFirst();

private:
    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;

    Run claimOne(const QString &node = QStringLiteral("n1"), qint64 now = T0)
    {
        return vigia::test::claimOne(*m_store, node, now);
    }
};

void TestStoreOperations::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : availableBackends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void TestStoreOperations::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fixture = makeFixture(backend);
    m_store = m_fixture->open();
}

void TestStoreOperations::cleanup()
{
    m_store.reset();
    m_fixture.reset();
}

void TestStoreOperations::cancelQueuedRunIsImmediate()
{
    const qint64 id = m_store->enqueue({newRun()}, T0).constFirst().id;
    QCOMPARE(m_store->cancel(id, Operator, T0 + 1), Store::CancelResult::Cancelled);
    QCOMPARE(m_store->run(id)->state, RunState::Cancelled);
    QCOMPARE(m_store->run(id)->finishedAt, T0 + 1);
    QVERIFY(m_store->exchange({}, claimFor(QStringLiteral("n1"), 5, T0 + 2)).claimed.isEmpty());
    const AuditEntry entry = m_store->auditLog(1).constFirst();
    QCOMPARE(entry.action, QStringLiteral("run.cancel"));
    QCOMPARE(entry.actor, QStringLiteral("tester"));
    QCOMPARE(entry.target, QStringLiteral("run:%1").arg(id));
}

void TestStoreOperations::cancelRunningRunIsRequested()
{
    m_store->enqueue({newRun()}, T0);
    const Run run = claimOne();
    QCOMPARE(m_store->cancel(run.id, Operator, T0), Store::CancelResult::CancelRequested);
    QVERIFY(m_store->run(run.id)->cancelRequested);
    QCOMPARE(m_store->run(run.id)->state, RunState::Running);
}

void TestStoreOperations::cancelFinishedRunIsRejected()
{
    m_store->enqueue({newRun()}, T0);
    const Run run = claimOne();
    m_store->exchange({completionFor(run, QStringLiteral("n1"), RunState::Succeeded, T0)},
                      claimFor(QStringLiteral("n1"), 0, T0));
    try {
        m_store->cancel(run.id, Operator, T0);
        QFAIL("cancelling a finished run must fail");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::Invalid);
    }
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->cancel(987654, Operator, T0));
}

void TestStoreOperations::replayCreatesLinkedRunAndMarksDeadRunHandled()
{
    NewRun run = newRun(QStringLiteral("fail"));
    run.payload = QByteArrayLiteral(R"({"times":1})");
    run.priority = Priority::High;
    run.maxAttempts = 1;
    m_store->enqueue({run}, T0);
    const Run claimed = claimOne();
    m_store->exchange({completionFor(claimed, QStringLiteral("n1"), RunState::Dead, T0 + 1)},
                      claimFor(QStringLiteral("n1"), 0, T0));
    RunFilter dlq;
    dlq.dlqOnly = true;
    QCOMPARE(m_store->runs(dlq).size(), 1);
    const qint64 replayId = m_store->replay(claimed.id, Operator, T0 + 100);
    const Run replay = *m_store->run(replayId);
    QCOMPARE(replay.replayOf, claimed.id);
    QCOMPARE(replay.state, RunState::Available);
    QCOMPARE(replay.attempt, 0);
    QCOMPARE(replay.payload, claimed.payload);
    QCOMPARE(replay.priority, Priority::High);
    QCOMPARE(replay.kind, QStringLiteral("fail"));
    const Run original = *m_store->run(claimed.id);
    QCOMPARE(original.state, RunState::Dead);
    QCOMPARE(original.dlqHandling, QStringLiteral("replayed"));
    QVERIFY(m_store->runs(dlq).isEmpty());
    QCOMPARE(m_store->auditLog(1).constFirst().action, QStringLiteral("dlq.replay"));
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->replay(claimed.id, Operator, T0 + 200));
}

void TestStoreOperations::replayOfNonDeadRunIsRejected()
{
    const qint64 id = m_store->enqueue({newRun()}, T0).constFirst().id;
    try {
        m_store->replay(id, Operator, T0);
        QFAIL("only dead runs can be replayed");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::Invalid);
        QVERIFY(error.message().contains(QStringLiteral("not dead")));
    }
    QCOMPARE(m_store->runs({}).size(), 1);
}

void TestStoreOperations::replayAllTakesOneQueue()
{
    m_store->ensureQueue({QStringLiteral("other"), 10, false}, Operator, T0);
    NewRun a = newRun();
    a.maxAttempts = 1;
    NewRun b = newRun(QStringLiteral("noop"), QStringLiteral("other"));
    b.maxAttempts = 1;
    m_store->enqueue({a, a, b}, T0);
    for (int i = 0; i < 3; ++i) {
        const Run run = claimOne();
        m_store->exchange({completionFor(run, QStringLiteral("n1"), RunState::Dead, T0)},
                          claimFor(QStringLiteral("n1"), 0, T0));
    }
    QCOMPARE(m_store->replayAll(QStringLiteral("default"), Operator, T0).size(), 2);
    RunFilter dlq;
    dlq.dlqOnly = true;
    QCOMPARE(m_store->runs(dlq).size(), 1);
    QCOMPARE(m_store->replayAll({}, Operator, T0).size(), 1);
    QVERIFY(m_store->runs(dlq).isEmpty());
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->replayAll(QStringLiteral("nope"), Operator, T0));
}

void TestStoreOperations::discardHidesRunFromDlq()
{
    NewRun run = newRun();
    run.maxAttempts = 1;
    m_store->enqueue({run}, T0);
    const Run claimed = claimOne();
    m_store->exchange({completionFor(claimed, QStringLiteral("n1"), RunState::Dead, T0)},
                      claimFor(QStringLiteral("n1"), 0, T0));
    m_store->discard(claimed.id, Operator, T0 + 5);
    RunFilter dlq;
    dlq.dlqOnly = true;
    QVERIFY(m_store->runs(dlq).isEmpty());
    RunFilter dead;
    dead.state = RunState::Dead; // still dead, for the record: only the DLQ view leaves it out
    QCOMPARE(m_store->runs(dead).size(), 1);
    QCOMPARE(m_store->run(claimed.id)->dlqHandling, QStringLiteral("discarded"));
    QCOMPARE(m_store->run(claimed.id)->dlqHandledAt, T0 + 5);
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->discard(claimed.id, Operator, T0));
    QCOMPARE(m_store->auditLog(1).constFirst().action, QStringLiteral("dlq.discard"));
}

void TestStoreOperations::queueSettingsAreAudited()
{
    m_store->ensureQueue({QStringLiteral("mail"), 2, false}, Operator, T0);
    m_store->ensureQueue({QStringLiteral("mail"), 7, false}, Operator, T0); // exists: unchanged, not audited
    QCOMPARE(m_store->queue(QStringLiteral("mail"))->concurrency, 2);
    m_store->setQueuePaused(QStringLiteral("mail"), true, Operator, T0);
    m_store->setQueueConcurrency(QStringLiteral("mail"), 5, Operator, T0);
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->setQueueConcurrency(QStringLiteral("mail"), 0, Operator, T0));
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->setQueuePaused(QStringLiteral("nope"), true, Operator, T0));
    const std::optional<Queue> mail = m_store->queue(QStringLiteral("mail"));
    QVERIFY(mail->paused);
    QCOMPARE(mail->concurrency, 5);
    const QVector<AuditEntry> log = m_store->auditLog(10);
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0].action, QStringLiteral("queue.set"));
    QVERIFY(log[0].detail.contains(QStringLiteral("\"concurrency_to\":5")));
    QCOMPARE(log[1].action, QStringLiteral("queue.pause"));
    QCOMPARE(log[2].action, QStringLiteral("queue.create"));
}

void TestStoreOperations::queueStatsCountEachState()
{
    NewRun later = newRun();
    later.runAt = T0 + 60'000;
    NewRun once = newRun();
    once.maxAttempts = 1;
    m_store->enqueue({newRun(), newRun(), newRun(), later, once}, T0);
    const Run a = claimOne();
    const Run b = claimOne();
    Completion retry = completionFor(b, QStringLiteral("n1"), RunState::Retryable, T0);
    retry.nextRunAt = T0 + 10'000;
    m_store->exchange({retry}, claimFor(QStringLiteral("n1"), 0, T0));
    Q_UNUSED(a);
    const Run c = claimOne();
    m_store->exchange({completionFor(c, QStringLiteral("n1"), RunState::Dead, T0)},
                      claimFor(QStringLiteral("n1"), 0, T0));
    const QVector<QueueStats> stats = m_store->queueStats();
    QCOMPARE(stats.size(), 1);
    const QueueStats &q = stats.constFirst();
    QCOMPARE(q.name, QStringLiteral("default"));
    QCOMPARE(q.running, 1);
    QCOMPARE(q.retryable, 1);
    QCOMPARE(q.dead, 1);
    QCOMPARE(q.scheduled, 1);
    QCOMPARE(q.available, 1);
}

void TestStoreOperations::runsListPagesNewestFirst()
{
    m_store->ensureQueue({QStringLiteral("other"), 10, false}, Operator, T0);
    QVector<NewRun> runs;
    for (int i = 0; i < 10; ++i)
        runs.append(newRun(QStringLiteral("noop"), i % 2 ? QStringLiteral("other") : QStringLiteral("default")));
    const QVector<EnqueueResult> ids = m_store->enqueue(runs, T0);
    RunFilter page;
    page.limit = 4;
    const QVector<Run> first = m_store->runs(page);
    QCOMPARE(first.size(), 4);
    QCOMPARE(first[0].id, ids.constLast().id);
    page.beforeId = first.constLast().id;
    const QVector<Run> second = m_store->runs(page);
    QCOMPARE(second[0].id, first.constLast().id - 1);
    RunFilter other;
    other.queue = QStringLiteral("other");
    other.limit = 100;
    QCOMPARE(m_store->runs(other).size(), 5);
    RunFilter available;
    available.state = RunState::Available;
    available.limit = 100;
    QCOMPARE(m_store->runs(available).size(), 10);
}

QTEST_GUILESS_MAIN(TestStoreOperations)
#include "tst_storeoperations.moc"
