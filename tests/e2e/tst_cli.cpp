// The command-line contract of the real vigia-engine binary: help and version, exit codes, clear messages for bad
// input that leave the database untouched, the happy paths of every verb, and the dead-letter queue end to end.
#include "testsupport.h"

#include <QDir>
#include <QFile>
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

qint64 enqueue(const TempDatabase &db, const QStringList &args)
{
    return enqueueRun(db.url(), args);
}

QString stateOf(const TempDatabase &db, qint64 id)
{
    return showRun(db.url(), id).value(QLatin1String("state")).toString();
}

QList<qint64> idsOf(const QJsonArray &runs)
{
    QList<qint64> ids;
    for (const QJsonValue &run : runs)
        ids << run.toObject().value(QLatin1String("id")).toInteger();
    return ids;
}

QJsonObject queueNamed(const TempDatabase &db, const QString &name)
{
    for (const QJsonValue &queue : jsonArray(cli(db, "queues list --json"))) {
        if (queue.toObject().value(QLatin1String("name")).toString() == name)
            return queue.toObject();
    }
    return {};
}

QStringList serveArgs(const TempDatabase &db)
{
    return {QStringLiteral("--db"), db.url(), QStringLiteral("--quiet"), QStringLiteral("--poll-ms"),
            QStringLiteral("50")};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void helpWorksOnEveryVerb_data();
    void helpWorksOnEveryVerb();
    void versionPrintsProgramVersion();
    void missingVerbIsBadUsage();
    void unknownVerbIsBadUsage();

    void badInputExitsTwoNamesProblemAndChangesNothing_data();
    void badInputExitsTwoNamesProblemAndChangesNothing();
    void newerSchemaIsRefusedAndLeftAlone_data();
    void newerSchemaIsRefusedAndLeftAlone();
    void unusableDatabaseIsRuntimeFailure_data();
    void unusableDatabaseIsRuntimeFailure();

    void enqueuePrintsIdOfRunWithGivenOptions();
    void duplicateUniqueKeyIsReportedAndPrintsExistingId();
    void runsListJsonCarriesRunFieldsAndFilters();
    void runsShowJsonIncludesAttempts();
    void queueCommandsChangeWhatQueuesListReports();
    void cancelMakesQueuedRunCancelled();
    void migrateTwiceReportsSchemaCurrent();

    void deadRunIsListedAndReplayIsLinkedNewRun();
    void replayRestartsAttemptCountSoFailTimesFailsAgain();
    void discardRemovesRunFromDlqButKeepsIt();
};

void TestCli::initTestCase()
{
    // TempDatabase migrates in this process; its progress messages would only bury the test output.
    QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false"));
    QVERIFY2(QFileInfo(engineBinary()).isExecutable(), qPrintable(engineBinary()));
}

void TestCli::helpWorksOnEveryVerb_data()
{
    QTest::addColumn<QStringList>("args");
    for (const char *line :
         {"--help", "help", "serve --help", "migrate --help", "enqueue --help", "runs --help", "runs list --help",
          "runs show --help", "runs cancel --help", "dlq --help", "dlq list --help", "dlq replay --help",
          "dlq discard --help", "queues --help", "queues list --help", "queues add --help", "queues pause --help",
          "queues resume --help", "queues set --help"})
        QTest::newRow(line) << words(line);
}

void TestCli::helpWorksOnEveryVerb()
{
    QFETCH(QStringList, args);
    const CliResult result = runEngineCli(args);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.out.contains("Usage"), result.out.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
}

void TestCli::versionPrintsProgramVersion()
{
    const CliResult result = runEngineCli({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("vigia-engine " VIGIA_VERSION "\n"));
}

void TestCli::missingVerbIsBadUsage()
{
    const CliResult result = runEngineCli({});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("Usage"), result.err.constData());
}

