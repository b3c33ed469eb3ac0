// Named connections and users in jobs as code through the real vigia-engine binary: applied idempotently, pruned,
// exported; `serve` runs sql jobs against declared SQLite and PostgreSQL connections whose passwords come from the
// secret store, and no secret value lands in the database or the log.
#include "applyfixture.h"
#include "postgresserver.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <csignal>

#include <QLoggingCategory>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

class TestApplyConnectionsCli : public QObject, private ApplyFiles {
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false")); }
    void init() { freshDirectory(); }

    void connectionsApplyIdempotentlyPruneAndExport();
    void serveRunsSqlJobsAgainstDeclaredConnections();
    void usersApplyListExportAndPrune();
};

void TestApplyConnectionsCli::connectionsApplyIdempotentlyPruneAndExport()
{
    TempDatabase db;
    const QByteArray text("version: 1\nconnections:\n  - name: reports\n"
                          "    url: postgresql://reporter@db.internal:5432/reports?sslmode=require\n"
                          "    password: ${secret:REPORTS_DB}\n  - name: lite\n    url: sqlite:/srv/app.db\n"
                          "jobs:\n  - name: count-orders\n    kind: sql\n"
                          "    spec: {connection: reports, query: SELECT count(*) FROM orders}\n");
    const QString path = write("connections.yaml", text);
    CliResult result = apply(db, path, "--dry-run");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out),
             QStringList(
                 {QStringLiteral("+ job count-orders"), QStringLiteral("+ connection lite"),
                  QStringLiteral("+ connection reports"),
                  QStringLiteral("dry run: would create 3, update 0, delete 0 (0 unchanged); nothing was written")}));
    QVERIFY(db.open()->connections().isEmpty());
    result = apply(db, path);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(db.open()->connection(QStringLiteral("reports"))->password, QStringLiteral("${secret:REPORTS_DB}"));
    QVERIFY(auditActions(db).contains(QStringLiteral("connection.create connection:reports")));
    const QStringList before = databaseContents(db.path());
    QCOMPARE(outputLines(apply(db, path).out), QStringList{QStringLiteral("no changes (3 unchanged)")});
    QCOMPARE(databaseContents(db.path()), before);

    // Export writes them back; applying the export changes nothing and recreates them elsewhere.
    const CliResult exported = cli(db, "export");
    QVERIFY2(exported.exitCode == 0, qPrintable(describe(exported)));
    QVERIFY2(exported.out.contains("connections:\n  - name: lite\n"), exported.out.constData());
    QVERIFY2(exported.out.contains("password: \"${secret:REPORTS_DB}\""), exported.out.constData());
    const QString exportedPath = write("exported.yaml", exported.out);
    QCOMPARE(outputLines(apply(db, exportedPath, "--prune").out),
             QStringList{QStringLiteral("no changes (4 unchanged)")}); // the default queue, a job, two connections
    TempDatabase copy;
    QCOMPARE(apply(copy, exportedPath).exitCode, 0);
    QCOMPARE(cli(copy, "export").out, exported.out);

    // A file with connections only prunes connections: the job stays, so the connection it names must stay too.
    const QString onlyLite = write("only-lite.yaml", "version: 1\nconnections:\n  - name: lite\n"
                                                     "    url: sqlite:/srv/app.db\n");
    const QStringList kept = databaseContents(db.path());
    result = apply(db, onlyLite, "--prune");
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.err.contains("--prune cannot delete connection \"reports\": job \"count-orders\" uses it"),
             result.err.constData());
    QCOMPARE(databaseContents(db.path()), kept);
    const QString onlyReports =
        write("only-reports.yaml", "version: 1\nconnections:\n  - name: reports\n"
                                   "    url: postgresql://reporter@db.internal:5432/reports?sslmode=require\n"
                                   "    password: ${secret:REPORTS_DB}\n");
    result = apply(db, onlyReports, "--prune");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out),
             QStringList({QStringLiteral("- connection lite"),
                          QStringLiteral("applied: 0 created, 0 updated, 1 deleted, 1 unchanged")}));
    QCOMPARE(db.open()->connections().size(), 1);
    QVERIFY(db.open()->jobByName(QStringLiteral("count-orders")));
}

