// Jobs as code through the real vigia-engine binary: `apply` creates and updates queues and jobs in one audited
// transaction, is idempotent, writes nothing on a dry run or on any error, and `export` writes what `apply` reads back
// without a change. `serve --demo` applies the embedded demo file. Pruning: tst_applyprunecli; connections and users:
// tst_applyconnectionscli.
#include "applyfixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

#include <QLoggingCategory>
#include <QTest>

using namespace vigia;
using namespace vigia::test;
namespace {
qint64 nextFireAt(const TempDatabase &db, const char *job)
{
    return db.open()->jobByName(QLatin1String(job)).value_or(JobDef{}).nextFireAt;
}
} // namespace

class TestApplyCli : public QObject, private ApplyFiles {
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false")); }
    void init() { freshDirectory(); }

    void applyCreatesQueuesAndJobsAndAuditsEach();
    void applyingSameFileAgainChangesNothing();
    void changedFieldsAreReportedAndOnlyNewScheduleRuleForgetsNextFire();
    void dryRunPrintsChangesAndWritesNothing();
    void exportThenApplyReportsNoChanges();
    void malformedFileExitsTwoWithLocationAndChangesNothing_data();
    void malformedFileExitsTwoWithLocationAndChangesNothing();
    void usageErrorsExitTwo();
    void fileCanComeFromStandardInput();
    void demoFileAppliesCleanly();
    void serveDemoAppliesEmbeddedDemoFile();
};

void TestApplyCli::applyCreatesQueuesAndJobsAndAuditsEach()
{
    TempDatabase db;
    const CliResult result = apply(db, write("jobs.yaml", Declared));
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out), QStringList({
                                          QStringLiteral("+ queue quiet"),
                                          QStringLiteral("+ queue reports"),
                                          QStringLiteral("+ job flaky"),
                                          QStringLiteral("+ job heartbeat"),
                                          QStringLiteral("+ job nightly-report"),
                                          QStringLiteral("+ job on-demand"),
                                          QStringLiteral("applied: 6 created, 0 updated, 0 deleted, 0 unchanged"),
                                      }));
    const std::unique_ptr<Store> store = db.open();
    QCOMPARE(store->queue(QStringLiteral("quiet"))->paused, true);
    QCOMPARE(store->queue(QStringLiteral("reports"))->concurrency, 2);
    const JobDef report = *store->jobByName(QStringLiteral("nightly-report"));
    QCOMPARE(report.queue, QStringLiteral("reports"));
    QCOMPARE(report.payload, QByteArray(R"({"ms":500})"));
    QCOMPARE(report.timeoutMs, 300'000);
    QCOMPARE(report.maxAttempts, 6);
    QCOMPARE(report.retry.factor, 1.5);
    QCOMPARE(report.schedule.cron, QStringLiteral("*/5 8-19 * * MON-FRI"));
    QCOMPARE(report.schedule.timeZone, QStringLiteral("America/Sao_Paulo"));
    QCOMPARE(report.schedule.window.weekdays, quint8(0x1F));
    QCOMPARE(store->jobByName(QStringLiteral("heartbeat"))->schedule.intervalMs, 30'000);
    QCOMPARE(auditActions(db), QStringList({
                                   QStringLiteral("queue.create queue:quiet"),
                                   QStringLiteral("queue.create queue:reports"),
                                   QStringLiteral("job.create job:flaky"),
                                   QStringLiteral("job.create job:heartbeat"),
                                   QStringLiteral("job.create job:nightly-report"),
                                   QStringLiteral("job.create job:on-demand"),
                               }));
}

void TestApplyCli::applyingSameFileAgainChangesNothing()
{
    TempDatabase db;
    const QString path = write("jobs.yaml", Declared);
    QCOMPARE(apply(db, path).exitCode, 0);
    const QStringList before = databaseContents(db.path());
    for (int i = 0; i < 2; ++i) {
        const CliResult again = apply(db, path);
        QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
        QCOMPARE(outputLines(again.out),
                 QStringList{QStringLiteral("no changes (6 unchanged)")}); // what the file declares
        // No row changed: no job, no queue, no audit row, no bump of the jobs revision.
        QCOMPARE(databaseContents(db.path()), before);
    }
    const CliResult json = apply(db, path, "--json");
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(QLatin1String("dry_run")).toBool(true), false);
    for (const QJsonValue &change : object.value(QLatin1String("changes")).toArray())
        QCOMPARE(change.toObject().value(QLatin1String("action")).toString(), QStringLiteral("unchanged"));
}

