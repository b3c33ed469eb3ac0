// `vigia-engine status` through the real binary: state, health score, stale jobs, too-long runs and open incidents
// as text and JSON, exit codes 0 ok / 1 degraded / 2 critical / 3 unknown; and a real `serve` whose SLA monitor
// opens the incident for a stale job that status then counts. Times in the past are made by editing rows (created_at,
// started_at), since the binary runs on the real clock.
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
const char Jobs[] = R"(version: 1
jobs:
  - name: etl
    kind: noop
    schedule: {cron: "*/5 * * * *"}
  - name: import
    kind: noop
  - name: yearly
    kind: noop
    schedule: {cron: "0 0 1 1 *"}
)";

constexpr qint64 Minute = 60'000;
constexpr int Ok = 0, Degraded = 1, Critical = 2, Unknown = 3;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonObject statusJson(const TempDatabase &db, int *exitCode = nullptr)
{
    const CliResult result = cli(db, "status --json");
    if (exitCode)
        *exitCode = result.exitCode;
    return QJsonDocument::fromJson(result.out).object();
}
} // namespace

class TestStatusCli : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void healthyDatabaseIsOkWithExitCodeZero();
    void staleJobIsDegradedAndACriticalStaleJobIsCritical();
    void runningTooLongIsListed();
    void healthThatCannotBeEvaluatedIsUnknown();
    void serveOpensTheStaleIncidentThatStatusCounts();

private:
    void sql(const QString &statement)
    {
        const QString error = sqliteExec(m_db->path(), statement);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    std::unique_ptr<TempDatabase> m_db;
    QTemporaryDir m_dir;
};

void TestStatusCli::init()
{
    m_db = std::make_unique<TempDatabase>();
    const QString path = m_dir.filePath(QStringLiteral("jobs.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Jobs);
    file.close();
    const CliResult applied = cli(*m_db, QStringList{QStringLiteral("apply"), QStringLiteral("-f"), path});
    QVERIFY2(applied.exitCode == 0, qPrintable(describe(applied)));
}

void TestStatusCli::cleanup()
{
    m_db.reset();
}

void TestStatusCli::healthyDatabaseIsOkWithExitCodeZero()
{
    const CliResult text = cli(*m_db, "status");
    QVERIFY2(text.exitCode == Ok, qPrintable(describe(text)));
    QVERIFY2(text.out.contains("State: ok (health score 100/100, 3 jobs)"), text.out.constData());
    QVERIFY2(text.out.contains("Open incidents: 0"), text.out.constData());
    QVERIFY(!text.out.contains("Stale jobs:"));
    int code = -1;
    const QJsonObject json = statusJson(*m_db, &code);
    QCOMPARE(code, Ok);
    QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), 100);
    QCOMPARE(json.value(QStringLiteral("jobs")).toInt(), 3);
    QVERIFY(json.value(QStringLiteral("stale_jobs")).toArray().isEmpty());
    QCOMPARE(json.value(QStringLiteral("open_incidents")).toObject().value(QStringLiteral("total")).toInt(), 0);
}

void TestStatusCli::staleJobIsDegradedAndACriticalStaleJobIsCritical()
{
    // etl (every 5 min, SLA 15 min) was created two hours ago and never succeeded.
    sql(QStringLiteral("UPDATE jobs SET created_at = %1 WHERE name = 'etl'").arg(nowMs() - 120 * Minute));
    int code = -1;
    QJsonObject json = statusJson(*m_db, &code);
    QCOMPARE(code, Degraded);
    QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("degraded"));
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), 85);
    const QJsonArray stale = json.value(QStringLiteral("stale_jobs")).toArray();
    QCOMPARE(stale.size(), 1);
    const QJsonObject etl = stale.at(0).toObject();
    QCOMPARE(etl.value(QStringLiteral("job")).toString(), QStringLiteral("etl"));
    QCOMPARE(etl.value(QStringLiteral("sla_ms")).toInteger(), 15 * Minute);
    QVERIFY(etl.value(QStringLiteral("last_success_at")).isNull());
    QVERIFY(etl.value(QStringLiteral("overdue_ms")).toInteger() > 100 * Minute);
    QVERIFY(!etl.value(QStringLiteral("critical")).toBool());

    CliResult text = cli(*m_db, "status");
    QCOMPARE(text.exitCode, Degraded);
    QVERIFY2(text.out.contains("State: degraded (health score 85/100"), text.out.constData());
    QVERIFY2(text.out.contains("Stale jobs:"), text.out.constData());
    const QStringList lines = outputLines(text.out);
    bool listed = false;
    for (const QString &line : lines)
        listed = listed || (line.startsWith(QStringLiteral("etl ")) && line.contains(QStringLiteral("never")));
    QVERIFY2(listed, text.out.constData());

    sql(QStringLiteral("UPDATE jobs SET critical = 1 WHERE name = 'etl'"));
    json = statusJson(*m_db, &code);
    QCOMPARE(code, Critical);
    QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("critical"));
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), 49);
    QVERIFY(
        json.value(QStringLiteral("stale_jobs")).toArray().at(0).toObject().value(QStringLiteral("critical")).toBool());
    text = cli(*m_db, "status");
    QCOMPARE(text.exitCode, Critical);

    // A success a minute ago makes it healthy again.
    const qint64 now = nowMs();
    sql(QStringLiteral("INSERT INTO runs (queue, kind, payload, priority, state, attempt, max_attempts, job_id, "
                       "created_at, scheduled_at, started_at, finished_at, duration_ms) SELECT 'default', 'noop', "
                       "'{}', 2, 'succeeded', 1, 4, id, %1, %1, %1, %2, 1000 FROM jobs WHERE name = 'etl'")
            .arg(now - 2 * Minute)
            .arg(now - Minute));
    json = statusJson(*m_db, &code);
    QCOMPARE(code, Ok);
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), 100);
}

