// Secrets without a keychain: the environment/credentials store, ${secret:NAME} references and redaction.
#include "model/connection.h"
#include "secrets/environmentsecretstore.h"
#include "secrets/secretreferences.h"
#include "store/storeurl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigia;

class TestSecrets : public QObject {
    Q_OBJECT

private slots:
    void namesAreValidated_data();
    void namesAreValidated();
    void environmentVariableIsRead();
    void credentialFileIsRead();
    void missingSecretNamesWhereToPutIt();
    void environmentStoreIsReadOnly();
    void environmentStoreListsNamesOnly();
    void referencesAreFoundAnywhereInPayload();
    void substitutionReplacesReferencesInsideStrings();
    void resolveReadsEveryReferencedSecret();
    void resolveReportsTheFirstMissingSecret();
    void redactorMasksKnownValues();
    void passwordReferenceIsSplitFromTheUrl_data();
    void passwordReferenceIsSplitFromTheUrl();
    void databaseUrlTakesOnlyAPasswordReference();

private:
    // Runs the event loop until `done` was called: store answers arrive queued.
    template <typename F> void waitFor(F &&done) { QTRY_VERIFY(done()); }
};

void TestSecrets::namesAreValidated_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("api_token") << true;
    QTest::newRow("dots and dashes") << QStringLiteral("db.prod-password") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("api token") << false;
    QTest::newRow("slash") << QStringLiteral("../etc/passwd") << false;
    QTest::newRow("too long") << QString(129, u'a') << false;
}

void TestSecrets::namesAreValidated()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(SecretStore::isValidName(name), valid);
}

void TestSecrets::environmentVariableIsRead()
{
    qputenv("VIGIA_SECRET_SMTP_PASSWORD", "hunter2");
    EnvironmentSecretStore store;
    QString value;
    bool answered = false;
    store.read(QStringLiteral("smtp-password"), this, [&](const QString &v, const QString &error) {
        QVERIFY(error.isEmpty());
        value = v;
        answered = true;
    });
    waitFor([&] { return answered; });
    QCOMPARE(value, QStringLiteral("hunter2"));
    qunsetenv("VIGIA_SECRET_SMTP_PASSWORD");
}

void TestSecrets::credentialFileIsRead()
{
    QTemporaryDir credentials;
    QFile file(credentials.filePath(QStringLiteral("db.password")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("s3cret\n");
    file.close();
    qputenv("CREDENTIALS_DIRECTORY", credentials.path().toLocal8Bit());
    EnvironmentSecretStore store;
    QString value;
    bool answered = false;
    store.read(QStringLiteral("db.password"), this, [&](const QString &v, const QString &) {
        value = v;
        answered = true;
    });
    waitFor([&] { return answered; });
    QCOMPARE(value, QStringLiteral("s3cret"));
    qunsetenv("CREDENTIALS_DIRECTORY");
}

void TestSecrets::missingSecretNamesWhereToPutIt()
{
    EnvironmentSecretStore store;
    QString error;
    store.read(QStringLiteral("nope"), this, [&](const QString &, const QString &e) { error = e; });
    waitFor([&] { return !error.isEmpty(); });
    QVERIFY2(error.contains(QStringLiteral("VIGIA_SECRET_NOPE")), qPrintable(error));
}

void TestSecrets::environmentStoreIsReadOnly()
{
    EnvironmentSecretStore store;
    QString error;
    store.write(QStringLiteral("x"), QStringLiteral("y"), this, [&](const QString &e) { error = e; });
    waitFor([&] { return !error.isEmpty(); });
    QVERIFY(error.contains(QStringLiteral("read-only")));
}

void TestSecrets::environmentStoreListsNamesOnly()
{
    qputenv("VIGIA_SECRET_WEBHOOK_KEY", "do-not-print");
    EnvironmentSecretStore store;
    QStringList names;
    bool answered = false;
    store.list(this, [&](const QStringList &n, const QString &) {
        names = n;
        answered = true;
    });
    waitFor([&] { return answered; });
    QVERIFY(names.contains(QStringLiteral("webhook_key")));
    QVERIFY(!names.join(u' ').contains(QStringLiteral("do-not-print")));
    qunsetenv("VIGIA_SECRET_WEBHOOK_KEY");
}

void TestSecrets::referencesAreFoundAnywhereInPayload()
{
    const QJsonObject payload = QJsonDocument::fromJson(R"({
        "url": "https://api.example/v1?key=${secret:api_key}",
        "headers": {"Authorization": "Bearer ${secret:token}"},
        "args": ["--password", "${secret:db.pass}", "${secret:token}"],
        "count": 3, "note": "${secret:}", "plain": "$secret:x"
    })")
                                    .object();
    QStringList names = secrets::referencedNames(payload);
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("api_key"), QStringLiteral("db.pass"), QStringLiteral("token")}));
}

