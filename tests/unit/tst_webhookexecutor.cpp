// The `webhook` kind against a local receiver on 127.0.0.1 that verifies deliveries the way a real one should:
// recompute the HMAC over "<timestamp>.<body>" with the shared secret and refuse stale timestamps.
#include "executionharness.h"
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"
#include "localhttpserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {

QJsonObject payload(const char *json, const QUrl &url = {})
{
    const QString text = QString::fromUtf8(json).replace(QLatin1String("@URL"), url.toString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test payload %s: %s", json, qPrintable(error.errorString()));
    return document.object();
}

using Request = LocalHttpServer::Request;
using Response = LocalHttpServer::Response;

Response status(int code, const QByteArray &body = {})
{
    Response response;
    response.status = code;
    response.body = body;
    return response;
}

// What a receiver does before trusting a delivery, at `now` (Unix seconds; 0: the current time). Empty when it is
// authentic and fresh (at most five minutes old), otherwise why not.
QByteArray verify(const Request &request, const QByteArray &secret, qint64 now = 0)
{
    const QByteArray timestamp = request.header("X-Vigia-Timestamp");
    bool ok = false;
    const qint64 sentAt = timestamp.toLongLong(&ok);
    if (!ok)
        return "no timestamp";
    if (std::abs((now > 0 ? now : QDateTime::currentSecsSinceEpoch()) - sentAt) > 300)
        return "stale timestamp";
    const QByteArray expected =
        "sha256=" +
        QMessageAuthenticationCode::hash(timestamp + '.' + request.body, secret, QCryptographicHash::Sha256).toHex();
    if (request.header("X-Vigia-Signature") != expected)
        return "bad signature";
    return {};
}

// A receiver that answers 204 to authentic deliveries and 401 with the reason otherwise.
LocalHttpServer::Handler verifyingReceiver(const QByteArray &secret)
{
    return [secret](const Request &request) {
        const QByteArray problem = verify(request, secret);
        return problem.isEmpty() ? status(204) : status(401, problem);
    };
}

} // namespace

class TestWebhookExecutor : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void signedDeliveryIsVerifiedByReceiver();
    void scalarBodyIsSignedAsSent();
    void deliveryIdIsTheRunId();
    void wrongSecretIsRejectedByReceiver();
    void serverErrorFails();
    void redirectIsNotFollowed();
    void customHeadersAreSent();
    void validateAcceptsFullPayload();
    void validateRejectsBadPayloads_data();
    void validateRejectsBadPayloads();

private:
    std::unique_ptr<ExecutionHarness> run(const QJsonObject &payload, qint64 runId = 1);

    std::unique_ptr<Executor> m_executor = makeWebhookExecutor();
    std::unique_ptr<LocalHttpServer> m_receiver;
};

void TestWebhookExecutor::init()
{
    m_receiver = std::make_unique<LocalHttpServer>();
    QVERIFY(m_receiver->isListening());
}

void TestWebhookExecutor::cleanup()
{
    m_receiver.reset();
}

std::unique_ptr<ExecutionHarness> TestWebhookExecutor::run(const QJsonObject &payload, qint64 runId)
{
    const QString problem = m_executor->validate(payload);
    if (!problem.isEmpty())
        qWarning().noquote() << "payload rejected:" << problem;
    auto harness = std::make_unique<ExecutionHarness>(*m_executor, payload, runId);
    harness->start();
    if (!harness->waitFinished())
        qWarning("execution did not finish");
    return harness;
}