void TestStatusCli::runningTooLongIsListed()
{
    const qint64 now = nowMs();
    sql(QStringLiteral("UPDATE jobs SET expected_duration_ms = %1 WHERE name = 'import'").arg(2 * Minute));
    sql(QStringLiteral("INSERT INTO runs (id, queue, kind, payload, priority, state, attempt, max_attempts, job_id, "
                       "created_at, scheduled_at, started_at, lease_owner, lease_expires_at) SELECT 77, 'default', "
                       "'noop', '{}', 2, 'running', 1, 4, id, %1, %1, %1, 'node-x', %2 FROM jobs WHERE name = 'import'")
            .arg(now - 10 * Minute)
            .arg(now + 10 * Minute));
    int code = -1;
    const QJsonObject json = statusJson(*m_db, &code);
    QCOMPARE(code, Degraded);
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), 95);
    const QJsonArray runs = json.value(QStringLiteral("too_long_runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs.at(0).toObject();
    QCOMPARE(run.value(QStringLiteral("job")).toString(), QStringLiteral("import"));
    QCOMPARE(run.value(QStringLiteral("run_id")).toInteger(), 77);
    QCOMPARE(run.value(QStringLiteral("limit_ms")).toInteger(), 2 * Minute);
    QVERIFY(run.value(QStringLiteral("running_ms")).toInteger() >= 10 * Minute);
    const CliResult text = cli(*m_db, "status");
    QVERIFY2(text.out.contains("Runs running too long:"), text.out.constData());
}

void TestStatusCli::healthThatCannotBeEvaluatedIsUnknown()
{
    CliResult result =
        runEngineCli({QStringLiteral("status"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("missing.db"))});
    QCOMPARE(result.exitCode, Unknown);
    QVERIFY(!result.err.isEmpty());
    result = cli(*m_db, "status --bogus");
    QCOMPARE(result.exitCode, Unknown);
    QVERIFY2(result.err.contains("bogus"), result.err.constData());
    result = cli(*m_db, "status --help");
    QCOMPARE(result.exitCode, Ok);
    QVERIFY(result.out.contains("3 unknown"));
}

void TestStatusCli::serveOpensTheStaleIncidentThatStatusCounts()
{
    // A yearly job created two years ago that never succeeded: stale, and it has no fire due for the engine to run.
    sql(QStringLiteral("UPDATE jobs SET created_at = %1 WHERE name = 'yearly'")
            .arg(nowMs() - 2 * 366 * 24 * 60 * Minute));
    EngineServer server({QStringLiteral("--db"), m_db->url(), QStringLiteral("--quiet")});
    QVERIFY(server.start());
    // The SLA monitor's first pass runs as soon as the engine leads.
    QTRY_COMPARE_WITH_TIMEOUT(
        statusJson(*m_db).value(QStringLiteral("open_incidents")).toObject().value(QStringLiteral("high")).toInt(), 1,
        30000);
    int code = -1;
    const QJsonObject json = statusJson(*m_db, &code);
    QCOMPARE(code, Degraded);
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), 100 - 15 - 10); // the stale job and its high incident
    const CliResult text = cli(*m_db, "status");
    QVERIFY2(text.out.contains("Open incidents: 1 (critical 0, high 1, warning 0, info 0)"), text.out.constData());
}

QTEST_GUILESS_MAIN(TestStatusCli)
#include "tst_statuscli.moc"
