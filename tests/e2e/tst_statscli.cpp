// `vigia-engine stats` through the real binary: per job the counts by end state and p50/p95/p99 from the rollups, as
// a table and as JSON, filtered by job, queue and period; it still reports runs that retention deleted; bad input
// (here and in serve's retention options) is exit 2. The runs are written and rolled up through the store in the test
// process, at real times, since the binary runs on the real clock.
#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
const Actor Tester{QStringLiteral("t")};
} // namespace

class TestStatsCli : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void printsCountsAndPercentilesPerJob();
    void filtersByJobQueueAndPeriod();
    void reportsRunsThatRetentionDeleted();
    void badInputIsExitTwo();

private:
    void finishRuns(qint64 jobId, const QString &queue, RunState state, int count, qint64 startAt, qint64 durationMs)
    {
        QVector<NewRun> runs(count);
        for (NewRun &run : runs) {
            run.queue = queue;
            run.kind = QStringLiteral("noop");
            run.jobId = jobId;
            run.maxAttempts = 1;
        }
        m_store->enqueue(runs, startAt);
        const ExchangeResult claimed =
            m_store->exchange({}, ClaimRequest{QStringLiteral("n1"), count, startAt, startAt + 3600 * Second});
        QVector<Completion> completions;
        for (const Run &run : claimed.claimed) {
            Completion c;
            c.runId = run.id;
            c.attempt = run.attempt;
            c.node = QStringLiteral("n1");
            c.newState = state;
            c.outcome = state == RunState::Succeeded ? QStringLiteral("succeeded") : QStringLiteral("failed");
            c.startedAt = startAt;
            c.finishedAt = startAt + durationMs;
            completions.append(c);
        }
        QCOMPARE(m_store->exchange(completions, ClaimRequest{}).finished.size(), count);
    }
    QJsonObject jobRow(const QJsonArray &rows, const QString &job)
    {
        for (const QJsonValue &row : rows) {
            if (row.toObject().value(QStringLiteral("job")).toString() == job)
                return row.toObject();
        }
        return {};
    }

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<Store> m_store;
    qint64 m_now = 0;
    qint64 m_etl = 0;
    qint64 m_report = 0;
};

void TestStatsCli::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_store = m_db->open();
    m_now = QDateTime::currentMSecsSinceEpoch();
    Queue slow;
    slow.name = QStringLiteral("slow");
    slow.concurrency = 100;
    m_store->ensureQueue(slow, Tester, m_now);
    m_store->setQueueConcurrency(QStringLiteral("default"), 100, Tester, m_now);
    JobDef etl;
    etl.name = QStringLiteral("etl");
    etl.kind = QStringLiteral("noop");
    m_etl = m_store->upsertJob(etl, Tester, m_now);
    JobDef report;
    report.name = QStringLiteral("report");
    report.queue = QStringLiteral("slow");
    report.kind = QStringLiteral("noop");
    m_report = m_store->upsertJob(report, Tester, m_now);

    // Two hours ago: 90 etl runs of 100 ms, 10 of 2 s, 3 dead; 20 report runs of 30 s on `slow`.
    const qint64 twoHoursAgo = m_now - 120 * Minute;
    finishRuns(m_etl, QStringLiteral("default"), RunState::Succeeded, 90, twoHoursAgo, 100);
    finishRuns(m_etl, QStringLiteral("default"), RunState::Succeeded, 10, twoHoursAgo + Minute, 2 * Second);
    finishRuns(m_etl, QStringLiteral("default"), RunState::Dead, 3, twoHoursAgo + 2 * Minute, 100);
    finishRuns(m_report, QStringLiteral("slow"), RunState::Succeeded, 20, twoHoursAgo, 30 * Second);
    // Ten minutes ago: 5 more etl runs of 100 ms.
    finishRuns(m_etl, QStringLiteral("default"), RunState::Succeeded, 5, m_now - 10 * Minute, 100);
    QCOMPARE(m_store->rollupAndPrune(m_now, RetentionPolicy{}).rolledUp, qint64(128));
}

void TestStatsCli::cleanup()
{
    m_store.reset();
    m_db.reset();
}

