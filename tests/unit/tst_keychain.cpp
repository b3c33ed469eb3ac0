// The keychain secret store against a real gnome-keyring on a private D-Bus session (CTest starts the test under
// dbus-run-session and tests/support/with-keyring.sh), and `vigia-engine secret` set/list/delete through it.
#include "secrets/keychainsecretstore.h"
#include "testsupport.h"

#include <QProcess>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

class TestKeychain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void writeReadListDeleteRoundTrip();
    void missingSecretIsReported();
    void cliSetsListsAndDeletesWithoutPrintingValues();
};

void TestKeychain::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run under dbus-run-session with tests/support/with-keyring.sh (CTest does)");
}

void TestKeychain::writeReadListDeleteRoundTrip()
{
    KeychainSecretStore store(QStringLiteral("vigia-test"));
    QString error = QStringLiteral("pending");
    store.write(QStringLiteral("smtp.password"), QStringLiteral("correct horse"), this,
                [&](const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("pending"), 20000);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QString value;
    error = QStringLiteral("pending");
    store.read(QStringLiteral("smtp.password"), this, [&](const QString &v, const QString &e) {
        value = v;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("pending"), 20000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(value, QStringLiteral("correct horse"));

    QStringList names;
    error = QStringLiteral("pending");
    store.list(this, [&](const QStringList &n, const QString &e) {
        names = n;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("pending"), 20000);
    QVERIFY(names.contains(QStringLiteral("smtp.password")));

    error = QStringLiteral("pending");
    store.remove(QStringLiteral("smtp.password"), this, [&](const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("pending"), 20000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = QStringLiteral("pending");
    store.list(this, [&](const QStringList &n, const QString &e) {
        names = n;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("pending"), 20000);
    QVERIFY(!names.contains(QStringLiteral("smtp.password")));
}

void TestKeychain::missingSecretIsReported()
{
    KeychainSecretStore store(QStringLiteral("vigia-test"));
    QString error;
    store.read(QStringLiteral("never-stored"), this, [&](const QString &, const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(!error.isEmpty(), 20000);
    QVERIFY2(error.contains(QStringLiteral("not found")), qPrintable(error));
    error.clear();
    store.remove(QStringLiteral("never-stored"), this, [&](const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(!error.isEmpty(), 20000);
    QVERIFY2(error.contains(QStringLiteral("not found")), qPrintable(error));
}

void TestKeychain::cliSetsListsAndDeletesWithoutPrintingValues()
{
    const QStringList keychain{QStringLiteral("--secrets"), QStringLiteral("keychain")};
    CliResult result = runEngineCli(
        QStringList{QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("webhook-key")} + keychain,
        QByteArrayLiteral("very-secret-value\n"));
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY(!result.out.contains("very-secret-value") && !result.err.contains("very-secret-value"));

    result = runEngineCli(QStringList{QStringLiteral("secret"), QStringLiteral("list")} + keychain);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY(result.out.split('\n').contains("webhook-key"));
    QVERIFY(!result.out.contains("very-secret-value"));

    result = runEngineCli(
        QStringList{QStringLiteral("secret"), QStringLiteral("delete"), QStringLiteral("webhook-key")} + keychain);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    result = runEngineCli(
        QStringList{QStringLiteral("secret"), QStringLiteral("delete"), QStringLiteral("webhook-key")} + keychain);
    QCOMPARE(result.exitCode, 2);

    result = runEngineCli(QStringList{QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("bad name")} +
                              keychain,
                          QByteArrayLiteral("x"));
    QCOMPARE(result.exitCode, 2);
    result =
        runEngineCli(QStringList{QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("empty")} + keychain,
                     QByteArrayLiteral("\n"));
    QCOMPARE(result.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