void TestCli::unknownVerbIsBadUsage()
{
    const CliResult result = runEngineCli({QStringLiteral("frobnicate")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("unknown verb \"frobnicate\""), result.err.constData());
}

void TestCli::badInputExitsTwoNamesProblemAndChangesNothing_data()
{
    // %QUEUED% is an available run, %CANCELLED% a cancelled one, %MISSING% an id no run has, %DB% the database.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    auto add = [](const char *name, const char *line, const char *message) {
        QTest::newRow(name) << words(line) << QString::fromUtf8(message);
    };
    add("enqueue payload not JSON", "enqueue --kind noop --payload {oops", "payload is not valid JSON");
    add("enqueue payload an array", "enqueue --kind noop --payload [1,2]", "payload must be a JSON object");
    add("enqueue unknown kind", "enqueue --kind teleport", "unknown kind \"teleport\"");
    add("enqueue missing kind", "enqueue --payload {}", "--kind is required");
    add("enqueue kind without value", "enqueue --db %DB% --kind", "Missing value after '--kind'");
    add("enqueue unknown queue", "enqueue --queue nowhere --kind noop", "unknown queue \"nowhere\"");
    add("enqueue empty queue name", "enqueue --queue \"\" --kind noop", "queue name is empty");
    add("enqueue bad priority", "enqueue --kind noop --priority urgent", "--priority: \"urgent\"");
    add("enqueue run-at not a date", "enqueue --kind noop --run-at tomorrow", "ISO 8601");
    add("enqueue run-at impossible date", "enqueue --kind noop --run-at 2026-13-45T99:00:00Z", "ISO 8601");
    add("enqueue max-attempts 0", "enqueue --kind noop --max-attempts 0", "--max-attempts: \"0\"");
    add("enqueue max-attempts -1", "enqueue --kind noop --max-attempts -1", "--max-attempts: \"-1\"");
    add("enqueue max-attempts abc", "enqueue --kind noop --max-attempts abc", "--max-attempts: \"abc\"");
    add("enqueue max-attempts 1001", "enqueue --kind noop --max-attempts 1001", "--max-attempts: \"1001\"");
    add("enqueue timeout 0", "enqueue --kind noop --timeout 0", "--timeout: \"0\"");
    add("enqueue sleep negative ms", "enqueue --kind sleep --payload {\"ms\":-5}", "\"ms\" must be a non-negative");
    add("enqueue sleep fractional ms", "enqueue --kind sleep --payload {\"ms\":1.5}", "\"ms\" must be");
    add("enqueue sleep without ms", "enqueue --kind sleep", "\"ms\" must be");
    add("enqueue fail negative times", "enqueue --kind fail --payload {\"times\":-1}", "\"times\" must be");
    add("enqueue stray argument", "enqueue extra --kind noop", "unexpected argument \"extra\"");
    add("enqueue unknown option", "enqueue --kind noop --colour red", "Unknown option 'colour'");
    add("runs without subverb", "runs", "expected list, show or cancel");
    add("runs unknown subverb", "runs purge", "expected list, show or cancel, not \"purge\"");
    add("runs list bogus state", "runs list --state bogus", "unknown state \"bogus\"");
    add("runs list unknown queue", "runs list --queue nowhere", "unknown queue \"nowhere\"");
    add("runs list limit 0", "runs list --limit 0", "--limit: \"0\"");
    add("runs list unknown option", "runs list --frobnicate", "Unknown option 'frobnicate'");
    add("runs show missing id", "runs show %MISSING%", "no run with id");
    add("runs show non-numeric id", "runs show abc", "\"abc\" is not a run id");
    add("runs show zero id", "runs show 0", "\"0\" is not a run id");
    add("runs show without id", "runs show", "missing arguments");
    add("runs cancel missing id", "runs cancel %MISSING%", "no run with id");
    add("runs cancel finished run", "runs cancel %CANCELLED%", "already cancelled");
    add("dlq unknown subverb", "dlq purge", "expected list, replay or discard");
    add("dlq list unknown queue", "dlq list --queue nowhere", "unknown queue \"nowhere\"");
    add("dlq replay queued run", "dlq replay %QUEUED%", "not dead");
    add("dlq replay cancelled run", "dlq replay %CANCELLED%", "not dead");
    add("dlq replay missing id", "dlq replay %MISSING%", "no run with id");
    add("dlq replay id and all", "dlq replay %QUEUED% --all", "either a run id or --all");
    add("dlq replay neither id nor all", "dlq replay", "either a run id or --all");
    add("dlq replay id with queue", "dlq replay %QUEUED% --queue default", "--queue goes with --all");
    add("dlq replay all unknown queue", "dlq replay --all --queue nowhere", "unknown queue \"nowhere\"");
    add("dlq discard missing id", "dlq discard %MISSING%", "no run with id");
    add("dlq discard queued run", "dlq discard %QUEUED%", "not dead");
    add("queues unknown subverb", "queues drop default", "expected list, add, pause, resume or set");
    add("queues add empty name", "queues add \"\"", "1 to 100 characters");
    add("queues add concurrency 0", "queues add extra --concurrency 0", "--concurrency: \"0\"");
    add("queues pause unknown queue", "queues pause nowhere", "unknown queue \"nowhere\"");
    add("queues resume unknown queue", "queues resume nowhere", "unknown queue \"nowhere\"");
    add("queues set concurrency 0", "queues set default --concurrency 0", "--concurrency: \"0\"");
    add("queues set concurrency abc", "queues set default --concurrency abc", "--concurrency: \"abc\"");
    add("queues set without concurrency", "queues set default", "nothing to change");
    add("queues set unknown queue", "queues set nowhere --concurrency 3", "unknown queue \"nowhere\"");
    add("serve concurrency 0", "serve --concurrency 0", "--concurrency: \"0\"");
    add("serve lease abc", "serve --lease abc", "--lease: \"abc\"");
    add("serve poll-ms too small", "serve --poll-ms 1", "--poll-ms: \"1\"");
    add("serve drain negative", "serve --drain -1", "--drain: \"-1\"");
    add("serve stray argument", "serve now", "unexpected argument \"now\"");
    add("migrate stray argument", "migrate now", "unexpected argument \"now\"");
    add("db url of unknown scheme", "runs list --db mysql://x", "unknown database URL \"mysql://x\"");
    add("db url without file", "queues list --db sqlite:", "names no file");
    add("db url with password", "migrate --db postgresql://ops:secret@db.invalid/vigia", "must not contain a password");
}

