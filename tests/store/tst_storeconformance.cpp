// The store conformance suite: what every Store backend must do, run unchanged against each backend named in
// initTestCase_data(). A new backend adds a row and a fixture; the tests do not change.
#include "storefixture.h"
#include "storetesthelpers.h"

#include <QTest>

using namespace vigia;
using namespace vigia::test;

class TestStoreConformance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void freshDatabaseHasCurrentSchemaAndDefaultQueue();
    void migrateTwiceChangesNothing();
    void newerSchemaIsRefused();
    void migrateAppliesAStepMissingBelowTheNewest();
    void enqueueAssignsIdsAndInitialStates();
    void enqueueOneRunStoresEveryField();
    void enqueueToUnknownQueueWritesNothing();
    void uniqueKeyDuplicateIsReportedNotInserted();
    void claimOrdersByPriorityThenScheduledAtThenId();
    void claimMarksRunsRunningWithLease();
    void claimRespectsQueueConcurrencyAcrossNodes();
    void claimSkipsPausedQueues();
    void claimPromotesDueScheduledAndRetryableRuns();
    void completionIsGuardedByLeaseOwner();
    void expiredLeaseCompletionOnlyAfterExpiry();
    void retryableRunGetsNewScheduleAndAttemptRow();
    void successfulAttemptComesLastInTheHistory();
    void refundedAttemptDoesNotCount();
    void errorTextIsCappedAt2000Characters();
    void renewLeasesExtendsOwnRunsAndReportsCancelRequests();
    void nextDueAtIsEarliestWaitingRun();
    void jobDefinitionRoundTrips();

private:
    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;

    Run claimOne(const QString &node = QStringLiteral("n1"), qint64 now = T0)
    {
        return vigia::test::claimOne(*m_store, node, now);
    }
};

void TestStoreConformance::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : availableBackends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void TestStoreConformance::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fixture = makeFixture(backend);
    m_store = m_fixture->open();
}

void TestStoreConformance::cleanup()
{
    m_store.reset();
    m_fixture.reset();
}

void TestStoreConformance::freshDatabaseHasCurrentSchemaAndDefaultQueue()
{
    QCOMPARE(m_store->schemaVersion(), m_store->latestSchemaVersion());
    const std::optional<Queue> queue = m_store->queue(QStringLiteral("default"));
    QVERIFY(queue);
    QCOMPARE(queue->concurrency, 10);
    QVERIFY(!queue->paused);
}

void TestStoreConformance::migrateTwiceChangesNothing()
{
    m_store->enqueue({newRun()}, T0);
    m_store->migrate();
    m_store->migrate();
    QCOMPARE(m_store->schemaVersion(), m_store->latestSchemaVersion());
    QCOMPARE(m_store->runs({}).size(), 1);
}

void TestStoreConformance::newerSchemaIsRefused()
{
    m_fixture->recordSchemaVersion(m_store->latestSchemaVersion() + 1);
    try {
        m_store->migrate();
        QFAIL("a newer schema must be refused");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::Schema);
        QVERIFY2(error.message().contains(QStringLiteral("newer")), qPrintable(error.message()));
    }
}

// Steps developed in parallel land with numbers below ones a database may already have.
void TestStoreConformance::migrateAppliesAStepMissingBelowTheNewest()
{
    m_fixture->execute(QStringLiteral("DELETE FROM schema_migrations WHERE version = 5; DROP TABLE nodes; "
                                      "DROP TABLE leader_lease"));
    m_store.reset();
    m_store = m_fixture->open();
    m_store->migrate();
    QCOMPARE(m_store->schemaVersion(), m_store->latestSchemaVersion());
    m_store->registerNode(
        {QStringLiteral("n1"), QStringLiteral("host"), 1, QStringLiteral("v"), T0, T0, QStringLiteral("running")});
    QCOMPARE(m_store->nodes().size(), 1);
}

