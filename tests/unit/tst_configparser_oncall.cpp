// Jobs as code, on-call sections: schedules and escalation policies parse to their declarations, round-trip
// through the writer, and malformed ones are rejected with file:line:column: path: message.
#include "config/configwriter.h"
#include "configparsertesthelpers.h"

#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {

// Every on-call key, for the parser's and the writer's tests.
const QByteArray OnCallExample = R"(version: 1
jobs:
  - name: backup
    kind: noop
    escalation_policy: ops
schedules:
  - name: primary
    description: first line
    time_zone: Europe/Berlin
    layers:
      - name: weekly
        participants: [alice, bob]
        start: 2026-01-05
      - name: nights
        participants: [carol]
        start: 2026-01-05
        shift_length: 2
        unit: days
        handoff: "22:00"
        time_zone: America/Sao_Paulo
        restrict: {start: "22:00", end: "06:00", days: [mon, tue, wed, thu, fri]}
        ends_at: 2027-01-01T00:00:00Z
    overrides:
      - {user: dora, start: 2026-12-24T18:00:00Z, end: 2026-12-26T09:00:00Z}
escalation_policies:
  - name: ops
    description: page the on-call, then the lead
    steps:
      - delay: 10m
        targets: [{schedule: primary}]
      - targets: [{user: erin}, {role: admin}]
    repeat: 1
    final_role: operator
)";

} // namespace

class TestConfigParserOnCall : public QObject {
    Q_OBJECT

private slots:
    void onCallSectionsParseToTheirDeclarations();
    void onCallSectionsRoundTripThroughTheWriter();
    void malformedOnCallIsRejectedWithLocation_data();
    void malformedOnCallIsRejectedWithLocation();
    void namedUsersMustBeKnownOnceUsersExist();
};

