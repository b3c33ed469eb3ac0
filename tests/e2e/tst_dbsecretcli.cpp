// The engine's own PostgreSQL password from the secret store: `--db postgresql://user:${secret:NAME}@host/db` is
// resolved through --secrets when a verb opens the database, by every verb alike; the password never shows in what
// the binary prints, and the URL it prints keeps the reference. A throwaway server with a role that must give its
// password (the other roles keep trust), so only the resolved secret opens the database.
#include "postgresserver.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>

#include <csignal>

using namespace vigia;
using namespace vigia::test;

namespace {
const char OwnerRole[] = "vigia_e2e_owner";
const QByteArray Password("db-E2E-p@ss:w/rd-9931"); // '@', ':' and '/' would break a URL if pasted into one
const QByteArray WrongPassword("db-E2E-wrong-2718");
const char SecretVariable[] = "VIGIA_SECRET_E2E_DB_PASSWORD";
} // namespace

class TestDbSecretCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void everyVerbOpensTheDatabaseWithThePasswordFromTheSecretStore();
    void wrongPasswordIsOneLineWithoutThePassword();
    void missingSecretIsOneLineNamingTheReference();
    void onlyThePasswordMayBeAReference();

private:
    // The verb with --db url and --secrets env, and the given value of the secret (none: unset).
    CliResult run(const QStringList &args, const QByteArray &secret) const;

    PostgresServer *m_server = nullptr;
    QString m_database;
    QString m_url;
};

void TestDbSecretCli::initTestCase()
{
    QString error;
    m_server = PostgresServer::shared(&error);
    QVERIFY2(m_server, qPrintable(error));
    m_database = m_server->createDatabase(&error);
    QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    QVERIFY2(m_server->addPasswordRole(QLatin1String(OwnerRole), QString::fromLatin1(Password), &error),
             qPrintable(error));
    // The role owns the database, so that it can create Vigia's schema in it.
    QCOMPARE(m_server->exec(m_database,
                            QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(m_database, QLatin1String(OwnerRole))),
             QString());
    QCOMPARE(
        m_server->exec(m_database, QStringLiteral("GRANT ALL ON SCHEMA public TO %1").arg(QLatin1String(OwnerRole))),
        QString());
    m_url = QStringLiteral("postgresql://%1:${secret:E2E_DB_PASSWORD}@127.0.0.1:%2/%3")
                .arg(QLatin1String(OwnerRole))
                .arg(m_server->port())
                .arg(m_database);
}

void TestDbSecretCli::cleanup()
{
    qunsetenv(SecretVariable);
}

CliResult TestDbSecretCli::run(const QStringList &args, const QByteArray &secret) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QLatin1String(SecretVariable));
    if (!secret.isNull())
        environment.insert(QLatin1String(SecretVariable), QString::fromLatin1(secret));
    return runEngineCliWithEnvironment(
        args + QStringList{QStringLiteral("--db"), m_url, QStringLiteral("--secrets"), QStringLiteral("env")},
        environment);
}

void TestDbSecretCli::everyVerbOpensTheDatabaseWithThePasswordFromTheSecretStore()
{
    CliResult result = run(words("migrate"), Password);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    result = run(words("enqueue --kind noop"), Password);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const qint64 id = result.out.trimmed().toLongLong();
    QVERIFY(id > 0);
    // An sql run on the engine's own database (`database: local`) connects with the same password.
    result = run({QStringLiteral("enqueue"), QStringLiteral("--kind"), QStringLiteral("sql"),
                  QStringLiteral("--max-attempts"), QStringLiteral("1"), QStringLiteral("--payload"),
                  QStringLiteral(R"({"database":"local","query":"SELECT count(*) FROM runs","rule":"no_rows"})")},
                 Password);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const qint64 sqlId = result.out.trimmed().toLongLong();
    QVERIFY(sqlId > 0);

    qputenv(SecretVariable, Password);
    {
        EngineServer engine({QStringLiteral("--db"), m_url, QStringLiteral("--secrets"), QStringLiteral("env"),
                             QStringLiteral("--quiet")});
        QVERIFY(engine.start());
        const auto state = [this](qint64 runId) {
            const QJsonArray runs = jsonArray(run(words("runs list --json"), Password));
            for (const QJsonValue &value : runs) {
                if (value.toObject().value(QLatin1String("id")).toInteger() == runId)
                    return value.toObject().value(QLatin1String("state")).toString();
            }
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(state(id), QStringLiteral("succeeded"), 30000);
        // The rule fails (the query returns a row), which shows the query ran: it connected.
        QTRY_COMPARE_WITH_TIMEOUT(state(sqlId), QStringLiteral("dead"), 30000);
        const QJsonObject shown = QJsonDocument::fromJson(run({QStringLiteral("runs"), QStringLiteral("show"),
                                                               QString::number(sqlId), QStringLiteral("--json")},
                                                              Password)
                                                              .out)
                                      .object();
        QVERIFY2(QJsonDocument(shown).toJson().contains("rule no_rows: the query returned 1 row(s)") &&
                     !QJsonDocument(shown).toJson().contains(Password),
                 QJsonDocument(shown).toJson().constData());
        QVERIFY(engine.sendSignal(SIGTERM));
        QCOMPARE(engine.waitForExit(30000), 0);
        // The URL it reports serving keeps the reference; the value appears nowhere.
        QVERIFY2(engine.log().contains(m_url.toUtf8()), engine.log().constData());
        QVERIFY2(!engine.log().contains(Password), engine.log().constData());
    }
    result = run(words("queues list"), Password);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY(!result.out.contains(Password) && !result.err.contains(Password));
}

void TestDbSecretCli::wrongPasswordIsOneLineWithoutThePassword()
{
    for (const char *verb : {"runs list", "migrate", "enqueue --kind noop"}) {
        const CliResult result = run(words(verb), WrongPassword);
        QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
        QVERIFY2(result.out.isEmpty(), qPrintable(describe(result)));
        QVERIFY2(result.err.contains("password authentication failed"), qPrintable(describe(result)));
        QVERIFY2(!result.err.contains(WrongPassword) && !result.err.contains(Password), qPrintable(describe(result)));
        QCOMPARE(result.err.trimmed().count('\n'), 0);
    }
    // The same for serve, before it starts anything.
    const CliResult serve = run(words("serve --quiet"), WrongPassword);
    QVERIFY2(serve.exitCode == 1, qPrintable(describe(serve)));
    QVERIFY2(!serve.err.contains(WrongPassword), qPrintable(describe(serve)));
}

void TestDbSecretCli::missingSecretIsOneLineNamingTheReference()
{
    for (const char *verb : {"runs list", "serve --quiet"}) {
        const CliResult result = run(words(verb), QByteArray());
        QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
        QVERIFY2(result.err.contains("${secret:E2E_DB_PASSWORD}") && result.err.contains("not found"),
                 qPrintable(describe(result)));
        QCOMPARE(result.err.trimmed().count('\n'), 0);
    }
}

void TestDbSecretCli::onlyThePasswordMayBeAReference()
{
    const CliResult result = runEngineCli(
        {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--db"),
         QStringLiteral("postgresql://${secret:E2E_DB_USER}@127.0.0.1:%1/%2").arg(m_server->port()).arg(m_database)});
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.err.contains("only the password may be a secret reference"), qPrintable(describe(result)));
}

QTEST_GUILESS_MAIN(TestDbSecretCli)
#include "tst_dbsecretcli.moc"
