// Incidents and users through the real vigia-engine binary: list (open by default, filters, --json), show with the
// timeline, every operator command with --as, roles enforced (a viewer's ack exits 2 and changes no row), bad input
// exits 2 naming what is wrong, MTTA/MTTR statistics, users list.
#include "testsupport.h"

#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 Minute = 60'000;
const Actor Admin{QStringLiteral("carol")};

IncidentTrigger trigger(const char *key, IncidentSeverity severity)
{
    IncidentTrigger t;
    t.dedupKey = QLatin1String(key);
    t.source = IncidentSource::DeadRun;
    t.title = QStringLiteral("trouble with ") + QLatin1String(key);
    t.severity = severity;
    t.queue = QStringLiteral("default");
    return t;
}

QStringList ids(const QJsonArray &incidents)
{
    QStringList result;
    for (const QJsonValue &i : incidents)
        result << QString::number(i.toObject().value(QLatin1String("id")).toInteger());
    return result;
}

QJsonObject showJson(const TempDatabase &db, qint64 id)
{
    const CliResult result =
        cli(db, {QStringLiteral("incidents"), QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
    if (result.exitCode != 0)
        qWarning().noquote() << describe(result);
    return QJsonDocument::fromJson(result.out).object();
}

QStringList timelineKinds(const QJsonObject &incident)
{
    QStringList kinds;
    for (const QJsonValue &e : incident.value(QLatin1String("timeline")).toArray())
        kinds << e.toObject().value(QLatin1String("kind")).toString();
    return kinds;
}

QStringList args(const char *line, qint64 id)
{
    return words(line).replaceInStrings(QStringLiteral("ID"), QString::number(id));
}

void addUsers(Store &store)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    User alice;
    alice.name = QStringLiteral("alice");
    alice.email = QStringLiteral("alice@example.org");
    alice.role = Role::Operator;
    alice.timeZone = QStringLiteral("Europe/Lisbon");
    alice.channels = {{ContactChannel::Kind::Email, alice.email, {}}};
    store.upsertUser(alice, Admin, now);
    User bob;
    bob.name = QStringLiteral("bob");
    bob.role = Role::Viewer;
    store.upsertUser(bob, Admin, now);
}
} // namespace

class TestIncidentCli : public QObject {
    Q_OBJECT

private slots:
    void listShowsOpenIncidentsUnlessAskedOtherwise();
    void showPrintsTheIncidentAndItsTimeline();
    void withoutUsersTheOsUserActs();
    void viewerCannotAcknowledgeAndNothingChanges();
    void operatorCommandsWithAs();
    void badInputExitsTwoNamingTheProblem();
    void statsPrintMttaAndMttr();
    void usersListShowsRolesAndChannels();
};