void TestSecrets::substitutionReplacesReferencesInsideStrings()
{
    const QJsonObject payload =
        QJsonDocument::fromJson(R"({"headers": {"Authorization": "Bearer ${secret:token}"}, "n": 1,
                                   "args": ["${secret:token}", "x"]})")
            .object();
    const QJsonObject resolved = secrets::substitute(payload, {{QStringLiteral("token"), QStringLiteral("a\"b")}});
    QCOMPARE(resolved.value(QLatin1String("headers")).toObject().value(QLatin1String("Authorization")).toString(),
             QStringLiteral("Bearer a\"b"));
    QCOMPARE(resolved.value(QLatin1String("args")).toArray().at(0).toString(), QStringLiteral("a\"b"));
    QCOMPARE(resolved.value(QLatin1String("n")).toInt(), 1);
}

void TestSecrets::resolveReadsEveryReferencedSecret()
{
    qputenv("VIGIA_SECRET_A", "alpha");
    qputenv("VIGIA_SECRET_B", "beta");
    EnvironmentSecretStore store;
    QHash<QString, QString> values;
    bool answered = false;
    secrets::resolve(store, {QStringLiteral("a"), QStringLiteral("b")}, this,
                     [&](const QHash<QString, QString> &v, const QString &error) {
                         QVERIFY(error.isEmpty());
                         values = v;
                         answered = true;
                     });
    waitFor([&] { return answered; });
    QCOMPARE(values.value(QStringLiteral("a")), QStringLiteral("alpha"));
    QCOMPARE(values.value(QStringLiteral("b")), QStringLiteral("beta"));
    qunsetenv("VIGIA_SECRET_A");
    qunsetenv("VIGIA_SECRET_B");
}

void TestSecrets::resolveReportsTheFirstMissingSecret()
{
    EnvironmentSecretStore store;
    int calls = 0;
    QString error;
    secrets::resolve(store, {QStringLiteral("missing1"), QStringLiteral("missing2")}, this,
                     [&](const QHash<QString, QString> &, const QString &e) {
                         ++calls;
                         error = e;
                     });
    waitFor([&] { return calls > 0; });
    QTest::qWait(0);
    QCOMPARE(calls, 1);
    QVERIFY(error.contains(QStringLiteral("missing1")));
}

void TestSecrets::redactorMasksKnownValues()
{
    SecretRedactor redactor;
    QVERIFY(redactor.isEmpty());
    redactor.add(QStringLiteral("hunter2"));
    redactor.add(QStringLiteral("hunter2-extended"));
    redactor.add(QStringLiteral("ab")); // too short to mask safely
    QCOMPARE(redactor.redact(QStringLiteral("login with hunter2-extended or hunter2, not ab")),
             QStringLiteral("login with *** or ***, not ab"));
    QCOMPARE(redactor.redact(QByteArrayLiteral("{\"echo\":\"hunter2\"}")), QByteArrayLiteral("{\"echo\":\"***\"}"));
}

void TestSecrets::passwordReferenceIsSplitFromTheUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("withoutPassword");
    QTest::addColumn<QString>("reference");
    QTest::newRow("reference") << "postgresql://vigia:${secret:DB_PASSWORD}@127.0.0.1:5432/vigia"
                               << "postgresql://vigia@127.0.0.1:5432/vigia"
                               << "${secret:DB_PASSWORD}";
    QTest::newRow("with parameters") << "postgres://app:${secret:X}@db/app?sslmode=require"
                                     << "postgres://app@db/app?sslmode=require"
                                     << "${secret:X}";
    QTest::newRow("no password") << "postgresql://vigia@db:5432/vigia"
                                 << "postgresql://vigia@db:5432/vigia"
                                 << "";
    QTest::newRow("literal password") << "postgresql://vigia:pw@db/vigia"
                                      << "postgresql://vigia:pw@db/vigia"
                                      << "";
    QTest::newRow("reference as user") << "postgresql://${secret:U}@db/vigia"
                                       << "postgresql://${secret:U}@db/vigia"
                                       << "";
    QTest::newRow("sqlite") << "sqlite:/tmp/${secret:X}.db"
                            << "sqlite:/tmp/${secret:X}.db"
                            << "";
}

void TestSecrets::passwordReferenceIsSplitFromTheUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, withoutPassword);
    QFETCH(QString, reference);
    const UrlPasswordReference split = splitPasswordReference(url);
    QCOMPARE(split.url, withoutPassword);
    QCOMPARE(split.reference, reference);
}

void TestSecrets::databaseUrlTakesOnlyAPasswordReference()
{
    QString error;
    const QString text = QStringLiteral("postgresql://vigia:${secret:DB_PASSWORD}@127.0.0.1:5432/vigia");
    const std::optional<StoreUrl> url = StoreUrl::parse(text, &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(url->postgresUrl, text); // shown as written
    QCOMPARE(url->passwordRef, QStringLiteral("${secret:DB_PASSWORD}"));
    QVERIFY(!url->passwordResolved);
    QVERIFY(!StoreUrl::parse(QStringLiteral("postgresql://vigia:Hunter2@db/vigia"), &error));
    QVERIFY(!error.contains(QLatin1String("Hunter2")));
    QVERIFY(!StoreUrl::parse(QStringLiteral("postgresql://vigia@db/vigia?password=Hunter2"), &error));
    QVERIFY(!error.contains(QLatin1String("Hunter2")));
    QVERIFY(!StoreUrl::parse(QStringLiteral("postgresql://${secret:U}@db/vigia"), &error));
    QVERIFY(error.contains(QLatin1String("only the password may be a secret reference")));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
