// Store::rollupAndPrune and Store::rollups on every backend: each finished run is rolled up exactly once (also in
// small batches and across calls), rows per minute, queue, job and state with mergeable duration percentiles;
// succeeded and cancelled runs are pruned after their age and never before, dead runs stay while unhandled in the
// dead-letter queue and go 30 days after they were replayed or discarded; the SLA's last success survives pruning.
// On PostgreSQL, a run finished by a transaction still open is waited for, not skipped.
#include "postgresserver.h"
#include "storefixture.h"

#include <QTest>

#include <pqxx/pqxx>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 T0 = 1'700'000'040'000; // a minute's start
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Day = RetentionPolicy::Day;

JobDef jobNamed(const char *name, const char *queue = "default")
{
    JobDef job;
    job.name = QLatin1String(name);
    job.queue = QLatin1String(queue);
    job.kind = QStringLiteral("noop");
    return job;
}

const Actor Tester{QStringLiteral("t")};
} // namespace

class TestStoreRetention : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void histogramPercentilesAreWithinABucketAndMerge();
    void rollsUpEachFinishedRunExactlyOnce();
    void rollupsArePerMinuteQueueJobAndStateWithPercentiles();
    void rollupAndPruneWorkInBatches();
    void prunesOldSucceededAndCancelledRunsButNothingYounger();
    void keepsUnhandledDeadRunsAndPrunesHandledOnesAfterTheirAge();
    void lastSuccessSurvivesPruning();
    void waitsForRunsFinishedByOpenTransactions();

private:
    Run startRun(qint64 jobId, qint64 startAt, const QString &queue = QStringLiteral("default"))
    {
        NewRun run = NewRun{};
        run.kind = QStringLiteral("noop");
        run.queue = queue;
        run.jobId = jobId;
        run.runAt = startAt;
        run.maxAttempts = 1;
        m_store->enqueue({run}, startAt);
        const ExchangeResult claimed =
            m_store->exchange({}, ClaimRequest{QStringLiteral("n1"), 1, startAt, startAt + 3600 * Second});
        if (claimed.claimed.size() != 1)
            qFatal("expected to claim the run just enqueued");
        return claimed.claimed.constFirst();
    }
    void finish(const Run &run, RunState state, qint64 at)
    {
        Completion c;
        c.runId = run.id;
        c.attempt = run.attempt;
        c.node = QStringLiteral("n1");
        c.newState = state;
        c.outcome = state == RunState::Succeeded ? QStringLiteral("succeeded") : QStringLiteral("failed");
        c.startedAt = run.startedAt;
        c.finishedAt = at;
        if (m_store->exchange({c}, ClaimRequest{}).finished.size() != 1)
            qFatal("completion not applied");
    }
    qint64 runJob(qint64 jobId, RunState state, qint64 startAt, qint64 durationMs,
                  const QString &queue = QStringLiteral("default"))
    {
        const Run run = startRun(jobId, startAt, queue);
        finish(run, state, startAt + durationMs);
        return run.id;
    }
    qint64 cancelled(qint64 jobId, qint64 at)
    {
        NewRun run = NewRun{};
        run.kind = QStringLiteral("noop");
        run.jobId = jobId;
        run.runAt = at + 1000 * Day; // not due: stays scheduled until cancelled
        const qint64 id = m_store->enqueue({run}, at).constFirst().id;
        m_store->cancel(id, Tester, at);
        return id;
    }
    RollupStats statsOf(const QString &job)
    {
        RollupFilter filter;
        filter.job = job;
        const QVector<RollupStats> stats = m_store->rollups(filter);
        if (stats.size() != 1)
            qFatal("expected one group of rollups for %s, got %d", qPrintable(job), int(stats.size()));
        return stats.constFirst();
    }

    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;
};

void TestStoreRetention::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : availableBackends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void TestStoreRetention::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fixture = makeFixture(backend);
    m_store = m_fixture->open();
}

void TestStoreRetention::cleanup()
{
    m_store.reset();
    m_fixture.reset();
}

