// `apply --prune` through the real vigia-engine binary: what the file no longer declares is deleted, only in the
// sections the file has (a key present, even as an empty list, means "exactly these"); nothing that stays loses what
// it uses; a queue with work is never deleted; the same on PostgreSQL.
#include "applyfixture.h"
#include "postgresserver.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QLoggingCategory>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

class TestApplyPruneCli : public QObject, private ApplyFiles {
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false")); }
    void init() { freshDirectory(); }

    void pruneDeletesUndeclaredQueuesAndJobsButKeepsRunsAndDefaultQueue();
    void pruneRefusesQueueWithWaitingRunsAndWritesNothing();
    void applyPruneAndExportWorkOnPostgres();
    void pruneLeavesSectionsTheFileDoesNotHave();
    void emptySectionMeansNoneOfThatKind();
    void pruneKeepsWhatStayingObjectsUse();
};

void TestApplyPruneCli::pruneDeletesUndeclaredQueuesAndJobsButKeepsRunsAndDefaultQueue()
{
    TempDatabase db;
    QCOMPARE(apply(db, write("jobs.yaml", Declared)).exitCode, 0);
    const qint64 flakyId = db.open()->jobByName(QStringLiteral("flaky"))->id;
    // A finished run of flaky, as the engine would have left it.
    QCOMPARE(sqliteExec(db.path(), QStringLiteral("INSERT INTO runs (queue, kind, payload, priority, state, attempt, "
                                                  "max_attempts, job_id, created_at, scheduled_at, finished_at) "
                                                  "VALUES ('quiet', 'fail', '{}', 2, 'succeeded', 3, 4, %1, 1, 1, 2)")
                                       .arg(flakyId)),
             QString());
    const CliResult result = apply(db, write("edited.yaml", Edited), "--prune");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out).last(), QStringLiteral("applied: 0 created, 3 updated, 2 deleted, 1 unchanged"));
    const std::unique_ptr<Store> store = db.open();
    QVERIFY(!store->queue(QStringLiteral("quiet")));
    QVERIFY(store->queue(QStringLiteral("default"))); // never pruned, though the file does not declare it
    QVERIFY(!store->jobByName(QStringLiteral("flaky")));
    QCOMPARE(store->jobs().size(), 3);
    // The run stays for the record, no longer linked to a job that is gone.
    const QVector<Run> runs = store->runs(RunFilter{});
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).jobId, 0);
    QCOMPARE(runs.at(0).state, RunState::Succeeded);
    const QStringList actions = auditActions(db);
    QVERIFY2(actions.contains(QStringLiteral("job.delete job:flaky")), qPrintable(actions.join(u'\n')));
    QVERIFY2(actions.contains(QStringLiteral("queue.delete queue:quiet")), qPrintable(actions.join(u'\n')));
    QCOMPARE(QJsonDocument::fromJson(store->auditLog(10).at(1).detail.toUtf8())
                 .object()
                 .value(QLatin1String("runs_unlinked"))
                 .toInt(),
             1);

    const CliResult again = apply(db, m_dir->filePath(QStringLiteral("edited.yaml")), "--prune");
    QCOMPARE(outputLines(again.out), QStringList{QStringLiteral("no changes (4 unchanged)")});
}

void TestApplyPruneCli::pruneRefusesQueueWithWaitingRunsAndWritesNothing()
{
    TempDatabase db;
    QCOMPARE(apply(db, write("jobs.yaml", Declared)).exitCode, 0);
    QVERIFY(enqueueRun(db.url(), words("--queue quiet --kind noop")) > 0);
    const QStringList before = databaseContents(db.path());
    const QString edited = write("edited.yaml", Edited);
    for (const char *options : {"--prune", "--prune --dry-run"}) {
        const CliResult result = apply(db, edited, options);
        QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
        QVERIFY2(result.out.isEmpty(), result.out.constData());
        QVERIFY2(result.err.contains("--prune cannot delete queue \"quiet\" (1 runs waiting or running, 0 dead runs"),
                 result.err.constData());
        QCOMPARE(databaseContents(db.path()), before); // not even the updates that were allowed
    }
    // Without --prune the queue stays and the rest applies.
    QCOMPARE(apply(db, edited).exitCode, 0);
}

