// Jobs as code in process: valid files become the declarations they say, the writer's output reads back to the same
// declarations, and every malformed file is rejected with each problem located as file:line:column: path: message.
// On-call sections: tst_configparser_oncall; connections and users: tst_configparser_connections.
#include "config/configwriter.h"
#include "configparsertesthelpers.h"

#include <QFile>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {

const char FullExample[] = R"(version: 1
queues:
  - name: reports
    concurrency: 2
    paused: false
jobs:
  - name: nightly-report
    queue: reports
    kind: sleep
    spec: {ms: 500}
    priority: high
    timeout: 5m
    retry: {max_attempts: 6, base: 30s, factor: 1.5, max: 2h, jitter: equal}
    schedule:
      cron: "*/5   8-19 * * MON-FRI"
      time_zone: America/Sao_Paulo
      window: {start: "08:00", end: "19:59", days: [mon, tue, wed, thu, fri]}
      misfire: run-all
      jitter: 30s
      run_on_start: true
      paused: true
      postpone_until: 2026-12-01T00:00:00-03:00
  - name: heartbeat
    kind: noop
    schedule:
      every: 1h30m
      anchor: 2026-01-01T00:00:00.250Z
      window: {days: [saturday, Sun]}
  - name: flaky
    kind: fail
    spec: {times: 2, message: "upstream returned 503", tags: [a, "1", 2, true, null], nested: {x: 1.25}}
    retry: {max_attempts: 4, base: 2s}
  - name: on-demand
    queue: default
    kind: sleep
    spec:
      ms: 0
    timeout: 45
)";

} // namespace

class TestConfigParser : public QObject {
    Q_OBJECT

private slots:
    void fullExampleParsesToItsDeclarations();
    void omittedFieldsTakeTheirDefaults();
    void validFileRoundTripsThroughTheWriter_data();
    void validFileRoundTripsThroughTheWriter();
    void writerQuotesStringsThatWouldReadAsOtherTypes();
    void demoFileIsValid();
    void malformedFileIsRejectedWithLocation_data();
    void malformedFileIsRejectedWithLocation();
    void everyErrorIsReportedInFileOrder();
    void jobMayUseQueueThatExistsOnlyInDatabase();
    void pruneRequiresJobQueuesToBeDeclared();
    void durationSpellings_data();
    void durationSpellings();
};

