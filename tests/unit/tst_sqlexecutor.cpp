// The `sql` kind against SQLite and a real throwaway PostgreSQL: each rule passing and failing, the offending rows in
// a failure's detail, the statement timeout, cancellation, bad SQL, unknown and unreachable connections, secrets in a
// connection resolved at run time and masked, and a blocking query that leaves its worker free for other runs.
#include "executionharness.h"
#include "executors/builtinexecutors.h"
#include "executors/connectiondirectory.h"
#include "executors/executorregistry.h"
#include "executors/sqlquery.h"
#include "postgresserver.h"
#include "secrets/environmentsecretstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

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

// 25 rows: id 1..25, name item-N, n = id * 10.
const char *const ItemsTable = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)";

QString insertItems()
{
    QStringList values;
    for (int i = 1; i <= 25; ++i)
        values.append(QStringLiteral("(%1, 'item-%1', %2)").arg(i).arg(i * 10));
    return QStringLiteral("INSERT INTO items (id, name, n) VALUES ") + values.join(QLatin1String(", "));
}

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort(); // closed again when `server` goes away: nothing listens there
}
} // namespace

class TestSqlExecutor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void payloadsAreValidated_data();
    void payloadsAreValidated();
    void rulesDecide_data();
    void rulesDecide();
    void failureDetailShowsAtMostTwentyOffendingRows_data() { backends(); }
    void failureDetailShowsAtMostTwentyOffendingRows();
    void resultRecordsRowsReturnedAndDuration_data() { backends(); }
    void resultRecordsRowsReturnedAndDuration();
    void statementTimeoutFailsTheAttempt_data() { backends(); }
    void statementTimeoutFailsTheAttempt();
    void cancellationStopsARunningQuery_data() { backends(); }
    void cancellationStopsARunningQuery();
    void abortedExecutionReportsNothing_data() { backends(); }
    void abortedExecutionReportsNothing();
    void badSqlFails_data() { backends(); }
    void badSqlFails();
    void unknownConnectionFails();
    void connectionRefusedFails();
    void missingSqliteFileFails();
    void localDatabaseIsReadOnly();
    void passwordSecretIsResolvedAtRunTime();
    void secretValuesAreMaskedInErrors();
    void missingSecretFailsTheAttempt();
    void blockingQueryLeavesTheWorkerFree();

private:
    void backends();
    QString connectionFor(const QString &backend) const
    {
        return backend == QLatin1String("sqlite") ? QStringLiteral("lite") : QStringLiteral("pg");
    }
    // Runs `spec` to the end and returns the harness's verdict.
    std::unique_ptr<ExecutionHarness> run(const QJsonObject &spec, SecretStore *secrets = nullptr);

    std::unique_ptr<Executor> m_executor = makeSqlExecutor();
    PostgresServer *m_server = nullptr;
    QString m_database;
    QTemporaryDir m_dir;
    QString m_sqlitePath;
    std::unique_ptr<StaticConnectionDirectory> m_directory;
};

