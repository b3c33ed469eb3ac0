// Real `vigia-engine serve` processes killed with SIGKILL or stopped with SIGTERM: a dead node's runs are rescued
// by another node, a graceful stop lets running runs finish within the drain time and hands the rest back. Every
// process is stopped by its PID when its EngineServer goes out of scope, also when a check fails.
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTest>

#include <csignal>

using namespace vigia;
using namespace vigia::test;

namespace {

// `serve` on `db` as node `node`, looking for new runs every 50 ms, with a 2 s leader lease (a killed leader's
// rescuer duty moves to the next node quickly), plus `extra` options.
QStringList serveArgs(const TempDatabase &db, const QString &node, const char *extra)
{
    return QStringList{QStringLiteral("--db"),    db.url(),
                       QStringLiteral("--node"),  node,
                       QStringLiteral("--quiet"), QStringLiteral("--poll-ms"),
                       QStringLiteral("50"),      QStringLiteral("--leader-lease"),
                       QStringLiteral("2s")} +
           words(extra);
}

qint64 enqueue(const TempDatabase &db, const char *line)
{
    return enqueueRun(db.url(), words(line));
}

QString field(const TempDatabase &db, qint64 id, const char *name)
{
    return showRun(db.url(), id).value(QLatin1String(name)).toVariant().toString();
}

QString stateOf(const TempDatabase &db, qint64 id)
{
    return field(db, id, "state");
}

int runningCount(const TempDatabase &db)
{
    const CliResult result =
        runEngineCli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--state"),
                      QStringLiteral("running"), QStringLiteral("--json"), QStringLiteral("--db"), db.url()});
    return result.exitCode == 0 ? int(QJsonDocument::fromJson(result.out).array().size()) : -1;
}

QJsonObject onlyAttempt(const QJsonObject &run)
{
    const QJsonArray attempts = run.value(QLatin1String("attempts")).toArray();
    return attempts.size() == 1 ? attempts.at(0).toObject() : QJsonObject();
}

} // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedNodesRunIsRescuedByAnotherNode();
    void runDeadAfterNodeCrashIsReplayedAndSucceeds();
    void sigtermLetsRunningRunsFinishWithinDrain();
    void sigtermAfterDrainHandsRunsBackWithAttemptRefunded();
    void secondSigtermStopsWithoutWaitingForDrain();
};

void TestCrashRecovery::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false"));
    QVERIFY2(QFileInfo(engineBinary()).isExecutable(), qPrintable(engineBinary()));
}