void TestStatsCli::printsCountsAndPercentilesPerJob()
{
    const CliResult json = cli(*m_db, "stats --json");
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    const QJsonArray rows = jsonArray(json);
    QCOMPARE(rows.size(), 2);
    const QJsonObject etl = jobRow(rows, QStringLiteral("etl"));
    QCOMPARE(etl.value(QStringLiteral("runs")).toInteger(), 108);
    QCOMPARE(etl.value(QStringLiteral("succeeded")).toInteger(), 105);
    QCOMPARE(etl.value(QStringLiteral("dead")).toInteger(), 3);
    QCOMPARE(etl.value(QStringLiteral("cancelled")).toInteger(), 0);
    // 98 of 108 durations are 100 ms, 10 are 2 s: p50 near 100 ms, p95 and p99 near 2 s (within 5%: a bucket).
    QVERIFY(std::abs(etl.value(QStringLiteral("p50_ms")).toInteger() - 100) <= 5);
    QVERIFY(std::abs(etl.value(QStringLiteral("p95_ms")).toInteger() - 2000) <= 100);
    QVERIFY(std::abs(etl.value(QStringLiteral("p99_ms")).toInteger() - 2000) <= 100);
    QCOMPARE(etl.value(QStringLiteral("max_ms")).toInteger(), 2000);
    QVERIFY(!etl.value(QStringLiteral("last_success_at")).toString().isEmpty());
    const QJsonObject report = jobRow(rows, QStringLiteral("report"));
    QCOMPARE(report.value(QStringLiteral("runs")).toInteger(), 20);
    QVERIFY(std::abs(report.value(QStringLiteral("p99_ms")).toInteger() - 30000) <= 1500);
    QCOMPARE(report.value(QStringLiteral("max_ms")).toInteger(), 30000);

    const CliResult text = cli(*m_db, "stats");
    QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
    const QStringList lines = outputLines(text.out);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QLatin1String("JOB")));
    QVERIFY2(lines.at(1).contains(QLatin1String("etl")) && lines.at(1).contains(QLatin1String("108")) &&
                 lines.at(1).contains(QLatin1String("2.0s")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(QLatin1String("report")) && lines.at(2).contains(QLatin1String("30.0s")),
             qPrintable(lines.at(2)));
}

void TestStatsCli::filtersByJobQueueAndPeriod()
{
    QJsonArray rows = jsonArray(cli(*m_db, "stats --json --job report"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("job")).toString(), QStringLiteral("report"));
    rows = jsonArray(cli(*m_db, "stats --json --queue slow"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("runs")).toInteger(), 20);
    rows = jsonArray(cli(*m_db, "stats --json --since 30m"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("job")).toString(), QStringLiteral("etl"));
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("runs")).toInteger(), 5);
    rows = jsonArray(cli(*m_db, "stats --json --job nosuchjob"));
    QVERIFY(rows.isEmpty());
    const CliResult none = cli(*m_db, "stats --job nosuchjob");
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.startsWith("No finished runs"));
}

void TestStatsCli::reportsRunsThatRetentionDeleted()
{
    RetentionPolicy hour;
    hour.succeededAgeMs = 60 * Minute;
    hour.deadAgeMs = 60 * Minute;
    const RetentionResult pruned = m_store->rollupAndPrune(m_now, hour);
    QCOMPARE(pruned.prunedFinished, qint64(120)); // the dead ones stay in the dead-letter queue
    const QJsonObject etl = jobRow(jsonArray(cli(*m_db, "stats --json --since 1d")), QStringLiteral("etl"));
    QCOMPARE(etl.value(QStringLiteral("runs")).toInteger(), 108);
}

void TestStatsCli::badInputIsExitTwo()
{
    QCOMPARE(cli(*m_db, "stats --since soon").exitCode, 2);
    QCOMPARE(cli(*m_db, "stats --since 10s").exitCode, 2); // under a minute: the rollups' resolution
    QCOMPARE(cli(*m_db, "stats extra").exitCode, 2);
    QCOMPARE(cli(*m_db, "stats --help").exitCode, 0);
    const CliResult serve = cli(*m_db, "serve --retention-succeeded forever");
    QCOMPARE(serve.exitCode, 2);
    QVERIFY2(serve.err.contains("--retention-succeeded"), qPrintable(describe(serve)));
    QCOMPARE(cli(*m_db, "serve --retention-dead 0s").exitCode, 2);
}

QTEST_GUILESS_MAIN(TestStatsCli)
#include "tst_statscli.moc"