void TestSqlExecutor::initTestCase()
{
    QVERIFY2(!PostgresServer::binDir().isEmpty(), "PostgreSQL's server is not installed (see scripts/deps.sh)");
    QString error;
    m_server = PostgresServer::shared(&error);
    QVERIFY2(m_server, qPrintable(error));
    m_database = m_server->createDatabase(&error);
    QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    QCOMPARE(m_server->exec(m_database, QLatin1String(ItemsTable)), QString());
    QCOMPARE(m_server->exec(m_database, insertItems()), QString());

    m_sqlitePath = m_dir.filePath(QStringLiteral("checked.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        db.setDatabaseName(m_sqlitePath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(QLatin1String(ItemsTable)), qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(insertItems()), qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));

    m_directory = std::make_unique<StaticConnectionDirectory>(
        QStringLiteral("sqlite:") + m_sqlitePath,
        QList<Connection>{
            {QStringLiteral("lite"), QStringLiteral("sqlite:") + m_sqlitePath, {}},
            {QStringLiteral("pg"), m_server->url(m_database), {}},
            {QStringLiteral("pg-secret"), m_server->url(m_database), QStringLiteral("${secret:SQLTEST_PGPASS}")},
            {QStringLiteral("pg-missing-secret"), m_server->url(m_database), QStringLiteral("${secret:SQLTEST_NONE}")},
            {QStringLiteral("pg-refused"),
             QStringLiteral("postgresql://postgres:${secret:SQLTEST_PGPASS}@127.0.0.1:%1/x").arg(freePort()),
             {}},
            {QStringLiteral("pg-secret-role"),
             QStringLiteral("postgresql://${secret:SQLTEST_ROLE}@127.0.0.1:%1/%2")
                 .arg(m_server->port())
                 .arg(m_database),
             {}},
            {QStringLiteral("lite-secret-path"), QStringLiteral("sqlite:${secret:SQLTEST_PATH}"), {}},
            {QStringLiteral("lite-missing"), QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("none.db")), {}},
        });
    qputenv("VIGIA_SECRET_SQLTEST_PGPASS", "pg-pass-4711");
    qputenv("VIGIA_SECRET_SQLTEST_ROLE", "secretrole4711");
    qputenv("VIGIA_SECRET_SQLTEST_PATH", m_dir.filePath(QStringLiteral("hidden-4711.db")).toUtf8());
}

void TestSqlExecutor::cleanupTestCase()
{
    if (m_server && !m_database.isEmpty())
        m_server->dropDatabase(m_database);
}

void TestSqlExecutor::backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

std::unique_ptr<ExecutionHarness> TestSqlExecutor::run(const QJsonObject &spec, SecretStore *secrets)
{
    auto harness = std::make_unique<ExecutionHarness>(*m_executor, spec);
    harness->setConnections(m_directory.get());
    harness->setSecretStore(secrets);
    harness->start();
    if (!harness->waitFinished(20000))
        qWarning("the sql execution did not finish");
    return harness;
}

void TestSqlExecutor::payloadsAreValidated_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem"); // a part of the message; empty when valid
    QTest::newRow("connection") << QByteArray(R"({"connection": "pg", "query": "SELECT 1"})") << QString();
    QTest::newRow("local") << QByteArray(R"({"database": "local", "query": "SELECT 1", "rule": "no_rows"})")
                           << QString();
    QTest::newRow("threshold")
        << QByteArray(R"({"connection": "pg", "query": "SELECT 1", "rule": {"threshold": {"op": ">=", "value": 2.5}}})")
        << QString();
    QTest::newRow("neither") << QByteArray(R"({"query": "SELECT 1"})") << QStringLiteral("exactly one of");
    QTest::newRow("both") << QByteArray(R"({"connection": "pg", "database": "local", "query": "SELECT 1"})")
                          << QStringLiteral("exactly one of");
    QTest::newRow("other database") << QByteArray(R"({"database": "prod", "query": "SELECT 1"})")
                                    << QStringLiteral("\"database\" must be \"local\"");
    QTest::newRow("no query") << QByteArray(R"({"connection": "pg"})") << QStringLiteral("\"query\"");
    QTest::newRow("blank query") << QByteArray(R"({"connection": "pg", "query": "  "})") << QStringLiteral("\"query\"");
    QTest::newRow("timeout zero") << QByteArray(R"({"connection": "pg", "query": "SELECT 1", "timeout_ms": 0})")
                                  << QStringLiteral("timeout_ms");
    QTest::newRow("unknown rule") << QByteArray(R"({"connection": "pg", "query": "SELECT 1", "rule": "some_rows"})")
                                  << QStringLiteral("\"rule\"");
    QTest::newRow("negative at_most") << QByteArray(
                                             R"({"connection": "pg", "query": "SELECT 1", "rule": {"at_most": -1}})")
                                      << QStringLiteral("at_most");
    QTest::newRow("bad operator")
        << QByteArray(R"({"connection": "pg", "query": "SELECT 1", "rule": {"threshold": {"op": "=<", "value": 1}}})")
        << QStringLiteral("threshold");
    QTest::newRow("unknown field") << QByteArray(R"({"connection": "pg", "query": "SELECT 1", "url": "x"})")
                                   << QStringLiteral("unknown field \"url\"");
}