void TestCrashRecovery::killedNodesRunIsRescuedByAnotherNode()
{
    TempDatabase db;
    EngineServer nodeA(serveArgs(db, QStringLiteral("node-a"), "--lease 2"));
    QVERIFY(nodeA.start());
    const qint64 id = enqueue(db, "--kind sleep --payload {\"ms\":60000} --max-attempts 3");
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, id), QStringLiteral("running"), 20000);

    QVERIFY(nodeA.sendSignal(SIGKILL));
    QCOMPARE(nodeA.waitForExit(10000), EngineServer::Crashed);
    // Nobody finished it: the database still says running, under the dead node's lease.
    QJsonObject run = showRun(db.url(), id);
    QCOMPARE(run.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QCOMPARE(run.value(QLatin1String("lease_owner")).toString(), QStringLiteral("node-a"));
    QCOMPARE(run.value(QLatin1String("attempt")).toInt(), 1);
    QCOMPARE(run.value(QLatin1String("rescue_count")).toInt(), 0);
    QCOMPARE(run.value(QLatin1String("attempts")).toArray().size(), 0);

    // Another node rescues it once the lease (2 s) has run out, and claims it again: nothing is lost.
    EngineServer nodeB(serveArgs(db, QStringLiteral("node-b"), "--lease 2"));
    QVERIFY(nodeB.start());
    QTRY_COMPARE_WITH_TIMEOUT(field(db, id, "rescue_count"), QStringLiteral("1"), 30000);
    run = showRun(db.url(), id);
    const QStringList pickedUp{QStringLiteral("retryable"), QStringLiteral("available"), QStringLiteral("running")};
    QVERIFY2(pickedUp.contains(run.value(QLatin1String("state")).toString()),
             qPrintable(run.value(QLatin1String("state")).toString()));
    const QJsonObject lost = run.value(QLatin1String("attempts")).toArray().at(0).toObject();
    QCOMPARE(lost.value(QLatin1String("attempt")).toInt(), 1);
    QCOMPARE(lost.value(QLatin1String("node")).toString(), QStringLiteral("node-a"));
    QCOMPARE(lost.value(QLatin1String("outcome")).toString(), QStringLiteral("lease-expired"));
    QVERIFY(lost.value(QLatin1String("error")).toString().contains(QLatin1String("node-a")));

    QTRY_COMPARE_WITH_TIMEOUT(field(db, id, "lease_owner"), QStringLiteral("node-b"), 20000);
    run = showRun(db.url(), id);
    QCOMPARE(run.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QCOMPARE(run.value(QLatin1String("attempt")).toInt(), 2);

    // Cancelling the second attempt ends the story; node-b stops it at its next heartbeat.
    const CliResult cancel = runEngineCli(
        {QStringLiteral("runs"), QStringLiteral("cancel"), QString::number(id), QStringLiteral("--db"), db.url()});
    QCOMPARE(cancel.exitCode, 0);
    QVERIFY2(cancel.out.contains("will stop it"), cancel.out.constData());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, id), QStringLiteral("cancelled"), 20000);
    QCOMPARE(showRun(db.url(), id).value(QLatin1String("attempts")).toArray().size(), 2);
    QVERIFY(nodeB.sendSignal(SIGTERM));
    QCOMPARE(nodeB.waitForExit(30000), 0);
}

void TestCrashRecovery::runDeadAfterNodeCrashIsReplayedAndSucceeds()
{
    // A run whose only attempt died with its node goes to the DLQ; the cause was transient, so its replay succeeds.
    TempDatabase db;
    EngineServer nodeA(serveArgs(db, QStringLiteral("node-a"), "--lease 2"));
    QVERIFY(nodeA.start());
    // Long enough that the run is still running when the test (slow under load) sees it and kills the node.
    const qint64 id = enqueue(db, "--kind sleep --payload {\"ms\":5000} --max-attempts 1");
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, id), QStringLiteral("running"), 20000);
    QVERIFY(nodeA.sendSignal(SIGKILL));
    QCOMPARE(nodeA.waitForExit(10000), EngineServer::Crashed);

    EngineServer nodeB(serveArgs(db, QStringLiteral("node-b"), "--lease 2"));
    QVERIFY(nodeB.start());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, id), QStringLiteral("dead"), 30000);
    QCOMPARE(onlyAttempt(showRun(db.url(), id)).value(QLatin1String("outcome")).toString(),
             QStringLiteral("lease-expired"));

    const CliResult replayed = runEngineCli(
        {QStringLiteral("dlq"), QStringLiteral("replay"), QString::number(id), QStringLiteral("--db"), db.url()});
    QVERIFY2(replayed.exitCode == 0, replayed.err.constData());
    const qint64 replay = replayed.out.trimmed().toLongLong();
    QVERIFY(replay > id);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, replay), QStringLiteral("succeeded"), 20000);
    const QJsonObject run = showRun(db.url(), replay);
    QCOMPARE(run.value(QLatin1String("replay_of")).toInteger(), id);
    QCOMPARE(run.value(QLatin1String("result")).toObject().value(QLatin1String("slept_ms")).toInt(), 5000);
    const QJsonObject attempt = onlyAttempt(run);
    QCOMPARE(attempt.value(QLatin1String("node")).toString(), QStringLiteral("node-b"));
    QCOMPARE(attempt.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(field(db, id, "dlq_handling"), QStringLiteral("replayed"));
    QVERIFY(nodeB.sendSignal(SIGTERM));
    QCOMPARE(nodeB.waitForExit(30000), 0);
}