void TestConfigParserOnCall::onCallSectionsParseToTheirDeclarations()
{
    const ConfigParseResult result = parse(OnCallExample);
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    const Declarations &d = result.declarations;
    QCOMPARE(d.jobs.at(0).escalationPolicy, QStringLiteral("ops"));
    QCOMPARE(d.schedules.size(), 1);
    const OnCallSchedule &s = d.schedules.at(0);
    QCOMPARE(s.name, QStringLiteral("primary"));
    QCOMPARE(s.timeZone, QStringLiteral("Europe/Berlin"));
    QCOMPARE(s.layers.size(), 2);
    const Rotation &weekly = s.layers.at(0).rotation;
    QCOMPARE(weekly.participants, QStringList({QStringLiteral("alice"), QStringLiteral("bob")}));
    QCOMPARE(weekly.startDate, QDate(2026, 1, 5));
    QCOMPARE(weekly.unit, Rotation::Unit::Weeks);
    QCOMPARE(weekly.handoffMinute, 9 * 60);
    QCOMPARE(weekly.timeZone, QStringLiteral("Europe/Berlin")); // the schedule's
    const OnCallLayer &nights = s.layers.at(1);
    QCOMPARE(nights.rotation.unit, Rotation::Unit::Days);
    QCOMPARE(nights.rotation.shiftLength, 2);
    QCOMPARE(nights.rotation.handoffMinute, 22 * 60);
    QCOMPARE(nights.rotation.timeZone, QStringLiteral("America/Sao_Paulo"));
    QCOMPARE(nights.restrictStartMinute, 22 * 60);
    QCOMPARE(nights.restrictEndMinute, 6 * 60);
    QCOMPARE(nights.restrictWeekdays, QVector<int>({1, 2, 3, 4, 5}));
    QCOMPARE(nights.endsAtMs, config::parseInstant(QStringLiteral("2027-01-01T00:00:00Z")).value());
    QCOMPARE(s.overrides.size(), 1);
    QCOMPARE(s.overrides.at(0).user, QStringLiteral("dora"));
    QCOMPARE(d.escalationPolicies.size(), 1);
    const EscalationPolicy &p = d.escalationPolicies.at(0);
    QCOMPARE(p.repeat, 1);
    QCOMPARE(p.finalRole, Role::Operator);
    QCOMPARE(p.steps.size(), 2);
    QCOMPARE(p.steps.at(0).delayMs, 10 * 60'000);
    QCOMPARE(p.steps.at(0).targets.at(0).kind, EscalationTarget::Kind::Schedule);
    QCOMPARE(p.steps.at(0).targets.at(0).name, QStringLiteral("primary"));
    QCOMPARE(p.steps.at(1).delayMs, 15 * 60'000); // the default
    QCOMPARE(p.steps.at(1).targets.at(0).name, QStringLiteral("erin"));
    QCOMPARE(p.steps.at(1).targets.at(1).kind, EscalationTarget::Kind::Role);
    QCOMPARE(p.steps.at(1).targets.at(1).role, Role::Admin);
}

void TestConfigParserOnCall::onCallSectionsRoundTripThroughTheWriter()
{
    const ConfigParseResult first = parse(OnCallExample);
    QVERIFY2(first.ok(), qPrintable(messages(first).join(u'\n')));
    const QByteArray written = ConfigWriter::write(first.declarations);
    const ConfigParseResult second = parse(written);
    QVERIFY2(second.ok(), qPrintable(messages(second).join(u'\n') + u'\n' + QString::fromUtf8(written)));
    QCOMPARE(second.declarations.jobs.at(0).escalationPolicy, QStringLiteral("ops"));
    QCOMPARE(second.declarations.schedules.size(), 1);
    QVERIFY2(sameSchedule(second.declarations.schedules.at(0), first.declarations.schedules.at(0)),
             written.constData());
    QVERIFY(samePolicy(second.declarations.escalationPolicies.at(0), first.declarations.escalationPolicies.at(0)));
    QCOMPARE(ConfigWriter::write(second.declarations), written);
}

void TestConfigParserOnCall::malformedOnCallIsRejectedWithLocation_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("errors");
    const auto schedule = [](const char *layer) -> QByteArray {
        return QByteArray("version: 1\nschedules:\n  - name: s\n    layers:\n      - ") + layer + '\n';
    };
    const auto policy = [](const char *step) -> QByteArray {
        return QByteArray("version: 1\nescalation_policies:\n  - name: p\n    steps:\n      - ") + step + '\n';
    };
    const auto row = [](const char *name, const QByteArray &text, const QStringList &errors) {
        QTest::newRow(name) << text << errors;
    };
    row("no participants", schedule("{start: 2026-01-05, participants: []}"),
        {QStringLiteral("jobs.yaml:5:43: schedules[0].layers[0].participants: needs at least one participant")});
    row("bad start date", schedule("{participants: [a], start: 2026-02-30}"),
        {QStringLiteral("jobs.yaml:5:36: schedules[0].layers[0].start: \"2026-02-30\" is not a date (YYYY-MM-DD)")});
    row("missing start", schedule("{participants: [a]}"),
        {QStringLiteral("jobs.yaml:5:9: schedules[0].layers[0]: missing: start (the local date of the first handoff, "
                        "e.g. 2026-01-05)")});
    row("unknown zone", schedule("{participants: [a], start: 2026-01-05, time_zone: Mars/Olympus}"),
        {QStringLiteral("jobs.yaml:5:59: schedules[0].layers[0].time_zone: unknown time zone \"Mars/Olympus\" (an IANA "
                        "name such as Europe/Berlin)")});
    row("bad unit", schedule("{participants: [a], start: 2026-01-05, unit: months}"),
        {QStringLiteral("jobs.yaml:5:54: schedules[0].layers[0].unit: \"months\" is not one of: hours, days, "
                        "weeks")});
    row("bad handoff", schedule("{participants: [a], start: 2026-01-05, handoff: \"25:00\"}"),
        {QStringLiteral("jobs.yaml:5:57: schedules[0].layers[0].handoff: \"25:00\" is not a time of day (HH:MM, 00:00 "
                        "to 23:59)")});
    row("unknown layer key", schedule("{participants: [a], start: 2026-01-05, shift: 1w}"),
        {QStringLiteral("jobs.yaml:5:48: schedules[0].layers[0].shift: unknown key \"shift\" (expected name, "
                        "participants, start, shift_length, unit, handoff, time_zone, restrict, ends_at)")});
    row("override ends first",
        QByteArray("version: 1\nschedules:\n  - name: s\n    layers: [{participants: [a], start: 2026-01-05}]\n"
                   "    overrides: [{user: b, start: 2026-02-01T00:00:00Z, end: 2026-01-01T00:00:00Z}]\n"),
        {QStringLiteral("jobs.yaml:5:61: schedules[0].overrides[0].end: the override ends before it starts")});
    row("target with two kinds", policy("{delay: 5m, targets: [{user: a, role: admin}]}"),
        {QStringLiteral("jobs.yaml:5:31: escalation_policies[0].steps[0].targets[0]: a target is exactly one of user, "
                        "schedule or role")});
    row("unknown role", policy("{targets: [{role: boss}]}"),
        {QStringLiteral("jobs.yaml:5:27: escalation_policies[0].steps[0].targets[0].role: \"boss\" is not "
                        "one of: viewer, operator, admin")});
    row("negative delay", policy("{delay: -5m, targets: [{user: a}]}"),
        {QStringLiteral("jobs.yaml:5:17: escalation_policies[0].steps[0].delay: \"-5m\" is not a duration (e.g. "
                        "500ms, 30s, 5m, 2h, 1d; a plain whole number is seconds)")});
    row("unknown schedule target", policy("{targets: [{schedule: nope}]}"),
        {QStringLiteral("jobs.yaml:5:19: escalation_policies[0].steps[0].targets: unknown schedule \"nope\": declare "
                        "it under schedules")});
    row("no steps", QByteArray("version: 1\nescalation_policies:\n  - name: p\n    steps: []\n"),
        {QStringLiteral("jobs.yaml:4:12: escalation_policies[0].steps: needs at least one step")});
    row("quoted repeat",
        QByteArray("version: 1\nescalation_policies:\n  - name: p\n    steps: [{targets: [{user: a}]}]\n"
                   "    repeat: \"2\"\n"),
        {QStringLiteral("jobs.yaml:5:13: escalation_policies[0].repeat: expected a whole number, got \"2\"")});
    row("duplicate policy",
        QByteArray("version: 1\nescalation_policies:\n  - name: p\n    steps: [{targets: [{user: a}]}]\n"
                   "  - name: p\n    steps: [{targets: [{user: a}]}]\n"),
        {QStringLiteral("jobs.yaml:5:11: escalation_policies[1].name: escalation policy \"p\" is declared twice")});
    // Once users exist, a name that is not one of them would page nobody.
    const QByteArray alice("version: 1\nusers:\n  - {name: alice, role: admin}\n");
    row("unknown participant",
        alice + "schedules:\n  - name: s\n    layers: [{participants: [alice, bob], start: 2026-01-05}]\n",
        {QStringLiteral("jobs.yaml:6:37: schedules[0].layers[0].participants[1]: unknown user \"bob\": declare it "
                        "under users")});
    row("unknown override user",
        alice + "schedules:\n  - name: s\n    layers: [{participants: [alice], start: 2026-01-05}]\n"
                "    overrides: [{user: carol, start: 2026-02-01T00:00:00Z, end: 2026-02-02T00:00:00Z}]\n",
        {QStringLiteral("jobs.yaml:7:24: schedules[0].overrides[0].user: unknown user \"carol\": declare it under "
                        "users")});
    row("unknown user target",
        alice + "escalation_policies:\n  - name: p\n    steps: [{targets: [{user: alice}, {user: erin}]}]\n",
        {QStringLiteral("jobs.yaml:6:46: escalation_policies[0].steps[0].targets[1].user: unknown user \"erin\": "
                        "declare it under users")});
    row("job policy not a name",
        QByteArray("version: 1\njobs:\n  - name: a\n    kind: noop\n    escalation_policy: [x]\n"),
        {QStringLiteral("jobs.yaml:5:24: jobs[0].escalation_policy: expected a string, got a list")});
}

void TestConfigParserOnCall::malformedOnCallIsRejectedWithLocation()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, errors);
    const ConfigParseResult result = parse(text);
    QCOMPARE(messages(result), errors);
}

