// Three real `vigia-engine serve` processes on one throwaway PostgreSQL server: they burn down 20,000 runs with every
// run succeeding exactly once; an interval job is enqueued once per fire however many nodes run; when the leader is
// killed with SIGKILL another node leads within two lease periods and rescues its runs; when PostgreSQL restarts
// every engine reconnects and every run completes exactly once. Every process is stopped by its PID (EngineServer,
// PostgresServer), also when a check fails; every wait is bounded.
#include "engine/engine.h"
#include "postgresserver.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QTest>

#include <pqxx/pqxx>

#include <csignal>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 LeaderLeaseMs = 2000;
const Actor Seeder{QStringLiteral("seeder")};

NewRun runOf(const char *kind, const char *payload)
{
    NewRun run;
    run.queue = QStringLiteral("default");
    run.kind = QLatin1String(kind);
    run.payload = QByteArray(payload);
    run.maxAttempts = 5;
    return run;
}

struct Node {
    QString id;
    std::unique_ptr<EngineServer> server;
};
} // namespace

class TestCluster : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void threeNodesBurnDownEveryRunExactlyOnce();
    void intervalJobIsEnqueuedOncePerFireWithThreeNodes();
    void killedLeaderIsReplacedAndItsRunsRescued();
    void enginesReconnectAfterPostgresRestarts();

private:
    QString url() const { return m_server->url(m_database); }
    std::unique_ptr<Store> open() const;
    void startNodes(int count, const QStringList &extra = {});
    bool stopNodes();
    // One value of a query, as text (empty on an error, which is logged).
    QString value(const QString &sql) const;
    qint64 number(const QString &sql) const { return value(sql).toLongLong(); }
    QStringList column(const QString &sql) const;
    // Every run succeeded with exactly one attempt record of its own, and `expected` runs exist.
    void checkEachRunSucceededOnce(qint64 expected);
    QString leader() const;

    std::unique_ptr<PostgresServer> m_server;
    QString m_database;
    std::vector<Node> m_nodes;
};

void TestCluster::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false"));
    QVERIFY2(QFileInfo(engineBinary()).isExecutable(), qPrintable(engineBinary()));
    QVERIFY2(!PostgresServer::binDir().isEmpty(), "PostgreSQL's server is not installed (see scripts/deps.sh)");
    m_server = std::make_unique<PostgresServer>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestCluster::init()
{
    QString error;
    m_database = m_server->createDatabase(&error);
    QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    ensureSchema(*open());
}

void TestCluster::cleanup()
{
    m_nodes.clear(); // SIGKILL by PID for any process still running
    if (m_server->isRunning())
        m_server->dropDatabase(m_database);
}

std::unique_ptr<Store> TestCluster::open() const
{
    QString error;
    return openStore(*StoreUrl::parse(url(), &error));
}

void TestCluster::startNodes(int count, const QStringList &extra)
{
    for (int i = 0; i < count; ++i) {
        Node node;
        node.id = QStringLiteral("node-%1").arg(QChar(u'a' + i));
        node.server = std::make_unique<EngineServer>(
            QStringList{QStringLiteral("--db"), url(), QStringLiteral("--node"), node.id, QStringLiteral("--quiet"),
                        QStringLiteral("--leader-lease"), QStringLiteral("%1ms").arg(LeaderLeaseMs)} +
            extra);
        m_nodes.push_back(std::move(node));
    }
    for (Node &node : m_nodes)
        QVERIFY2(node.server->start(), qPrintable(node.id));
}

bool TestCluster::stopNodes()
{
    bool clean = true;
    for (Node &node : m_nodes) {
        if (node.server->isRunning())
            node.server->sendSignal(SIGTERM);
    }
    for (Node &node : m_nodes) {
        if (node.server->isRunning() && node.server->waitForExit(30000) != 0) {
            qWarning().noquote() << node.id << "did not stop cleanly:\n" << node.server->log();
            clean = false;
        }
    }
    return clean;
}

QString TestCluster::value(const QString &sql) const
{
    const QStringList values = column(sql);
    return values.isEmpty() ? QString() : values.constFirst();
}

QStringList TestCluster::column(const QString &sql) const
{
    try {
        pqxx::connection connection(url().toStdString());
        pqxx::nontransaction tx(connection);
        QStringList values;
        for (const pqxx::row &row : tx.exec(sql.toStdString()))
            values << QString::fromUtf8(row[0].c_str());
        return values;
    } catch (const std::exception &error) {
        qWarning().noquote() << sql << ":" << error.what();
        return {};
    }
}