void TestIncidentCli::listShowsOpenIncidentsUnlessAskedOtherwise()
{
    TempDatabase db;
    std::unique_ptr<Store> store = db.open();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 a = store->raiseIncident(trigger("dead:a", IncidentSeverity::Critical), now).id;
    const qint64 b = store->raiseIncident(trigger("dead:b", IncidentSeverity::Warning), now).id;
    const qint64 c = store->raiseIncident(trigger("dead:c", IncidentSeverity::Warning), now).id;
    store->resolveIncidentByKey(QStringLiteral("dead:c"), {}, {}, now + 1);
    const QString sa = QString::number(a), sb = QString::number(b), sc = QString::number(c);

    QCOMPARE(ids(jsonArray(cli(db, "incidents list --json"))), (QStringList{sb, sa}));
    QCOMPARE(ids(jsonArray(cli(db, "incidents list --all --json"))), (QStringList{sc, sb, sa}));
    QCOMPARE(ids(jsonArray(cli(db, "incidents list --state resolved --json"))), (QStringList{sc}));
    QCOMPARE(ids(jsonArray(cli(db, "incidents list --severity warning --json"))), (QStringList{sb}));
    const QJsonObject first = jsonArray(cli(db, "incidents list --severity critical --json")).at(0).toObject();
    QCOMPARE(first.value(QLatin1String("dedup_key")).toString(), QStringLiteral("dead:a"));
    QCOMPARE(first.value(QLatin1String("state")).toString(), QStringLiteral("triggered"));
    QCOMPARE(first.value(QLatin1String("occurrences")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("queue")).toString(), QStringLiteral("default"));

    const CliResult table = cli(db, "incidents list");
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = outputLines(table.out);
    QCOMPARE(lines.size(), 3); // header and two open incidents
    QVERIFY2(lines.at(1).contains(QLatin1String("trouble with dead:b")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(QLatin1String("critical")), qPrintable(lines.at(2)));
}

void TestIncidentCli::showPrintsTheIncidentAndItsTimeline()
{
    TempDatabase db;
    std::unique_ptr<Store> store = db.open();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    IncidentTrigger t = trigger("sql:check", IncidentSeverity::High);
    t.detail = QByteArrayLiteral(R"({"rows":"7 | running"})");
    const qint64 id = store->raiseIncident(t, now).id;
    store->raiseIncident(t, now + 1);
    const QJsonObject incident = showJson(db, id);
    QCOMPARE(incident.value(QLatin1String("occurrences")).toInt(), 2);
    QCOMPARE(incident.value(QLatin1String("detail")).toObject().value(QLatin1String("rows")).toString(),
             QStringLiteral("7 | running"));
    QCOMPARE(timelineKinds(incident), (QStringList{QStringLiteral("created"), QStringLiteral("occurrence")}));
    QVERIFY(
        incident.value(QLatin1String("timeline")).toArray().at(0).toObject().value(QLatin1String("actor")).isNull());

    const CliResult text = cli(db, args("incidents show ID", id));
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("sql:check"), text.out.constData());
    QVERIFY2(text.out.contains("Timeline:"), text.out.constData());
    QVERIFY2(text.out.contains("occurrence"), text.out.constData());
}

void TestIncidentCli::withoutUsersTheOsUserActs()
{
    TempDatabase db;
    const qint64 id = db.open()->raiseIncident(trigger("dead:a", IncidentSeverity::High), 1).id;
    const CliResult ack = cli(db, args("incidents ack ID", id));
    QCOMPARE(ack.exitCode, 0);
    QVERIFY2(ack.out.contains("acknowledged"), ack.out.constData());
    QCOMPARE(showJson(db, id).value(QLatin1String("acknowledged_by")).toString(), osUser());
    // Anybody else is refused while no users are declared.
    const CliResult other = cli(db, args("incidents resolve ID --as someone-else", id));
    QCOMPARE(other.exitCode, 2);
    QVERIFY2(other.err.contains("no users are declared"), other.err.constData());
}

void TestIncidentCli::viewerCannotAcknowledgeAndNothingChanges()
{
    TempDatabase db;
    std::unique_ptr<Store> store = db.open();
    addUsers(*store);
    const qint64 id = store->raiseIncident(trigger("dead:a", IncidentSeverity::High), 1).id;
    store.reset();
    const QStringList before = databaseContents(db.path());
    for (const char *line : {"incidents ack ID --as bob", "incidents resolve ID --as bob", "incidents ack ID",
                             "incidents escalate ID --as mallory"}) {
        const CliResult refused = cli(db, args(line, id));
        QVERIFY2(refused.exitCode == 2, qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains("nothing was written"), refused.err.constData());
        QCOMPARE(databaseContents(db.path()), before);
    }
    const CliResult viewer = cli(db, args("incidents ack ID --as bob", id));
    QVERIFY2(viewer.err.contains("role viewer"), viewer.err.constData());
    QCOMPARE(cli(db, args("incidents ack ID --as alice", id)).exitCode, 0);
    QCOMPARE(showJson(db, id).value(QLatin1String("state")).toString(), QStringLiteral("acknowledged"));
}