void TestApplyCli::changedFieldsAreReportedAndOnlyNewScheduleRuleForgetsNextFire()
{
    TempDatabase db;
    QCOMPARE(apply(db, write("jobs.yaml", Declared)).exitCode, 0);
    // As if the scheduler had booked the next fires.
    QCOMPARE(sqliteExec(db.path(), QStringLiteral("UPDATE jobs SET next_fire_at = 4102444800000")), QString());
    const CliResult result = apply(db, write("edited.yaml", Edited), "--json");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QStringList changes;
    for (const QJsonValue &value :
         QJsonDocument::fromJson(result.out).object().value(QLatin1String("changes")).toArray()) {
        const QJsonObject change = value.toObject();
        QStringList fields;
        for (const QJsonValue &field : change.value(QLatin1String("fields")).toArray())
            fields << field.toString();
        changes << QStringLiteral("%1 %2 %3 %4")
                       .arg(change.value(QLatin1String("action")).toString(),
                            change.value(QLatin1String("object")).toString(),
                            change.value(QLatin1String("name")).toString(), fields.join(u','));
    }
    // Only what the file declares is listed; without --prune, quiet and flaky are left alone.
    QCOMPARE(changes, QStringList({
                          QStringLiteral("update queue reports concurrency"),
                          QStringLiteral("update job heartbeat schedule.window"),
                          QStringLiteral("update job nightly-report timeout,schedule.cron"),
                          QStringLiteral("unchanged job on-demand "),
                      }));
    QVERIFY(db.open()->jobByName(QStringLiteral("flaky")));
    // Like upsertJob: a new rule forgets the booked fire, a new window keeps it.
    QCOMPARE(nextFireAt(db, "nightly-report"), 0);
    QCOMPARE(nextFireAt(db, "heartbeat"), 4102444800000);
    QCOMPARE(nextFireAt(db, "on-demand"), 4102444800000);
    const QVector<AuditEntry> audit = db.open()->auditLog(3);
    QCOMPARE(audit.at(0).action, QStringLiteral("job.update"));
    QCOMPARE(audit.at(0).target, QStringLiteral("job:nightly-report"));
    QCOMPARE(QJsonDocument::fromJson(audit.at(0).detail.toUtf8()).object().value(QLatin1String("fields")).toArray(),
             QJsonArray({QStringLiteral("timeout"), QStringLiteral("schedule.cron")}));
    QCOMPARE(audit.at(2).action, QStringLiteral("queue.update"));
}

void TestApplyCli::dryRunPrintsChangesAndWritesNothing()
{
    TempDatabase db;
    QCOMPARE(apply(db, write("jobs.yaml", Declared)).exitCode, 0);
    const QStringList before = databaseContents(db.path());
    const CliResult result = apply(db, write("edited.yaml", Edited), "--dry-run --prune");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out),
             QStringList({
                 QStringLiteral("- queue quiet"),
                 QStringLiteral("~ queue reports (concurrency)"),
                 QStringLiteral("- job flaky"),
                 QStringLiteral("~ job heartbeat (schedule.window)"),
                 QStringLiteral("~ job nightly-report (timeout, schedule.cron)"),
                 QStringLiteral("dry run: would create 0, update 3, delete 2 (1 unchanged); nothing was written"),
             }));
    QCOMPARE(databaseContents(db.path()), before);

    TempDatabase fresh;
    const QStringList empty = databaseContents(fresh.path());
    const CliResult creating = apply(fresh, write("jobs.yaml", Declared), "--dry-run");
    QCOMPARE(creating.exitCode, 0);
    QVERIFY2(creating.out.contains("+ job nightly-report\n"), creating.out.constData());
    QCOMPARE(databaseContents(fresh.path()), empty);
}

