// On-call through the real vigia-engine binary: oncall who at an instant (the rotation, an override, a higher
// layer, a gap), for one schedule or all, as a table and as JSON; oncall gaps over days; notifications list with
// its filter and JSON; bad input (unknown schedule, malformed instant, unknown incident) exits 2 naming it.
#include "testsupport.h"

#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
const Actor Admin{QStringLiteral("carol")};

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

OnCallLayer layer(const char *name, QStringList participants, QDate start, const char *zone)
{
    OnCallLayer l;
    l.name = QLatin1String(name);
    l.rotation.participants = std::move(participants);
    l.rotation.startDate = start;
    l.rotation.timeZone = QLatin1String(zone);
    return l;
}

// primary: alice and bob by the week from Monday 2026-12-07 09:00 in Berlin, carol on weekday nights (22:00-06:00),
// dora covering 2026-12-09 12:00-14:00 UTC. secondary: erin, only from 2026-12-10 09:00 UTC (a gap before).
Declarations declarations()
{
    const QDate monday(2026, 12, 7);
    OnCallSchedule primary;
    primary.name = QStringLiteral("primary");
    primary.timeZone = QStringLiteral("Europe/Berlin");
    primary.layers.append(layer("weekly", {QStringLiteral("alice"), QStringLiteral("bob")}, monday, "Europe/Berlin"));
    primary.layers.append(layer("nights", {QStringLiteral("carol")}, monday, "Europe/Berlin"));
    primary.layers[1].restrictStartMinute = 22 * 60;
    primary.layers[1].restrictEndMinute = 6 * 60;
    primary.layers[1].restrictWeekdays.removeAll(6);
    primary.layers[1].restrictWeekdays.removeAll(7);
    primary.overrides.append(
        OnCallOverride{QStringLiteral("dora"), utc("2026-12-09T12:00:00Z"), utc("2026-12-09T14:00:00Z")});
    OnCallSchedule secondary;
    secondary.name = QStringLiteral("secondary");
    secondary.layers.append(layer("", {QStringLiteral("erin")}, QDate(2026, 12, 10), "UTC"));
    secondary.layers[0].rotation.unit = Rotation::Unit::Days;
    Declarations d;
    d.schedules = {primary, secondary};
    return d;
}

QString whoAt(const TempDatabase &db, const char *at, const char *schedule)
{
    const CliResult result =
        cli(db, {QStringLiteral("oncall"), QStringLiteral("who"), QStringLiteral("--at"), QLatin1String(at),
                 QStringLiteral("--schedule"), QLatin1String(schedule), QStringLiteral("--json")});
    if (result.exitCode != 0)
        return describe(result);
    const QJsonObject answer = jsonArray(result).at(0).toObject();
    return answer.value(QLatin1String("user")).toString(QStringLiteral("(gap)")) + u'/' +
           answer.value(QLatin1String("layer")).toString();
}
} // namespace

class TestOnCallCli : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void whoFollowsRotationOverrideAndLayers();
    void whoListsEverySchedule();
    void gapsAreReportedOverDays();
    void notificationsListShowsTheLog();
    void badInputExitsTwo();

private:
    std::unique_ptr<TempDatabase> m_db;
};

void TestOnCallCli::init()
{
    m_db = std::make_unique<TempDatabase>();
    std::unique_ptr<Store> store = m_db->open();
    store->applyDeclarations(declarations(), false, false, Admin, utc("2026-12-01T00:00:00Z"));
}

void TestOnCallCli::cleanup()
{
    m_db.reset();
}

void TestOnCallCli::whoFollowsRotationOverrideAndLayers()
{
    QCOMPARE(whoAt(*m_db, "2026-12-07T07:59:00Z", "primary"), QStringLiteral("(gap)/")); // before the first handoff
    QCOMPARE(whoAt(*m_db, "2026-12-07T08:00:00Z", "primary"), QStringLiteral("alice/weekly"));
    QCOMPARE(whoAt(*m_db, "2026-12-09T12:30:00Z", "primary"), QStringLiteral("dora/override"));
    QCOMPARE(whoAt(*m_db, "2026-12-09T21:30:00Z", "primary"), QStringLiteral("carol/nights")); // 22:30 in Berlin
    QCOMPARE(whoAt(*m_db, "2026-12-14T08:00:00Z", "primary"), QStringLiteral("bob/weekly"));
    QCOMPARE(whoAt(*m_db, "2026-12-12T23:00:00Z", "primary"), QStringLiteral("alice/weekly")); // Saturday night
}