void TestCli::badInputExitsTwoNamesProblemAndChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);

    TempDatabase db;
    qint64 queued = 0;
    qint64 cancelled = 0;
    {
        // Seeded through the store: a second queue, queued runs and a cancelled one, with their audit rows.
        const std::unique_ptr<Store> store = db.open();
        const Actor seeder{QStringLiteral("seeder")};
        store->ensureQueue({QStringLiteral("reports"), 2, false}, seeder, 1'700'000'000'000);
        NewRun noop;
        noop.kind = QStringLiteral("noop");
        NewRun sleep;
        sleep.queue = QStringLiteral("reports");
        sleep.kind = QStringLiteral("sleep");
        sleep.payload = QByteArrayLiteral("{\"ms\":10}");
        sleep.uniqueKey = QStringLiteral("nightly");
        const QVector<EnqueueResult> ids = store->enqueue({noop, sleep, noop}, 1'700'000'000'000);
        queued = ids.at(0).id;
        cancelled = ids.at(2).id;
        store->cancel(cancelled, seeder, 1'700'000'000'100);
    }
    for (QString &arg : args) {
        arg.replace(QLatin1String("%QUEUED%"), QString::number(queued));
        arg.replace(QLatin1String("%CANCELLED%"), QString::number(cancelled));
        arg.replace(QLatin1String("%MISSING%"), QStringLiteral("999999"));
        arg.replace(QLatin1String("%DB%"), db.url());
    }

    // Compared by contents, not file bytes: see databaseContents().
    const QStringList before = databaseContents(db.path());
    QVERIFY(before.size() > 5);
    const CliResult result = cli(db, args);
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY2(result.err.startsWith("vigia-engine: "), result.err.constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QCOMPARE(databaseContents(db.path()), before);
}