void TestApplyCli::exportThenApplyReportsNoChanges()
{
    TempDatabase db;
    QCOMPARE(apply(db, write("jobs.yaml", Declared)).exitCode, 0);
    // Changes made by other means than apply are exported too.
    QCOMPARE(cli(db, "jobs pause heartbeat").exitCode, 0);
    QCOMPARE(cli(db, "queues add extra --concurrency 7").exitCode, 0);
    {
        JobDef job;
        job.name = QStringLiteral("made-in-code");
        job.kind = QStringLiteral("sleep");
        job.payload = QByteArrayLiteral(R"({ "ms" : 5, "note": "true" })");
        job.timeoutMs = 1500;
        db.open()->upsertJob(job, Actor{QStringLiteral("seeder")}, 1'700'000'000'000);
    }
    const QString exported = m_dir->filePath(QStringLiteral("exported.yaml"));
    const CliResult toFile = cli(db, QStringList{QStringLiteral("export"), QStringLiteral("-o"), exported});
    QVERIFY2(toFile.exitCode == 0, qPrintable(describe(toFile)));
    QVERIFY(toFile.out.isEmpty());
    const CliResult toStdout = cli(db, "export");
    QCOMPARE(toStdout.exitCode, 0);
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QCOMPARE(toStdout.out, text);
    QVERIFY2(text.contains("  - name: made-in-code\n"), text.constData());
    QVERIFY2(text.contains("paused: true"), text.constData());
    // By name: queues default, extra, quiet, reports; jobs flaky ... on-demand.
    QVERIFY(text.indexOf("name: default") < text.indexOf("name: extra"));
    QVERIFY(text.indexOf("name: flaky") < text.indexOf("name: heartbeat"));

    const QStringList before = databaseContents(db.path());
    const CliResult again = apply(db, exported, "--prune");
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QCOMPARE(outputLines(again.out), QStringList{QStringLiteral("no changes (9 unchanged)")});
    QCOMPARE(databaseContents(db.path()), before);

    // And into an empty database it recreates the same declarations.
    TempDatabase copy;
    QCOMPARE(apply(copy, exported).exitCode, 0);
    QCOMPARE(cli(copy, "export").out, text);
}

