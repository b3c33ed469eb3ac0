// The scheduler in its own thread on a real database and a fake clock: fires on time with a unique key per
// (job, fire time), catches up after downtime by the misfire policy, honours pause, wakes on edits, and never
// enqueues a fire twice when two schedulers race on one database.
#include "engine/scheduler.h"
#include "fakeclock.h"
#include "testsupport.h"
#include "util/ownedthread.h"

#include <QDateTime>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
const Actor Operator{QStringLiteral("tester")};

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

JobDef cronJob(const QString &name, const char *expression, MisfirePolicy misfire = MisfirePolicy::Coalesce)
{
    JobDef job;
    job.name = name;
    job.kind = QStringLiteral("noop");
    job.schedule.kind = Schedule::Kind::Cron;
    job.schedule.cron = QLatin1String(expression);
    job.schedule.misfire = misfire;
    return job;
}
} // namespace

class TestScheduler : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void cronJobFiresOnTimeOncePerFireTime();
    void fireRunsCarryTheJobsSettings();
    void intervalJobDoesNotDrift();
    void misfireAfterDowntime_data();
    void misfireAfterDowntime();
    void pausedJobCatchesUpOnResumeByPolicy();
    void editWakesTheSchedulerAtOnce();
    void runOnStartEnqueuesOnce();
    void twoSchedulersRacingEnqueueEachFireOnce();

private:
    Scheduler *startScheduler();
    QVector<Run> runsOf(qint64 jobId);

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::vector<std::unique_ptr<OwnedThread<Scheduler>>> m_schedulers;
};

void TestScheduler::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_clock = std::make_unique<FakeClock>(utc("2026-11-22T10:00:30Z"));
    m_store = m_db->open();
}

void TestScheduler::cleanup()
{
    m_schedulers.clear();
    m_store.reset();
    m_clock.reset();
    m_db.reset();
}