void TestWebhookExecutor::signedDeliveryIsVerifiedByReceiver()
{
    m_receiver->setHandler(verifyingReceiver("s3cret"));
    const QJsonObject body = payload(R"({"event": "run.dead", "run": 42, "tags": ["a", "ç"], "ok": false})");
    QJsonObject p = payload(R"({"url": "@URL", "secret": "s3cret"})", m_receiver->url(QStringLiteral("/hooks/vigia")));
    p.insert(QStringLiteral("body"), body);
    const auto harness = run(p);
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(harness->resultObject().value(QLatin1String("status")).toInt(), 204);
    QCOMPARE(m_receiver->requests().size(), 1);
    const Request request = m_receiver->requests().at(0);
    QCOMPARE(request.method, QByteArrayLiteral("POST"));
    QCOMPARE(request.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(QJsonDocument::fromJson(request.body).object(), body);
    QCOMPARE(verify(request, "s3cret"), QByteArray());
    // The same delivery replayed an hour later is refused by the receiver's freshness check.
    QCOMPARE(verify(request, "s3cret", QDateTime::currentSecsSinceEpoch() + 3600),
             QByteArrayLiteral("stale timestamp"));
}

void TestWebhookExecutor::scalarBodyIsSignedAsSent()
{
    m_receiver->setHandler(verifyingReceiver("k"));
    const auto harness =
        run(payload(R"({"url": "@URL", "secret": "k", "body": "just text"})", m_receiver->url(QStringLiteral("/"))));
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(m_receiver->requests().at(0).body, QByteArrayLiteral("\"just text\""));

    const auto defaulted = run(payload(R"({"url": "@URL", "secret": "k"})", m_receiver->url(QStringLiteral("/"))));
    QVERIFY2(defaulted->succeeded(), qPrintable(defaulted->error()));
    QCOMPARE(m_receiver->requests().at(1).body, QByteArrayLiteral("{}"));
}

void TestWebhookExecutor::deliveryIdIsTheRunId()
{
    const auto harness =
        run(payload(R"({"url": "@URL", "secret": "k"})", m_receiver->url(QStringLiteral("/"))), /*runId=*/4711);
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(m_receiver->requests().at(0).header("X-Vigia-Delivery"), QByteArrayLiteral("4711"));
}

void TestWebhookExecutor::wrongSecretIsRejectedByReceiver()
{
    m_receiver->setHandler(verifyingReceiver("the-real-secret"));
    const QUrl url = m_receiver->url(QStringLiteral("/hooks/vigia"));
    const auto harness = run(payload(R"({"url": "@URL", "secret": "a-guess", "body": {"x": 1}})", url));
    QVERIFY(!harness->succeeded());
    QCOMPARE(harness->errorReason(), QStringLiteral("HTTP 401 Unauthorized from POST ") + url.toString());
    QCOMPARE(harness->errorDetail(), QStringLiteral("bad signature"));
}

void TestWebhookExecutor::serverErrorFails()
{
    m_receiver->setHandler([](const Request &) { return status(500, "boom"); });
    const QUrl url = m_receiver->url(QStringLiteral("/hooks/vigia"));
    const auto harness = run(payload(R"({"url": "@URL", "secret": "k", "body": {"x": 1}})", url));
    QVERIFY(!harness->succeeded());
    QCOMPARE(harness->errorReason(), QStringLiteral("HTTP 500 Internal Server Error from POST ") + url.toString());
    QCOMPARE(harness->errorDetail(), QStringLiteral("boom"));
    QCOMPARE(harness->verdicts(), 1);
}

void TestWebhookExecutor::redirectIsNotFollowed()
{
    m_receiver->setHandler([](const Request &request) {
        Response response = status(request.path() == QLatin1String("/old") ? 307 : 204);
        response.headers.append({QByteArrayLiteral("Location"), QByteArrayLiteral("/new")});
        return response;
    });
    const auto harness = run(payload(R"({"url": "@URL", "secret": "k"})", m_receiver->url(QStringLiteral("/old"))));
    QVERIFY(!harness->succeeded());
    QVERIFY2(harness->errorReason().startsWith(QLatin1String("HTTP 307 ")), qPrintable(harness->error()));
    QCOMPARE(m_receiver->requests().size(), 1);
}

void TestWebhookExecutor::customHeadersAreSent()
{
    const auto harness = run(payload(R"({"url": "@URL", "secret": "k", "headers": {"X-Tenant": "blue"}})",
                                     m_receiver->url(QStringLiteral("/"))));
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(m_receiver->requests().at(0).header("X-Tenant"), QByteArrayLiteral("blue"));
}

void TestWebhookExecutor::validateAcceptsFullPayload()
{
    const QJsonObject full = payload(R"({"url": "https://example.invalid/hook", "secret": "k", )"
                                     R"("body": [1, {"a": null}], "headers": {"X-A": "b"}, "timeout_ms": 10000})");
    QCOMPARE(m_executor->validate(full), QString());
}

void TestWebhookExecutor::validateRejectsBadPayloads_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("no url") << QByteArray(R"({"secret": "k"})") << QStringLiteral("\"url\"");
    QTest::newRow("ftp url") << QByteArray(R"({"url": "ftp://h/", "secret": "k"})") << QStringLiteral("\"url\"");
    QTest::newRow("no secret") << QByteArray(R"({"url": "http://h/"})") << QStringLiteral("\"secret\"");
    QTest::newRow("empty secret") << QByteArray(R"({"url": "http://h/", "secret": ""})")
                                  << QStringLiteral("\"secret\"");
    QTest::newRow("secret not a string") << QByteArray(R"({"url": "http://h/", "secret": 12})")
                                         << QStringLiteral("\"secret\"");
    QTest::newRow("headers not an object")
        << QByteArray(R"({"url": "http://h/", "secret": "k", "headers": 1})") << QStringLiteral("\"headers\"");
    QTest::newRow("signature header forged")
        << QByteArray(R"({"url": "http://h/", "secret": "k", "headers": {"x-vigia-signature": "sha256=00"}})")
        << QStringLiteral("X-Vigia-Signature");
    QTest::newRow("content type overridden")
        << QByteArray(R"({"url": "http://h/", "secret": "k", "headers": {"Content-Type": "text/plain"}})")
        << QStringLiteral("Content-Type");
    QTest::newRow("timeout negative") << QByteArray(R"({"url": "http://h/", "secret": "k", "timeout_ms": 0})")
                                      << QStringLiteral("\"timeout_ms\"");
    QTest::newRow("unknown field") << QByteArray(R"({"url": "http://h/", "secret": "k", "method": "PUT"})")
                                   << QStringLiteral("\"method\"");
}

void TestWebhookExecutor::validateRejectsBadPayloads()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const QString problem = m_executor->validate(QJsonDocument::fromJson(json).object());
    QVERIFY2(problem.contains(field), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestWebhookExecutor)
#include "tst_webhookexecutor.moc"