void TestApplyCli::malformedFileExitsTwoWithLocationAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error"); // after "PATH:"
    const auto job = [](const char *extra) -> QByteArray {
        return QByteArray("version: 1\njobs:\n  - name: a\n    kind: noop\n") + extra;
    };
    const auto row = [](const char *name, const QByteArray &text, const char *error) {
        QTest::newRow(name) << text << QString::fromUtf8(error);
    };
    row("unknown key", job("    colour: red\n"), "5:5: jobs[0].colour: unknown key \"colour\"");
    row("wrong type", "version: 1\nqueues:\n  - name: q\n    concurrency: lots\n",
        "4:18: queues[0].concurrency: expected a whole number, got \"lots\"");
    row("bad duration", job("    timeout: 5 minutes\n"), "5:14: jobs[0].timeout: \"5 minutes\" is not a duration");
    row("both cron and every", job("    schedule: {cron: \"@daily\", every: 1m}\n"),
        "5:15: jobs[0].schedule: has both cron and every");
    row("neither cron nor every", job("    schedule: {paused: true}\n"), "5:15: jobs[0].schedule: needs cron or every");
    row("bad cron", job("    schedule: {cron: \"0 0 32 * *\"}\n"),
        "5:22: jobs[0].schedule.cron: day-of-month: 32 is out of range 1-31");
    row("unknown time zone", job("    schedule: {every: 1m, time_zone: America/Sao_Paolo}\n"),
        "5:38: jobs[0].schedule.time_zone: unknown time zone \"America/Sao_Paolo\"");
    row("bad window time", job("    schedule: {every: 1m, window: {start: \"24:00\", end: \"01:00\"}}\n"),
        "5:43: jobs[0].schedule.window.start: \"24:00\" is not a time of day");
    row("unknown weekday", job("    schedule: {every: 1m, window: {days: [someday]}}\n"),
        "5:43: jobs[0].schedule.window.days[0]: unknown weekday \"someday\"");
    row("unknown kind", "version: 1\njobs:\n  - name: a\n    kind: teleport\n",
        "4:11: jobs[0].kind: unknown kind \"teleport\"");
    row("bad spec", "version: 1\njobs:\n  - name: a\n    kind: sleep\n    spec: {ms: -1}\n",
        "5:11: jobs[0].spec: payload for kind \"sleep\": \"ms\" must be a non-negative whole number");
    row("duplicate job", job("  - name: a\n    kind: noop\n"), "5:11: jobs[1].name: duplicate job \"a\"");
    row("unknown queue", job("    queue: nowhere\n"), "5:12: jobs[0].queue: unknown queue \"nowhere\"");
    row("bad priority", job("    priority: urgent\n"), "5:15: jobs[0].priority: \"urgent\" is not one of");
    row("bad misfire", job("    schedule: {every: 1m, misfire: later}\n"),
        "5:36: jobs[0].schedule.misfire: \"later\" is not one of: coalesce, run-all, skip");
    row("yaml syntax", "version: 1\njobs: [\n", "3:1: YAML syntax error");
    row("not a mapping", "[1, 2]\n", "1:1: the top level must be a mapping");
    row("version missing", "jobs: []\n", "1:1: version: missing");
    row("version unsupported", "version: 7\n", "1:10: version: unsupported version 7");
    row("sla", job("    sla: 15m\n"), "5:10: jobs[0].sla: expected a mapping");
    row("incident severity", job("    incident_policy: {severity: loud}\n"),
        "5:33: jobs[0].incident_policy.severity: \"loud\" is not one of");
    row("literal connection password",
        "version: 1\nconnections:\n  - name: db\n    url: postgresql://app@db/app\n    password: hunter2\n",
        "5:15: connections[0].password: must be a single secret reference");
    row("password in a connection url", "version: 1\nconnections:\n  - name: db\n    url: postgresql://app:pw@db/app\n",
        "4:10: connections[0].url: holds a literal password");
    row("connection without url", "version: 1\nconnections:\n  - name: db\n",
        "3:5: connections[0].url: missing: the database's URL");
    row("unknown user role", "version: 1\nusers:\n  - name: al\n    role: boss\n",
        "4:11: users[0].role: \"boss\" is not one of: viewer, operator, admin");
    row("user do-not-disturb time",
        "version: 1\nusers:\n  - name: al\n    do_not_disturb: [{start: 9am, end: \"10:00\"}]\n",
        "4:30: users[0].do_not_disturb[0].start: \"9am\" is not a time of day");
    row("sql job naming an unknown connection",
        "version: 1\njobs:\n  - name: c\n    kind: sql\n    spec: {connection: nowhere, query: SELECT 1}\n",
        "5:24: jobs[0].spec.connection: unknown connection \"nowhere\"");
}

void TestApplyCli::malformedFileExitsTwoWithLocationAndChangesNothing()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    TempDatabase db;
    // A database with something in it, so that a stray write would show.
    QCOMPARE(apply(db, write("good.yaml", Declared)).exitCode, 0);
    const QStringList before = databaseContents(db.path());
    const QString path = write("bad.yaml", text);
    for (const char *options : {"", "--dry-run", "--prune"}) {
        const CliResult result = apply(db, path, options);
        QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
        QVERIFY2(result.out.isEmpty(), result.out.constData());
        const QStringList errors = outputLines(result.err);
        QVERIFY2(errors.size() >= 2, result.err.constData());
        QVERIFY2(errors.first().startsWith(path + u':' + error), result.err.constData());
        QVERIFY2(errors.last().endsWith(QLatin1String("; nothing was written")), result.err.constData());
        QCOMPARE(databaseContents(db.path()), before);
    }
}

