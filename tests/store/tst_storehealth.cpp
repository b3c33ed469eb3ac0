// Store::jobActivity on every backend: per job its creation, its last success (also when an older run that retried
// finished last, and when it lies behind more failures than the runs asked for), the end states and durations of
// its newest finished runs, and its running runs with their start; runs of no job are left out.
#include "storefixture.h"

#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Second = 1000;

JobDef jobNamed(const char *name)
{
    JobDef job;
    job.name = QLatin1String(name);
    job.kind = QStringLiteral("noop");
    job.schedule.kind = Schedule::Kind::Interval;
    job.schedule.intervalMs = 60 * Second;
    return job;
}
} // namespace

class TestStoreHealth : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void jobActivityReportsEveryJobById();
    void jobActivityReportsOutcomesDurationsAndRunningRuns();
    void jobActivityReadsOnlyTheNewestRunsButFindsAnOlderSuccess();
    void olderRunThatSucceedsLastIsTheLastSuccess();

private:
    // A run of `jobId` that an engine claims at `startAt`; the run is left running.
    Run startRun(qint64 jobId, qint64 startAt)
    {
        NewRun run = NewRun{};
        run.kind = QStringLiteral("noop");
        run.jobId = jobId;
        run.runAt = startAt;
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
    qint64 runJob(qint64 jobId, RunState state, qint64 startAt, qint64 durationMs)
    {
        const Run run = startRun(jobId, startAt);
        finish(run, state, startAt + durationMs);
        return run.id;
    }
    JobActivity activityOf(qint64 jobId, int recentRuns = 10)
    {
        for (const JobActivity &activity : m_store->jobActivity(recentRuns)) {
            if (activity.jobId == jobId)
                return activity;
        }
        qFatal("job %lld not reported", jobId);
    }

    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;
};

void TestStoreHealth::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : availableBackends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void TestStoreHealth::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fixture = makeFixture(backend);
    m_store = m_fixture->open();
}

void TestStoreHealth::cleanup()
{
    m_store.reset();
    m_fixture.reset();
}

void TestStoreHealth::jobActivityReportsEveryJobById()
{
    QVERIFY(m_store->jobActivity(10).isEmpty());
    const qint64 b = m_store->upsertJob(jobNamed("b"), Actor{QStringLiteral("t")}, T0);
    const qint64 a = m_store->upsertJob(jobNamed("a"), Actor{QStringLiteral("t")}, T0 + 5);
    const QVector<JobActivity> all = m_store->jobActivity(10);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).jobId, std::min(a, b));
    QCOMPARE(all.at(1).jobId, std::max(a, b));
    const JobActivity fresh = activityOf(a);
    QCOMPARE(fresh.jobCreatedAt, T0 + 5);
    QCOMPARE(fresh.lastSuccessAt, qint64(0));
    QCOMPARE(fresh.lastFinishedAt, qint64(0));
    QVERIFY(fresh.running.isEmpty());
    QVERIFY(fresh.recentOutcomes.isEmpty());
    QVERIFY(fresh.recentDurationsMs.isEmpty());
}

