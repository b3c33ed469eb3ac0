// The `process` kind: exit codes, output tails, environment and working directory, start failures, and the end of
// an aborted program (SIGTERM to its process group, SIGKILL after the grace period, nothing left behind when the
// worker goes away). Shell scripts appear here only as test programs; the executor itself never uses a shell.
#include "executionharness.h"
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace vigia;
using namespace vigia::test;

namespace {

QJsonObject payload(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test payload %s: %s", json, qPrintable(error.errorString()));
    return document.object();
}

// {"program": "/bin/sh", "args": ["-c", script, "sh", args...]} plus `extra` fields.
QJsonObject shell(const QString &script, const QStringList &args = {}, const QJsonObject &extra = {})
{
    QJsonObject p = extra;
    p.insert(QStringLiteral("program"), QStringLiteral("/bin/sh"));
    p.insert(QStringLiteral("args"),
             QJsonArray::fromStringList(QStringList{QStringLiteral("-c"), script, QStringLiteral("sh")} + args));
    return p;
}

// True while the process exists and is not a zombie.
bool isRunning(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype end = line.lastIndexOf(')'); // the command name may contain spaces and parentheses
    return end > 0 && line.size() > end + 2 && line.at(end + 2) != 'Z';
}

// The script writes its own pid (and its background child's) into files, renamed into place so they are whole.
const char *const GroupScript = "%1\n"
                                "sleep 60 &\n"
                                R"(echo $! > "$1/child.tmp" && mv "$1/child.tmp" "$1/child")"
                                "\n"
                                R"(echo $$ > "$1/pid.tmp" && mv "$1/pid.tmp" "$1/pid")"
                                "\n"
                                "wait\n";

} // namespace

class TestProcessExecutor : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void exitZeroSucceeds();
    void rejectedExitCodeFailsWithStderrTail();
    void acceptedExitCodesSucceed();
    void outputTailsKeepLast8KiB();
    void environmentAndWorkingDirectoryHonoured();
    void argumentsPassedWithoutShell();
    void missingProgramFailsToStart();
    void missingWorkingDirectoryFailsToStart();
    void killedBySignalFails();
    void abortSendsSigtermToProcessGroup();
    void trappedSigtermIsFollowedBySigkillAfterGrace();
    void destroyedHostKillsProcessAtOnce();
    void runTimeoutOnWorkerTerminatesProcess();
    void workerShutdownKillsProcess();
    void validateAcceptsFullPayload();
    void validateRejectsBadPayloads_data();
    void validateRejectsBadPayloads();

private:
    std::unique_ptr<ExecutionHarness> run(const QJsonObject &payload);
    // Waits for the group script's pid files; records the pids so that cleanup() kills leftovers.
    bool readPids(qint64 *pid, qint64 *child);

    std::unique_ptr<Executor> m_executor = makeProcessExecutor();
    std::unique_ptr<QTemporaryDir> m_dir;
    QVector<qint64> m_pids;
};

void TestProcessExecutor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_pids.clear();
}

void TestProcessExecutor::cleanup()
{
    // A failed test must not leave programs behind either.
    for (qint64 pid : std::as_const(m_pids)) {
        if (isRunning(pid)) {
            qWarning() << "killing leftover process" << pid;
            ::kill(pid_t(pid), SIGKILL);
        }
    }
    m_dir.reset();
}

std::unique_ptr<ExecutionHarness> TestProcessExecutor::run(const QJsonObject &payload)
{
    const QString problem = m_executor->validate(payload);
    if (!problem.isEmpty())
        qWarning().noquote() << "payload rejected:" << problem;
    auto harness = std::make_unique<ExecutionHarness>(*m_executor, payload);
    harness->start();
    if (!harness->waitFinished(30000))
        qWarning("execution did not finish");
    return harness;
}

bool TestProcessExecutor::readPids(qint64 *pid, qint64 *child)
{
    const QString pidPath = m_dir->filePath(QStringLiteral("pid"));
    if (!QTest::qWaitFor([&] { return QFile::exists(pidPath); }, 15000))
        return false;
    QFile pidFile(pidPath);
    QFile childFile(m_dir->filePath(QStringLiteral("child")));
    if (!pidFile.open(QIODevice::ReadOnly) || !childFile.open(QIODevice::ReadOnly))
        return false;
    *pid = pidFile.readAll().trimmed().toLongLong();
    *child = childFile.readAll().trimmed().toLongLong();
    m_pids << *pid << *child;
    return *pid > 0 && *child > 0;
}