Scheduler *TestScheduler::startScheduler()
{
    m_schedulers.push_back(std::make_unique<OwnedThread<Scheduler>>(
        QStringLiteral("test-scheduler"), std::make_unique<Scheduler>(m_db->opener(), m_clock.get())));
    Scheduler *scheduler = m_schedulers.back()->object();
    // The scheduler emits `started` on its own thread, possibly before a QSignalSpy would begin waiting (which then
    // misses it); a queued connection to an object of this thread records it here instead.
    bool started = false;
    QObject context;
    QObject::connect(
        scheduler, &Scheduler::started, &context, [&started] { started = true; }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(scheduler, &Scheduler::start, Qt::QueuedConnection);
    if (!QTest::qWaitFor([&started] { return started; }, 10000))
        qFatal("scheduler did not start");
    return scheduler;
}

QVector<Run> TestScheduler::runsOf(qint64 jobId)
{
    RunFilter all;
    all.limit = 100000;
    QVector<Run> result;
    for (const Run &run : m_store->runs(all)) {
        if (run.jobId == jobId)
            result.prepend(run); // oldest first
    }
    return result;
}

void TestScheduler::cronJobFiresOnTimeOncePerFireTime()
{
    const qint64 id =
        m_store->upsertJob(cronJob(QStringLiteral("every-minute"), "* * * * *"), Operator, m_clock->nowMs());
    startScheduler();
    QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:01:00Z"));
    QVERIFY(runsOf(id).isEmpty());
    m_clock->setNowMs(utc("2026-11-22T10:01:00Z"));
    QTRY_COMPARE(runsOf(id).size(), 1);
    m_clock->setNowMs(utc("2026-11-22T10:01:59Z"));
    QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:02:00Z"));
    QCOMPARE(runsOf(id).size(), 1);
    m_clock->setNowMs(utc("2026-11-22T10:02:00Z"));
    QTRY_COMPARE(runsOf(id).size(), 2);
    const QVector<Run> runs = runsOf(id);
    QCOMPARE(runs[0].scheduledAt, utc("2026-11-22T10:01:00Z"));
    QCOMPARE(runs[0].uniqueKey, Scheduler::uniqueKeyFor(id, utc("2026-11-22T10:01:00Z")));
    QCOMPARE(runs[1].scheduledAt, utc("2026-11-22T10:02:00Z"));
    QCOMPARE(m_store->job(id)->lastFireAt, utc("2026-11-22T10:02:00Z"));
}

void TestScheduler::fireRunsCarryTheJobsSettings()
{
    JobDef job = cronJob(QStringLiteral("report"), "* * * * *");
    m_store->ensureQueue({QStringLiteral("reports"), 2, false}, Operator, m_clock->nowMs());
    job.queue = QStringLiteral("reports");
    job.kind = QStringLiteral("sleep");
    job.payload = QByteArrayLiteral(R"({"ms":5})");
    job.priority = Priority::High;
    job.maxAttempts = 9;
    job.timeoutMs = 1234;
    const qint64 id = m_store->upsertJob(job, Operator, m_clock->nowMs());
    startScheduler();
    QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:01:00Z"));
    m_clock->setNowMs(utc("2026-11-22T10:01:00Z"));
    QTRY_COMPARE(runsOf(id).size(), 1);
    const Run run = runsOf(id).constFirst();
    QCOMPARE(run.queue, QStringLiteral("reports"));
    QCOMPARE(run.kind, QStringLiteral("sleep"));
    QCOMPARE(run.payload, QByteArrayLiteral(R"({"ms":5})"));
    QCOMPARE(run.priority, Priority::High);
    QCOMPARE(run.maxAttempts, 9);
    QCOMPARE(run.timeoutMs, 1234);
    QCOMPARE(run.state, RunState::Available);
}

void TestScheduler::intervalJobDoesNotDrift()
{
    JobDef job = cronJob(QStringLiteral("tick"), "");
    job.schedule.kind = Schedule::Kind::Interval;
    job.schedule.intervalMs = 45'000;
    job.schedule.anchorAt = utc("2026-11-22T10:00:10Z");
    const qint64 id = m_store->upsertJob(job, Operator, m_clock->nowMs());
    startScheduler();
    // The scheduler wakes late each time (busy machine); fires stay on the anchor grid.
    qint64 expected = utc("2026-11-22T10:00:55Z");
    for (int i = 0; i < 5; ++i) {
        QTRY_COMPARE(m_store->job(id)->nextFireAt, expected);
        m_clock->setNowMs(expected + 700);
        expected += 45'000;
    }
    QTRY_COMPARE(runsOf(id).size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(runsOf(id)[i].scheduledAt, utc("2026-11-22T10:00:55Z") + i * 45'000);
}

void TestScheduler::misfireAfterDowntime_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("expectedRuns");
    QTest::newRow("coalesce") << int(MisfirePolicy::Coalesce) << 1;
    QTest::newRow("run-all") << int(MisfirePolicy::RunAll) << 12;
    QTest::newRow("skip") << int(MisfirePolicy::Skip) << 0;
}

void TestScheduler::misfireAfterDowntime()
{
    QFETCH(int, policy);
    QFETCH(int, expectedRuns);
    const qint64 id = m_store->upsertJob(
        cronJob(QStringLiteral("five"), "*/5 * * * *", static_cast<MisfirePolicy>(policy)), Operator, m_clock->nowMs());
    {
        Scheduler *first = startScheduler();
        Q_UNUSED(first);
        QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:05:00Z"));
        m_schedulers.clear(); // the engine goes down before 10:05
    }
    m_clock->setNowMs(utc("2026-11-22T11:02:00Z")); // back up after an hour: 10:05 ... 11:00 were missed
    startScheduler();
    QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T11:05:00Z"));
    const QVector<Run> runs = runsOf(id);
    QCOMPARE(runs.size(), expectedRuns);
    if (policy == int(MisfirePolicy::Coalesce))
        QCOMPARE(runs[0].scheduledAt, utc("2026-11-22T11:00:00Z"));
    if (policy == int(MisfirePolicy::RunAll)) {
        QCOMPARE(runs.constFirst().scheduledAt, utc("2026-11-22T10:05:00Z"));
        QCOMPARE(runs.constLast().scheduledAt, utc("2026-11-22T11:00:00Z"));
    }
}

void TestScheduler::pausedJobCatchesUpOnResumeByPolicy()
{
    const qint64 id = m_store->upsertJob(cronJob(QStringLiteral("paused"), "*/10 * * * *", MisfirePolicy::RunAll),
                                         Operator, m_clock->nowMs());
    startScheduler();
    QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:10:00Z"));
    m_store->setJobPaused(QStringLiteral("paused"), true, Operator, m_clock->nowMs());
    m_clock->setNowMs(utc("2026-11-22T10:45:00Z"));
    m_clock->setNowMs(utc("2026-11-22T10:45:01Z")); // past the revision poll
    QTRY_VERIFY(m_store->job(id)->schedule.paused);
    QCOMPARE(runsOf(id).size(), 0);
    QCOMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:10:00Z"));
    m_store->setJobPaused(QStringLiteral("paused"), false, Operator, m_clock->nowMs());
    m_clock->advanceMs(Scheduler::RevisionPollMs); // another process resumed it: noticed at the next revision poll
    QTRY_COMPARE(runsOf(id).size(), 4);            // 10:10, 10:20, 10:30, 10:40
    QCOMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:50:00Z"));
}

void TestScheduler::editWakesTheSchedulerAtOnce()
{
    Scheduler *scheduler = startScheduler();
    const qint64 id = m_store->upsertJob(cronJob(QStringLiteral("late-add"), "0 12 * * *"), Operator, m_clock->nowMs());
    QMetaObject::invokeMethod(scheduler, &Scheduler::wake, Qt::QueuedConnection);
    QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T12:00:00Z"));
    JobDef edited = cronJob(QStringLiteral("late-add"), "0 11 * * *");
    m_store->upsertJob(edited, Operator, m_clock->nowMs());
    QCOMPARE(m_store->job(id)->nextFireAt, 0); // a new schedule forgets the old next fire
    QMetaObject::invokeMethod(scheduler, &Scheduler::wake, Qt::QueuedConnection);
    QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T11:00:00Z"));
}

void TestScheduler::runOnStartEnqueuesOnce()
{
    JobDef job = cronJob(QStringLiteral("warmup"), "0 3 * * *");
    job.schedule.runOnStart = true;
    const qint64 id = m_store->upsertJob(job, Operator, m_clock->nowMs());
    startScheduler();
    startScheduler(); // a second node starting in the same second
    QTRY_COMPARE(runsOf(id).size(), 1);
    QCOMPARE(runsOf(id).constFirst().scheduledAt, m_clock->nowMs());
}

void TestScheduler::twoSchedulersRacingEnqueueEachFireOnce()
{
    QVector<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(m_store->upsertJob(cronJob(QStringLiteral("job-%1").arg(i), "* * * * *", MisfirePolicy::RunAll),
                                      Operator, m_clock->nowMs()));
    }
    startScheduler();
    startScheduler();
    for (qint64 id : ids)
        QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:01:00Z"));
    for (int minute = 1; minute <= 10; ++minute) {
        m_clock->setNowMs(utc("2026-11-22T10:00:00Z") + minute * 60'000);
        for (qint64 id : ids)
            QTRY_COMPARE(m_store->job(id)->nextFireAt, utc("2026-11-22T10:00:00Z") + (minute + 1) * 60'000);
    }
    for (qint64 id : ids) {
        const QVector<Run> runs = runsOf(id);
        QCOMPARE(runs.size(), 10);
        QSet<QString> keys;
        for (const Run &run : runs)
            keys.insert(run.uniqueKey);
        QCOMPARE(keys.size(), 10);
    }
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