void TestCluster::checkEachRunSucceededOnce(qint64 expected)
{
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM runs")), expected);
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM runs WHERE state = 'succeeded' AND attempt = 1 AND "
                                   "lease_owner IS NULL")),
             expected);
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM attempt_history")), expected);
    // Each success is kept on its run row (Completion::attemptOnRunRow()): no attempt row was written.
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM attempts")), qint64(0));
    QCOMPARE(number(QStringLiteral("SELECT count(DISTINCT run_id) FROM attempt_history WHERE outcome = 'succeeded' AND "
                                   "attempt = 1")),
             expected);
}

QString TestCluster::leader() const
{
    const CliResult listed = runEngineCli(
        {QStringLiteral("nodes"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--db"), url()});
    for (const QJsonValue &node : jsonArray(listed)) {
        if (node.toObject().value(QLatin1String("leader")).toBool())
            return node.toObject().value(QLatin1String("id")).toString();
    }
    return {};
}

void TestCluster::threeNodesBurnDownEveryRunExactlyOnce()
{
    constexpr int Runs = 20'000;
    startNodes(3);
    // Enqueued while the nodes run, in batches: every node hears of them at once and claims concurrently, on a
    // queue wide enough for all of them (the default queue's 10 slots may all go to one node).
    {
        const std::unique_ptr<Store> store = open();
        store->ensureQueue({QStringLiteral("wide"), 100, false}, Seeder, QDateTime::currentMSecsSinceEpoch());
        NewRun run = runOf("noop", "{}");
        run.queue = QStringLiteral("wide");
        for (int batch = 0; batch < 4; ++batch)
            store->enqueue(QVector<NewRun>(Runs / 4, run), QDateTime::currentMSecsSinceEpoch());
    }
    QTRY_COMPARE_WITH_TIMEOUT(number(QStringLiteral("SELECT count(*) FROM runs WHERE state = 'succeeded'")),
                              qint64(Runs), 90000);
    QVERIFY(stopNodes());
    checkEachRunSucceededOnce(Runs);
    qInfo().noquote() << "runs per node:"
                      << column(QStringLiteral(
                                    "SELECT node || ' ' || count(*) FROM attempt_history GROUP BY node ORDER BY "
                                    "node"))
                             .join(QLatin1String(", "));
}

void TestCluster::intervalJobIsEnqueuedOncePerFireWithThreeNodes()
{
    constexpr qint64 SecondMs = 1000;
    qint64 jobId = 0;
    {
        JobDef job;
        job.name = QStringLiteral("tick");
        job.kind = QStringLiteral("noop");
        job.payload = QByteArrayLiteral("{}");
        job.schedule.kind = Schedule::Kind::Interval;
        job.schedule.intervalMs = SecondMs;
        job.schedule.anchorAt = 0;
        jobId = open()->upsertJob(job, Seeder, QDateTime::currentMSecsSinceEpoch());
    }
    QVERIFY(jobId > 0);
    startNodes(3);
    const QString fired =
        QStringLiteral("SELECT count(*) FROM runs WHERE job_id = %1 AND state = 'succeeded'").arg(jobId);
    QTRY_VERIFY_WITH_TIMEOUT(number(fired) >= 4, 30000);
    QVERIFY(stopNodes());

    // One run per second from the first fire to the last, each with the key of its fire: none missed, none twice.
    const QString of = QStringLiteral(" FROM runs WHERE job_id = %1").arg(jobId);
    const qint64 runs = number(QStringLiteral("SELECT count(*)") + of);
    QVERIFY(runs >= 4);
    QCOMPARE(number(QStringLiteral("SELECT count(DISTINCT scheduled_at)") + of), runs);
    QCOMPARE(number(QStringLiteral("SELECT count(*)") + of +
                    QStringLiteral(" AND unique_key = 'fire:' || job_id || ':' || scheduled_at")),
             runs);
    QCOMPARE(number(QStringLiteral("SELECT (max(scheduled_at) - min(scheduled_at)) / 1000 + 1") + of), runs);
    QCOMPARE(number(QStringLiteral("SELECT count(*)") + of + QStringLiteral(" AND scheduled_at % 1000 <> 0")), 0);
}

void TestCluster::killedLeaderIsReplacedAndItsRunsRescued()
{
    constexpr int Runs = 120;
    // A queue wide enough for every node's slots (the default queue's 10 may all go to one node, and the leader
    // must hold runs when it dies); short run leases, so that the dead node's runs are rescued quickly.
    const std::unique_ptr<Store> store = open();
    store->ensureQueue({QStringLiteral("wide"), 100, false}, Seeder, QDateTime::currentMSecsSinceEpoch());
    startNodes(3, {QStringLiteral("--lease"), QStringLiteral("2")});
    QString first;
    QTRY_VERIFY_WITH_TIMEOUT(!(first = leader()).isEmpty(), 20000);
    // Enqueued once a leader is known, so that slow starts (under ASan) cannot let the others finish everything
    // before the leader claims its share.
    NewRun run = runOf("sleep", "{\"ms\":1000}");
    run.queue = QStringLiteral("wide");
    store->enqueue(QVector<NewRun>(Runs, run), QDateTime::currentMSecsSinceEpoch());
    const QString held =
        QStringLiteral("SELECT count(*) FROM runs WHERE state = 'running' AND lease_owner = '%1'").arg(first);
    QTRY_VERIFY_WITH_TIMEOUT(number(held) > 0, 20000);

    auto dead = std::find_if(m_nodes.begin(), m_nodes.end(), [&](const Node &node) { return node.id == first; });
    QVERIFY(dead != m_nodes.end());
    QVERIFY(dead->server->sendSignal(SIGKILL));
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(dead->server->waitForExit(10000), EngineServer::Crashed);
    // What the dead node held at its death (nobody can change that before its leases run out).
    const QStringList orphaned = column(
        QStringLiteral("SELECT id FROM runs WHERE state = 'running' AND lease_owner = '%1' ORDER BY id").arg(first));
    QVERIFY(!orphaned.isEmpty());

    QString next;
    QTRY_VERIFY_WITH_TIMEOUT(!(next = leader()).isEmpty() && next != first, 20000);
    const qint64 since = number(QStringLiteral("SELECT since FROM leader_lease WHERE name = 'leader'"));
    qInfo() << "leader" << first << "killed; " << next << "leads after" << since - killedAt << "ms";
    QVERIFY2(since - killedAt <= 2 * LeaderLeaseMs, qPrintable(QString::number(since - killedAt)));

    QTRY_COMPARE_WITH_TIMEOUT(number(QStringLiteral("SELECT count(*) FROM runs WHERE state = 'succeeded'")),
                              qint64(Runs), 60000);
    QVERIFY(stopNodes());
    // Each run succeeded once; a run ran twice only if the dead node held it, and then its lost attempt is recorded.
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM attempt_history WHERE outcome = 'succeeded'")), qint64(Runs));
    QCOMPARE(number(QStringLiteral("SELECT count(DISTINCT run_id) FROM attempt_history WHERE outcome = 'succeeded'")),
             qint64(Runs));
    const QStringList retried = column(QStringLiteral("SELECT id FROM runs WHERE attempt > 1 ORDER BY id"));
    for (const QString &id : retried)
        QVERIFY2(orphaned.contains(id), qPrintable(id));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM runs WHERE rescue_count > 0")), qint64(orphaned.size()));
    QCOMPARE(
        number(QStringLiteral("SELECT count(*) FROM attempt_history WHERE outcome = 'lease-expired' AND node = '%1'")
                   .arg(first)),
        qint64(orphaned.size()));
    qInfo() << orphaned.size() << "runs rescued," << retried.size() << "ran again";
}

void TestCluster::enginesReconnectAfterPostgresRestarts()
{
    constexpr int Runs = 300;
    startNodes(3);
    open()->enqueue(QVector<NewRun>(Runs, runOf("sleep", "{\"ms\":150}")), QDateTime::currentMSecsSinceEpoch());
    const QString succeeded = QStringLiteral("SELECT count(*) FROM runs WHERE state = 'succeeded'");
    QTRY_VERIFY_WITH_TIMEOUT(number(succeeded) >= 20, 30000);

    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    const qint64 afterRestart = number(succeeded);
    QVERIFY2(afterRestart < Runs, "the restart came after the last run");

    QTRY_COMPARE_WITH_TIMEOUT(number(succeeded), qint64(Runs), 60000);
    for (const Node &node : m_nodes)
        QVERIFY2(node.server->isRunning(), qPrintable(node.id));
    QVERIFY(stopNodes());
    checkEachRunSucceededOnce(Runs);
}

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