void TestSqlExecutor::payloadsAreValidated()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    const QString message = m_executor->validate(QJsonDocument::fromJson(json).object());
    if (problem.isEmpty())
        QCOMPARE(message, QString());
    else
        QVERIFY2(message.contains(problem), qPrintable(message));
}

void TestSqlExecutor::rulesDecide_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("reason"); // a part of the failure's reason
    for (const char *backend : {"sqlite", "postgresql"}) {
        auto row = [backend](const char *name) -> QTestData & { return QTest::addRow("%s: %s", backend, name); };
        const QString b = QLatin1String(backend);
        row("no rule passes") << b << QStringLiteral("SELECT * FROM items") << QByteArray() << true << QString();
        row("no_rows passes") << b << QStringLiteral("SELECT * FROM items WHERE n < 0") << QByteArray("\"no_rows\"")
                              << true << QString();
        row("no_rows fails") << b << QStringLiteral("SELECT * FROM items WHERE n > 200") << QByteArray("\"no_rows\"")
                             << false << QStringLiteral("rule no_rows: the query returned 5 row(s)");
        row("at_most passes") << b << QStringLiteral("SELECT * FROM items") << QByteArray(R"({"at_most": 25})") << true
                              << QString();
        row("at_most fails") << b << QStringLiteral("SELECT * FROM items") << QByteArray(R"({"at_most": 3})") << false
                             << QStringLiteral("rule at_most 3: the query returned 25 rows");
        row("threshold holds") << b << QStringLiteral("SELECT count(*) FROM items")
                               << QByteArray(R"({"threshold": {"op": "<=", "value": 25}})") << true << QString();
        row("threshold broken") << b << QStringLiteral("SELECT max(n) FROM items")
                                << QByteArray(R"({"threshold": {"op": "<", "value": 100}})") << false
                                << QStringLiteral("rule threshold < 100: the first value is 250");
        row("threshold equal") << b << QStringLiteral("SELECT sum(n) FROM items WHERE id <= 2")
                               << QByteArray(R"({"threshold": {"op": "==", "value": 30}})") << true << QString();
        row("threshold not equal") << b << QStringLiteral("SELECT 7")
                                   << QByteArray(R"({"threshold": {"op": "!=", "value": 7}})") << false
                                   << QStringLiteral("first value is 7");
        row("threshold greater") << b << QStringLiteral("SELECT min(n) FROM items")
                                 << QByteArray(R"({"threshold": {"op": ">", "value": 5}})") << true << QString();
        row("threshold greater or equal") << b << QStringLiteral("SELECT min(n) FROM items")
                                          << QByteArray(R"({"threshold": {"op": ">=", "value": 11}})") << false
                                          << QStringLiteral("first value is 10");
        row("threshold on no rows") << b << QStringLiteral("SELECT n FROM items WHERE n < 0")
                                    << QByteArray(R"({"threshold": {"op": ">", "value": 0}})") << false
                                    << QStringLiteral("returned no rows");
        row("threshold on NULL") << b << QStringLiteral("SELECT max(n) FROM items WHERE n < 0")
                                 << QByteArray(R"({"threshold": {"op": ">", "value": 0}})") << false
                                 << QStringLiteral("the first value is NULL");
        row("threshold on text") << b << QStringLiteral("SELECT name FROM items WHERE id = 1")
                                 << QByteArray(R"({"threshold": {"op": ">", "value": 0}})") << false
                                 << QStringLiteral("\"item-1\" is not a number");
    }
}

void TestSqlExecutor::rulesDecide()
{
    QFETCH(QString, backend);
    QFETCH(QString, query);
    QFETCH(QByteArray, rule);
    QFETCH(bool, passes);
    QFETCH(QString, reason);
    QJsonObject spec{{QStringLiteral("connection"), connectionFor(backend)}, {QStringLiteral("query"), query}};
    if (!rule.isEmpty())
        spec.insert(QStringLiteral("rule"), QJsonDocument::fromJson("[" + rule + "]").array().at(0));
    const auto harness = run(spec);
    QVERIFY(harness->isFinished());
    QCOMPARE(harness->verdicts(), 1);
    QVERIFY2(harness->succeeded() == passes, qPrintable(harness->error()));
    if (!passes)
        QVERIFY2(harness->errorReason().contains(reason), qPrintable(harness->errorReason()));
}

