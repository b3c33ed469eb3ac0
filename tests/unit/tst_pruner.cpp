// Pruner on a fake clock and a real SQLite database: each pass rolls up what finished since the last one; runs go
// exactly when the clock passes their age and not a pass earlier; a pass with work left is followed by the next one
// at once instead of a minute later. The pruner lives on the test's thread, so each clock jump runs at most one pass.
#include "engine/pruner.h"
#include "fakeclock.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Day = RetentionPolicy::Day;
} // namespace

class TestPruner : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rollsUpEveryMinuteAndPrunesWhenTheAgeHasPassed();
    void passWithWorkLeftIsFollowedAtOnce();
    void keepsUnhandledDeadRuns();

private:
    qint64 finishRun(RunState state, qint64 at)
    {
        NewRun run;
        run.kind = QStringLiteral("noop");
        run.runAt = at;
        run.maxAttempts = 1;
        m_store->enqueue({run}, at);
        const ExchangeResult r = m_store->exchange({}, ClaimRequest{QStringLiteral("n1"), 1, at, at + 3600 * Second});
        if (r.claimed.size() != 1)
            qFatal("expected to claim one run");
        Completion c;
        c.runId = r.claimed.constFirst().id;
        c.attempt = 1;
        c.node = QStringLiteral("n1");
        c.newState = state;
        c.outcome = QStringLiteral("succeeded");
        c.startedAt = at;
        c.finishedAt = at + Second;
        m_store->exchange({c}, ClaimRequest{});
        return c.runId;
    }
    void startPruner(RetentionPolicy policy = {})
    {
        m_pruner = std::make_unique<Pruner>(m_db->opener(), m_clock.get(), policy);
        m_passes = std::make_unique<QSignalSpy>(m_pruner.get(), &Pruner::pruned);
        QSignalSpy failed(m_pruner.get(), &Pruner::failed);
        m_pruner->start();
        if (m_passes->size() != 1 || !failed.isEmpty())
            qFatal("the pruner's first pass failed");
    }
    qint64 lastPass(int column) const { return m_passes->last().at(column).toLongLong(); }

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Pruner> m_pruner;
    std::unique_ptr<QSignalSpy> m_passes;
};

void TestPruner::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_clock = std::make_unique<FakeClock>(1'700'000'040'000);
    m_store = m_db->open();
}

void TestPruner::cleanup()
{
    m_passes.reset();
    m_pruner.reset();
    m_store.reset();
    m_clock.reset();
    m_db.reset();
}

void TestPruner::rollsUpEveryMinuteAndPrunesWhenTheAgeHasPassed()
{
    const qint64 t0 = m_clock->nowMs();
    const qint64 first = finishRun(RunState::Succeeded, t0 - 10 * Second);
    startPruner();
    QCOMPARE(lastPass(0), qint64(1));
    QCOMPARE(lastPass(1), qint64(0));

    const qint64 second = finishRun(RunState::Succeeded, t0 + 10 * Second);
    m_clock->setNowMs(t0 + Minute - 1);
    QCOMPARE(m_passes->size(), 1); // not due yet
    m_clock->setNowMs(t0 + Minute);
    QCOMPARE(m_passes->size(), 2);
    QCOMPARE(lastPass(0), qint64(1));

    // `first` finished at t0 - 9 s: 7 days later to the millisecond it is not older than the age yet.
    m_clock->setNowMs(t0 - 9 * Second + 7 * Day);
    QCOMPARE(m_passes->size(), 3);
    QCOMPARE(lastPass(1), qint64(0));
    QVERIFY(m_store->run(first));
    m_clock->setNowMs(t0 - 9 * Second + 7 * Day + 10 * Second); // `second` finished at t0 + 11 s
    QCOMPARE(m_passes->size(), 3);
    m_pruner->prune();
    QCOMPARE(m_passes->size(), 4);
    QCOMPARE(lastPass(1), qint64(1));
    QVERIFY(!m_store->run(first));
    QVERIFY(m_store->run(second));
    RollupFilter all;
    QCOMPARE(m_store->rollups(all).constFirst().succeeded, qint64(2));
}

void TestPruner::passWithWorkLeftIsFollowedAtOnce()
{
    const qint64 t0 = m_clock->nowMs();
    for (int i = 0; i < 5; ++i)
        finishRun(RunState::Succeeded, t0 - 10 * Day + i * Second);
    RetentionPolicy policy;
    policy.batchSize = 2;
    policy.maxBatches = 1;
    startPruner(policy);
    QCOMPARE(lastPass(0), qint64(2));
    // The next passes are queued, not timed: the event loop runs them without the clock moving.
    qint64 pruned = 0;
    for (int i = 0; i < 100 && m_store->runs(RunFilter{}).size() > 0; ++i)
        QCoreApplication::processEvents();
    for (const QList<QVariant> &pass : std::as_const(*m_passes))
        pruned += pass.at(1).toLongLong();
    QCOMPARE(pruned, qint64(5));
    QVERIFY(m_store->runs(RunFilter{}).isEmpty());
    QCOMPARE(m_clock->nowMs(), t0);
}

void TestPruner::keepsUnhandledDeadRuns()
{
    const qint64 t0 = m_clock->nowMs();
    const qint64 dead = finishRun(RunState::Dead, t0 - 100 * Day);
    startPruner();
    QCOMPARE(lastPass(0), qint64(1));
    QCOMPARE(lastPass(2), qint64(0));
    QVERIFY(m_store->run(dead));
}

QTEST_GUILESS_MAIN(TestPruner)
#include "tst_pruner.moc"