void TestApplyPruneCli::applyPruneAndExportWorkOnPostgres()
{
    QString error;
    PostgresServer *server = PostgresServer::shared(&error);
    QVERIFY2(server, qPrintable(error));
    const QString database = server->createDatabase(&error);
    QVERIFY2(!database.isEmpty(), qPrintable(error));
    const QStringList db{QStringLiteral("--db"), server->url(database)};
    const auto run = [&db](const QStringList &args) { return runEngineCli(args + db); };

    CliResult result = run({QStringLiteral("apply"), QStringLiteral("-f"), write("jobs.yaml", Declared)});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out).last(), QStringLiteral("applied: 6 created, 0 updated, 0 deleted, 0 unchanged"));
    result = run({QStringLiteral("apply"), QStringLiteral("-f"), m_dir->filePath(QStringLiteral("jobs.yaml"))});
    QCOMPARE(outputLines(result.out), QStringList{QStringLiteral("no changes (6 unchanged)")});

    const QString edited = write("edited.yaml", Edited);
    result = run({QStringLiteral("apply"), QStringLiteral("-f"), edited, QStringLiteral("--prune"),
                  QStringLiteral("--dry-run")});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out).last(),
             QStringLiteral("dry run: would create 0, update 3, delete 2 (1 unchanged); nothing was written"));
    result = run({QStringLiteral("apply"), QStringLiteral("-f"), edited, QStringLiteral("--prune")});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out).last(), QStringLiteral("applied: 0 created, 3 updated, 2 deleted, 1 unchanged"));

    // What export writes applies back with no change, and recreates the same declarations in a SQLite database.
    const CliResult exported = run({QStringLiteral("export")});
    QVERIFY2(exported.exitCode == 0, qPrintable(describe(exported)));
    QVERIFY2(exported.out.contains("name: nightly-report"), exported.out.constData());
    QVERIFY(!exported.out.contains("name: flaky"));
    const QString path = write("exported.yaml", exported.out);
    result = run({QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--prune")});
    QCOMPARE(outputLines(result.out), QStringList{QStringLiteral("no changes (5 unchanged)")});
    TempDatabase copy;
    QCOMPARE(apply(copy, path).exitCode, 0);
    QCOMPARE(cli(copy, "export").out, exported.out);
    server->dropDatabase(database);
}

namespace {
// Something of every kind: two users, a queue, two jobs (one in the queue, one naming the policy), a schedule and a
// policy on it, a connection.
const char Everything[] = R"(version: 1
users:
  - {name: alice, role: admin}
  - {name: olga, role: operator}
queues:
  - {name: reports, concurrency: 2}
connections:
  - {name: lite, url: "sqlite:/srv/app.db"}
jobs:
  - {name: nightly-report, queue: reports, kind: noop}
  - {name: paging, kind: noop, escalation_policy: ops}
schedules:
  - name: primary
    layers: [{name: weekly, participants: [alice, olga], start: 2026-01-05}]
escalation_policies:
  - name: ops
    steps: [{targets: [{schedule: primary}]}]
)";
} // namespace

void TestApplyPruneCli::pruneLeavesSectionsTheFileDoesNotHave()
{
    TempDatabase db;
    CliResult result = apply(db, write("everything.yaml", Everything));
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    // A file of jobs only: --prune deletes the job it no longer lists, and nothing of any other kind (no users: key,
    // so alice stays admin).
    const QString jobsOnly = write("jobs-only.yaml", "version: 1\njobs:\n  - {name: paging, kind: noop, "
                                                     "escalation_policy: ops}\n");
    result = apply(db, jobsOnly, "--prune --dry-run");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out),
             QStringList({QStringLiteral("- job nightly-report"),
                          QStringLiteral("dry run: would create 0, update 0, delete 1 (1 unchanged); nothing was "
                                         "written")}));
    result = apply(db, jobsOnly, "--prune");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const std::unique_ptr<Store> store = db.open();
    QCOMPARE(store->users().size(), 2);
    QVERIFY(store->queue(QStringLiteral("reports")));
    QCOMPARE(store->connections().size(), 1);
    QCOMPARE(store->onCallSchedules().size(), 1);
    QCOMPARE(store->escalationPolicies().size(), 1);
    QCOMPARE(store->jobs().size(), 1);
    // A file of users only prunes users only.
    result = apply(db, write("alice.yaml", "version: 1\nusers:\n  - {name: alice, role: admin}\n"), "--prune");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out),
             QStringList({QStringLiteral("- user olga"),
                          QStringLiteral("applied: 0 created, 0 updated, 1 deleted, 1 unchanged")}));
    QCOMPARE(db.open()->jobs().size(), 1);
}

void TestApplyPruneCli::emptySectionMeansNoneOfThatKind()
{
    TempDatabase db;
    QCOMPARE(apply(db, write("everything.yaml", Everything)).exitCode, 0);
    CliResult result = apply(db, write("no-users.yaml", "version: 1\nusers: []\n"), "--prune");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out),
             QStringList({QStringLiteral("- user alice"), QStringLiteral("- user olga"),
                          QStringLiteral("applied: 0 created, 0 updated, 2 deleted, 0 unchanged")}));
    QVERIFY(db.open()->users().isEmpty());
    QCOMPARE(db.open()->jobs().size(), 2);
    // Empty sections of every kind, in the order that lets each go: nothing left but the default queue.
    result = apply(db,
                   write("nothing.yaml", "version: 1\nqueues: []\njobs: []\nconnections: []\nschedules: []\n"
                                         "escalation_policies: []\n"),
                   "--prune");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(outputLines(result.out).last(), QStringLiteral("applied: 0 created, 0 updated, 6 deleted, 0 unchanged"));
    const std::unique_ptr<Store> store = db.open();
    QCOMPARE(store->queues().size(), 1); // default
    QVERIFY(store->jobs().isEmpty() && store->connections().isEmpty() && store->onCallSchedules().isEmpty() &&
            store->escalationPolicies().isEmpty());
}

void TestApplyPruneCli::pruneKeepsWhatStayingObjectsUse()
{
    TempDatabase db;
    QCOMPARE(apply(db, write("everything.yaml", Everything)).exitCode, 0);
    const QStringList before = databaseContents(db.path());
    const struct {
        const char *file;
        const char *error;
    } cases[] = {
        {"version: 1\nqueues: []\n", "--prune cannot delete queue \"reports\": job \"nightly-report\", which this file "
                                     "does not declare, stays in it"},
        {"version: 1\nescalation_policies: []\n",
         "--prune cannot delete escalation policy \"ops\": job \"paging\", which this file does not declare, uses it"},
        {"version: 1\nschedules: []\n",
         "--prune cannot delete schedule \"primary\": escalation policy \"ops\", which this file does not declare, "
         "names it"},
    };
    for (const auto &c : cases) {
        const CliResult result = apply(db, write("partial.yaml", c.file), "--prune");
        QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
        QVERIFY2(result.err.contains(c.error), result.err.constData());
        QCOMPARE(databaseContents(db.path()), before);
    }
}

QTEST_GUILESS_MAIN(TestApplyPruneCli)
#include "tst_applyprunecli.moc"