void TestOnCallCli::whoListsEverySchedule()
{
    const CliResult table = cli(*m_db, "oncall who --at 2026-12-08T10:00:00Z");
    QVERIFY2(table.exitCode == 0, qPrintable(describe(table)));
    const QStringList lines = outputLines(table.out);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("SCHEDULE")));
    QVERIFY2(lines.at(1).contains(QStringLiteral("primary")) && lines.at(1).contains(QStringLiteral("alice")) &&
                 lines.at(1).contains(QStringLiteral("2026-12-08T21:00:00")),
             qPrintable(lines.at(1))); // until the night layer starts
    QVERIFY(lines.at(2).contains(QStringLiteral("secondary")) && lines.at(2).contains(QStringLiteral("nobody")));
    const QJsonArray json = jsonArray(cli(*m_db, "oncall who --at 2026-12-08T10:00:00Z --json"));
    QCOMPARE(json.size(), 2);
    QCOMPARE(json.at(1).toObject().value(QLatin1String("user")).type(), QJsonValue::Null);
    QCOMPARE(json.at(0).toObject().value(QLatin1String("until")).toString(),
             QStringLiteral("2026-12-08T21:00:00.000Z"));
}

void TestOnCallCli::gapsAreReportedOverDays()
{
    const QJsonArray gaps =
        jsonArray(cli(*m_db, "oncall gaps --from 2026-12-08T00:00:00Z --days 3 --schedule secondary --json"));
    QCOMPARE(gaps.size(), 1);
    QCOMPARE(gaps.at(0).toObject().value(QLatin1String("from")).toString(), QStringLiteral("2026-12-08T00:00:00.000Z"));
    QCOMPARE(gaps.at(0).toObject().value(QLatin1String("to")).toString(), QStringLiteral("2026-12-10T09:00:00.000Z"));
    const CliResult none = cli(*m_db, "oncall gaps --from 2026-12-11T00:00:00Z --days 7 --schedule secondary");
    QVERIFY2(none.exitCode == 0, qPrintable(describe(none)));
    QVERIFY(none.out.contains("No gaps"));
}

void TestOnCallCli::notificationsListShowsTheLog()
{
    std::unique_ptr<Store> store = m_db->open();
    IncidentTrigger t;
    t.dedupKey = QStringLiteral("dead:backup");
    t.title = QStringLiteral("backup failed");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 first = store->raiseIncident(t, now).id;
    t.dedupKey = QStringLiteral("dead:report");
    const qint64 second = store->raiseIncident(t, now).id;
    for (const qint64 id : {first, second}) {
        EscalationUpdate update;
        update.incidentId = id;
        update.expectedNextEscalationAt = 0;
        update.policy = QStringLiteral("ops");
        update.level = 0;
        NotificationDelivery silenced;
        silenced.recipient = QStringLiteral("alice");
        silenced.channel = ContactChannel::Kind::Webhook;
        silenced.address = QStringLiteral("https://hooks.example.org/a");
        silenced.severity = QStringLiteral("high");
        silenced.status = NotificationDelivery::Status::Silenced;
        silenced.error = QStringLiteral("do not disturb");
        NotificationDelivery pending = silenced;
        pending.recipient = QStringLiteral("bob");
        pending.status = NotificationDelivery::Status::Pending;
        pending.error.clear();
        update.deliveries = {silenced, pending};
        QVERIFY(store->recordEscalation(update, now));
    }
    const CliResult table = cli(*m_db, "notifications list");
    QVERIFY2(table.exitCode == 0, qPrintable(describe(table)));
    const QStringList lines = outputLines(table.out);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("ID")));
    QVERIFY2(lines.at(1).contains(QStringLiteral("PENDING")), qPrintable(lines.at(1)));
    QVERIFY(lines.at(2).contains(QStringLiteral("SILENCED")) && lines.at(2).contains(QStringLiteral("do not disturb")));

    const QJsonArray json =
        jsonArray(cli(*m_db, {QStringLiteral("notifications"), QStringLiteral("list"), QStringLiteral("--incident"),
                              QString::number(first), QStringLiteral("--json")}));
    QCOMPARE(json.size(), 2);
    const QJsonObject bob = json.at(0).toObject();
    QCOMPARE(bob.value(QLatin1String("incident_id")).toInteger(), first);
    QCOMPARE(bob.value(QLatin1String("recipient")).toString(), QStringLiteral("bob"));
    QCOMPARE(bob.value(QLatin1String("channel")).toString(), QStringLiteral("webhook"));
    QCOMPARE(bob.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(bob.value(QLatin1String("attempts")).toInt(), 0);
    QCOMPARE(json.at(1).toObject().value(QLatin1String("error")).toString(), QStringLiteral("do not disturb"));
}

void TestOnCallCli::badInputExitsTwo()
{
    const CliResult unknown = cli(*m_db, "oncall who --schedule nope");
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("unknown schedule \"nope\""), qPrintable(describe(unknown)));
    const CliResult badAt = cli(*m_db, "oncall who --at yesterday");
    QCOMPARE(badAt.exitCode, 2);
    QVERIFY(badAt.err.contains("--at"));
    const CliResult badDays = cli(*m_db, "oncall gaps --days 0");
    QCOMPARE(badDays.exitCode, 2);
    const CliResult noIncident = cli(*m_db, "notifications list --incident 999");
    QCOMPARE(noIncident.exitCode, 2);
    QVERIFY(noIncident.err.contains("999"));
}

QTEST_GUILESS_MAIN(TestOnCallCli)
#include "tst_oncallcli.moc"