void TestProcessExecutor::exitZeroSucceeds()
{
    const auto harness = run(payload(R"({"program": "true"})"));
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    const QJsonObject result = harness->resultObject();
    QCOMPARE(result.value(QLatin1String("exit_code")).toInt(-1), 0);
    QVERIFY(result.value(QLatin1String("duration_ms")).isDouble());
    QCOMPARE(result.value(QLatin1String("stdout")).toString(), QString());
    QCOMPARE(result.value(QLatin1String("stdout_truncated")), QJsonValue(false));
    QCOMPARE(harness->verdicts(), 1);
}

void TestProcessExecutor::rejectedExitCodeFailsWithStderrTail()
{
    const auto harness = run(shell(QStringLiteral("echo starting; echo 'disk full' >&2; exit 3")));
    QVERIFY(harness->isFinished());
    QVERIFY(!harness->succeeded());
    QCOMPARE(harness->errorReason(), QStringLiteral("exit code 3"));
    QCOMPARE(harness->errorDetail(), QStringLiteral("disk full"));
}

void TestProcessExecutor::acceptedExitCodesSucceed()
{
    const auto harness =
        run(shell(QStringLiteral("echo 'partial' >&2; exit 3"), {}, payload(R"({"accept_exit_codes": [0, 3]})")));
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(harness->resultObject().value(QLatin1String("exit_code")).toInt(), 3);
    QCOMPARE(harness->resultObject().value(QLatin1String("stderr")).toString(), QStringLiteral("partial\n"));

    const auto zero = run(shell(QStringLiteral("exit 0"), {}, payload(R"({"accept_exit_codes": [3]})")));
    QVERIFY(!zero->succeeded());
    QCOMPARE(zero->errorReason(), QStringLiteral("exit code 0"));
}

void TestProcessExecutor::outputTailsKeepLast8KiB()
{
    // 2000 lines of 10 bytes on each stream: 20,000 bytes, of which the last 8,192 are kept.
    const auto harness =
        run(shell(QStringLiteral("i=0; while [ $i -lt 2000 ]; do printf 'o%08d\\n' $i; printf 'e%08d\\n' $i >&2; "
                                 "i=$((i+1)); done")));
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QString out;
    QString err;
    for (int i = 0; i < 2000; ++i) {
        out += QStringLiteral("o%1\n").arg(i, 8, 10, QLatin1Char('0'));
        err += QStringLiteral("e%1\n").arg(i, 8, 10, QLatin1Char('0'));
    }
    const QJsonObject result = harness->resultObject();
    QCOMPARE(result.value(QLatin1String("stdout")).toString(), out.right(8192));
    QCOMPARE(result.value(QLatin1String("stderr")).toString(), err.right(8192));
    QCOMPARE(result.value(QLatin1String("stdout_truncated")), QJsonValue(true));
    QCOMPARE(result.value(QLatin1String("stderr_truncated")), QJsonValue(true));
}

void TestProcessExecutor::environmentAndWorkingDirectoryHonoured()
{
    qputenv("VIGIA_TEST_INHERITED", "from-engine");
    QJsonObject extra = payload(R"({"env": {"FOO": "bar baz"}})");
    extra.insert(QStringLiteral("cwd"), m_dir->path());
    const auto harness = run(shell(QStringLiteral("echo \"$FOO\"; echo \"$VIGIA_TEST_INHERITED\"; pwd -P"), {}, extra));
    qunsetenv("VIGIA_TEST_INHERITED");
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(harness->resultObject().value(QLatin1String("stdout")).toString(),
             QStringLiteral("bar baz\nfrom-engine\n") + QDir(m_dir->path()).canonicalPath() + u'\n');
}

void TestProcessExecutor::argumentsPassedWithoutShell()
{
    const auto harness = run(payload(R"({"program": "printf", "args": ["%s|", "$HOME", "a b", "*", ";", "`id`"]})"));
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(harness->resultObject().value(QLatin1String("stdout")).toString(), QStringLiteral("$HOME|a b|*|;|`id`|"));
}