void TestCli::newerSchemaIsRefusedAndLeftAlone_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("runs list") << words("runs list");
    QTest::newRow("enqueue") << words("enqueue --kind noop");
    QTest::newRow("queues pause") << words("queues pause default");
    QTest::newRow("migrate") << words("migrate");
    QTest::newRow("serve") << words("serve --quiet");
}

void TestCli::newerSchemaIsRefusedAndLeftAlone()
{
    QFETCH(QStringList, args);
    TempDatabase db;
    QCOMPARE(sqliteExec(db.path(), QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) "
                                                  "VALUES (999, 'from a future Vigia', 0)")),
             QString());
    const QStringList before = databaseContents(db.path());
    const CliResult result = cli(db, args);
    QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
    QVERIFY2(result.err.contains("newer"), result.err.constData());
    QVERIFY2(result.err.contains("999"), result.err.constData());
    QCOMPARE(databaseContents(db.path()), before);
}

void TestCli::unusableDatabaseIsRuntimeFailure_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("createsMissing"); // only serve and migrate create a database that is not there
    QTest::newRow("runs list") << words("runs list") << false;
    QTest::newRow("enqueue") << words("enqueue --kind noop") << false;
    QTest::newRow("migrate") << words("migrate") << true;
    QTest::newRow("serve") << words("serve --quiet") << true;
}

void TestCli::unusableDatabaseIsRuntimeFailure()
{
    // Not the operator's input but the environment: exit code 1, and a file that is no database stays as it was.
    QFETCH(QStringList, args);
    QFETCH(bool, createsMissing);
    QTemporaryDir dir;
    const QString junk = dir.filePath(QStringLiteral("notes.db"));
    QFile file(junk);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const QByteArray digest = fileDigest(junk);

    CliResult result = runEngineCli(args + QStringList{QStringLiteral("--db"), QStringLiteral("sqlite:") + junk});
    QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
    QVERIFY2(result.err.contains("file is not a database"), result.err.constData());
    QCOMPARE(fileDigest(junk), digest);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("notes.db")});

    result = runEngineCli(args + QStringList{QStringLiteral("--db"), QStringLiteral("sqlite:/dev/null/vigia.db")});
    if (createsMissing) {
        QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
        QVERIFY2(result.err.contains("cannot create the directory /dev/null"), result.err.constData());
    } else {
        // A missing file is most likely a typo in --db: reported, and nothing is created.
        QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
        QVERIFY2(result.err.contains("there is no database at /dev/null/vigia.db"), result.err.constData());
        const QString typo = dir.filePath(QStringLiteral("typo/vigia.db"));
        result = runEngineCli(args + QStringList{QStringLiteral("--db"), QStringLiteral("sqlite:") + typo});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("typo"))));
    }
}

