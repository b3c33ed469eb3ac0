// Jobs as code, connections and users: they parse to their declarations, sql jobs name known connections, literal
// passwords are refused without being echoed, and malformed ones are rejected with file:line:column: path: message.
#include "configparsertesthelpers.h"

#include <QTest>

using namespace vigia;
using namespace vigia::test;

class TestConfigParserConnections : public QObject {
    Q_OBJECT

private slots:
    void connectionsParseToTheirDeclarations();
    void sqlJobMustNameAKnownConnection();
    void literalPasswordIsNeverEchoedInErrors();
    void usersParseToTheirDeclarations();
    void malformedConnectionOrUserIsRejectedWithLocation_data();
    void malformedConnectionOrUserIsRejectedWithLocation();
};

void TestConfigParserConnections::connectionsParseToTheirDeclarations()
{
    const ConfigParseResult result = parse("version: 1\nconnections:\n  - name: reports\n"
                                           "    url: postgresql://reporter@db.internal/reports\n"
                                           "    password: \"${secret:REPORTS_DB}\"\n"
                                           "  - name: lite\n    url: sqlite:/srv/app.db\n");
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.declarations.connections.size(), 2);
    const Connection &reports = result.declarations.connections.at(0);
    QCOMPARE(reports.name, QStringLiteral("reports"));
    QCOMPARE(reports.url, QStringLiteral("postgresql://reporter@db.internal/reports"));
    QCOMPARE(reports.password, QStringLiteral("${secret:REPORTS_DB}")); // kept as written, resolved per run
    QCOMPARE(result.declarations.connections.at(1).password, QString());
}

void TestConfigParserConnections::sqlJobMustNameAKnownConnection()
{
    const QByteArray declared("version: 1\nconnections:\n  - name: lite\n    url: sqlite:/srv/app.db\njobs:\n"
                              "  - name: check\n    kind: sql\n    spec: {connection: lite, query: SELECT 1}\n");
    const ConfigParseResult ok = parseWithBuiltins(declared);
    QVERIFY2(ok.ok(), qPrintable(messages(ok).join(u'\n')));

    const QByteArray undeclared("version: 1\njobs:\n  - name: check\n    kind: sql\n"
                                "    spec: {connection: elsewhere, query: SELECT 1}\n");
    QCOMPARE(messages(parseWithBuiltins(undeclared)),
             QStringList{QStringLiteral("jobs.yaml:5:24: jobs[0].spec.connection: unknown connection \"elsewhere\": "
                                        "declare it under connections (the database has no such connection either)")});
    // One the database holds will do, unless --prune would delete it (only with a connections: section).
    QVERIFY(parseWithBuiltins(undeclared, {QStringLiteral("elsewhere")}).ok());
    QVERIFY(parseWithBuiltins(undeclared, {QStringLiteral("elsewhere")}, true).ok());
    const QByteArray withSection = QByteArray("version: 1\nconnections: []\n") + undeclared.mid(11);
    QCOMPARE(messages(parseWithBuiltins(withSection, {QStringLiteral("elsewhere")}, true)),
             QStringList{QStringLiteral("jobs.yaml:6:24: jobs[0].spec.connection: connection \"elsewhere\" is not "
                                        "declared in this file, so --prune would delete it; declare it under "
                                        "connections")});
    // `database: local` names no connection.
    QVERIFY(parseWithBuiltins("version: 1\njobs:\n  - name: c\n    kind: sql\n"
                              "    spec: {database: local, query: SELECT 1}\n")
                .ok());
}

void TestConfigParserConnections::literalPasswordIsNeverEchoedInErrors()
{
    for (const char *text :
         {"version: 1\nconnections:\n  - name: a\n    url: postgresql://u@h/d\n    password: Hunter2Secret\n",
          "version: 1\nconnections:\n  - name: a\n    url: postgresql://u:Hunter2Secret@h/d\n",
          "version: 1\nconnections:\n  - name: a\n    url: postgresql://u@h/d?password=Hunter2Secret\n",
          "version: 1\nconnections:\n  - name: a\n    url: mysql://u:Hunter2Secret@h/d\n"}) {
        const ConfigParseResult result = parse(text);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(!messages(result).join(u'\n').contains(QLatin1String("Hunter2")), qPrintable(messages(result)[0]));
    }
}