void TestStoreRetention::histogramPercentilesAreWithinABucketAndMerge()
{
    DurationHistogram a;
    DurationHistogram b;
    for (qint64 ms = 1; ms <= 1000; ++ms)
        (ms % 2 ? a : b).add(ms);
    DurationHistogram all = DurationHistogram::decode(a.encode());
    QCOMPARE(all, a);
    all.merge(b);
    QCOMPARE(all.count(), qint64(1000));
    // 8 buckets per doubling: a bucket is 9% wide, its middle within 5% of anything in it.
    for (const auto &[q, exact] : {std::pair{0.5, 500.0}, {0.95, 950.0}, {0.99, 990.0}}) {
        const double estimate = double(all.percentile(q, 1000));
        QVERIFY2(std::abs(estimate - exact) <= exact * 0.05, qPrintable(QString::number(estimate)));
    }
    QCOMPARE(all.percentile(1.0, 1000), qint64(1000)); // capped by the known maximum
    DurationHistogram zero;
    zero.add(0, 3);
    QCOMPARE(zero.percentile(0.99), qint64(0));
    QCOMPARE(DurationHistogram().percentile(0.5), qint64(0));
    QCOMPARE(DurationHistogram::decode("x,3:-1,:2,5:2").count(), qint64(2));
}

void TestStoreRetention::rollsUpEachFinishedRunExactlyOnce()
{
    const qint64 job = m_store->upsertJob(jobNamed("etl"), Tester, T0);
    for (int i = 0; i < 5; ++i)
        runJob(job, RunState::Succeeded, T0 + i * Second, 100);
    const Run running = startRun(job, T0 + 10 * Second); // not finished: not rolled up yet
    RetentionResult result = m_store->rollupAndPrune(T0 + Minute, RetentionPolicy{});
    QCOMPARE(result.rolledUp, qint64(5));
    QCOMPARE(result.prunedFinished, qint64(0));
    QVERIFY(!result.more);
    QCOMPARE(m_store->rollupAndPrune(T0 + Minute, RetentionPolicy{}).rolledUp, qint64(0));
    QCOMPARE(statsOf(QStringLiteral("etl")).succeeded, qint64(5));

    finish(running, RunState::Dead, T0 + 20 * Second);
    cancelled(job, T0 + 30 * Second);
    QCOMPARE(m_store->rollupAndPrune(T0 + Minute, RetentionPolicy{}).rolledUp, qint64(2));
    QCOMPARE(m_store->rollupAndPrune(T0 + 2 * Minute, RetentionPolicy{}).rolledUp, qint64(0));
    const RollupStats stats = statsOf(QStringLiteral("etl"));
    QCOMPARE(stats.succeeded, qint64(5));
    QCOMPARE(stats.dead, qint64(1));
    QCOMPARE(stats.cancelled, qint64(1));
    QCOMPARE(stats.runs(), qint64(7));
}

void TestStoreRetention::rollupsArePerMinuteQueueJobAndStateWithPercentiles()
{
    Queue other;
    other.name = QStringLiteral("other");
    m_store->ensureQueue(other, Tester, T0);
    const qint64 a = m_store->upsertJob(jobNamed("a"), Tester, T0);
    const qint64 b = m_store->upsertJob(jobNamed("b", "other"), Tester, T0);
    // Job a: 100 successes of 1..100 s spread over two minutes, 2 dead runs of 500 ms.
    for (int i = 1; i <= 100; ++i)
        runJob(a, RunState::Succeeded, T0 + (i % 2) * Minute, i * Second);
    runJob(a, RunState::Dead, T0 + 5 * Second, 500);
    runJob(a, RunState::Dead, T0 + 5 * Minute, 500);
    runJob(b, RunState::Succeeded, T0, 2 * Second, QStringLiteral("other"));
    runJob(0, RunState::Succeeded, T0, 3 * Second); // a run of no job
    QCOMPARE(m_store->rollupAndPrune(T0 + 10 * Minute, RetentionPolicy{}).rolledUp, qint64(104));

    const RollupStats statsA = statsOf(QStringLiteral("a"));
    QCOMPARE(statsA.succeeded, qint64(100));
    QCOMPARE(statsA.dead, qint64(2));
    QCOMPARE(statsA.maxMs, 100 * Second);
    QCOMPARE(statsA.totalMs, 5050 * Second + 1000);
    QCOMPARE(statsA.lastSuccessAt, T0 + Minute + 99 * Second);
    // Durations of 102 runs: 2 of 0.5 s, then 1..100 s; the exact p50, p95, p99 are 49, 95 and 99 s.
    QVERIFY(std::abs(statsA.p50() - 49 * Second) <= 49 * Second / 20);
    QVERIFY(std::abs(statsA.p95() - 95 * Second) <= 95 * Second / 20);
    QVERIFY(std::abs(statsA.p99() - 99 * Second) <= 99 * Second / 20);

    // A period: the first minute.
    RollupFilter firstMinute;
    firstMinute.job = QStringLiteral("a");
    firstMinute.since = T0;
    firstMinute.until = T0 + Minute;
    const QVector<RollupStats> early = m_store->rollups(firstMinute);
    QCOMPARE(early.size(), 1);
    // Runs started at T0 taking <= 59 s finish in the first minute: i even and i <= 58 (29 runs), plus a dead one.
    QCOMPARE(early.constFirst().succeeded, qint64(29));
    QCOMPARE(early.constFirst().dead, qint64(1));

    RollupFilter perQueue;
    perQueue.byJob = false;
    perQueue.byQueue = true;
    const QVector<RollupStats> queues = m_store->rollups(perQueue);
    QCOMPARE(queues.size(), 2);
    QCOMPARE(queues.at(0).queue, QStringLiteral("default"));
    QCOMPARE(queues.at(0).runs(), qint64(103));
    QCOMPARE(queues.at(1).queue, QStringLiteral("other"));
    QCOMPARE(queues.at(1).runs(), qint64(1));
    QCOMPARE(queues.at(1).p99(), 2 * Second);

    RollupFilter everyJob;
    const QVector<RollupStats> jobs = m_store->rollups(everyJob);
    QCOMPARE(jobs.size(), 3); // "", "a", "b"
    QCOMPARE(jobs.at(0).job, QString());
    QCOMPARE(jobs.at(0).succeeded, qint64(1));
    RollupFilter queueOther;
    queueOther.queue = QStringLiteral("other");
    QCOMPARE(m_store->rollups(queueOther).size(), 1);
    QCOMPARE(m_store->rollups(queueOther).constFirst().job, QStringLiteral("b"));
}