void TestCli::enqueuePrintsIdOfRunWithGivenOptions()
{
    TempDatabase db;
    QCOMPARE(cli(db, "queues add reports").exitCode, 0);
    const CliResult result = cli(db, "enqueue --queue reports --kind sleep --payload {\"ms\":5} --priority high "
                                     "--max-attempts 2 --timeout 7 --run-at 2099-01-01T00:00:00-03:00");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(QByteArray(result.out).trimmed().toLongLong() > 0, result.out.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());

    const QJsonObject run = showRun(db.url(), result.out.trimmed().toLongLong());
    QCOMPARE(run.value(QLatin1String("queue")).toString(), QStringLiteral("reports"));
    QCOMPARE(run.value(QLatin1String("kind")).toString(), QStringLiteral("sleep"));
    QCOMPARE(run.value(QLatin1String("payload")).toObject(), QJsonObject({{QStringLiteral("ms"), 5}}));
    QCOMPARE(run.value(QLatin1String("priority")).toString(), QStringLiteral("high"));
    QCOMPARE(run.value(QLatin1String("max_attempts")).toInt(), 2);
    QCOMPARE(run.value(QLatin1String("timeout_ms")).toInteger(), 7000);
    QCOMPARE(run.value(QLatin1String("attempt")).toInt(), 0);
    // Not due before --run-at, which is read with its UTC offset.
    QCOMPARE(run.value(QLatin1String("state")).toString(), QStringLiteral("scheduled"));
    QCOMPARE(run.value(QLatin1String("scheduled_at")).toString(), QStringLiteral("2099-01-01T03:00:00.000Z"));

    const qint64 plain = enqueue(db, words("--kind noop"));
    const QJsonObject defaults = showRun(db.url(), plain);
    QCOMPARE(defaults.value(QLatin1String("queue")).toString(), QStringLiteral("default"));
    QCOMPARE(defaults.value(QLatin1String("state")).toString(), QStringLiteral("available"));
    QCOMPARE(defaults.value(QLatin1String("priority")).toString(), QStringLiteral("normal"));
    QCOMPARE(defaults.value(QLatin1String("max_attempts")).toInt(), 4);
    QCOMPARE(defaults.value(QLatin1String("payload")).toObject(), QJsonObject());
}

void TestCli::duplicateUniqueKeyIsReportedAndPrintsExistingId()
{
    TempDatabase db;
    const qint64 first = enqueue(db, words("--kind noop --unique-key report-2026-11-22"));
    QVERIFY(first > 0);
    const CliResult again = cli(db, "enqueue --kind noop --unique-key report-2026-11-22");
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QCOMPARE(again.out.trimmed().toLongLong(), first);
    QVERIFY2(again.err.contains("unique key \"report-2026-11-22\" exists already"), again.err.constData());
    QCOMPARE(jsonArray(cli(db, "runs list --json")).size(), 1);
}

void TestCli::runsListJsonCarriesRunFieldsAndFilters()
{
    TempDatabase db;
    QCOMPARE(jsonArray(cli(db, "runs list --json")), QJsonArray());
    QCOMPARE(cli(db, "queues add reports").exitCode, 0);
    const qint64 a = enqueue(db, words("--kind noop"));
    const qint64 b = enqueue(db, words("--kind sleep --payload {\"ms\":1} --queue reports"));
    const qint64 c = enqueue(db, words("--kind noop --run-at 2099-01-01T00:00:00Z"));

    const CliResult all = cli(db, "runs list --json");
    QVERIFY2(all.exitCode == 0, qPrintable(describe(all)));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(all.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isArray());
    QCOMPARE(idsOf(document.array()), (QList<qint64>{c, b, a})); // newest first
    for (const QJsonValue &value : document.array()) {
        const QJsonObject run = value.toObject();
        for (const char *key : {"id", "queue", "kind", "state", "attempt", "max_attempts", "priority", "payload",
                                "created_at", "scheduled_at", "rescue_count", "replay_of", "dlq_handling"})
            QVERIFY2(run.contains(QLatin1String(key)), key);
    }
    const QJsonObject second = document.array().at(1).toObject();
    QCOMPARE(second.value(QLatin1String("queue")).toString(), QStringLiteral("reports"));
    QCOMPARE(second.value(QLatin1String("kind")).toString(), QStringLiteral("sleep"));
    QCOMPARE(second.value(QLatin1String("state")).toString(), QStringLiteral("available"));
    QCOMPARE(second.value(QLatin1String("attempt")).toInt(), 0);
    QCOMPARE(second.value(QLatin1String("max_attempts")).toInt(), 4);

    QCOMPARE(idsOf(jsonArray(cli(db, "runs list --json --state scheduled"))), QList<qint64>{c});
    QCOMPARE(idsOf(jsonArray(cli(db, "runs list --json --queue reports"))), QList<qint64>{b});
    QCOMPARE(idsOf(jsonArray(cli(db, "runs list --json --limit 2"))), (QList<qint64>{c, b}));
    QCOMPARE(jsonArray(cli(db, "runs list --json --state dead")), QJsonArray());

    // Without --json: a table with a header and one line per run.
    const CliResult table = cli(db, "runs list");
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.startsWith("ID "), table.out.constData());
    QCOMPARE(table.out.count('\n'), 4);
}

