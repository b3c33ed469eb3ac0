// Secrets end to end with the real vigia-engine: `serve --secrets env` hands the store to the engine, a run's
// ${secret:NAME} reference is resolved from VIGIA_SECRET_<NAME>, and a value the run's program prints is redacted to
// *** before anything is stored or logged: it is absent from the SQLite database file, its WAL, the serve process's
// output and the stored result and error.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace vigia::test;

namespace {
const QByteArray SecretValue = "s3cr3t-e2e-4711-value";

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A process run whose program prints the secret on stdout and stderr, then exits with `exitCode`.
QStringList processRun(int exitCode)
{
    const QJsonObject payload{
        {QStringLiteral("program"), QStringLiteral("/bin/sh")},
        {QStringLiteral("args"),
         QJsonArray{QStringLiteral("-c"), QStringLiteral("echo token=$1; echo err=$1 >&2; exit %1").arg(exitCode),
                    QStringLiteral("sh"), QStringLiteral("${secret:E2E_TOKEN}")}}};
    return {QStringLiteral("--queue"),        QStringLiteral("default"),
            QStringLiteral("--kind"),         QStringLiteral("process"),
            QStringLiteral("--max-attempts"), QStringLiteral("1"),
            QStringLiteral("--payload"),      QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact))};
}
} // namespace

class TestSecretsCli : public QObject {
    Q_OBJECT

private slots:
    void printedSecretIsAbsentFromDatabaseLogsAndOutputs();
};

void TestSecretsCli::printedSecretIsAbsentFromDatabaseLogsAndOutputs()
{
    qputenv("VIGIA_SECRET_E2E_TOKEN", SecretValue); // inherited by the serve process
    TempDatabase db;
    EngineServer server({QStringLiteral("--db"), db.url(), QStringLiteral("--secrets"), QStringLiteral("env"),
                         QStringLiteral("--poll-ms"), QStringLiteral("50")});
    QVERIFY(server.start());
    const qint64 succeeding = enqueueRun(db.url(), processRun(0));
    const qint64 failing = enqueueRun(db.url(), processRun(3));
    QVERIFY(succeeding > 0 && failing > 0);
    const auto state = [&db](qint64 id) { return showRun(db.url(), id).value(QLatin1String("state")).toString(); };
    QTRY_COMPARE_WITH_TIMEOUT(state(succeeding), QStringLiteral("succeeded"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(state(failing), QStringLiteral("dead"), 30000);

    // While the engine runs, recent writes sit in the WAL.
    const QByteArray wal = fileBytes(db.path() + QStringLiteral("-wal"));
    QVERIFY2(!wal.contains(SecretValue), "the secret is in the WAL");

    const QByteArray shown =
        QJsonDocument(showRun(db.url(), succeeding)).toJson() + QJsonDocument(showRun(db.url(), failing)).toJson();
    QVERIFY2(shown.contains("token=***"), shown.constData()); // the reference was resolved, then masked
    QVERIFY2(shown.contains("err=***"), shown.constData());
    QVERIFY2(!shown.contains(SecretValue), shown.constData());
    QVERIFY2(shown.contains("${secret:E2E_TOKEN}"), shown.constData()); // the stored payload keeps the reference

    QVERIFY(server.sendSignal(SIGTERM));
    QCOMPARE(server.waitForExit(30000), 0);
    QVERIFY2(!server.log().contains(SecretValue), server.log().constData());
    QVERIFY2(!fileBytes(db.path()).contains(SecretValue), "the secret is in the database file");
    QVERIFY2(!fileBytes(db.path() + QStringLiteral("-wal")).contains(SecretValue), "the secret is in the WAL");
    for (const QString &row : databaseContents(db.path()))
        QVERIFY2(!row.contains(QLatin1String(SecretValue)), qPrintable(row));
}

QTEST_GUILESS_MAIN(TestSecretsCli)
#include "tst_secretscli.moc"