void TestStoreRetention::rollupAndPruneWorkInBatches()
{
    const qint64 job = m_store->upsertJob(jobNamed("many"), Tester, T0);
    QVector<qint64> ids;
    for (int i = 0; i < 10; ++i)
        ids << runJob(job, RunState::Succeeded, T0 + i * Second, 10);
    RetentionPolicy policy;
    policy.batchSize = 3;
    policy.maxBatches = 2;
    const qint64 now = T0 + 8 * Day;
    RetentionResult first = m_store->rollupAndPrune(now, policy);
    QCOMPARE(first.rolledUp, qint64(6));
    QVERIFY(first.more);
    QVERIFY(m_store->run(ids.first()));
    RetentionResult second = m_store->rollupAndPrune(now, policy);
    QCOMPARE(second.rolledUp, qint64(4)); // 3 + 1: the short batch ends the rollup
    QVERIFY(second.more);                 // no batch left to prune
    qint64 pruned = 0;
    for (int call = 0; call < 10; ++call) {
        const RetentionResult r = m_store->rollupAndPrune(now, policy);
        QCOMPARE(r.rolledUp, qint64(0));
        pruned += r.prunedFinished;
        if (!r.more)
            break;
    }
    QCOMPARE(pruned, qint64(10));
    for (const qint64 id : ids)
        QVERIFY(!m_store->run(id));
    QCOMPARE(statsOf(QStringLiteral("many")).succeeded, qint64(10));
}

void TestStoreRetention::prunesOldSucceededAndCancelledRunsButNothingYounger()
{
    const qint64 job = m_store->upsertJob(jobNamed("j"), Tester, T0);
    const qint64 old = runJob(job, RunState::Succeeded, T0, 10);
    const qint64 oldCancelled = cancelled(job, T0 + Second);
    const qint64 young = runJob(job, RunState::Succeeded, T0 + Day, 10);
    const qint64 youngCancelled = cancelled(job, T0 + Day + Second);
    QCOMPARE(m_store->attempts(old).size(), 1);

    // Exactly 7 days after `old` finished: not older than the age yet.
    RetentionResult r = m_store->rollupAndPrune(T0 + 10 + 7 * Day, RetentionPolicy{});
    QCOMPARE(r.rolledUp, qint64(4));
    QCOMPARE(r.prunedFinished, qint64(0));
    r = m_store->rollupAndPrune(T0 + 2 * Second + 7 * Day, RetentionPolicy{});
    QCOMPARE(r.prunedFinished, qint64(2));
    QCOMPARE(r.prunedDead, qint64(0));
    QVERIFY(!m_store->run(old));
    QVERIFY(!m_store->run(oldCancelled));
    QVERIFY(m_store->attempts(old).isEmpty());
    QVERIFY(m_store->run(young));
    QVERIFY(m_store->run(youngCancelled));

    // A shorter age set by the operator.
    RetentionPolicy day;
    day.succeededAgeMs = Day;
    r = m_store->rollupAndPrune(T0 + 2 * Day + 2 * Second, day);
    QCOMPARE(r.prunedFinished, qint64(2));
    QVERIFY(!m_store->run(young));
    QCOMPARE(statsOf(QStringLiteral("j")).runs(), qint64(4));
}