void TestApplyConnectionsCli::serveRunsSqlJobsAgainstDeclaredConnections()
{
    // A PostgreSQL role that must give its password (the other roles keep trust), so only the resolved secret opens
    // the connection; a SQLite file of its own.
    QString error;
    PostgresServer *server = PostgresServer::shared(&error);
    QVERIFY2(server, qPrintable(error));
    const QString database = server->createDatabase(&error);
    QVERIFY2(!database.isEmpty(), qPrintable(error));
    QCOMPARE(server->exec(database, QStringLiteral("CREATE TABLE items (n integer)")), QString());
    QCOMPARE(server->exec(database, QStringLiteral("INSERT INTO items VALUES (1), (2), (3)")), QString());
    const QByteArray password("pg-E2E-pass-4711");
    const QByteArray wrongPassword("wrong-E2E-pass-0815");
    QVERIFY2(server->addPasswordRole(QStringLiteral("vigia_e2e_reader"), QString::fromLatin1(password), &error),
             qPrintable(error));
    const QString checked = m_dir->filePath(QStringLiteral("checked.db"));
    QCOMPARE(sqliteExec(checked, QStringLiteral("CREATE TABLE items (n INTEGER)")), QString());
    QCOMPARE(sqliteExec(checked, QStringLiteral("INSERT INTO items VALUES (1), (2)")), QString());
    qputenv("VIGIA_SECRET_E2E_PG_PASSWORD", password);
    qputenv("VIGIA_SECRET_E2E_PG_WRONG", wrongPassword);
    qputenv("VIGIA_SECRET_E2E_PG_ROLE", "vigia_e2e_reader");

    const QString pgHost = QStringLiteral("127.0.0.1:%1/%2").arg(server->port()).arg(database);
    const QString yaml = QStringLiteral(R"(version: 1
connections:
  - name: lite
    url: "sqlite:%1"
  - name: pg
    url: "postgresql://vigia_e2e_reader@%2"
    password: "${secret:E2E_PG_PASSWORD}"
  - name: pg-wrong
    url: "postgresql://vigia_e2e_reader@%2"
    password: "${secret:E2E_PG_WRONG}"
  - name: pg-secret-role
    url: "postgresql://${secret:E2E_PG_ROLE}@%2"
    password: "${secret:E2E_PG_PASSWORD}"
jobs:
  - name: lite-count
    kind: sql
    spec: {connection: lite, query: "SELECT count(*) FROM items", rule: {threshold: {op: "==", value: 2}}}
    retry: {max_attempts: 1}
    schedule: {every: 1h, run_on_start: true}
  - name: pg-count
    kind: sql
    spec: {connection: pg, query: "SELECT count(*) FROM items", rule: {threshold: {op: "==", value: 3}}}
    retry: {max_attempts: 1}
    schedule: {every: 1h, run_on_start: true}
  - name: pg-wrong-password
    kind: sql
    spec: {connection: pg-wrong, query: "SELECT 1"}
    retry: {max_attempts: 1}
    schedule: {every: 1h, run_on_start: true}
  - name: pg-who
    kind: sql
    spec: {connection: pg-secret-role, query: "SELECT current_user", rule: no_rows}
    retry: {max_attempts: 1}
    schedule: {every: 1h, run_on_start: true}
)")
                             .arg(checked, pgHost);
    TempDatabase db;
    const CliResult applied = apply(db, write("sql.yaml", yaml.toUtf8()));
    QVERIFY2(applied.exitCode == 0, qPrintable(describe(applied)));

    QHash<QString, Run> finished; // by job name
    {
        EngineServer engine({QStringLiteral("--db"), db.url(), QStringLiteral("--quiet"), QStringLiteral("--secrets"),
                             QStringLiteral("env")});
        QVERIFY(engine.start());
        const auto collect = [&db, &finished] {
            const std::unique_ptr<Store> store = db.open();
            QHash<qint64, QString> names;
            for (const JobDef &job : store->jobs())
                names.insert(job.id, job.name);
            RunFilter filter;
            filter.limit = 100;
            for (const Run &run : store->runs(filter)) {
                if (run.state == RunState::Succeeded || run.state == RunState::Dead)
                    finished.insert(names.value(run.jobId), run);
            }
            return finished.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(collect(), 4, 30000);
        QVERIFY(engine.sendSignal(SIGTERM));
        QCOMPARE(engine.waitForExit(30000), 0);
        QVERIFY2(!engine.log().contains(password) && !engine.log().contains(wrongPassword), engine.log().constData());
    }
    const auto describeRun = [](const Run &run) -> QString { return QString::fromUtf8(run.result) + u' ' + run.error; };
    QVERIFY2(finished.value(QStringLiteral("lite-count")).state == RunState::Succeeded,
             qPrintable(describeRun(finished.value(QStringLiteral("lite-count")))));
    QVERIFY2(finished.value(QStringLiteral("pg-count")).state == RunState::Succeeded,
             qPrintable(describeRun(finished.value(QStringLiteral("pg-count")))));
    QVERIFY(finished.value(QStringLiteral("pg-count")).result.contains(R"("value":"3")"));
    // The wrong secret reached the server and was refused.
    const Run wrong = finished.value(QStringLiteral("pg-wrong-password"));
    QCOMPARE(wrong.state, RunState::Dead);
    QVERIFY2(wrong.error.contains(QLatin1String("password authentication failed")), qPrintable(wrong.error));
    // A secret value in what a run reports is masked: the role the URL takes from a secret shows as ***.
    const Run who = finished.value(QStringLiteral("pg-who"));
    QCOMPARE(who.state, RunState::Dead);
    QVERIFY2(who.error.contains(QLatin1String("***")) && !who.error.contains(QLatin1String("vigia_e2e_reader")),
             qPrintable(who.error));
    // No secret value anywhere in the engine's database.
    const QString contents = databaseContents(db.path()).join(u'\n');
    QVERIFY(!contents.contains(QString::fromLatin1(password)));
    QVERIFY(!contents.contains(QString::fromLatin1(wrongPassword)));
    server->dropDatabase(database);
}

void TestApplyConnectionsCli::usersApplyListExportAndPrune()
{
    TempDatabase db;
    const QByteArray text("version: 1\nusers:\n  - name: alice\n    email: alice@example.com\n    role: admin\n"
                          "    time_zone: Europe/Lisbon\n    channels:\n      - {kind: email}\n"
                          "      - {kind: webhook, address: \"https://hooks.example.com/a\", format: slack}\n"
                          "    do_not_disturb:\n      - {start: \"22:00\", end: \"07:00\", days: [mon, tue]}\n"
                          "  - name: olga\n    role: operator\n");
    const QString path = write("users.yaml", text);
    CliResult result = apply(db, path);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out),
             QStringList({QStringLiteral("+ user alice"), QStringLiteral("+ user olga"),
                          QStringLiteral("applied: 2 created, 0 updated, 0 deleted, 0 unchanged")}));
    QCOMPARE(outputLines(apply(db, path).out), QStringList{QStringLiteral("no changes (2 unchanged)")});
    const QStringList actions = auditActions(db);
    QVERIFY2(actions.contains(QStringLiteral("user.create user:alice")), qPrintable(actions.join(u'\n')));

    // The users the incident commands check are the ones declared.
    const QJsonArray users = jsonArray(cli(db, "users list --json"));
    QCOMPARE(users.size(), 2);
    QVERIFY2(QJsonDocument(users).toJson().contains("\"admin\""), QJsonDocument(users).toJson().constData());

    const CliResult exported = cli(db, "export");
    QVERIFY2(exported.out.contains("users:\n  - name: alice\n"), exported.out.constData());
    const QString exportedPath = write("exported.yaml", exported.out);
    QCOMPARE(outputLines(apply(db, exportedPath, "--prune").out),
             QStringList{QStringLiteral("no changes (3 unchanged)")}); // with the default queue
    TempDatabase copy;
    QCOMPARE(apply(copy, exportedPath).exitCode, 0);
    QCOMPARE(cli(copy, "export").out, exported.out);

    result = apply(db, write("olga.yaml", "version: 1\nusers:\n  - name: olga\n    role: viewer\n"), "--prune");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out),
             QStringList({QStringLiteral("- user alice"), QStringLiteral("~ user olga (role)"),
                          QStringLiteral("applied: 0 created, 1 updated, 1 deleted, 0 unchanged")}));
}

QTEST_GUILESS_MAIN(TestApplyConnectionsCli)
#include "tst_applyconnectionscli.moc"