void TestCli::runsShowJsonIncludesAttempts()
{
    TempDatabase db;
    const qint64 id = enqueue(db, words("--kind noop --unique-key once"));
    const CliResult shown = cli(
        db, QStringList{QStringLiteral("runs"), QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
    QVERIFY2(shown.exitCode == 0, qPrintable(describe(shown)));
    const QJsonObject run = QJsonDocument::fromJson(shown.out).object();
    QCOMPARE(run.value(QLatin1String("id")).toInteger(), id);
    QCOMPARE(run.value(QLatin1String("unique_key")).toString(), QStringLiteral("once"));
    QVERIFY(run.value(QLatin1String("attempts")).isArray());
    QCOMPARE(run.value(QLatin1String("attempts")).toArray().size(), 0);

    // Once it ran, its attempt is there, with node and outcome.
    EngineServer server(serveArgs(db) << QStringLiteral("--node") << QStringLiteral("cli-node"));
    QVERIFY(server.start());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, id), QStringLiteral("succeeded"), 20000);
    const QJsonArray attempts = showRun(db.url(), id).value(QLatin1String("attempts")).toArray();
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.at(0).toObject().value(QLatin1String("attempt")).toInt(), 1);
    QCOMPARE(attempts.at(0).toObject().value(QLatin1String("node")).toString(), QStringLiteral("cli-node"));
    QCOMPARE(attempts.at(0).toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
    QVERIFY(server.sendSignal(SIGTERM));
    QCOMPARE(server.waitForExit(30000), 0);

    // The table form shows the same run.
    const CliResult table = cli(db, QStringList{QStringLiteral("runs"), QStringLiteral("show"), QString::number(id)});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("succeeded") && table.out.contains("cli-node"), table.out.constData());
}

void TestCli::queueCommandsChangeWhatQueuesListReports()
{
    TempDatabase db;
    QCOMPARE(queueNamed(db, QStringLiteral("default")).value(QLatin1String("concurrency")).toInt(), 10);
    QVERIFY(queueNamed(db, QStringLiteral("reports")).isEmpty());

    QCOMPARE(cli(db, "queues add reports --concurrency 3").exitCode, 0);
    QJsonObject reports = queueNamed(db, QStringLiteral("reports"));
    QCOMPARE(reports.value(QLatin1String("concurrency")).toInt(), 3);
    QCOMPARE(reports.value(QLatin1String("paused")).toBool(), false);
    QCOMPARE(reports.value(QLatin1String("available")).toInt(), 0);

    QCOMPARE(cli(db, "queues pause reports").exitCode, 0);
    QCOMPARE(queueNamed(db, QStringLiteral("reports")).value(QLatin1String("paused")).toBool(), true);
    QCOMPARE(cli(db, "queues set reports --concurrency 5").exitCode, 0);
    QCOMPARE(queueNamed(db, QStringLiteral("reports")).value(QLatin1String("concurrency")).toInt(), 5);
    // Adding a queue that exists changes nothing.
    QCOMPARE(cli(db, "queues add reports --concurrency 9").exitCode, 0);
    QCOMPARE(queueNamed(db, QStringLiteral("reports")).value(QLatin1String("concurrency")).toInt(), 5);
    QCOMPARE(cli(db, "queues resume reports").exitCode, 0);
    reports = queueNamed(db, QStringLiteral("reports"));
    QCOMPARE(reports.value(QLatin1String("paused")).toBool(), false);
    QCOMPARE(reports.value(QLatin1String("concurrency")).toInt(), 5);

    QVERIFY(enqueue(db, words("--queue reports --kind noop")) > 0);
    QCOMPARE(queueNamed(db, QStringLiteral("reports")).value(QLatin1String("available")).toInt(), 1);
    QCOMPARE(jsonArray(cli(db, "queues list --json")).size(), 2);
    const CliResult table = cli(db, "queues list");
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("reports") && table.out.contains("active"), table.out.constData());
}