void TestIncidentCli::operatorCommandsWithAs()
{
    TempDatabase db;
    std::unique_ptr<Store> store = db.open();
    addUsers(*store);
    const qint64 id = store->raiseIncident(trigger("dead:a", IncidentSeverity::High), 1).id;
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 60 * Minute;
    const QString untilIso = QDateTime::fromMSecsSinceEpoch(until, Qt::UTC).toString(Qt::ISODateWithMs);
    QCOMPARE(cli(db, {QStringLiteral("incidents"), QStringLiteral("snooze"), QString::number(id),
                      QStringLiteral("--until"), untilIso, QStringLiteral("--as"), QStringLiteral("alice")})
                 .exitCode,
             0);
    QCOMPARE(showJson(db, id).value(QLatin1String("snoozed_until")).toString(), untilIso);
    QCOMPARE(cli(db, {QStringLiteral("incidents"), QStringLiteral("note"), QString::number(id),
                      QStringLiteral("disk at 97%"), QStringLiteral("--as"), QStringLiteral("bob")})
                 .exitCode,
             0); // viewers may add notes
    QCOMPARE(cli(db, args("incidents reassign ID alice --as alice", id)).exitCode, 0);
    QCOMPARE(cli(db, args("incidents escalate ID --as alice", id)).exitCode, 0);
    QCOMPARE(
        cli(db, {QStringLiteral("incidents"), QStringLiteral("resolve"), QString::number(id), QStringLiteral("--note"),
                 QStringLiteral("disk replaced"), QStringLiteral("--as"), QStringLiteral("alice")})
            .exitCode,
        0);
    const QJsonObject incident = showJson(db, id);
    QCOMPARE(incident.value(QLatin1String("state")).toString(), QStringLiteral("resolved"));
    QCOMPARE(incident.value(QLatin1String("resolved_by")).toString(), QStringLiteral("alice"));
    QCOMPARE(incident.value(QLatin1String("assignee")).toString(), QStringLiteral("alice"));
    QCOMPARE(timelineKinds(incident),
             (QStringList{QStringLiteral("created"), QStringLiteral("snoozed"), QStringLiteral("note"),
                          QStringLiteral("reassigned"), QStringLiteral("escalated"), QStringLiteral("resolved")}));
    const QJsonArray timeline = incident.value(QLatin1String("timeline")).toArray();
    QCOMPARE(timeline.at(2).toObject().value(QLatin1String("actor")).toString(), QStringLiteral("bob"));
    QCOMPARE(timeline.at(5).toObject().value(QLatin1String("detail")).toObject().value(QLatin1String("note")),
             QJsonValue(QStringLiteral("disk replaced")));
    // Each command left its audit row.
    QStringList actions;
    for (const AuditEntry &entry : db.open()->auditLog(20)) {
        if (entry.target == QStringLiteral("incident:%1").arg(id))
            actions.prepend(entry.action + u':' + entry.actor);
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("incident.snooze:alice"), QStringLiteral("incident.note:bob"),
                                   QStringLiteral("incident.reassign:alice"), QStringLiteral("incident.escalate:alice"),
                                   QStringLiteral("incident.resolve:alice")}));
}

void TestIncidentCli::badInputExitsTwoNamingTheProblem()
{
    TempDatabase db;
    std::unique_ptr<Store> store = db.open();
    const qint64 id = store->raiseIncident(trigger("dead:a", IncidentSeverity::High), 1).id;
    store->upsertUser({QStringLiteral("alice"), {}, Role::Operator, QStringLiteral("UTC"), {}, {}}, Admin, 1);
    store.reset();
    const QStringList before = databaseContents(db.path());
    const struct {
        const char *line;
        const char *message;
    } cases[] = {
        {"incidents ack abc --as alice", "abc"},
        {"incidents ack 4242 --as alice", "no incident with id 4242"},
        {"incidents snooze ID --as alice", "--until is required"},
        {"incidents snooze ID --until yesterday --as alice", "ISO 8601"},
        {"incidents snooze ID --until 2000-01-01T00:00:00Z --as alice", "not in the future"},
        {"incidents note ID --as alice", "missing"},
        {"incidents reassign ID zed --as alice", "\"zed\" is not a known user"},
        {"incidents list --state bogus", "--state"},
        {"incidents list --severity loud", "--severity"},
        {"incidents stats --by colour", "--by"},
        {"incidents frobnicate", "expected list, show"},
        {"incidents ack ID --as \"\"", "--as: the user name is empty"},
    };
    for (const auto &c : cases) {
        const CliResult result = cli(db, args(c.line, id));
        QVERIFY2(result.exitCode == 2, qPrintable(QLatin1String(c.line) + u' ' + describe(result)));
        QVERIFY2(result.err.contains(c.message), qPrintable(QLatin1String(c.line) + u' ' + describe(result)));
    }
    QCOMPARE(databaseContents(db.path()), before);
}