void TestStoreHealth::jobActivityReportsOutcomesDurationsAndRunningRuns()
{
    const qint64 job = m_store->upsertJob(jobNamed("etl"), Actor{QStringLiteral("t")}, T0);
    const qint64 other = m_store->upsertJob(jobNamed("other"), Actor{QStringLiteral("t")}, T0);
    runJob(job, RunState::Succeeded, T0 + 100 * Second, 10 * Second);
    runJob(job, RunState::Dead, T0 + 200 * Second, 3 * Second);
    runJob(job, RunState::Succeeded, T0 + 300 * Second, 20 * Second);
    runJob(other, RunState::Dead, T0 + 350 * Second, Second);
    // Cancelled before it ran: the newest finished run.
    NewRun cancelled;
    cancelled.kind = QStringLiteral("noop");
    cancelled.jobId = job;
    cancelled.runAt = T0 + 10'000 * Second; // not due: stays scheduled until cancelled
    const qint64 cancelledId = m_store->enqueue({cancelled}, T0 + 400 * Second).constFirst().id;
    QCOMPARE(m_store->cancel(cancelledId, Actor{QStringLiteral("t")}, T0 + 401 * Second),
             Store::CancelResult::Cancelled);
    const Run running1 = startRun(job, T0 + 500 * Second);
    const Run running2 = startRun(job, T0 + 510 * Second);
    startRun(0, T0 + 520 * Second); // no job: reported nowhere

    const JobActivity activity = activityOf(job);
    QCOMPARE(activity.jobCreatedAt, T0);
    QCOMPARE(activity.lastSuccessAt, T0 + 320 * Second);
    QCOMPARE(activity.lastFinishedAt, T0 + 401 * Second);
    QCOMPARE(activity.lastFinishedState, RunState::Cancelled);
    QCOMPARE(activity.recentOutcomes,
             (QVector<RunState>{RunState::Cancelled, RunState::Succeeded, RunState::Dead, RunState::Succeeded}));
    QCOMPARE(activity.recentDurationsMs, (QVector<qint64>{20 * Second, 10 * Second}));
    QCOMPARE(activity.running.size(), 2);
    QCOMPARE(activity.running.at(0).runId, running1.id);
    QCOMPARE(activity.running.at(0).startedAt, T0 + 500 * Second);
    QCOMPARE(activity.running.at(1).runId, running2.id);
    QCOMPARE(activity.running.at(1).startedAt, T0 + 510 * Second);

    const JobActivity otherActivity = activityOf(other);
    QCOMPARE(otherActivity.lastSuccessAt, qint64(0));
    QCOMPARE(otherActivity.lastFinishedAt, T0 + 351 * Second);
    QCOMPARE(otherActivity.lastFinishedState, RunState::Dead);
    QCOMPARE(otherActivity.recentOutcomes, QVector<RunState>{RunState::Dead});
    QVERIFY(otherActivity.running.isEmpty());
}

void TestStoreHealth::jobActivityReadsOnlyTheNewestRunsButFindsAnOlderSuccess()
{
    const qint64 job = m_store->upsertJob(jobNamed("flaky"), Actor{QStringLiteral("t")}, T0);
    runJob(job, RunState::Succeeded, T0 + 10 * Second, 2 * Second);
    for (int i = 0; i < 5; ++i)
        runJob(job, RunState::Dead, T0 + (20 + 10 * i) * Second, Second);
    const JobActivity activity = activityOf(job, 3);
    QCOMPARE(activity.recentOutcomes, QVector<RunState>(3, RunState::Dead));
    QVERIFY(activity.recentDurationsMs.isEmpty());
    QCOMPARE(activity.lastSuccessAt, T0 + 12 * Second);
    QCOMPARE(activity.lastFinishedAt, T0 + 61 * Second);
    QCOMPARE(activityOf(job, 100).recentOutcomes.size(), 6);
}

void TestStoreHealth::olderRunThatSucceedsLastIsTheLastSuccess()
{
    const qint64 job = m_store->upsertJob(jobNamed("slow"), Actor{QStringLiteral("t")}, T0);
    const Run slow = startRun(job, T0 + 10 * Second);
    runJob(job, RunState::Succeeded, T0 + 20 * Second, Second); // a newer run, done at T0 + 21 s
    finish(slow, RunState::Succeeded, T0 + 90 * Second);
    const JobActivity activity = activityOf(job);
    QCOMPARE(activity.lastSuccessAt, T0 + 90 * Second);
    QCOMPARE(activity.recentDurationsMs, (QVector<qint64>{Second, 80 * Second}));
    QVERIFY(activity.running.isEmpty());
}

QTEST_GUILESS_MAIN(TestStoreHealth)
#include "tst_storehealth.moc"