void TestProcessExecutor::missingProgramFailsToStart()
{
    const auto harness = run(payload(R"({"program": "/nonexistent/vigia-no-such-program"})"));
    QVERIFY(harness->isFinished());
    QVERIFY(!harness->succeeded());
    QVERIFY2(harness->errorReason().startsWith(QLatin1String("could not start /nonexistent/vigia-no-such-program: ")),
             qPrintable(harness->error()));
    QCOMPARE(harness->verdicts(), 1);
}

void TestProcessExecutor::missingWorkingDirectoryFailsToStart()
{
    const auto harness = run(payload(R"({"program": "true", "cwd": "/nonexistent/vigia-no-such-dir"})"));
    QVERIFY(!harness->succeeded());
    QVERIFY2(harness->errorReason().startsWith(QLatin1String("could not start true: ")), qPrintable(harness->error()));
}

void TestProcessExecutor::killedBySignalFails()
{
    const auto harness = run(shell(QStringLiteral("echo dying >&2; kill -KILL $$")));
    QVERIFY(!harness->succeeded());
    QCOMPARE(harness->errorReason(), QStringLiteral("/bin/sh was killed by signal 9"));
    QCOMPARE(harness->errorDetail(), QStringLiteral("dying"));
}

void TestProcessExecutor::abortSendsSigtermToProcessGroup()
{
    // A long grace period: only SIGTERM can end the program within this test.
    const QString script =
        QString::fromLatin1(GroupScript).arg(QStringLiteral("trap 'echo term > \"$1/term\"; exit 0' TERM"));
    ExecutionHarness harness(*m_executor, shell(script, {m_dir->path()}, payload(R"({"grace_ms": 600000})")));
    harness.start();
    qint64 pid = 0;
    qint64 child = 0;
    QVERIFY(readPids(&pid, &child));
    QVERIFY(isRunning(pid) && isRunning(child));
    harness.abort();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir->filePath(QStringLiteral("term"))), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!isRunning(pid), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!isRunning(child), 15000); // the program's own child got SIGTERM too
    QCOMPARE(harness.verdicts(), 0);
}

void TestProcessExecutor::trappedSigtermIsFollowedBySigkillAfterGrace()
{
    // The shell and its child (which inherits the ignored signal) both ignore SIGTERM.
    const QString script = QString::fromLatin1(GroupScript).arg(QStringLiteral("trap '' TERM"));
    ExecutionHarness harness(*m_executor, shell(script, {m_dir->path()}, payload(R"({"grace_ms": 1000})")));
    harness.start();
    qint64 pid = 0;
    qint64 child = 0;
    QVERIFY(readPids(&pid, &child));
    harness.abort();
    QElapsedTimer sinceAbort;
    sinceAbort.start();
    QVERIFY(isRunning(pid)); // SIGTERM is ignored; SIGKILL comes after the grace period
    QTRY_VERIFY_WITH_TIMEOUT(!isRunning(pid) && !isRunning(child), 15000);
    QVERIFY2(sinceAbort.elapsed() >= 900, qPrintable(QString::number(sinceAbort.elapsed())));
    QCOMPARE(harness.verdicts(), 0);
}

void TestProcessExecutor::destroyedHostKillsProcessAtOnce()
{
    const QString script = QString::fromLatin1(GroupScript).arg(QStringLiteral("trap '' TERM"));
    auto harness = std::make_unique<ExecutionHarness>(
        *m_executor, shell(script, {m_dir->path()}, payload(R"({"grace_ms": 600000})")));
    harness->start();
    qint64 pid = 0;
    qint64 child = 0;
    QVERIFY(readPids(&pid, &child));
    harness.reset();          // as a worker going away: no waiting for the grace period
    QVERIFY(!isRunning(pid)); // killed and reaped before the destructor returned
    QTRY_VERIFY_WITH_TIMEOUT(!isRunning(child), 15000);
}