void TestConfigParserOnCall::namedUsersMustBeKnownOnceUsersExist()
{
    const QByteArray schedule("version: 1\nschedules:\n  - name: s\n    layers: [{participants: [alice, bob], "
                              "start: 2026-01-05}]\n");
    ConfigParseOptions options;
    options.fileName = QStringLiteral("jobs.yaml");
    options.registry = &registry();
    // No users anywhere: only the OS user acts, there is nothing to check names against.
    QVERIFY(ConfigParser::parse(schedule, options).ok());
    // Users stored in the database count like declared ones.
    options.existingUsers = {QStringLiteral("alice"), QStringLiteral("bob")};
    QVERIFY(ConfigParser::parse(schedule, options).ok());
    options.existingUsers = {QStringLiteral("alice")};
    QCOMPARE(messages(ConfigParser::parse(schedule, options)),
             QStringList(QStringLiteral("jobs.yaml:4:37: schedules[0].layers[0].participants[1]: unknown user "
                                        "\"bob\": declare it under users")));
    // With --prune a users: section replaces the stored users: bob, stored but not in the file, goes.
    options.existingUsers = {QStringLiteral("alice"), QStringLiteral("bob")};
    options.prune = true;
    const QByteArray replacing = "version: 1\nusers:\n  - {name: alice, role: admin}\n" + schedule.mid(11);
    QCOMPARE(messages(ConfigParser::parse(replacing, options)),
             QStringList(QStringLiteral("jobs.yaml:6:37: schedules[0].layers[0].participants[1]: unknown user "
                                        "\"bob\": declare it under users")));
    options.prune = false;
    QVERIFY(ConfigParser::parse(replacing, options).ok());
}

QTEST_GUILESS_MAIN(TestConfigParserOnCall)
#include "tst_configparser_oncall.moc"