void TestStoreRetention::keepsUnhandledDeadRunsAndPrunesHandledOnesAfterTheirAge()
{
    const qint64 job = m_store->upsertJob(jobNamed("d"), Tester, T0);
    const qint64 unhandled = runJob(job, RunState::Dead, T0, 10);
    const qint64 discarded = runJob(job, RunState::Dead, T0 + Second, 10);
    const qint64 replayed = runJob(job, RunState::Dead, T0 + 2 * Second, 10);
    const qint64 after = runJob(job, RunState::Succeeded, T0 + 3 * Second, 10); // behind the dead ones
    m_store->discard(discarded, Tester, T0 + 10 * Day);
    const qint64 replay = m_store->replay(replayed, Tester, T0 + 20 * Day);

    RetentionResult r = m_store->rollupAndPrune(T0 + 35 * Day, RetentionPolicy{});
    QCOMPARE(r.prunedDead, qint64(0)); // handled less than 30 days ago
    QCOMPARE(r.prunedFinished, qint64(1));
    QVERIFY(!m_store->run(after));
    r = m_store->rollupAndPrune(T0 + 41 * Day, RetentionPolicy{});
    QCOMPARE(r.prunedDead, qint64(1));
    QVERIFY(!m_store->run(discarded));
    QVERIFY(m_store->run(replayed));
    r = m_store->rollupAndPrune(T0 + 51 * Day, RetentionPolicy{});
    QCOMPARE(r.prunedDead, qint64(1));
    QVERIFY(!m_store->run(replayed));
    QVERIFY(m_store->run(replay)); // the replay itself is waiting, not finished
    r = m_store->rollupAndPrune(T0 + 5000 * Day, RetentionPolicy{});
    QCOMPARE(r.prunedDead, qint64(0));
    QVERIFY(m_store->run(unhandled)); // the dead-letter queue keeps it until an operator acts
    RunFilter dlq;
    dlq.dlqOnly = true;
    QCOMPARE(m_store->runs(dlq).size(), 1);
}

void TestStoreRetention::lastSuccessSurvivesPruning()
{
    const qint64 job = m_store->upsertJob(jobNamed("nightly"), Tester, T0);
    runJob(job, RunState::Succeeded, T0, 42 * Second);
    runJob(job, RunState::Dead, T0 + Day, Second);
    m_store->rollupAndPrune(T0 + 8 * Day, RetentionPolicy{});
    QCOMPARE(m_store->runs(RunFilter{}).size(), 1); // the dead run (unhandled) is all that is left
    for (const JobActivity &activity : m_store->jobActivity(10)) {
        if (activity.jobId == job) {
            QCOMPARE(activity.lastSuccessAt, T0 + 42 * Second);
            return;
        }
    }
    QFAIL("job not reported");
}

void TestStoreRetention::waitsForRunsFinishedByOpenTransactions()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("postgres"))
        QSKIP("SQLite's writers take turns: no transaction can commit a smaller seq later");
    const qint64 job = m_store->upsertJob(jobNamed("race"), Tester, T0);
    const Run slow = startRun(job, T0);
    const Run fast = startRun(job, T0 + Second);
    // Another connection finishes `slow` and keeps its transaction open while `fast` finishes and commits.
    const QString url = m_fixture->url();
    pqxx::connection other(url.toStdString());
    pqxx::work open(other);
    open.exec_params("UPDATE runs SET state = 'succeeded', finished_at = $1, duration_ms = 5, "
                     "finished_seq = pg_current_xact_id()::text::bigint WHERE id = $2",
                     T0 + 5, slow.id);
    finish(fast, RunState::Succeeded, T0 + 2 * Second);
    // `fast` committed with a larger transaction id, but `slow` may still commit with a smaller one: wait.
    QCOMPARE(m_store->rollupAndPrune(T0 + Minute, RetentionPolicy{}).rolledUp, qint64(0));
    open.commit();
    QCOMPARE(m_store->rollupAndPrune(T0 + Minute, RetentionPolicy{}).rolledUp, qint64(2));
    QCOMPARE(m_store->rollupAndPrune(T0 + Minute, RetentionPolicy{}).rolledUp, qint64(0));
    QCOMPARE(statsOf(QStringLiteral("race")).succeeded, qint64(2));
}

QTEST_GUILESS_MAIN(TestStoreRetention)
#include "tst_storeretention.moc"