void TestConfigParserConnections::usersParseToTheirDeclarations()
{
    const ConfigParseResult result =
        parse("version: 1\nusers:\n  - name: alice\n    email: alice@example.com\n    role: operator\n"
              "    time_zone: America/Sao_Paulo\n    channels:\n      - {kind: email}\n"
              "      - {kind: webhook, address: \"https://hooks.example.com/x\", format: teams}\n"
              "      - {kind: desktop}\n"
              "    do_not_disturb:\n      - {start: \"22:00\", end: \"07:00\", days: [sun, mon, mon]}\n"
              "  - name: viewer-only\n");
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.declarations.users.size(), 2);
    const User &alice = result.declarations.users.at(0);
    QCOMPARE(alice.role, Role::Operator);
    QCOMPARE(alice.timeZone, QStringLiteral("America/Sao_Paulo"));
    QCOMPARE(alice.channels.size(), 3); // in the order given
    QCOMPARE(alice.channels.at(0).kind, ContactChannel::Kind::Email);
    QCOMPARE(alice.channels.at(0).address, QStringLiteral("alice@example.com")); // the user's own address
    QCOMPARE(alice.channels.at(1).kind, ContactChannel::Kind::Webhook);
    QCOMPARE(alice.channels.at(1).format, QStringLiteral("teams"));
    QCOMPARE(alice.channels.at(2).kind, ContactChannel::Kind::Desktop);
    QCOMPARE(alice.doNotDisturb.size(), 1);
    QCOMPARE(alice.doNotDisturb.at(0).startMinute, 22 * 60);
    QCOMPARE(alice.doNotDisturb.at(0).endMinute, 7 * 60);
    QCOMPARE(alice.doNotDisturb.at(0).weekdays, (QVector<int>{1, 7})); // Qt's numbering, sorted, once each
    const User &viewer = result.declarations.users.at(1);
    QCOMPARE(viewer.role, Role::Viewer);
    QCOMPARE(viewer.timeZone, QStringLiteral("UTC"));
    QVERIFY(viewer.channels.isEmpty() && viewer.doNotDisturb.isEmpty());
}

