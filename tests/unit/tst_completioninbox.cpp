// The hand-over between the dispatcher and the workers: a worker that frees a slot takes the next prefetched run
// itself, never beyond the concurrency, and the dispatcher learns every start before the result it belongs to.
#include "engine/completioninbox.h"

#include <QTest>

using namespace vigia;

namespace {
Run runWithId(qint64 id)
{
    Run run;
    run.id = id;
    run.kind = QStringLiteral("noop");
    return run;
}

RunResult resultOf(qint64 id)
{
    RunResult result;
    result.run = runWithId(id);
    result.outcome = RunResult::Outcome::Succeeded;
    return result;
}

QVector<qint64> ids(const QVector<Run> &runs)
{
    QVector<qint64> out;
    for (const Run &run : runs)
        out << run.id;
    return out;
}
} // namespace

class TestCompletionInbox : public QObject {
    Q_OBJECT
private slots:
    void dispatcherStartsWaitingRunsUpToConcurrency();
    void finishedRunHandsItsSlotToTheNextWaitingRun();
    void startIsTakenNoLaterThanItsResult();
    void firstResultAfterATakeWakesOnce();
    void takeReadyHandsBackWaitingRunsAndStopsHandOvers();
    void removeReadyTakesOnlyAWaitingRun();
};

void TestCompletionInbox::dispatcherStartsWaitingRunsUpToConcurrency()
{
    CompletionInbox inbox;
    inbox.setConcurrency(2);
    inbox.addReady({runWithId(1), runWithId(2), runWithId(3)});
    QCOMPARE(ids(inbox.startReady()), (QVector<qint64>{1, 2}));
    QCOMPARE(inbox.running(), 2);
    QCOMPARE(inbox.waiting(), 1);
    QVERIFY(inbox.startReady().isEmpty());
}

void TestCompletionInbox::finishedRunHandsItsSlotToTheNextWaitingRun()
{
    CompletionInbox inbox;
    inbox.setConcurrency(1);
    inbox.addReady({runWithId(1), runWithId(2)});
    QCOMPARE(ids(inbox.startReady()), (QVector<qint64>{1}));
    const std::optional<Run> next = inbox.post(resultOf(1));
    QVERIFY(next);
    QCOMPARE(next->id, qint64(2));
    QCOMPARE(inbox.running(), 1); // the slot changed hands; it was never two
    QVERIFY(!inbox.post(resultOf(2)));
    QCOMPARE(inbox.running(), 0);
}

void TestCompletionInbox::startIsTakenNoLaterThanItsResult()
{
    CompletionInbox inbox;
    inbox.setConcurrency(1);
    inbox.addReady({runWithId(1), runWithId(2)});
    inbox.startReady();
    QVERIFY(inbox.post(resultOf(1)));
    QVERIFY(!inbox.post(resultOf(2)));
    QVector<Run> started;
    const QVector<RunResult> results = inbox.take(&started);
    QCOMPARE(ids(started), (QVector<qint64>{2}));
    QCOMPARE(results.size(), 2);
    QVERIFY(inbox.take(&started).isEmpty());
    QVERIFY(started.isEmpty());
}

void TestCompletionInbox::firstResultAfterATakeWakesOnce()
{
    CompletionInbox inbox;
    int wakes = 0;
    inbox.setWake([&wakes] { ++wakes; });
    inbox.post(resultOf(1));
    inbox.post(resultOf(2));
    QCOMPARE(wakes, 1);
    inbox.take();
    inbox.post(resultOf(3));
    QCOMPARE(wakes, 2);
}

void TestCompletionInbox::takeReadyHandsBackWaitingRunsAndStopsHandOvers()
{
    CompletionInbox inbox;
    inbox.setConcurrency(1);
    inbox.addReady({runWithId(1), runWithId(2), runWithId(3)});
    inbox.startReady();
    QCOMPARE(ids(inbox.takeReady()), (QVector<qint64>{2, 3}));
    inbox.addReady({runWithId(4)});
    QVERIFY(!inbox.post(resultOf(1))); // shutting down: the freed slot stays free
    QCOMPARE(inbox.running(), 0);
}

void TestCompletionInbox::removeReadyTakesOnlyAWaitingRun()
{
    CompletionInbox inbox;
    inbox.setConcurrency(1);
    inbox.addReady({runWithId(1), runWithId(2)});
    inbox.startReady();
    QVERIFY(!inbox.removeReady(1)); // running, not waiting
    const std::optional<Run> removed = inbox.removeReady(2);
    QVERIFY(removed);
    QCOMPARE(removed->id, qint64(2));
    QCOMPARE(inbox.waiting(), 0);
    QVERIFY(!inbox.post(resultOf(1)));
}

QTEST_GUILESS_MAIN(TestCompletionInbox)
#include "tst_completioninbox.moc"