void TestProcessExecutor::runTimeoutOnWorkerTerminatesProcess()
{
    const QString script = QString::fromLatin1(GroupScript).arg(QString());
    WorkerHarness worker(ExecutorRegistry::withBuiltins());
    worker.start({claimedRun(1, QStringLiteral("process"), shell(script, {m_dir->path()}), /*timeoutMs=*/500)});
    qint64 pid = 0;
    qint64 child = 0;
    QVERIFY(readPids(&pid, &child));
    QVERIFY(worker.waitResults(1));
    QCOMPARE(worker.results().at(0).outcome, RunResult::Outcome::TimedOut);
    QTRY_VERIFY_WITH_TIMEOUT(!isRunning(pid) && !isRunning(child), 15000);
}

void TestProcessExecutor::workerShutdownKillsProcess()
{
    const QString script = QString::fromLatin1(GroupScript).arg(QStringLiteral("trap '' TERM"));
    WorkerHarness worker(ExecutorRegistry::withBuiltins());
    worker.start(
        {claimedRun(1, QStringLiteral("process"), shell(script, {m_dir->path()}, payload(R"({"grace_ms": 600000})")))});
    qint64 pid = 0;
    qint64 child = 0;
    QVERIFY(readPids(&pid, &child));
    worker.stop(); // the worker is destroyed on its thread, which is joined
    QVERIFY(!isRunning(pid));
    QTRY_VERIFY_WITH_TIMEOUT(!isRunning(child), 15000);
}

void TestProcessExecutor::validateAcceptsFullPayload()
{
    const QJsonObject full = payload(R"({"program": "/usr/bin/env", "args": ["-i", "x"], "env": {"A": "1"}, )"
                                     R"("cwd": "/tmp", "grace_ms": 0, "accept_exit_codes": [0, 1, 255]})");
    QCOMPARE(m_executor->validate(full), QString());
}

void TestProcessExecutor::validateRejectsBadPayloads_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("no program") << QByteArray(R"({})") << QStringLiteral("\"program\"");
    QTest::newRow("empty program") << QByteArray(R"({"program": ""})") << QStringLiteral("\"program\"");
    QTest::newRow("program a list") << QByteArray(R"({"program": ["sh"]})") << QStringLiteral("\"program\"");
    QTest::newRow("args a string") << QByteArray(R"({"program": "p", "args": "-v"})") << QStringLiteral("\"args\"");
    QTest::newRow("arg a number") << QByteArray(R"({"program": "p", "args": ["-n", 3]})")
                                  << QStringLiteral("\"args\"[1]");
    QTest::newRow("env a list") << QByteArray(R"({"program": "p", "env": ["A=1"]})") << QStringLiteral("\"env\"");
    QTest::newRow("env value a number") << QByteArray(R"({"program": "p", "env": {"A": 1}})")
                                        << QStringLiteral("\"env\"");
    QTest::newRow("env name with =") << QByteArray(R"({"program": "p", "env": {"A=B": "1"}})")
                                     << QStringLiteral("\"env\"");
    QTest::newRow("cwd a number") << QByteArray(R"({"program": "p", "cwd": 1})") << QStringLiteral("\"cwd\"");
    QTest::newRow("grace negative") << QByteArray(R"({"program": "p", "grace_ms": -1})")
                                    << QStringLiteral("\"grace_ms\"");
    QTest::newRow("grace a string") << QByteArray(R"({"program": "p", "grace_ms": "5s"})")
                                    << QStringLiteral("\"grace_ms\"");
    QTest::newRow("exit codes empty") << QByteArray(R"({"program": "p", "accept_exit_codes": []})")
                                      << QStringLiteral("\"accept_exit_codes\"");
    QTest::newRow("exit code too big") << QByteArray(R"({"program": "p", "accept_exit_codes": [0, 256]})")
                                       << QStringLiteral("\"accept_exit_codes\"[1]");
    QTest::newRow("exit codes not a list")
        << QByteArray(R"({"program": "p", "accept_exit_codes": 0})") << QStringLiteral("\"accept_exit_codes\"");
    QTest::newRow("unknown field") << QByteArray(R"({"program": "p", "shell": true})") << QStringLiteral("\"shell\"");
}

void TestProcessExecutor::validateRejectsBadPayloads()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const QString problem = m_executor->validate(QJsonDocument::fromJson(json).object());
    QVERIFY2(problem.contains(field), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestProcessExecutor)
#include "tst_processexecutor.moc"