void TestIncidentCli::statsPrintMttaAndMttr()
{
    TempDatabase db;
    std::unique_ptr<Store> store = db.open();
    const Actor me{osUser()};
    const qint64 t0 = 1'700'000'000'000;
    const qint64 a = store->raiseIncident(trigger("a", IncidentSeverity::High), t0).id;
    const qint64 b = store->raiseIncident(trigger("b", IncidentSeverity::High), t0).id;
    store->raiseIncident(trigger("c", IncidentSeverity::Info), t0);
    store->acknowledgeIncident(a, me, t0 + Minute);
    store->acknowledgeIncident(b, me, t0 + 3 * Minute);
    store->resolveIncident(a, me, {}, t0 + 10 * Minute);
    const QJsonArray stats = jsonArray(cli(db, "incidents stats --by severity --json"));
    QCOMPARE(stats.size(), 2);
    const QJsonObject high = stats.at(0).toObject();
    QCOMPARE(high.value(QLatin1String("severity")).toString(), QStringLiteral("high"));
    QCOMPARE(high.value(QLatin1String("count")).toInt(), 2);
    QCOMPARE(high.value(QLatin1String("mtta_ms")).toInteger(), 2 * Minute);
    QCOMPARE(high.value(QLatin1String("median_tta_ms")).toInteger(), 2 * Minute);
    QCOMPARE(high.value(QLatin1String("resolved")).toInt(), 1);
    QCOMPARE(high.value(QLatin1String("mttr_ms")).toInteger(), 10 * Minute);
    QCOMPARE(stats.at(1).toObject().value(QLatin1String("acknowledged")).toInt(), 0);
    QCOMPARE(jsonArray(cli(db, "incidents stats --since 2030-01-01T00:00:00Z --json")).size(), 0);

    const CliResult table = cli(db, "incidents stats --by queue");
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = outputLines(table.out);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).contains(QLatin1String("2m00s")), qPrintable(lines.at(1)));  // MTTA
    QVERIFY2(lines.at(1).contains(QLatin1String("10m00s")), qPrintable(lines.at(1))); // MTTR
}

void TestIncidentCli::usersListShowsRolesAndChannels()
{
    TempDatabase db;
    {
        std::unique_ptr<Store> store = db.open();
        const CliResult empty = cli(db, "users list");
        QCOMPARE(empty.exitCode, 0);
        QVERIFY2(empty.err.contains("acts as admin"), empty.err.constData());
        addUsers(*store);
    }
    const QJsonArray users = jsonArray(cli(db, "users list --json"));
    QCOMPARE(users.size(), 2);
    const QJsonObject alice = users.at(0).toObject();
    QCOMPARE(alice.value(QLatin1String("name")).toString(), QStringLiteral("alice"));
    QCOMPARE(alice.value(QLatin1String("role")).toString(), QStringLiteral("operator"));
    QCOMPARE(alice.value(QLatin1String("time_zone")).toString(), QStringLiteral("Europe/Lisbon"));
    QCOMPARE(alice.value(QLatin1String("channels")).toArray().at(0).toObject().value(QLatin1String("kind")),
             QJsonValue(QStringLiteral("email")));
    QCOMPARE(users.at(1).toObject().value(QLatin1String("role")).toString(), QStringLiteral("viewer"));
    const CliResult table = cli(db, "users list");
    QCOMPARE(outputLines(table.out).size(), 3);
}

QTEST_GUILESS_MAIN(TestIncidentCli)
#include "tst_incidentcli.moc"