void TestStoreConformance::enqueueAssignsIdsAndInitialStates()
{
    NewRun later = newRun();
    later.runAt = T0 + 5'000;
    later.priority = Priority::High;
    const QVector<EnqueueResult> results = m_store->enqueue({newRun(), later}, T0);
    QCOMPARE(results.size(), 2);
    QVERIFY(results[0].id > 0 && results[1].id > results[0].id);
    const Run now = *m_store->run(results[0].id);
    QCOMPARE(now.state, RunState::Available);
    QCOMPARE(now.scheduledAt, T0);
    QCOMPARE(now.createdAt, T0);
    QCOMPARE(now.attempt, 0);
    QCOMPARE(now.maxAttempts, 4);
    QCOMPARE(now.payload, QByteArrayLiteral("{}"));
    const Run scheduled = *m_store->run(results[1].id);
    QCOMPARE(scheduled.state, RunState::Scheduled);
    QCOMPARE(scheduled.scheduledAt, T0 + 5'000);
    QCOMPARE(scheduled.priority, Priority::High);
}

// A single run takes its own statement on PostgreSQL (scalar parameters); it must store what the batch one does.
void TestStoreConformance::enqueueOneRunStoresEveryField()
{
    NewRun one = newRun();
    one.payload = QByteArrayLiteral("{\"url\":\"http://127.0.0.1/\"}");
    one.priority = Priority::Critical;
    one.maxAttempts = 7;
    one.timeoutMs = 12'000;
    one.runAt = T0 + 3'000;
    const QVector<EnqueueResult> results = m_store->enqueue({one}, T0);
    QCOMPARE(results.size(), 1);
    QVERIFY(!results[0].duplicate);
    const Run stored = *m_store->run(results[0].id);
    QCOMPARE(stored.queue, QStringLiteral("default"));
    QCOMPARE(stored.kind, QStringLiteral("noop"));
    QCOMPARE(stored.payload, one.payload);
    QCOMPARE(stored.priority, Priority::Critical);
    QCOMPARE(stored.maxAttempts, 7);
    QCOMPARE(stored.timeoutMs, 12'000);
    QCOMPARE(stored.state, RunState::Scheduled);
    QCOMPARE(stored.createdAt, T0);
    QCOMPARE(stored.scheduledAt, T0 + 3'000);
    QCOMPARE(stored.jobId, 0);
    QCOMPARE(stored.replayOf, 0);
    const Run due = *m_store->run(m_store->enqueue({newRun()}, T0).first().id);
    QCOMPARE(due.state, RunState::Available);
    QCOMPARE(due.scheduledAt, T0);
}

void TestStoreConformance::enqueueToUnknownQueueWritesNothing()
{
    QVERIFY_THROWS_EXCEPTION(StoreError,
                             m_store->enqueue({newRun(), newRun(QStringLiteral("noop"), QStringLiteral("nope"))}, T0));
    QVERIFY_THROWS_EXCEPTION(StoreError,
                             m_store->enqueue({newRun(QStringLiteral("noop"), QStringLiteral("nope"))}, T0));
    QVERIFY(m_store->runs({}).isEmpty());
}

void TestStoreConformance::uniqueKeyDuplicateIsReportedNotInserted()
{
    NewRun keyed = newRun();
    keyed.uniqueKey = QStringLiteral("job-7@2026-11-22T10:00Z");
    const QVector<EnqueueResult> first = m_store->enqueue({keyed, keyed}, T0);
    QVERIFY(!first[0].duplicate);
    QVERIFY(first[1].duplicate);
    QCOMPARE(first[1].id, first[0].id);
    const QVector<EnqueueResult> again = m_store->enqueue({keyed}, T0 + 1);
    QVERIFY(again[0].duplicate);
    QCOMPARE(again[0].id, first[0].id);
    QCOMPARE(m_store->runs({}).size(), 1);
}

void TestStoreConformance::claimOrdersByPriorityThenScheduledAtThenId()
{
    auto add = [&](Priority priority, qint64 runAt) {
        NewRun run = newRun();
        run.priority = priority;
        run.runAt = runAt;
        return m_store->enqueue({run}, T0).constFirst().id;
    };
    const qint64 low = add(Priority::Low, T0 - 9'000);
    const qint64 normalLate = add(Priority::Normal, T0);
    const qint64 normalEarly = add(Priority::Normal, T0 - 1'000);
    const qint64 critical = add(Priority::Critical, T0);
    const qint64 normalLateToo = add(Priority::Normal, T0);
    const qint64 high = add(Priority::High, T0);
    QVector<qint64> order;
    for (int i = 0; i < 6; ++i)
        order.append(claimOne().id);
    QCOMPARE(order, (QVector<qint64>{critical, high, normalEarly, normalLate, normalLateToo, low}));
}

void TestStoreConformance::claimMarksRunsRunningWithLease()
{
    const qint64 id = m_store->enqueue({newRun()}, T0).constFirst().id;
    const ExchangeResult r = m_store->exchange({}, claimFor(QStringLiteral("n1"), 5, T0 + 10, 30'000));
    QCOMPARE(r.claimed.size(), 1);
    const Run claimed = r.claimed.constFirst();
    QCOMPARE(claimed.id, id);
    QCOMPARE(claimed.state, RunState::Running);
    QCOMPARE(claimed.attempt, 1);
    QCOMPARE(claimed.leaseOwner, QStringLiteral("n1"));
    QCOMPARE(claimed.leaseExpiresAt, T0 + 10 + 30'000);
    QCOMPARE(claimed.startedAt, T0 + 10);
    QCOMPARE(m_store->run(id)->state, RunState::Running);
    QVERIFY(m_store->exchange({}, claimFor(QStringLiteral("n2"), 5, T0 + 20)).claimed.isEmpty());
}

void TestStoreConformance::claimRespectsQueueConcurrencyAcrossNodes()
{
    m_store->ensureQueue({QStringLiteral("narrow"), 3, false}, Operator, T0);
    m_store->enqueue(QVector<NewRun>(10, newRun(QStringLiteral("noop"), QStringLiteral("narrow"))), T0);
    QCOMPARE(m_store->exchange({}, claimFor(QStringLiteral("n1"), 2, T0)).claimed.size(), 2);
    QCOMPARE(m_store->exchange({}, claimFor(QStringLiteral("n2"), 5, T0)).claimed.size(), 1);
    QCOMPARE(m_store->exchange({}, claimFor(QStringLiteral("n3"), 5, T0)).claimed.size(), 0);
    m_store->setQueueConcurrency(QStringLiteral("narrow"), 4, Operator, T0);
    QCOMPARE(m_store->exchange({}, claimFor(QStringLiteral("n3"), 5, T0)).claimed.size(), 1);
}

void TestStoreConformance::claimSkipsPausedQueues()
{
    m_store->ensureQueue({QStringLiteral("held"), 10, false}, Operator, T0);
    m_store->enqueue({newRun(QStringLiteral("noop"), QStringLiteral("held")), newRun()}, T0);
    m_store->setQueuePaused(QStringLiteral("held"), true, Operator, T0);
    const ExchangeResult r = m_store->exchange({}, claimFor(QStringLiteral("n1"), 10, T0));
    QCOMPARE(r.claimed.size(), 1);
    QCOMPARE(r.claimed.constFirst().queue, QStringLiteral("default"));
    m_store->setQueuePaused(QStringLiteral("held"), false, Operator, T0);
    QCOMPARE(m_store->exchange({}, claimFor(QStringLiteral("n1"), 10, T0)).claimed.constFirst().queue,
             QStringLiteral("held"));
}

void TestStoreConformance::claimPromotesDueScheduledAndRetryableRuns()
{
    NewRun later = newRun();
    later.runAt = T0 + 1'000;
    const qint64 id = m_store->enqueue({later}, T0).constFirst().id;
    QVERIFY(m_store->exchange({}, claimFor(QStringLiteral("n1"), 1, T0 + 999)).claimed.isEmpty());
    QCOMPARE(m_store->run(id)->state, RunState::Scheduled);
    const Run run = claimOne(QStringLiteral("n1"), T0 + 1'000);
    QCOMPARE(run.id, id);

    Completion retry = completionFor(run, QStringLiteral("n1"), RunState::Retryable, T0 + 1'100);
    retry.nextRunAt = T0 + 5'000;
    m_store->exchange({retry}, claimFor(QStringLiteral("n1"), 0, T0 + 1'100));
    QCOMPARE(m_store->run(id)->state, RunState::Retryable);
    QVERIFY(m_store->exchange({}, claimFor(QStringLiteral("n1"), 1, T0 + 4'999)).claimed.isEmpty());
    const Run again = claimOne(QStringLiteral("n1"), T0 + 5'000);
    QCOMPARE(again.id, id);
    QCOMPARE(again.attempt, 2);
}

void TestStoreConformance::completionIsGuardedByLeaseOwner()
{
    m_store->enqueue({newRun()}, T0);
    const Run run = claimOne(QStringLiteral("n1"));
    const ExchangeResult foreign = m_store->exchange(
        {completionFor(run, QStringLiteral("n2"), RunState::Succeeded, T0 + 5)}, claimFor(QStringLiteral("n2"), 0, T0));
    QVERIFY(foreign.finished.isEmpty());
    QCOMPARE(m_store->run(run.id)->state, RunState::Running);
    const ExchangeResult own = m_store->exchange(
        {completionFor(run, QStringLiteral("n1"), RunState::Succeeded, T0 + 5)}, claimFor(QStringLiteral("n1"), 0, T0));
    QCOMPARE(own.finished, QVector<qint64>{run.id});
    const Run done = *m_store->run(run.id);
    QCOMPARE(done.state, RunState::Succeeded);
    QCOMPARE(done.finishedAt, T0 + 5);
    QCOMPARE(done.durationMs, 5);
    QVERIFY(done.leaseOwner.isEmpty());
    // A second verdict on a finished run changes nothing: a run is finalised once.
    QVERIFY(m_store
                ->exchange({completionFor(run, QStringLiteral("n1"), RunState::Dead, T0 + 9)},
                           claimFor(QStringLiteral("n1"), 0, T0))
                .finished.isEmpty());
    QCOMPARE(m_store->attempts(run.id).size(), 1);
}

void TestStoreConformance::expiredLeaseCompletionOnlyAfterExpiry()
{
    m_store->enqueue({newRun()}, T0);
    const Run run = claimOne(QStringLiteral("n1"), T0); // lease until T0 + 30 s
    QVERIFY(m_store->expiredLeases(T0 + 30'000, 10).isEmpty());
    QCOMPARE(m_store->expiredLeases(T0 + 30'001, 10).size(), 1);
    Completion rescue = completionFor(run, QStringLiteral("n1"), RunState::Retryable, T0 + 29'000);
    rescue.guard = Completion::Guard::ExpiredLease;
    rescue.rescued = true;
    rescue.outcome = QStringLiteral("lease-expired");
    QVERIFY(m_store->exchange({rescue}, claimFor(QStringLiteral("n9"), 0, T0)).finished.isEmpty());
    rescue.finishedAt = T0 + 30'001;
    rescue.nextRunAt = T0 + 30'001;
    QCOMPARE(m_store->exchange({rescue}, claimFor(QStringLiteral("n9"), 0, T0)).finished.size(), 1);
    const Run rescued = *m_store->run(run.id);
    QCOMPARE(rescued.state, RunState::Retryable);
    QCOMPARE(rescued.rescueCount, 1);
    // The dead node's late verdict is not written.
    QVERIFY(m_store
                ->exchange({completionFor(run, QStringLiteral("n1"), RunState::Succeeded, T0 + 31'000)},
                           claimFor(QStringLiteral("n1"), 0, T0))
                .finished.isEmpty());
}

void TestStoreConformance::retryableRunGetsNewScheduleAndAttemptRow()
{
    m_store->enqueue({newRun()}, T0);
    const Run run = claimOne();
    Completion c = completionFor(run, QStringLiteral("n1"), RunState::Retryable, T0 + 50);
    c.error = QStringLiteral("connection refused");
    c.nextRunAt = T0 + 60'050;
    m_store->exchange({c}, claimFor(QStringLiteral("n1"), 0, T0));
    const Run after = *m_store->run(run.id);
    QCOMPARE(after.state, RunState::Retryable);
    QCOMPARE(after.scheduledAt, T0 + 60'050);
    QCOMPARE(after.error, QStringLiteral("connection refused"));
    QCOMPARE(after.attempt, 1);
    const QVector<Attempt> attempts = m_store->attempts(run.id);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts[0].attempt, 1);
    QCOMPARE(attempts[0].node, QStringLiteral("n1"));
    QCOMPARE(attempts[0].startedAt, T0);
    QCOMPARE(attempts[0].finishedAt, T0 + 50);
    QCOMPARE(attempts[0].outcome, QStringLiteral("failed"));
    QCOMPARE(attempts[0].error, QStringLiteral("connection refused"));
}

void TestStoreConformance::successfulAttemptComesLastInTheHistory()
{
    // A failed attempt has a row of its own; the successful last one is kept on the run row, with the time its worker
    // started it (here 100 ms after the claim: it waited as a prefetched run).
    m_store->enqueue({newRun()}, T0);
    const Run run = claimOne(QStringLiteral("n1"), T0);
    Completion failed = completionFor(run, QStringLiteral("n1"), RunState::Retryable, T0 + 50);
    failed.error = QStringLiteral("HTTP 503");
    failed.nextRunAt = T0 + 1'000;
    m_store->exchange({failed}, claimFor(QStringLiteral("n1"), 0, T0 + 50));
    const Run again = claimOne(QStringLiteral("n2"), T0 + 1'000);
    QCOMPARE(again.attempt, 2);
    Completion succeeded = completionFor(again, QStringLiteral("n2"), RunState::Succeeded, T0 + 1'130);
    succeeded.startedAt = T0 + 1'100;
    QCOMPARE(m_store->exchange({succeeded}, claimFor(QStringLiteral("n2"), 0, T0 + 1'130)).finished.size(), 1);

    const QVector<Attempt> attempts = m_store->attempts(run.id);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts[0].attempt, 1);
    QCOMPARE(attempts[0].node, QStringLiteral("n1"));
    QCOMPARE(attempts[0].outcome, QStringLiteral("failed"));
    QCOMPARE(attempts[0].error, QStringLiteral("HTTP 503"));
    QCOMPARE(attempts[1].runId, run.id);
    QCOMPARE(attempts[1].attempt, 2);
    QCOMPARE(attempts[1].node, QStringLiteral("n2"));
    QCOMPARE(attempts[1].startedAt, T0 + 1'100);
    QCOMPARE(attempts[1].finishedAt, T0 + 1'130);
    QCOMPARE(attempts[1].outcome, QStringLiteral("succeeded"));
    QVERIFY(attempts[1].error.isEmpty());
    const Run done = *m_store->run(run.id);
    QCOMPARE(done.startedAt, T0 + 1'100);
    QCOMPARE(done.durationMs, 30);
    QVERIFY(done.leaseOwner.isEmpty());
    // Other runs' attempts stay apart.
    m_store->enqueue({newRun()}, T0 + 2'000);
    const Run other = claimOne(QStringLiteral("n1"), T0 + 2'000);
    m_store->exchange({completionFor(other, QStringLiteral("n1"), RunState::Succeeded, T0 + 2'010)},
                      claimFor(QStringLiteral("n1"), 0, T0 + 2'010));
    QCOMPARE(m_store->attempts(other.id).size(), 1);
    QCOMPARE(m_store->attempts(run.id).size(), 2);
}

void TestStoreConformance::refundedAttemptDoesNotCount()
{
    m_store->enqueue({newRun()}, T0);
    const Run run = claimOne();
    Completion c = completionFor(run, QStringLiteral("n1"), RunState::Available, T0 + 10);
    c.refundAttempt = true;
    c.nextRunAt = T0 + 10;
    c.outcome = QStringLiteral("interrupted");
    m_store->exchange({c}, claimFor(QStringLiteral("n1"), 0, T0));
    const Run after = *m_store->run(run.id);
    QCOMPARE(after.state, RunState::Available);
    QCOMPARE(after.attempt, 0);
    QCOMPARE(claimOne(QStringLiteral("n2"), T0 + 20).attempt, 1);
}

void TestStoreConformance::errorTextIsCappedAt2000Characters()
{
    m_store->enqueue({newRun()}, T0);
    const Run run = claimOne();
    Completion c = completionFor(run, QStringLiteral("n1"), RunState::Dead, T0 + 1);
    c.error = QString(5000, u'x');
    m_store->exchange({c}, claimFor(QStringLiteral("n1"), 0, T0));
    QCOMPARE(m_store->attempts(run.id).at(0).error.size(), Attempt::MaxErrorLength);
    QCOMPARE(m_store->run(run.id)->error.size(), Attempt::MaxErrorLength);
}

void TestStoreConformance::renewLeasesExtendsOwnRunsAndReportsCancelRequests()
{
    m_store->enqueue(QVector<NewRun>(3, newRun()), T0);
    const Run mine = claimOne(QStringLiteral("n1"));
    const Run mineToo = claimOne(QStringLiteral("n1"));
    const Run theirs = claimOne(QStringLiteral("n2"));
    QCOMPARE(m_store->cancel(mineToo.id, Operator, T0), Store::CancelResult::CancelRequested);
    const QVector<qint64> cancels = m_store->renewLeases(QStringLiteral("n1"), T0 + 99'000);
    QCOMPARE(cancels, QVector<qint64>{mineToo.id});
    QCOMPARE(m_store->run(mine.id)->leaseExpiresAt, T0 + 99'000);
    QCOMPARE(m_store->run(theirs.id)->leaseExpiresAt, T0 + 30'000);
}

void TestStoreConformance::nextDueAtIsEarliestWaitingRun()
{
    QCOMPARE(m_store->nextDueAt(), 0);
    NewRun a = newRun();
    a.runAt = T0 + 9'000;
    NewRun b = newRun();
    b.runAt = T0 + 4'000;
    m_store->enqueue({a, b, newRun()}, T0);
    QCOMPARE(m_store->nextDueAt(), T0 + 4'000);
}

void TestStoreConformance::jobDefinitionRoundTrips()
{
    JobDef job;
    job.name = QStringLiteral("backup");
    job.kind = QStringLiteral("sleep");
    job.payload = QByteArrayLiteral(R"({"ms":5})");
    job.priority = Priority::Low;
    job.maxAttempts = 7;
    job.timeoutMs = 9'000;
    job.retry.baseMs = 1'500;
    job.retry.factor = 1.5;
    job.retry.maxMs = 90'000;
    job.retry.jitter = RetryPolicy::Jitter::Equal;
    const qint64 id = m_store->upsertJob(job, Operator, T0);
    const std::optional<JobDef> read = m_store->job(id);
    QVERIFY(read);
    QCOMPARE(read->name, job.name);
    QCOMPARE(read->payload, job.payload);
    QCOMPARE(read->priority, Priority::Low);
    QCOMPARE(read->maxAttempts, 7);
    QCOMPARE(read->timeoutMs, 9'000);
    QCOMPARE(read->retry.baseMs, 1'500);
    QCOMPARE(read->retry.factor, 1.5);
    QCOMPARE(read->retry.maxMs, 90'000);
    QCOMPARE(read->retry.jitter, RetryPolicy::Jitter::Equal);
    job.maxAttempts = 2;
    QCOMPARE(m_store->upsertJob(job, Operator, T0), id); // same name: updated in place
    QCOMPARE(m_store->job(id)->maxAttempts, 2);
    QVERIFY(!m_store->job(id + 100));
}

QTEST_GUILESS_MAIN(TestStoreConformance)
#include "tst_storeconformance.moc"