void TestCli::cancelMakesQueuedRunCancelled()
{
    TempDatabase db;
    const qint64 id = enqueue(db, words("--kind noop"));
    const qint64 other = enqueue(db, words("--kind noop"));
    const CliResult result =
        cli(db, QStringList{QStringLiteral("runs"), QStringLiteral("cancel"), QString::number(id)});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.out.contains("cancelled"), result.out.constData());
    const QJsonObject run = showRun(db.url(), id);
    QCOMPARE(run.value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
    QVERIFY(run.value(QLatin1String("error")).toString().startsWith(QLatin1String("cancelled by")));
    QCOMPARE(stateOf(db, other), QStringLiteral("available"));
}

void TestCli::migrateTwiceReportsSchemaCurrent()
{
    QTemporaryDir dir;
    const QString url = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("sub/new.db"));
    const CliResult first = runEngineCli({QStringLiteral("migrate"), QStringLiteral("--db"), url});
    QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
    QVERIFY2(first.out.startsWith("schema migrated from version 0 to "), first.out.constData());
    const CliResult second = runEngineCli({QStringLiteral("migrate"), QStringLiteral("--db"), url});
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QVERIFY2(second.out.startsWith("schema is current (version "), second.out.constData());
}

void TestCli::deadRunIsListedAndReplayIsLinkedNewRun()
{
    TempDatabase db;
    const qint64 dead = enqueue(db, words("--kind fail --payload {\"message\":\"downstream_down\"} --max-attempts 1"));
    QVERIFY(dead > 0);
    {
        EngineServer server(serveArgs(db));
        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, dead), QStringLiteral("dead"), 20000);
        QVERIFY(server.sendSignal(SIGTERM));
        QCOMPARE(server.waitForExit(30000), 0);
    }
    const QJsonObject deadRun = showRun(db.url(), dead);
    QCOMPARE(deadRun.value(QLatin1String("error")).toString(), QStringLiteral("downstream_down"));
    const QJsonArray attempts = deadRun.value(QLatin1String("attempts")).toArray();
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.at(0).toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));

    const CliResult listed = cli(db, "dlq list --json");
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    QCOMPARE(idsOf(jsonArray(listed)), QList<qint64>{dead});
    QCOMPARE(jsonArray(listed).at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("dead"));

    const CliResult replayed =
        cli(db, QStringList{QStringLiteral("dlq"), QStringLiteral("replay"), QString::number(dead)});
    QVERIFY2(replayed.exitCode == 0, qPrintable(describe(replayed)));
    const qint64 replay = replayed.out.trimmed().toLongLong();
    QVERIFY(replay > dead);
    const QJsonObject replayRun = showRun(db.url(), replay);
    QCOMPARE(replayRun.value(QLatin1String("replay_of")).toInteger(), dead);
    QCOMPARE(replayRun.value(QLatin1String("state")).toString(), QStringLiteral("available"));
    QCOMPARE(replayRun.value(QLatin1String("kind")).toString(), QStringLiteral("fail"));
    QCOMPARE(replayRun.value(QLatin1String("payload")), deadRun.value(QLatin1String("payload")));
    QCOMPARE(replayRun.value(QLatin1String("max_attempts")).toInt(), 1);
    QCOMPARE(replayRun.value(QLatin1String("attempt")).toInt(), 0);

    // The dead run stays for the record, handled, and leaves the DLQ; it cannot be replayed twice.
    const QJsonObject original = showRun(db.url(), dead);
    QCOMPARE(original.value(QLatin1String("state")).toString(), QStringLiteral("dead"));
    QCOMPARE(original.value(QLatin1String("dlq_handling")).toString(), QStringLiteral("replayed"));
    QCOMPARE(jsonArray(cli(db, "dlq list --json")), QJsonArray());
    const QStringList before = databaseContents(db.path());
    const CliResult twice =
        cli(db, QStringList{QStringLiteral("dlq"), QStringLiteral("replay"), QString::number(dead)});
    QCOMPARE(twice.exitCode, 2);
    QVERIFY2(twice.err.contains("already replayed"), twice.err.constData());
    QCOMPARE(databaseContents(db.path()), before);
}