void TestCrashRecovery::sigtermLetsRunningRunsFinishWithinDrain()
{
    TempDatabase db;
    QList<qint64> ids;
    // Long enough that all three are still running when a slow, loaded machine first looks (1.5 s was not).
    for (int i = 0; i < 3; ++i)
        ids << enqueue(db, "--kind sleep --payload {\"ms\":8000}");
    EngineServer server(serveArgs(db, QStringLiteral("drainer"), "--drain 30"));
    QVERIFY(server.start());
    QTRY_COMPARE_WITH_TIMEOUT(runningCount(db), 3, 20000);

    QVERIFY(server.sendSignal(SIGTERM));
    // Once it says it is stopping it claims nothing more: a run enqueued now waits for the next node.
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("stopping: no new claims"), 10000);
    const qint64 late = enqueue(db, "--kind noop");
    QCOMPARE(server.waitForExit(30000), 0);
    for (qint64 id : std::as_const(ids)) {
        const QJsonObject run = showRun(db.url(), id);
        QCOMPARE(run.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(run.value(QLatin1String("attempt")).toInt(), 1);
        QCOMPARE(onlyAttempt(run).value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
    }
    QCOMPARE(stateOf(db, late), QStringLiteral("available"));
    QCOMPARE(field(db, late, "attempt"), QStringLiteral("0"));
}

void TestCrashRecovery::sigtermAfterDrainHandsRunsBackWithAttemptRefunded()
{
    TempDatabase db;
    QList<qint64> ids;
    for (int i = 0; i < 2; ++i)
        ids << enqueue(db, "--kind sleep --payload {\"ms\":60000}");
    EngineServer server(serveArgs(db, QStringLiteral("drainer"), "--drain 1"));
    QVERIFY(server.start());
    QTRY_COMPARE_WITH_TIMEOUT(runningCount(db), 2, 20000);

    QElapsedTimer stopping;
    stopping.start();
    QVERIFY(server.sendSignal(SIGTERM));
    QCOMPARE(server.waitForExit(15000), 0);
    QVERIFY2(stopping.elapsed() >= 900, "the runs were given their second of drain time");
    for (qint64 id : std::as_const(ids)) {
        const QJsonObject run = showRun(db.url(), id);
        QCOMPARE(run.value(QLatin1String("state")).toString(), QStringLiteral("available"));
        QCOMPARE(run.value(QLatin1String("attempt")).toInt(), 0);
        QVERIFY(run.value(QLatin1String("lease_owner")).isNull());
        const QJsonObject attempt = onlyAttempt(run);
        QCOMPARE(attempt.value(QLatin1String("attempt")).toInt(), 1);
        QCOMPARE(attempt.value(QLatin1String("node")).toString(), QStringLiteral("drainer"));
        QCOMPARE(attempt.value(QLatin1String("outcome")).toString(), QStringLiteral("interrupted"));
    }
}

void TestCrashRecovery::secondSigtermStopsWithoutWaitingForDrain()
{
    TempDatabase db;
    const qint64 id = enqueue(db, "--kind sleep --payload {\"ms\":60000}");
    EngineServer server(serveArgs(db, QStringLiteral("drainer"), "--drain 300"));
    QVERIFY(server.start());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, id), QStringLiteral("running"), 20000);

    QVERIFY(server.sendSignal(SIGTERM));
    QCOMPARE(server.waitForExit(500), EngineServer::StillRunning); // draining: the run may still finish
    QVERIFY(server.sendSignal(SIGTERM));
    QCOMPARE(server.waitForExit(15000), 0);
    const QJsonObject run = showRun(db.url(), id);
    QCOMPARE(run.value(QLatin1String("state")).toString(), QStringLiteral("available"));
    QCOMPARE(run.value(QLatin1String("attempt")).toInt(), 0);
    QCOMPARE(onlyAttempt(run).value(QLatin1String("outcome")).toString(), QStringLiteral("interrupted"));
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