void TestSqlExecutor::failureDetailShowsAtMostTwentyOffendingRows()
{
    QFETCH(QString, backend);
    const auto harness =
        run(QJsonObject{{QStringLiteral("connection"), connectionFor(backend)},
                        {QStringLiteral("query"), QStringLiteral("SELECT id, name FROM items ORDER BY id")},
                        {QStringLiteral("rule"), QStringLiteral("no_rows")}});
    QVERIFY(harness->isFinished() && !harness->succeeded());
    const QStringList lines = harness->errorDetail().split(u'\n');
    // header, rule line, 20 rows, the count line
    QCOMPARE(lines.size(), 23);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("id")) && lines.at(0).contains(QLatin1String("| name")),
             qPrintable(lines.at(0)));
    QVERIFY(lines.at(2).startsWith(QLatin1String("1 ")));
    QVERIFY(lines.at(2).contains(QLatin1String("item-1")));
    QVERIFY(lines.at(21).contains(QLatin1String("item-20")));
    QVERIFY(!harness->errorDetail().contains(QLatin1String("item-21")));
    QCOMPARE(lines.at(22), QStringLiteral("(25 rows in all; the first 20 shown)"));
}

void TestSqlExecutor::resultRecordsRowsReturnedAndDuration()
{
    QFETCH(QString, backend);
    const auto harness = run(QJsonObject{{QStringLiteral("connection"), connectionFor(backend)},
                                         {QStringLiteral("query"), QStringLiteral("SELECT * FROM items WHERE id > 4")},
                                         {QStringLiteral("rule"), QJsonObject{{QStringLiteral("at_most"), 30}}}});
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    const QJsonObject result = harness->resultObject();
    QCOMPARE(result.value(QLatin1String("rows_returned")).toInteger(), 21);
    QVERIFY(result.value(QLatin1String("duration_ms")).isDouble());
    QVERIFY(result.value(QLatin1String("duration_ms")).toInteger() >= 0);
}

void TestSqlExecutor::statementTimeoutFailsTheAttempt()
{
    QFETCH(QString, backend);
    const QString slow = backend == QLatin1String("sqlite")
                             ? QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                              "SELECT count(*) FROM c")
                             : QStringLiteral("SELECT pg_sleep(30)");
    QElapsedTimer elapsed;
    elapsed.start();
    const auto harness = run(QJsonObject{{QStringLiteral("connection"), connectionFor(backend)},
                                         {QStringLiteral("query"), slow},
                                         {QStringLiteral("timeout_ms"), 300}});
    QVERIFY(harness->isFinished());
    QVERIFY(!harness->succeeded());
    QCOMPARE(harness->errorReason(), QStringLiteral("statement timeout: the query ran longer than 300 ms"));
    QVERIFY2(elapsed.elapsed() < 15000, "the statement timeout did not stop the query");
}

void TestSqlExecutor::cancellationStopsARunningQuery()
{
    QFETCH(QString, backend);
    const SqlTarget target{backend == QLatin1String("sqlite") ? QStringLiteral("sqlite:") + m_sqlitePath
                                                              : m_server->url(m_database),
                           {},
                           false};
    const QString slow = backend == QLatin1String("sqlite")
                             ? QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                              "SELECT count(*) FROM c")
                             : QStringLiteral("SELECT pg_sleep(60)");
    SqlCancellation cancellation;
    SqlOutcome outcome;
    std::atomic<bool> done{false};
    std::thread worker([&] {
        outcome = runSqlQuery(target, slow, 120000, cancellation);
        done = true;
    });
    QTest::qWait(300); // let the query start; the cancel must also work when it arrives before
    cancellation.cancel();
    const bool stopped = QTest::qWaitFor([&] { return done.load(); }, 15000);
    worker.join();
    QVERIFY2(stopped, "the cancelled query kept running");
    QCOMPARE(int(outcome.status), int(SqlOutcome::Status::Cancelled));
}