void TestCli::replayRestartsAttemptCountSoFailTimesFailsAgain()
{
    // `fail {"times":1}` fails a run's first attempt. A replay is a new run whose attempts count from 1 and which
    // copies max_attempts (1), so its first attempt fails as well: with the built-in kinds a DLQ replay of a `fail`
    // run cannot succeed. (A replay that succeeds, after a death by a crashed node, is in tst_crashrecovery.)
    TempDatabase db;
    const qint64 dead = enqueue(db, words("--kind fail --payload {\"times\":1} --max-attempts 1"));
    EngineServer server(serveArgs(db));
    QVERIFY(server.start());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, dead), QStringLiteral("dead"), 20000);

    const CliResult replayed = cli(db, "dlq replay --all");
    QVERIFY2(replayed.exitCode == 0, qPrintable(describe(replayed)));
    QVERIFY2(replayed.out.contains("replayed 1 dead run"), replayed.out.constData());
    const QList<qint64> runs = idsOf(jsonArray(cli(db, "runs list --json")));
    QCOMPARE(runs.size(), 2);
    const qint64 replay = runs.first();
    QCOMPARE(showRun(db.url(), replay).value(QLatin1String("replay_of")).toInteger(), dead);

    QTRY_COMPARE_WITH_TIMEOUT(stateOf(db, replay), QStringLiteral("dead"), 20000);
    const QJsonObject run = showRun(db.url(), replay);
    QCOMPARE(run.value(QLatin1String("attempt")).toInt(), 1);
    const QJsonArray attempts = run.value(QLatin1String("attempts")).toArray();
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.at(0).toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(idsOf(jsonArray(cli(db, "dlq list --json"))), QList<qint64>{replay});
    QVERIFY(server.sendSignal(SIGTERM));
    QCOMPARE(server.waitForExit(30000), 0);
}

void TestCli::discardRemovesRunFromDlqButKeepsIt()
{
    TempDatabase db;
    const qint64 kept = enqueue(db, words("--kind fail --max-attempts 1"));
    const qint64 discarded = enqueue(db, words("--kind fail --max-attempts 1"));
    {
        EngineServer server(serveArgs(db));
        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(idsOf(jsonArray(cli(db, "dlq list --json"))), (QList<qint64>{discarded, kept}),
                                  20000);
        QVERIFY(server.sendSignal(SIGTERM));
        QCOMPARE(server.waitForExit(30000), 0);
    }
    const CliResult result =
        cli(db, QStringList{QStringLiteral("dlq"), QStringLiteral("discard"), QString::number(discarded)});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.out.contains("discarded"), result.out.constData());
    QCOMPARE(idsOf(jsonArray(cli(db, "dlq list --json"))), QList<qint64>{kept});

    const QJsonObject run = showRun(db.url(), discarded);
    QCOMPARE(run.value(QLatin1String("state")).toString(), QStringLiteral("dead"));
    QCOMPARE(run.value(QLatin1String("dlq_handling")).toString(), QStringLiteral("discarded"));
    QCOMPARE(run.value(QLatin1String("attempts")).toArray().size(), 1);
    QCOMPARE(queueNamed(db, QStringLiteral("default")).value(QLatin1String("dead")).toInt(), 1);

    // A handled run is neither discarded twice nor replayed.
    const QStringList before = databaseContents(db.path());
    for (const char *verb : {"discard", "replay"}) {
        const CliResult again =
            cli(db, QStringList{QStringLiteral("dlq"), QString::fromLatin1(verb), QString::number(discarded)});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("already discarded"), again.err.constData());
    }
    QCOMPARE(databaseContents(db.path()), before);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