void TestConfigParserConnections::malformedConnectionOrUserIsRejectedWithLocation_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("errors");
    const auto row = [](const char *name, const QByteArray &text, QStringList errors) {
        QTest::newRow(name) << text << errors;
    };
    const auto connection = [](const char *lines) -> QByteArray {
        return QByteArray("version: 1\nconnections:\n  - name: db\n") + lines;
    };
    const QString secretOnly = QStringLiteral(
        "must be a single secret reference such as \"${secret:REPORTS_DB_PASSWORD}\", never the password itself (set "
        "it with `vigia-engine secret set NAME`, or VIGIA_SECRET_NAME on a server)");
    row("connection password literal", connection("    url: postgresql://app@db/app\n    password: hunter2\n"),
        {QStringLiteral("jobs.yaml:5:15: connections[0].password: ") + secretOnly});
    row("connection password around a reference",
        connection("    url: postgresql://app@db/app\n    password: \"pre-${secret:DB}\"\n"),
        {QStringLiteral("jobs.yaml:5:15: connections[0].password: ") + secretOnly});
    row("connection password in the url", connection("    url: postgresql://app:hunter2@db/app\n"),
        {QStringLiteral("jobs.yaml:4:10: connections[0].url: holds a literal password; write the user only and give "
                        "the password as password: \"${secret:NAME}\" (or write ${secret:NAME} in its place)")});
    row("connection password as a url parameter",
        connection("    url: postgresql://app@db/app?sslmode=require&password=hunter2\n"),
        {QStringLiteral("jobs.yaml:4:10: connections[0].url: holds a literal password (?password=); give it as "
                        "password: \"${secret:NAME}\" instead")});
    row("connection url of another database", connection("    url: mysql://app@db/app\n"),
        {QStringLiteral(
            "jobs.yaml:4:10: connections[0].url: expected sqlite:PATH or postgresql://user@host:port/database")});
    row("connection without url", connection("    password: ${secret:DB}\n"),
        {QStringLiteral("jobs.yaml:3:5: connections[0].url: missing: the database's URL (sqlite:PATH or "
                        "postgresql://user@host/db)")});
    row("sqlite connection with a password", connection("    url: sqlite:/tmp/a.db\n    password: ${secret:DB}\n"),
        {QStringLiteral("jobs.yaml:5:15: connections[0].password: a SQLite database has no password; leave it out")});
    row("connection password not a string", connection("    url: postgresql://db/app\n    password: [a]\n"),
        {QStringLiteral("jobs.yaml:5:15: connections[0].password: expected a string, got a list")});
    row("duplicate connection", connection("    url: sqlite:/a.db\n  - name: db\n    url: sqlite:/b.db\n"),
        {QStringLiteral(
            "jobs.yaml:5:11: connections[1].name: duplicate connection \"db\" (first declared on line 3)")});
    row("connection unknown key", connection("    url: sqlite:/a.db\n    user: app\n"),
        {QStringLiteral("jobs.yaml:5:5: connections[0].user: unknown key \"user\" (expected name, url, password)")});
    row("connections not a list", "version: 1\nconnections: {name: db}\n",
        {QStringLiteral("jobs.yaml:2:14: connections: expected a list of connections, got a mapping")});
    const auto user = [](const char *lines) -> QByteArray {
        return QByteArray("version: 1\nusers:\n  - name: alice\n") + lines;
    };
    row("unknown user role", user("    role: superuser\n"),
        {QStringLiteral("jobs.yaml:4:11: users[0].role: \"superuser\" is not one of: viewer, operator, admin")});
    row("user time zone unknown", user("    time_zone: Europe/Lisboa\n"),
        {QStringLiteral("jobs.yaml:4:16: users[0].time_zone: unknown time zone \"Europe/Lisboa\"")});
    row("user email malformed", user("    email: alice.example.com\n"),
        {QStringLiteral("jobs.yaml:4:12: users[0].email: \"alice.example.com\" is not an e-mail address")});
    row("unknown channel kind", user("    channels: [{kind: pigeon}]\n"),
        {QStringLiteral("jobs.yaml:4:23: users[0].channels[0].kind: \"pigeon\" is not one of: email, webhook, "
                        "desktop")});
    row("webhook channel without address", user("    channels:\n      - {kind: webhook}\n"),
        {QStringLiteral("jobs.yaml:5:9: users[0].channels[0].address: missing: the webhook's URL")});
    row("webhook channel not http", user("    channels:\n      - {kind: webhook, address: ftp://x}\n"),
        {QStringLiteral("jobs.yaml:5:34: users[0].channels[0].address: expected an http(s) URL")});
    row("email channel without any address", user("    channels: [{kind: email}]\n"),
        {QStringLiteral("jobs.yaml:4:16: users[0].channels[0].address: missing: an e-mail address (or give the user "
                        "an email)")});
    row("desktop channel with an address", user("    channels: [{kind: desktop, address: x}]\n"),
        {QStringLiteral("jobs.yaml:4:41: users[0].channels[0].address: a desktop channel has no address; leave it "
                        "out")});
    row("unknown webhook format", user("    channels: [{kind: webhook, address: \"https://h\", format: discord}]\n"),
        {QStringLiteral("jobs.yaml:4:62: users[0].channels[0].format: \"discord\" is not one of: generic, slack, "
                        "teams")});
    row("quiet period without end", user("    do_not_disturb: [{start: \"22:00\"}]\n"),
        {QStringLiteral("jobs.yaml:4:22: users[0].do_not_disturb[0].end: missing: a do-not-disturb window needs "
                        "start and end (HH:MM)")});
    row("quiet period bad time", user("    do_not_disturb: [{start: \"25:00\", end: \"07:00\"}]\n"),
        {QStringLiteral("jobs.yaml:4:30: users[0].do_not_disturb[0].start: \"25:00\" is not a time of day (HH:MM, "
                        "00:00 to 23:59)")});
    row("quiet period empty", user("    do_not_disturb: [{start: \"07:00\", end: \"07:00\"}]\n"),
        {QStringLiteral("jobs.yaml:4:22: users[0].do_not_disturb[0]: start and end are the same time: the window is "
                        "empty")});
    row("quiet period unknown day",
        user("    do_not_disturb: [{start: \"22:00\", end: \"07:00\", days: [mon, caturday]}]\n"),
        {QStringLiteral("jobs.yaml:4:65: users[0].do_not_disturb[0].days[1]: unknown weekday \"caturday\" (mon, tue, "
                        "wed, thu, fri, sat, sun)")});
    row("duplicate user", user("  - name: alice\n"),
        {QStringLiteral("jobs.yaml:4:11: users[1].name: duplicate user \"alice\" (first declared on line 3)")});
    row("users not a list", "version: 1\nusers: alice\n",
        {QStringLiteral("jobs.yaml:2:8: users: expected a list of users, got \"alice\"")});
}

void TestConfigParserConnections::malformedConnectionOrUserIsRejectedWithLocation()
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

QTEST_GUILESS_MAIN(TestConfigParserConnections)
#include "tst_configparser_connections.moc"