void TestSqlExecutor::abortedExecutionReportsNothing()
{
    QFETCH(QString, backend);
    const QString slow = backend == QLatin1String("sqlite")
                             ? QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                              "SELECT count(*) FROM c")
                             : QStringLiteral("SELECT pg_sleep(60)");
    auto harness = std::make_unique<ExecutionHarness>(
        *m_executor, QJsonObject{{QStringLiteral("connection"), connectionFor(backend)},
                                 {QStringLiteral("query"), slow},
                                 {QStringLiteral("timeout_ms"), 120000}});
    harness->setConnections(m_directory.get());
    harness->start();
    QTest::qWait(300);
    harness->abort();
    QTest::qWait(500); // a late verdict would arrive queued
    QCOMPARE(harness->verdicts(), 0);
    harness.reset();
    if (backend == QLatin1String("postgresql")) {
        // The cancel reached the server: no pg_sleep left running.
        QString error;
        QTRY_VERIFY_WITH_TIMEOUT(
            m_server
                ->exec(m_database, QStringLiteral("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE "
                                                  "query LIKE 'SELECT pg_sleep(60)%') THEN RAISE 'busy'; END IF; "
                                                  "END $$"))
                .isEmpty(),
            10000);
    }
}

void TestSqlExecutor::badSqlFails()
{
    QFETCH(QString, backend);
    const auto harness = run(QJsonObject{{QStringLiteral("connection"), connectionFor(backend)},
                                         {QStringLiteral("query"), QStringLiteral("SELEC nonsense FROM nowhere")}});
    QVERIFY(harness->isFinished() && !harness->succeeded());
    QVERIFY2(harness->errorReason().startsWith(QLatin1String("query failed:")), qPrintable(harness->error()));
    QVERIFY2(harness->errorReason().contains(QLatin1String("syntax error")), qPrintable(harness->error()));
    QVERIFY(!harness->errorReason().contains(u'\n'));
}

void TestSqlExecutor::unknownConnectionFails()
{
    const auto harness = run(QJsonObject{{QStringLiteral("connection"), QStringLiteral("nope")},
                                         {QStringLiteral("query"), QStringLiteral("SELECT 1")}});
    QVERIFY(harness->isFinished() && !harness->succeeded());
    QCOMPARE(harness->errorReason(), QStringLiteral("unknown connection \"nope\""));
}

void TestSqlExecutor::connectionRefusedFails()
{
    EnvironmentSecretStore secrets;
    const auto harness = run(QJsonObject{{QStringLiteral("connection"), QStringLiteral("pg-refused")},
                                         {QStringLiteral("query"), QStringLiteral("SELECT 1")}},
                             &secrets);
    QVERIFY(harness->isFinished() && !harness->succeeded());
    QVERIFY2(harness->errorReason().startsWith(QLatin1String("cannot connect to postgresql://postgres@127.0.0.1:")),
             qPrintable(harness->error()));
    QVERIFY2(harness->error().contains(QLatin1String("refused")), qPrintable(harness->error()));
    QVERIFY(!harness->error().contains(QLatin1String("pg-pass-4711")));
}

void TestSqlExecutor::missingSqliteFileFails()
{
    const auto harness = run(QJsonObject{{QStringLiteral("connection"), QStringLiteral("lite-missing")},
                                         {QStringLiteral("query"), QStringLiteral("SELECT 1")}});
    QVERIFY(harness->isFinished() && !harness->succeeded());
    QVERIFY2(harness->errorReason().startsWith(QLatin1String("cannot open sqlite:")), qPrintable(harness->error()));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.db")))); // not created by the check
}

void TestSqlExecutor::localDatabaseIsReadOnly()
{
    const auto read = run(
        QJsonObject{{QStringLiteral("database"), QStringLiteral("local")},
                    {QStringLiteral("query"), QStringLiteral("SELECT count(*) FROM items")},
                    {QStringLiteral("rule"),
                     QJsonObject{{QStringLiteral("threshold"), QJsonObject{{QStringLiteral("op"), QStringLiteral("==")},
                                                                           {QStringLiteral("value"), 25}}}}}});
    QVERIFY2(read->succeeded(), qPrintable(read->error()));
    QCOMPARE(read->resultObject().value(QLatin1String("value")).toString(), QStringLiteral("25"));
    const auto write = run(QJsonObject{{QStringLiteral("database"), QStringLiteral("local")},
                                       {QStringLiteral("query"), QStringLiteral("DELETE FROM items")}});
    QVERIFY(write->isFinished() && !write->succeeded());
    QVERIFY2(write->errorReason().contains(QLatin1String("readonly")), qPrintable(write->error()));
}