void TestConfigParser::fullExampleParsesToItsDeclarations()
{
    const ConfigParseResult result = parse(FullExample);
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    const Declarations &d = result.declarations;
    QCOMPARE(d.queues.size(), 1);
    QCOMPARE(d.queues.at(0).name, QStringLiteral("reports"));
    QCOMPARE(d.queues.at(0).concurrency, 2);
    QCOMPARE(d.jobs.size(), 4);

    const JobDef &report = d.jobs.at(0);
    QCOMPARE(report.name, QStringLiteral("nightly-report"));
    QCOMPARE(report.queue, QStringLiteral("reports"));
    QCOMPARE(report.kind, QStringLiteral("sleep"));
    QCOMPARE(report.payload, QByteArray(R"({"ms":500})"));
    QCOMPARE(report.priority, Priority::High);
    QCOMPARE(report.timeoutMs, 300'000);
    QCOMPARE(report.maxAttempts, 6);
    QCOMPARE(report.retry.baseMs, 30'000);
    QCOMPARE(report.retry.factor, 1.5);
    QCOMPARE(report.retry.maxMs, 7'200'000);
    QCOMPARE(report.retry.jitter, RetryPolicy::Jitter::Equal);
    const Schedule &s = report.schedule;
    QCOMPARE(s.kind, Schedule::Kind::Cron);
    QCOMPARE(s.cron, QStringLiteral("*/5 8-19 * * MON-FRI")); // white space normalised
    QCOMPARE(s.timeZone, QStringLiteral("America/Sao_Paulo"));
    QCOMPARE(s.window.startMinute, 8 * 60);
    QCOMPARE(s.window.endMinute, 19 * 60 + 59);
    QCOMPARE(s.window.weekdays, quint8(0x1F));
    QCOMPARE(s.misfire, MisfirePolicy::RunAll);
    QCOMPARE(s.jitterMs, 30'000);
    QVERIFY(s.runOnStart);
    QVERIFY(s.paused);
    QCOMPARE(s.postponeUntil,
             QDateTime::fromString(QStringLiteral("2026-12-01T03:00:00Z"), Qt::ISODate).toMSecsSinceEpoch());

    const JobDef &heartbeat = d.jobs.at(1);
    QCOMPARE(heartbeat.queue, QStringLiteral("default"));
    QCOMPARE(heartbeat.payload, QByteArray("{}"));
    QCOMPARE(heartbeat.schedule.kind, Schedule::Kind::Interval);
    QCOMPARE(heartbeat.schedule.intervalMs, 90 * 60'000);
    QCOMPARE(heartbeat.schedule.anchorAt,
             QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00.250Z"), Qt::ISODateWithMs).toMSecsSinceEpoch());
    QCOMPARE(heartbeat.schedule.window.weekdays, quint8(0x60));
    QVERIFY(!heartbeat.schedule.window.hasTimeOfDay());

    // Unquoted scalars in a spec are typed as YAML 1.2 reads them; quoted ones stay strings. Keys come out sorted.
    QCOMPARE(d.jobs.at(2).payload, QByteArray(R"({"message":"upstream returned 503","nested":{"x":1.25},)"
                                              R"("tags":["a","1",2,true,null],"times":2})"));
    QCOMPARE(d.jobs.at(3).timeoutMs, 45'000); // a plain number is seconds
}

void TestConfigParser::omittedFieldsTakeTheirDefaults()
{
    const ConfigParseResult result = parse("version: 1\njobs:\n  - name: a\n    kind: noop\n");
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    JobDef expected;
    expected.name = QStringLiteral("a");
    expected.kind = QStringLiteral("noop");
    QCOMPARE(dump(result.declarations), dump(Declarations{{}, {expected}}));

    const ConfigParseResult queues = parse("version: 1\nqueues:\n  - name: q\n");
    QVERIFY2(queues.ok(), qPrintable(messages(queues).join(u'\n')));
    QCOMPARE(queues.declarations.queues.at(0).concurrency, 10);
    QCOMPARE(queues.declarations.queues.at(0).paused, false);

    const ConfigParseResult empty = parse("version: 1\n");
    QVERIFY(empty.ok());
    QVERIFY(empty.declarations.queues.isEmpty() && empty.declarations.jobs.isEmpty());
}

void TestConfigParser::validFileRoundTripsThroughTheWriter_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("full example") << QByteArray(FullExample);
    QTest::newRow("nothing declared") << QByteArray("version: 1\n");
    QTest::newRow("queues only") << QByteArray("version: 1\nqueues: [{name: a, concurrency: 1, paused: true}]\n");
    QTest::newRow("window across midnight")
        << QByteArray("version: 1\njobs:\n  - name: n\n    kind: noop\n    schedule:\n      cron: \"@hourly\"\n"
                      "      window: {start: \"22:00\", end: \"02:00\"}\n      misfire: skip\n");
    QTest::newRow("sla, critical and incident policy")
        << QByteArray("version: 1\njobs:\n  - name: a\n    kind: noop\n    sla: {period: 1h, within: 30m, grace: 5m}\n"
                      "    critical: true\n    incident_policy:\n      severity: critical\n      auto_resolve: false\n"
                      "      failure_rate: {threshold: 0.25, window: 20}\n      expected_duration: 10m\n"
                      "  - name: b\n    kind: noop\n    sla: {grace: 90s}\n    incident_policy: {severity: off}\n"
                      "  - name: c\n    kind: noop\n    incident_policy: {failure_rate: {threshold: 1, window: 3}}\n");
    QTest::newRow("connections") << QByteArray(
        "version: 1\nconnections:\n  - name: reports-db\n    url: postgresql://reporter@db.internal:5432/reports"
        "?sslmode=require&application_name=vigia\n    password: ${secret:REPORTS_DB}\n"
        "  - name: local-copy\n    url: \"sqlite:/var/lib/vigia/copy #1.db\"\n"
        "  - name: secret-user\n    url: \"postgresql://${secret:PG_USER}:${secret:PG_PASS}@10.0.0.5/db\"\n");
    QTest::newRow("users") << QByteArray(
        "version: 1\nusers:\n  - name: alice\n    email: alice@example.com\n    role: admin\n"
        "    time_zone: America/Sao_Paulo\n    channels:\n      - {kind: email}\n"
        "      - {kind: webhook, address: \"https://hooks.example.com/T1?token=${secret:HOOK}\", format: slack}\n"
        "      - {kind: email, address: pager@example.com}\n      - {kind: desktop}\n"
        "    do_not_disturb:\n      - {start: \"22:00\", end: \"07:00\", days: [fri, mon]}\n"
        "      - {start: \"12:00\", end: \"13:00\"}\n  - name: bob\n");
    QTest::newRow("odd durations") << QByteArray(
        "version: 1\njobs:\n  - name: d\n    kind: sleep\n    spec: {ms: 1}\n    timeout: 1500ms\n"
        "    retry: {base: 0s, max: 1d, factor: 1, jitter: none}\n    schedule: {every: 86401s, jitter: 1ms}\n");
}

void TestConfigParser::validFileRoundTripsThroughTheWriter()
{
    QFETCH(QByteArray, text);
    const ConfigParseResult first = parse(text);
    QVERIFY2(first.ok(), qPrintable(messages(first).join(u'\n')));
    const QByteArray written = ConfigWriter::write(first.declarations);
    const ConfigParseResult second = parse(written);
    QVERIFY2(second.ok(), qPrintable(messages(second).join(u'\n') + u'\n' + QString::fromUtf8(written)));
    QCOMPARE(dump(second.declarations), dump(first.declarations));
    // The writer is stable: writing what it wrote gives the same bytes.
    QCOMPARE(ConfigWriter::write(second.declarations), written);
}

void TestConfigParser::writerQuotesStringsThatWouldReadAsOtherTypes()
{
    JobDef job;
    job.name = QStringLiteral("strings");
    job.kind = QStringLiteral("noop");
    job.payload = QByteArrayLiteral(R"({"a":"123","b":"true","c":"null","d":"","e":"1.5","f":"~","g":"text",)"
                                    R"("h":[],"i":{},"j":-7,"k":0.1,"l":1e+300,"m":"x: y","n":"#hash"})");
    const QByteArray written = ConfigWriter::write(Declarations{{}, {job}});
    const ConfigParseResult parsed = parse(written);
    QVERIFY2(parsed.ok(), qPrintable(messages(parsed).join(u'\n') + u'\n' + QString::fromUtf8(written)));
    QCOMPARE(parsed.declarations.jobs.at(0).payload, job.payload);
}

void TestConfigParser::demoFileIsValid()
{
    QFile file(QStringLiteral(VIGIA_DEMO_YAML));
    QVERIFY2(file.open(QIODevice::ReadOnly), VIGIA_DEMO_YAML);
    // Every built-in kind, as serve has them: the demo also uses sql.
    const ExecutorRegistry builtins = ExecutorRegistry::withBuiltins();
    ConfigParseOptions options;
    options.fileName = QStringLiteral("demo.yaml");
    options.registry = &builtins;
    options.existingQueues = {QStringLiteral("default")};
    const ConfigParseResult result = ConfigParser::parse(file.readAll(), options);
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QVERIFY(result.declarations.jobs.size() >= 6);
}

void TestConfigParser::malformedFileIsRejectedWithLocation_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("errors");
    // A job around the line under test: line 5 is the job's fifth key line, column 5 its first key.
    const auto job = [](const char *extra) -> QByteArray {
        return QByteArray("version: 1\njobs:\n  - name: a\n    kind: noop\n") + extra;
    };
    const auto row = [](const char *name, const QByteArray &text, QStringList errors) {
        QTest::newRow(name) << text << errors;
    };
    row("unknown key", job("    colour: red\n"),
        {QStringLiteral("jobs.yaml:5:5: jobs[0].colour: unknown key \"colour\" (expected name, queue, kind, spec, "
                        "priority, timeout, retry, schedule, sla, critical, incident_policy, "
                        "escalation_policy)")});
    row("unknown top-level key", "version: 1\nqueue: []\n",
        {QStringLiteral("jobs.yaml:2:1: queue: unknown key \"queue\" (expected version, queues, jobs, "
                        "schedules, escalation_policies, connections, users)")});
    row("wrong type: word for a number", "version: 1\nqueues:\n  - name: q\n    concurrency: lots\n",
        {QStringLiteral("jobs.yaml:4:18: queues[0].concurrency: expected a whole number, got \"lots\"")});
    row("wrong type: quoted number", "version: 1\nqueues:\n  - name: q\n    concurrency: \"2\"\n",
        {QStringLiteral("jobs.yaml:4:18: queues[0].concurrency: expected a whole number, got \"2\"")});
    row("wrong type: list for a string", job("    priority: [high]\n"),
        {QStringLiteral("jobs.yaml:5:15: jobs[0].priority: expected a string, got a list")});
    row("wrong type: boolean", "version: 1\nqueues:\n  - name: q\n    paused: yes\n",
        {QStringLiteral("jobs.yaml:4:13: queues[0].paused: expected true or false, got \"yes\"")});
    row("concurrency out of range", "version: 1\nqueues:\n  - name: q\n    concurrency: 0\n",
        {QStringLiteral("jobs.yaml:4:18: queues[0].concurrency: must be from 1 to 100000, not 0")});
    row("bad duration", job("    timeout: 5 minutes\n"),
        {QStringLiteral("jobs.yaml:5:14: jobs[0].timeout: \"5 minutes\" is not a duration (e.g. 500ms, 30s, 5m, 2h, "
                        "1d; a plain whole number is seconds)")});
    row("negative duration", job("    retry: {base: -5s}\n"),
        {QStringLiteral("jobs.yaml:5:19: jobs[0].retry.base: \"-5s\" is not a duration (e.g. 500ms, 30s, 5m, 2h, "
                        "1d; a plain whole number is seconds)")});
    row("both cron and every", job("    schedule:\n      cron: \"* * * * *\"\n      every: 30s\n"),
        {QStringLiteral("jobs.yaml:6:7: jobs[0].schedule: has both cron and every; give exactly one")});
    row("neither cron nor every", job("    schedule: {time_zone: UTC}\n"),
        {QStringLiteral("jobs.yaml:5:15: jobs[0].schedule: needs cron or every (exactly one); leave schedule out "
                        "for a job that runs on demand only")});
    row("bad cron names the field", job("    schedule:\n      cron: \"0 25 * * *\"\n"),
        {QStringLiteral("jobs.yaml:6:13: jobs[0].schedule.cron: hour: 25 is out of range 0-23")});
    row("cron that never fires", job("    schedule: {cron: \"0 0 30 2 *\"}\n"),
        {QStringLiteral("jobs.yaml:5:22: jobs[0].schedule.cron: \"0 0 30 2 *\" never fires")});
    row("interval too short", job("    schedule: {every: 500ms}\n"),
        {QStringLiteral("jobs.yaml:5:23: jobs[0].schedule.every: must be from 1s to 366d, not 500ms")});
    row("unknown time zone", job("    schedule:\n      cron: \"@daily\"\n      time_zone: America/Sao_Paolo\n"),
        {QStringLiteral("jobs.yaml:7:18: jobs[0].schedule.time_zone: unknown time zone \"America/Sao_Paolo\"")});
    row("bad window time", job("    schedule:\n      every: 1m\n      window: {start: \"8h\", end: \"19:00\"}\n"),
        {QStringLiteral("jobs.yaml:7:23: jobs[0].schedule.window.start: \"8h\" is not a time of day (HH:MM, 00:00 "
                        "to 23:59)")});
    row("window with start only", job("    schedule:\n      every: 1m\n      window: {start: \"08:00\"}\n"),
        {QStringLiteral("jobs.yaml:7:15: jobs[0].schedule.window: needs both start and end (or neither, for whole "
                        "days); only start is given")});
    row("unknown weekday", job("    schedule:\n      every: 1m\n      window: {days: [mon, funday]}\n"),
        {QStringLiteral("jobs.yaml:7:28: jobs[0].schedule.window.days[1]: unknown weekday \"funday\" (mon, tue, wed, "
                        "thu, fri, sat, sun)")});
    row("anchor with cron", job("    schedule:\n      cron: \"@daily\"\n      anchor: 2026-01-01T00:00:00Z\n"),
        {QStringLiteral("jobs.yaml:7:15: jobs[0].schedule.anchor: anchor goes with every, not with cron")});
    row("instant without offset", job("    schedule:\n      every: 1h\n      postpone_until: 2026-12-01T00:00:00\n"),
        {QStringLiteral("jobs.yaml:7:23: jobs[0].schedule.postpone_until: \"2026-12-01T00:00:00\" is not an ISO 8601 "
                        "date-time with an offset (e.g. 2026-12-01T00:00:00Z or 2026-12-01T00:00:00-03:00)")});
    row("bad misfire", job("    schedule:\n      every: 1m\n      misfire: catch-up\n"),
        {QStringLiteral("jobs.yaml:7:16: jobs[0].schedule.misfire: \"catch-up\" is not one of: coalesce, run-all, "
                        "skip")});
    row("unknown kind", "version: 1\njobs:\n  - name: a\n    kind: teleport\n",
        {QStringLiteral("jobs.yaml:4:11: jobs[0].kind: unknown kind \"teleport\" (known: fail, noop, sleep)")});
    row("missing kind", "version: 1\njobs:\n  - name: a\n",
        {QStringLiteral("jobs.yaml:3:5: jobs[0].kind: missing: the job's kind (one of fail, noop, sleep)")});
    row("bad spec for the kind", "version: 1\njobs:\n  - name: a\n    kind: sleep\n    spec: {ms: -1}\n",
        {QStringLiteral("jobs.yaml:5:11: jobs[0].spec: payload for kind \"sleep\": \"ms\" must be a non-negative "
                        "whole number")});
    row("spec the kind needs is missing", "version: 1\njobs:\n  - name: a\n    kind: sleep\n",
        {QStringLiteral("jobs.yaml:3:5: jobs[0].spec: payload for kind \"sleep\": \"ms\" must be a non-negative "
                        "whole number")});
    row("spec not a mapping", job("    spec: 500\n"),
        {QStringLiteral("jobs.yaml:5:11: jobs[0].spec: expected a mapping (the kind's payload), got \"500\"")});
    row("duplicate job name", job("  - name: a\n    kind: noop\n"),
        {QStringLiteral("jobs.yaml:5:11: jobs[1].name: duplicate job \"a\" (first declared on line 3)")});
    row("duplicate queue name", "version: 1\nqueues:\n  - name: q\n  - name: q\n",
        {QStringLiteral("jobs.yaml:4:11: queues[1].name: duplicate queue \"q\" (first declared on line 3)")});
    row("duplicate key", job("    kind: sleep\n"),
        {QStringLiteral("jobs.yaml:5:5: jobs[0].kind: duplicate key (already given on line 4)")});
    row("job in undeclared, nonexistent queue", job("    queue: nowhere\n"),
        {QStringLiteral("jobs.yaml:5:12: jobs[0].queue: unknown queue \"nowhere\": declare it under queues (the "
                        "database has no such queue either)")});
    row("bad priority", job("    priority: urgent\n"),
        {QStringLiteral("jobs.yaml:5:15: jobs[0].priority: \"urgent\" is not one of: critical, high, normal, low")});
    row("empty name", "version: 1\njobs:\n  - name: \"\"\n    kind: noop\n",
        {QStringLiteral("jobs.yaml:3:11: jobs[0].name: must not be empty")});
    row("yaml syntax error", "version: 1\njobs: [{name: a, kind: noop}\nqueues: []\n",
        {QStringLiteral("jobs.yaml:3:1: YAML syntax error: end of sequence flow not found")});
    row("bad indentation", "version: 1\njobs:\n  - name: a\n   kind: noop\n",
        {QStringLiteral("jobs.yaml:4:4: YAML syntax error: end of sequence not found")});
    row("top level is a list", "- version: 1\n",
        {QStringLiteral("jobs.yaml:1:1: the top level must be a mapping with version, queues and jobs, not a list")});
    row("top level is a string", "hello\n",
        {QStringLiteral("jobs.yaml:1:1: the top level must be a mapping with version, queues and jobs, not "
                        "\"hello\"")});
    row("empty file", "", {QStringLiteral("jobs.yaml:1:1: the file is empty; it needs at least \"version: 1\"")});
    row("two documents", "version: 1\n---\nversion: 1\n",
        {QStringLiteral("jobs.yaml:3:1: expected one YAML document, found 2 (remove the \"---\" separators)")});
    row("version missing", "jobs: []\n",
        {QStringLiteral("jobs.yaml:1:1: version: missing: the format version (\"version: 1\")")});
    row("version unsupported", "version: 2\njobs: {}\n",
        {QStringLiteral("jobs.yaml:1:10: version: unsupported version 2 (this program reads version 1)")});
    row("jobs not a list", "version: 1\njobs: {name: a}\n",
        {QStringLiteral("jobs.yaml:2:7: jobs: expected a list of jobs, got a mapping")});
    row("sla not a mapping", job("    sla: 15m\n"),
        {QStringLiteral("jobs.yaml:5:10: jobs[0].sla: expected a mapping, got \"15m\"")});
    row("sla within too short", job("    sla: {within: 500ms, grace: -1}\n"),
        {QStringLiteral("jobs.yaml:5:19: jobs[0].sla.within: must be from 1s to 366d, not 500ms"),
         QStringLiteral("jobs.yaml:5:33: jobs[0].sla.grace: \"-1\" is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d; "
                        "a plain whole number is seconds)")});
    row("critical quoted", job("    critical: \"true\"\n"),
        {QStringLiteral("jobs.yaml:5:15: jobs[0].critical: expected true or false, got \"true\"")});
    row("incident policy not a mapping", job("    incident_policy: page\n"),
        {QStringLiteral("jobs.yaml:5:22: jobs[0].incident_policy: expected a mapping, got \"page\"")});
    row("incident severity unknown", job("    incident_policy: {severity: loud}\n"),
        {QStringLiteral("jobs.yaml:5:33: jobs[0].incident_policy.severity: \"loud\" is not one of: critical, high, "
                        "warning, info, off")});
    row("failure rate needs both", job("    incident_policy: {failure_rate: {threshold: 0.5}}\n"),
        {QStringLiteral("jobs.yaml:5:37: jobs[0].incident_policy.failure_rate: needs both threshold (0 to 1) and "
                        "window (a number of runs)")});
    row("failure rate threshold out of range",
        job("    incident_policy: {failure_rate: {threshold: 1.5, window: 0}}\n"),
        {QStringLiteral("jobs.yaml:5:49: jobs[0].incident_policy.failure_rate.threshold: must be from 0 to 1, not 1.5"),
         QStringLiteral(
             "jobs.yaml:5:62: jobs[0].incident_policy.failure_rate.window: must be from 1 to 10000, not 0")});
    row("criticality is not a key", job("    criticality: high\n"),
        {QStringLiteral("jobs.yaml:5:5: jobs[0].criticality: unknown key \"criticality\" (expected name, queue, kind, "
                        "spec, priority, timeout, retry, schedule, sla, critical, incident_policy, "
                        "escalation_policy)")});
    row("retry attempts out of range", job("    retry: {max_attempts: 0}\n"),
        {QStringLiteral("jobs.yaml:5:27: jobs[0].retry.max_attempts: must be from 1 to 1000, not 0")});
    row("explicitly tagged value", job("    schedule: {every: !!int 5}\n"),
        {QStringLiteral("jobs.yaml:5:23: jobs[0].schedule.every: \"5\" is not a duration (e.g. 500ms, 30s, 5m, 2h, "
                        "1d; a plain whole number is seconds)")});
}

void TestConfigParser::malformedFileIsRejectedWithLocation()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, errors);
    const ConfigParseResult result = parse(text);
    QCOMPARE(messages(result), errors);
    for (const ConfigError &error : result.errors) {
        QCOMPARE(error.file, QStringLiteral("jobs.yaml"));
        QVERIFY(error.line >= 1);
        QVERIFY(error.column >= 1);
    }
}

void TestConfigParser::everyErrorIsReportedInFileOrder()
{
    const QByteArray text = fromLines({
        QStringLiteral("version: 1"),                    // 1
        QStringLiteral("queues:"),                       // 2
        QStringLiteral("  - name: q"),                   // 3
        QStringLiteral("    concurrency: -1"),           // 4
        QStringLiteral("jobs:"),                         // 5
        QStringLiteral("  - name: a"),                   // 6
        QStringLiteral("    kind: teleport"),            // 7
        QStringLiteral("    schedule:"),                 // 8
        QStringLiteral("      cron: \"61 * * * *\""),    // 9
        QStringLiteral("      time_zone: Mars/Olympus"), // 10
        QStringLiteral("  - name: b"),                   // 11
        QStringLiteral("    kind: sleep"),               // 12
        QStringLiteral("    spec: {ms: 1.5}"),           // 13
        QStringLiteral("    queue: elsewhere"),          // 14
        QStringLiteral("    sla: 1h"),                   // 15
    });
    const ConfigParseResult result = parse(text);
    QCOMPARE(messages(result),
             QStringList({
                 QStringLiteral("jobs.yaml:4:18: queues[0].concurrency: must be from 1 to 100000, not -1"),
                 QStringLiteral("jobs.yaml:7:11: jobs[0].kind: unknown kind \"teleport\" (known: fail, noop, sleep)"),
                 QStringLiteral("jobs.yaml:9:13: jobs[0].schedule.cron: minute: 61 is out of range 0-59"),
                 QStringLiteral("jobs.yaml:10:18: jobs[0].schedule.time_zone: unknown time zone \"Mars/Olympus\""),
                 QStringLiteral("jobs.yaml:13:11: jobs[1].spec: payload for kind \"sleep\": \"ms\" must be a "
                                "non-negative whole number"),
                 QStringLiteral("jobs.yaml:14:12: jobs[1].queue: unknown queue \"elsewhere\": declare it under "
                                "queues (the database has no such queue either)"),
                 QStringLiteral("jobs.yaml:15:10: jobs[1].sla: expected a mapping, got \"1h\""),
             }));
}

void TestConfigParser::jobMayUseQueueThatExistsOnlyInDatabase()
{
    const QByteArray text("version: 1\njobs:\n  - name: a\n    kind: noop\n    queue: legacy\n");
    QVERIFY(!parse(text).ok());
    const ConfigParseResult result = parse(text, {QStringLiteral("default"), QStringLiteral("legacy")});
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.declarations.jobs.at(0).queue, QStringLiteral("legacy"));
}

void TestConfigParser::pruneRequiresJobQueuesToBeDeclared()
{
    const QStringList existing{QStringLiteral("default"), QStringLiteral("legacy")};
    const QByteArray text("version: 1\njobs:\n  - name: a\n    kind: noop\n    queue: legacy\n"
                          "  - name: b\n    kind: noop\n");
    // Without a queues: section, --prune leaves the queues alone: legacy stays and may be used.
    const ConfigParseResult withoutSection = parse(text, existing, true);
    QVERIFY2(withoutSection.ok(), qPrintable(messages(withoutSection).join(u'\n')));
    QCOMPARE(withoutSection.declarations.sections, unsigned(Declarations::Jobs));
    // With one (even empty), `default` is never pruned, so job b may use it undeclared; `legacy` would be deleted.
    const ConfigParseResult result = parse(QByteArray("version: 1\nqueues: []\n") + text.mid(11), existing, true);
    QCOMPARE(result.declarations.sections, unsigned(Declarations::Queues | Declarations::Jobs));
    QCOMPARE(messages(result), QStringList{QStringLiteral(
                                   "jobs.yaml:6:12: jobs[0].queue: queue \"legacy\" is not declared in this file, so "
                                   "--prune would delete it; declare it under queues")});
}

void TestConfigParser::durationSpellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("ms") << QStringLiteral("500ms") << qint64(500) << QStringLiteral("500ms");
    QTest::newRow("s") << QStringLiteral("30s") << qint64(30'000) << QStringLiteral("30s");
    QTest::newRow("m") << QStringLiteral("5m") << qint64(300'000) << QStringLiteral("5m");
    QTest::newRow("h") << QStringLiteral("2h") << qint64(7'200'000) << QStringLiteral("2h");
    QTest::newRow("d") << QStringLiteral("1d") << qint64(86'400'000) << QStringLiteral("1d");
    QTest::newRow("sum") << QStringLiteral("1h30m") << qint64(5'400'000) << QStringLiteral("90m");
    QTest::newRow("seconds as ms") << QStringLiteral("1500ms") << qint64(1500) << QStringLiteral("1500ms");
    QTest::newRow("zero") << QStringLiteral("0ms") << qint64(0) << QStringLiteral("0s");
    QTest::newRow("sixty minutes") << QStringLiteral("60m") << qint64(3'600'000) << QStringLiteral("1h");
    QTest::newRow("no unit") << QStringLiteral("30") << qint64(-1) << QString();
    QTest::newRow("space") << QStringLiteral("5 m") << qint64(-1) << QString();
    QTest::newRow("negative") << QStringLiteral("-5s") << qint64(-1) << QString();
    QTest::newRow("fraction") << QStringLiteral("1.5s") << qint64(-1) << QString();
    QTest::newRow("unknown unit") << QStringLiteral("3w") << qint64(-1) << QString();
    QTest::newRow("huge") << QStringLiteral("99999999999999d") << qint64(-1) << QString();
}

void TestConfigParser::durationSpellings()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QFETCH(QString, formatted);
    const std::optional<qint64> parsed = config::parseDuration(text);
    if (ms < 0) {
        QVERIFY(!parsed);
        return;
    }
    QCOMPARE(parsed, std::optional<qint64>(ms));
    QCOMPARE(config::formatDuration(ms), formatted);
    QCOMPARE(config::parseDuration(formatted), std::optional<qint64>(ms));
}

QTEST_GUILESS_MAIN(TestConfigParser)
#include "tst_configparser.moc"