void TestApplyCli::usageErrorsExitTwo()
{
    TempDatabase db;
    const QStringList before = databaseContents(db.path());
    CliResult result = cli(db, "apply");
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("-f FILE is required"), result.err.constData());
    result =
        cli(db, QStringList{QStringLiteral("apply"), QStringLiteral("-f"), m_dir->filePath(QStringLiteral("no.yaml"))});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("cannot read"), result.err.constData());
    result = cli(db, "export extra");
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("unexpected argument \"extra\""), result.err.constData());
    result = cli(db, QStringList{QStringLiteral("apply"), QStringLiteral("-f"), write("j.yaml", Declared),
                                 QStringLiteral("--db"),
                                 QStringLiteral("sqlite:") + m_dir->filePath(QStringLiteral("missing.db"))});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("there is no database"), result.err.constData());
    QCOMPARE(databaseContents(db.path()), before);
    for (const char *help : {"apply --help", "export --help"}) {
        result = runEngineCli(words(help));
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("Usage"));
    }
}

void TestApplyCli::fileCanComeFromStandardInput()
{
    TempDatabase db;
    CliResult result = runEngineCli(words("apply -f -") + QStringList{QStringLiteral("--db"), db.url()}, Declared);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY(result.out.contains("applied: 6 created"));
    result = runEngineCli(words("apply -f -") + QStringList{QStringLiteral("--db"), db.url()}, "version: 2\n");
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.startsWith("<stdin>:1:10: version: unsupported version 2"), result.err.constData());
}

void TestApplyCli::demoFileAppliesCleanly()
{
    TempDatabase db;
    const QString demo = QStringLiteral(VIGIA_DEMO_YAML);
    const CliResult result = apply(db, demo);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    const std::unique_ptr<Store> store = db.open();
    QCOMPARE(store->queue(QStringLiteral("reports"))->concurrency, 2);
    QVERIFY(store->jobs().size() >= 6);
    QCOMPARE(store->jobByName(QStringLiteral("demo-sync-orders"))->schedule.timeZone,
             QStringLiteral("America/Sao_Paulo"));
    QVERIFY(!store->jobByName(QStringLiteral("demo-business-hours-check"))->schedule.window.isUnrestricted());
    QCOMPARE(outputLines(apply(db, demo).out).constFirst().left(10), QStringLiteral("no changes"));
}

void TestApplyCli::serveDemoAppliesEmbeddedDemoFile()
{
    TempDatabase db;
    const QString demo = QStringLiteral(VIGIA_DEMO_YAML);
    {
        EngineServer server({QStringLiteral("--db"), db.url(), QStringLiteral("--quiet"), QStringLiteral("--demo")});
        QVERIFY(server.start());
        QTRY_VERIFY_WITH_TIMEOUT(db.open()->jobs().size() >= 6, 20000);
        // The demo's SQL check on the engine's own database runs and passes (every 10 s).
        const auto sqlCheckSucceeded = [&db] {
            RunFilter filter;
            filter.state = RunState::Succeeded;
            filter.limit = 1000;
            for (const Run &run : db.open()->runs(filter)) {
                if (run.kind == QLatin1String("sql"))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sqlCheckSucceeded(), 40000);
        QVERIFY(server.sendSignal(SIGTERM));
        QCOMPARE(server.waitForExit(30000), 0);
    }
    // What serve applied is exactly the demo file.
    const CliResult result = apply(db, demo);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.out.startsWith("no changes"), result.out.constData());
    const QStringList actions = auditActions(db);
    QVERIFY2(actions.contains(QStringLiteral("job.create job:demo-flaky")), qPrintable(actions.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestApplyCli)
#include "tst_applycli.moc"