void TestSqlExecutor::passwordSecretIsResolvedAtRunTime()
{
    // Trust authentication accepts any password: this shows the reference is resolved and the connection made.
    EnvironmentSecretStore secrets;
    const auto harness = run(QJsonObject{{QStringLiteral("connection"), QStringLiteral("pg-secret")},
                                         {QStringLiteral("query"), QStringLiteral("SELECT count(*) FROM items")}},
                             &secrets);
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(harness->resultObject().value(QLatin1String("rows_returned")).toInteger(), 1);
}

void TestSqlExecutor::secretValuesAreMaskedInErrors()
{
    EnvironmentSecretStore secrets;
    // The server names the (secret) role it does not know.
    const auto role = run(QJsonObject{{QStringLiteral("connection"), QStringLiteral("pg-secret-role")},
                                      {QStringLiteral("query"), QStringLiteral("SELECT 1")}},
                          &secrets);
    QVERIFY(role->isFinished() && !role->succeeded());
    QVERIFY2(!role->error().contains(QLatin1String("secretrole4711")), qPrintable(role->error()));
    QVERIFY2(role->error().contains(QLatin1String("***")), qPrintable(role->error()));
    // SQLite names the (secret) file it cannot open.
    const auto path = run(QJsonObject{{QStringLiteral("connection"), QStringLiteral("lite-secret-path")},
                                      {QStringLiteral("query"), QStringLiteral("SELECT 1")}},
                          &secrets);
    QVERIFY(path->isFinished() && !path->succeeded());
    QVERIFY2(!path->error().contains(QLatin1String("hidden-4711")), qPrintable(path->error()));
    QVERIFY2(path->error().contains(QLatin1String("***")), qPrintable(path->error()));
}

void TestSqlExecutor::missingSecretFailsTheAttempt()
{
    EnvironmentSecretStore secrets;
    const auto harness = run(QJsonObject{{QStringLiteral("connection"), QStringLiteral("pg-missing-secret")},
                                         {QStringLiteral("query"), QStringLiteral("SELECT 1")}},
                             &secrets);
    QVERIFY(harness->isFinished() && !harness->succeeded());
    QVERIFY2(harness->errorReason().startsWith(QLatin1String("connection \"pg-missing-secret\":")),
             qPrintable(harness->error()));
    QVERIFY2(harness->errorReason().contains(QLatin1String("SQLTEST_NONE")), qPrintable(harness->error()));
}

void TestSqlExecutor::blockingQueryLeavesTheWorkerFree()
{
    ExecutorRegistry registry = ExecutorRegistry::withBuiltins();
    WorkerHarness worker(std::move(registry), 60000,
                         std::make_shared<StaticConnectionDirectory>(
                             QString(), QList<Connection>{{QStringLiteral("pg"), m_server->url(m_database), {}}}));
    // One worker thread: the sleep run can only finish first if the query does not hold the thread.
    worker.start(
        {claimedRun(1, QStringLiteral("sql"), payload(R"x({"connection": "pg", "query": "SELECT pg_sleep(2)"})x")),
         claimedRun(2, QStringLiteral("sleep"), payload(R"({"ms": 10})"))});
    QVERIFY(worker.waitResults(1, 15000));
    QCOMPARE(worker.results().first().run.id, qint64(2));
    QVERIFY(worker.waitResults(2, 15000));
    QCOMPARE(worker.results().at(1).run.id, qint64(1));
    QCOMPARE(int(worker.results().at(1).outcome), int(RunResult::Outcome::Succeeded));
}

QTEST_GUILESS_MAIN(TestSqlExecutor)
#include "tst_sqlexecutor.moc"
