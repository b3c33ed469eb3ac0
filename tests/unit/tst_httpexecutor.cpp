// The `http` kind against a local server on 127.0.0.1: statuses accepted and rejected, redirects, timeouts and abort,
// bounded bodies, items_pointer, request bodies and headers as sent, payload validation, and the worker's shared
// network manager. Network time is real; nothing sleeps a fixed time, tests wait for signals or conditions.
#include "executionharness.h"
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"
#include "localhttpserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace vigia;
using namespace vigia::test;

namespace {

// A payload from JSON text; "@URL" stands for `url`.
QJsonObject payload(const char *json, const QUrl &url = {})
{
    const QString text = QString::fromUtf8(json).replace(QLatin1String("@URL"), url.toString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test payload %s: %s", json, qPrintable(error.errorString()));
    return document.object();
}

using Response = LocalHttpServer::Response;

Response respondWith(int status, const QByteArray &body = {}, const LocalHttpServer::Headers &headers = {})
{
    Response response;
    response.status = status;
    response.body = body;
    response.headers = headers;
    return response;
}

// A self-signed certificate for 127.0.0.1 made with the openssl command line, or nothing when that is unavailable.
std::optional<QSslConfiguration> selfSignedTls(const QTemporaryDir &dir)
{
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        return std::nullopt;
    QFile keyFile(key);
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(cert);
    if (certificates.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificates.first());
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Ec));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

// Records which network manager and thread each run saw.
struct NetworkProbe {
    QMutex mutex;
    QVector<QNetworkAccessManager *> managers;
    QVector<QThread *> managerThreads;
    QVector<QThread *> runThreads;
};
NetworkProbe g_probe;

class ProbeExecutor final : public Executor {
    class Probe final : public Execution {
    public:
        void start(ExecutionContext &context) override
        {
            QNetworkAccessManager *network = context.network();
            {
                QMutexLocker lock(&g_probe.mutex);
                g_probe.managers << network;
                g_probe.managerThreads << network->thread();
                g_probe.runThreads << QThread::currentThread();
            }
            context.succeed();
        }
    };

public:
    QString kind() const override { return QStringLiteral("probe"); }
    QString validate(const QJsonObject &) const override { return {}; }
    std::unique_ptr<Execution> create() const override { return std::make_unique<Probe>(); }
};

} // namespace

class TestHttpExecutor : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void statusDecidesOutcome_data();
    void statusDecidesOutcome();
    void rejectedStatusGivesOneLineReasonAndBodyAsDetail();
    void failureMessageHidesCredentialsAndQuery();
    void resultRecordsStatusDurationAndBody();
    void largeBodyIsCutTo4KiBAndFlagged();
    void redirectIsFollowedByDefault();
    void redirectIsNotFollowedWhenDisabled();
    void slowResponseTimesOutAndClosesConnection();
    void abortClosesConnectionWithoutVerdict();
    void itemsPointerReadsCountFromJson_data();
    void itemsPointerReadsCountFromJson();
    void methodIsSentAsGiven_data();
    void methodIsSentAsGiven();
    void postSendsJsonBodyIntact();
    void stringBodyAndHeadersSentAsGiven();
    void explicitContentTypeWins();
    void headReadsNoBody();
    void connectionRefusedFailsWithQtError();
    void untrustedCertificateFailsUnlessVerificationIsOff();
    void validateAcceptsFullPayload();
    void validateRejectsBadPayloads_data();
    void validateRejectsBadPayloads();
    void workerSharesOneNetworkManagerOnItsThread();
    void manyRequestsInFlightOnOneWorker();
    void runTimeoutOnWorkerAbortsRequest();

private:
    // Runs one execution to its end (or fails the test).
    std::unique_ptr<ExecutionHarness> run(const QJsonObject &payload);

    std::unique_ptr<Executor> m_executor = makeHttpExecutor();
    std::unique_ptr<LocalHttpServer> m_server;
};

void TestHttpExecutor::init()
{
    m_server = std::make_unique<LocalHttpServer>();
    QVERIFY(m_server->isListening());
}

void TestHttpExecutor::cleanup()
{
    m_server.reset();
}

std::unique_ptr<ExecutionHarness> TestHttpExecutor::run(const QJsonObject &payload)
{
    const QString problem = m_executor->validate(payload);
    if (!problem.isEmpty())
        qWarning().noquote() << "payload rejected:" << problem;
    auto harness = std::make_unique<ExecutionHarness>(*m_executor, payload);
    harness->start();
    if (!harness->waitFinished())
        qWarning("execution did not finish");
    return harness;
}

void TestHttpExecutor::statusDecidesOutcome_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("accept"); // JSON; empty: the default
    QTest::addColumn<bool>("succeeds");

    QTest::newRow("200 by default") << 200 << QByteArray() << true;
    QTest::newRow("204 by default") << 204 << QByteArray() << true;
    QTest::newRow("404 by default") << 404 << QByteArray() << false;
    QTest::newRow("503 by default") << 503 << QByteArray() << false;
    QTest::newRow("404 listed") << 404 << QByteArrayLiteral("[200, 404]") << true;
    QTest::newRow("200 not listed") << 200 << QByteArrayLiteral("[204]") << false;
    QTest::newRow("201 in 2xx") << 201 << QByteArray(R"(["2xx"])") << true;
    QTest::newRow("503 in 5xx") << 503 << QByteArray(R"(["5xx"])") << true;
    QTest::newRow("500 not in 2xx") << 500 << QByteArray(R"(["2xx"])") << false;
    QTest::newRow("418 in range") << 418 << QByteArray(R"(["400-499", 200])") << true;
    QTest::newRow("500 outside range") << 500 << QByteArray(R"(["400-499"])") << false;
}

void TestHttpExecutor::statusDecidesOutcome()
{
    QFETCH(int, status);
    QFETCH(QByteArray, accept);
    QFETCH(bool, succeeds);
    m_server->setHandler([status](const LocalHttpServer::Request &) { return respondWith(status, "body"); });
    QJsonObject p = payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/status")));
    if (!accept.isEmpty())
        p.insert(QStringLiteral("accept"), QJsonDocument::fromJson(accept).array());
    const auto harness = run(p);
    QVERIFY(harness->isFinished());
    QCOMPARE(harness->succeeded(), succeeds);
    QCOMPARE(harness->verdicts(), 1);
    if (succeeds)
        QCOMPARE(harness->resultObject().value(QLatin1String("status")).toInt(), status);
    else
        QVERIFY2(harness->errorReason().startsWith(QStringLiteral("HTTP %1 ").arg(status)),
                 qPrintable(harness->error()));
}

void TestHttpExecutor::rejectedStatusGivesOneLineReasonAndBodyAsDetail()
{
    m_server->setHandler(
        [](const LocalHttpServer::Request &) { return respondWith(503, "down for maintenance\nback at 10:00"); });
    const QUrl url = m_server->url(QStringLiteral("/api/health"));
    const auto harness = run(payload(R"({"url": "@URL"})", url));
    QVERIFY(!harness->succeeded());
    QCOMPARE(harness->errorReason(), QStringLiteral("HTTP 503 Service Unavailable from GET ") + url.toString());
    QCOMPARE(harness->errorDetail(), QStringLiteral("down for maintenance\nback at 10:00"));
}

void TestHttpExecutor::failureMessageHidesCredentialsAndQuery()
{
    m_server->setHandler([](const LocalHttpServer::Request &) { return respondWith(500); });
    QUrl url = m_server->url(QStringLiteral("/hook?token=s3cr3t-token"));
    url.setUserInfo(QStringLiteral("user:pa55word"));
    const auto harness = run(payload(R"({"url": "@URL"})", url));
    QVERIFY(!harness->succeeded());
    QVERIFY2(!harness->error().contains(QLatin1String("s3cr3t")), qPrintable(harness->error()));
    QVERIFY2(!harness->error().contains(QLatin1String("pa55word")), qPrintable(harness->error()));
    QVERIFY2(harness->errorReason().endsWith(QLatin1String("/hook")), qPrintable(harness->error()));
}

void TestHttpExecutor::resultRecordsStatusDurationAndBody()
{
    m_server->setHandler([](const LocalHttpServer::Request &) { return respondWith(200, "hello, vigia"); });
    const auto harness = run(payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/"))));
    QVERIFY(harness->succeeded());
    const QJsonObject result = harness->resultObject();
    QCOMPARE(result.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(result.value(QLatin1String("body")).toString(), QStringLiteral("hello, vigia"));
    QCOMPARE(result.value(QLatin1String("body_truncated")), QJsonValue(false));
    QVERIFY(result.value(QLatin1String("duration_ms")).isDouble());
    QVERIFY(result.value(QLatin1String("duration_ms")).toInteger() >= 0);
    QVERIFY(!result.contains(QLatin1String("items_processed")));
}

void TestHttpExecutor::largeBodyIsCutTo4KiBAndFlagged()
{
    QByteArray body;
    for (int i = 0; body.size() < 100 * 1024; ++i)
        body += QByteArray::number(i) + ' ';
    body.truncate(100 * 1024);
    m_server->setHandler([body](const LocalHttpServer::Request &) { return respondWith(200, body); });
    const auto harness = run(payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/big"))));
    QVERIFY(harness->succeeded());
    const QJsonObject result = harness->resultObject();
    QCOMPARE(result.value(QLatin1String("body")).toString(), QString::fromLatin1(body.left(4096)));
    QCOMPARE(result.value(QLatin1String("body_truncated")), QJsonValue(true));
}

void TestHttpExecutor::redirectIsFollowedByDefault()
{
    m_server->setHandler([](const LocalHttpServer::Request &request) {
        if (request.path() == QLatin1String("/old"))
            return respondWith(302, "moved", {{"Location", "/new"}});
        return respondWith(200, "new place");
    });
    const auto harness = run(payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/old"))));
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(harness->resultObject().value(QLatin1String("body")).toString(), QStringLiteral("new place"));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).path(), QStringLiteral("/new"));
}

void TestHttpExecutor::redirectIsNotFollowedWhenDisabled()
{
    m_server->setHandler([](const LocalHttpServer::Request &request) {
        if (request.path() == QLatin1String("/old"))
            return respondWith(302, "moved", {{"Location", "/new"}});
        return respondWith(200, "new place");
    });
    const QUrl url = m_server->url(QStringLiteral("/old"));
    const auto rejected = run(payload(R"({"url": "@URL", "follow_redirects": false})", url));
    QVERIFY(!rejected->succeeded());
    QCOMPARE(rejected->errorReason(), QStringLiteral("HTTP 302 Found from GET ") + url.toString());

    const auto accepted = run(payload(R"({"url": "@URL", "follow_redirects": false, "accept": [302]})", url));
    QVERIFY2(accepted->succeeded(), qPrintable(accepted->error()));
    QCOMPARE(accepted->resultObject().value(QLatin1String("status")).toInt(), 302);
    QCOMPARE(accepted->resultObject().value(QLatin1String("body")).toString(), QStringLiteral("moved"));
    for (const LocalHttpServer::Request &request : m_server->requests())
        QCOMPARE(request.path(), QStringLiteral("/old"));
}

void TestHttpExecutor::slowResponseTimesOutAndClosesConnection()
{
    m_server->setHandler([](const LocalHttpServer::Request &) {
        Response response;
        response.hold = true;
        return response;
    });
    const auto harness = run(payload(R"({"url": "@URL", "timeout_ms": 300})", m_server->url(QStringLiteral("/slow"))));
    QVERIFY(harness->isFinished());
    QVERIFY(!harness->succeeded());
    QVERIFY2(harness->errorReason().contains(QLatin1String("no complete response within 300 ms")),
             qPrintable(harness->error()));
    QTRY_COMPARE(m_server->openConnections(), 0);
    QCOMPARE(harness->verdicts(), 1);
}

void TestHttpExecutor::abortClosesConnectionWithoutVerdict()
{
    m_server->setHandler([](const LocalHttpServer::Request &) {
        Response response;
        response.hold = true;
        return response;
    });
    QSignalSpy received(m_server.get(), &LocalHttpServer::requestReceived);
    ExecutionHarness harness(*m_executor, payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/hang"))));
    harness.start();
    QVERIFY(received.wait());
    QCOMPARE(m_server->openConnections(), 1);
    harness.abort();
    QTRY_COMPARE(m_server->openConnections(), 0);
    QCOMPARE(harness.verdicts(), 0);
}

void TestHttpExecutor::itemsPointerReadsCountFromJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<qint64>("items"); // -1: null, with items_error set

    QTest::newRow("number") << QByteArray(R"({"data": {"count": 42}})") << QStringLiteral("/data/count") << qint64(42);
    QTest::newRow("array length") << QByteArray(R"({"items": [1, 2, 3]})") << QStringLiteral("/items") << qint64(3);
    QTest::newRow("array index") << QByteArray(R"([{"n": 7}])") << QStringLiteral("/0/n") << qint64(7);
    QTest::newRow("escapes") << QByteArray(R"({"a/b": {"m~n": 5}})") << QStringLiteral("/a~1b/m~0n") << qint64(5);
    QTest::newRow("missing") << QByteArray(R"({"data": {}})") << QStringLiteral("/data/count") << qint64(-1);
    QTest::newRow("not a count") << QByteArray(R"({"count": "many"})") << QStringLiteral("/count") << qint64(-1);
    QTest::newRow("not JSON") << QByteArrayLiteral("<html>") << QStringLiteral("/count") << qint64(-1);
}

void TestHttpExecutor::itemsPointerReadsCountFromJson()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, pointer);
    QFETCH(qint64, items);
    m_server->setHandler([body](const LocalHttpServer::Request &) {
        return respondWith(200, body, {{"Content-Type", "application/json"}});
    });
    QJsonObject p = payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/stats")));
    p.insert(QStringLiteral("items_pointer"), pointer);
    const auto harness = run(p);
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    const QJsonObject result = harness->resultObject();
    if (items >= 0) {
        QCOMPARE(result.value(QLatin1String("items_processed")).toInteger(), items);
        QVERIFY(!result.contains(QLatin1String("items_error")));
    } else {
        QVERIFY(result.value(QLatin1String("items_processed")).isNull());
        QVERIFY(!result.value(QLatin1String("items_error")).toString().isEmpty());
    }
}

void TestHttpExecutor::methodIsSentAsGiven_data()
{
    QTest::addColumn<QString>("method");
    for (const char *method : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "delete"})
        QTest::newRow(method) << QString::fromLatin1(method);
}

void TestHttpExecutor::methodIsSentAsGiven()
{
    QFETCH(QString, method);
    QJsonObject p = payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/m")));
    p.insert(QStringLiteral("method"), method);
    const auto harness = run(p);
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(QString::fromLatin1(m_server->requests().at(0).method), method.toUpper());
}

void TestHttpExecutor::postSendsJsonBodyIntact()
{
    const QJsonObject body = payload(R"({"name": "vigia", "n": [1, 2.5, true, null], "nested": {"k": "välue"}})");
    QJsonObject p = payload(R"({"method": "POST", "url": "@URL"})", m_server->url(QStringLiteral("/ingest")));
    p.insert(QStringLiteral("body"), body);
    const auto harness = run(p);
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(m_server->requests().size(), 1);
    const LocalHttpServer::Request request = m_server->requests().at(0);
    QCOMPARE(request.method, QByteArrayLiteral("POST"));
    QCOMPARE(request.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(QJsonDocument::fromJson(request.body).object(), body);
}

void TestHttpExecutor::stringBodyAndHeadersSentAsGiven()
{
    const QJsonObject p = payload(
        R"({"method": "PUT", "url": "@URL", "body": "plain text, ü", "headers": {"X-Trace": "abc-123", "Authorization": "Bearer t0k"}})",
        m_server->url(QStringLiteral("/doc")));
    const auto harness = run(p);
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    const LocalHttpServer::Request request = m_server->requests().at(0);
    QCOMPARE(request.method, QByteArrayLiteral("PUT"));
    QCOMPARE(request.body, QStringLiteral("plain text, ü").toUtf8());
    QCOMPARE(request.header("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8"));
    QCOMPARE(request.header("X-Trace"), QByteArrayLiteral("abc-123"));
    QCOMPARE(request.header("Authorization"), QByteArrayLiteral("Bearer t0k"));
}

void TestHttpExecutor::explicitContentTypeWins()
{
    const QJsonObject p = payload(R"({"method": "PATCH", "url": "@URL", "body": {"a": 1}, )"
                                  R"("headers": {"content-type": "application/merge-patch+json"}})",
                                  m_server->url(QStringLiteral("/doc")));
    const auto harness = run(p);
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    const LocalHttpServer::Request request = m_server->requests().at(0);
    QCOMPARE(request.header("Content-Type"), QByteArrayLiteral("application/merge-patch+json"));
    QCOMPARE(request.body, QByteArray(R"({"a":1})"));
}

void TestHttpExecutor::headReadsNoBody()
{
    m_server->setHandler([](const LocalHttpServer::Request &) { return respondWith(200, "not sent for HEAD"); });
    const auto harness = run(payload(R"({"method": "HEAD", "url": "@URL"})", m_server->url(QStringLiteral("/"))));
    QVERIFY2(harness->succeeded(), qPrintable(harness->error()));
    QCOMPARE(harness->resultObject().value(QLatin1String("body")).toString(), QString());
}

void TestHttpExecutor::connectionRefusedFailsWithQtError()
{
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/x").arg(LocalHttpServer::closedPort()));
    const auto harness = run(payload(R"({"url": "@URL"})", url));
    QVERIFY(!harness->succeeded());
    QCOMPARE(harness->error(), QStringLiteral("GET ") + url.toString() + QStringLiteral(": Connection refused"));
}

void TestHttpExecutor::untrustedCertificateFailsUnlessVerificationIsOff()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QTemporaryDir dir;
    const std::optional<QSslConfiguration> tls = selfSignedTls(dir);
    if (!tls)
        QSKIP("the openssl command could not make a test certificate");
    LocalHttpServer server(*tls);
    QVERIFY(server.isListening());
    const QUrl url = server.url(QStringLiteral("/secure"));

    const auto verified = run(payload(R"({"url": "@URL"})", url));
    QVERIFY(!verified->succeeded());
    QVERIFY2(verified->errorReason().startsWith(QStringLiteral("GET ") + url.toString() + QStringLiteral(": ")),
             qPrintable(verified->error()));
    QVERIFY2(verified->errorReason().contains(QLatin1String("SSL"), Qt::CaseInsensitive),
             qPrintable(verified->error()));
    QCOMPARE(server.requests().size(), 0);

    const auto unverified = run(payload(R"({"url": "@URL", "verify_tls": false})", url));
    QVERIFY2(unverified->succeeded(), qPrintable(unverified->error()));
    QCOMPARE(unverified->resultObject().value(QLatin1String("body")).toString(), QStringLiteral("ok"));
    QCOMPARE(server.requests().size(), 1);
}

void TestHttpExecutor::validateAcceptsFullPayload()
{
    const QJsonObject p = payload(R"({"method": "POST", "url": "https://example.invalid/api?x=1", )"
                                  R"("headers": {"X-A": "b"}, "body": {"k": [1]}, "timeout_ms": 5000, )"
                                  R"("accept": [200, 204, "3xx", "400-404"], "follow_redirects": false, )"
                                  R"("verify_tls": false, "items_pointer": "/data/count"})");
    QCOMPARE(m_executor->validate(p), QString());
    const QJsonObject minimal = payload(R"({"url": "http://localhost:8080/"})");
    QCOMPARE(m_executor->validate(minimal), QString());
}

void TestHttpExecutor::validateRejectsBadPayloads_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("no url") << QByteArray(R"({})") << QStringLiteral("\"url\"");
    QTest::newRow("url not a string") << QByteArray(R"({"url": 5})") << QStringLiteral("\"url\"");
    QTest::newRow("url not absolute") << QByteArray(R"({"url": "/relative"})") << QStringLiteral("\"url\"");
    QTest::newRow("url garbage") << QByteArray(R"({"url": "http://exa mple.com/"})") << QStringLiteral("\"url\"");
    QTest::newRow("ftp url") << QByteArray(R"({"url": "ftp://example.com/f"})") << QStringLiteral("\"url\"");
    QTest::newRow("file url") << QByteArray(R"({"url": "file:///etc/passwd"})") << QStringLiteral("\"url\"");
    QTest::newRow("unknown method") << QByteArray(R"({"url": "http://h/", "method": "FETCH"})")
                                    << QStringLiteral("\"method\"");
    QTest::newRow("method not a string") << QByteArray(R"({"url": "http://h/", "method": 1})")
                                         << QStringLiteral("\"method\"");
    QTest::newRow("headers a list") << QByteArray(R"({"url": "http://h/", "headers": ["X: y"]})")
                                    << QStringLiteral("\"headers\"");
    QTest::newRow("header value a number")
        << QByteArray(R"({"url": "http://h/", "headers": {"X-N": 1}})") << QStringLiteral("\"headers\"");
    QTest::newRow("header name with space")
        << QByteArray(R"({"url": "http://h/", "headers": {"Bad Name": "v"}})") << QStringLiteral("\"headers\"");
    QTest::newRow("header injection") << QByteArray(R"({"url": "http://h/", "headers": {"X": "a\r\nB: c"}})")
                                      << QStringLiteral("\"headers\"");
    QTest::newRow("body with HEAD") << QByteArray(R"({"url": "http://h/", "method": "HEAD", "body": "x"})")
                                    << QStringLiteral("\"body\"");
    QTest::newRow("timeout negative") << QByteArray(R"({"url": "http://h/", "timeout_ms": -1})")
                                      << QStringLiteral("\"timeout_ms\"");
    QTest::newRow("timeout a string") << QByteArray(R"({"url": "http://h/", "timeout_ms": "5s"})")
                                      << QStringLiteral("\"timeout_ms\"");
    QTest::newRow("timeout fractional") << QByteArray(R"({"url": "http://h/", "timeout_ms": 1.5})")
                                        << QStringLiteral("\"timeout_ms\"");
    QTest::newRow("accept empty") << QByteArray(R"({"url": "http://h/", "accept": []})")
                                  << QStringLiteral("\"accept\"");
    QTest::newRow("accept not a list") << QByteArray(R"({"url": "http://h/", "accept": "2xx"})")
                                       << QStringLiteral("\"accept\"");
    QTest::newRow("accept code out of range")
        << QByteArray(R"({"url": "http://h/", "accept": [200, 700]})") << QStringLiteral("\"accept\"[1]");
    QTest::newRow("accept bad class") << QByteArray(R"({"url": "http://h/", "accept": ["2xy"]})")
                                      << QStringLiteral("\"accept\"[0]");
    QTest::newRow("accept reversed range")
        << QByteArray(R"({"url": "http://h/", "accept": ["299-200"]})") << QStringLiteral("\"accept\"[0]");
    QTest::newRow("accept fractional") << QByteArray(R"({"url": "http://h/", "accept": [200.5]})")
                                       << QStringLiteral("\"accept\"[0]");
    QTest::newRow("follow_redirects not bool")
        << QByteArray(R"({"url": "http://h/", "follow_redirects": "yes"})") << QStringLiteral("\"follow_redirects\"");
    QTest::newRow("verify_tls not bool") << QByteArray(R"({"url": "http://h/", "verify_tls": 0})")
                                         << QStringLiteral("\"verify_tls\"");
    QTest::newRow("pointer without slash")
        << QByteArray(R"({"url": "http://h/", "items_pointer": "data"})") << QStringLiteral("\"items_pointer\"");
    QTest::newRow("pointer bad escape") << QByteArray(R"({"url": "http://h/", "items_pointer": "/a~2"})")
                                        << QStringLiteral("\"items_pointer\"");
    QTest::newRow("unknown field") << QByteArray(R"({"url": "http://h/", "timeout": 5})")
                                   << QStringLiteral("\"timeout\"");
}

void TestHttpExecutor::validateRejectsBadPayloads()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const QString problem = m_executor->validate(QJsonDocument::fromJson(json).object());
    QVERIFY2(problem.contains(field), qPrintable(problem));
    QVERIFY2(!problem.contains(u'\n'), qPrintable(problem));
}

void TestHttpExecutor::workerSharesOneNetworkManagerOnItsThread()
{
    {
        QMutexLocker lock(&g_probe.mutex);
        g_probe.managers.clear();
        g_probe.managerThreads.clear();
        g_probe.runThreads.clear();
    }
    ExecutorRegistry registry = ExecutorRegistry::withBuiltins();
    registry.add(std::make_unique<ProbeExecutor>());
    WorkerHarness worker(std::move(registry));
    worker.start({claimedRun(1, QStringLiteral("probe"), {}), claimedRun(2, QStringLiteral("probe"), {})});
    worker.start({claimedRun(3, QStringLiteral("probe"), {})});
    QVERIFY(worker.waitResults(3));
    QMutexLocker lock(&g_probe.mutex);
    QCOMPARE(g_probe.managers.size(), 3);
    QVERIFY(g_probe.managers.at(0) != nullptr);
    QCOMPARE(g_probe.managers.at(1), g_probe.managers.at(0));
    QCOMPARE(g_probe.managers.at(2), g_probe.managers.at(0));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(g_probe.runThreads.at(i), worker.thread());
        QCOMPARE(g_probe.managerThreads.at(i), worker.thread());
    }
}

void TestHttpExecutor::manyRequestsInFlightOnOneWorker()
{
    // Every response waits until all requests the client may open at once have arrived, so the runs are provably in
    // flight together on the one worker thread. Qt opens at most six connections per host.
    constexpr int Runs = 24;
    constexpr int Parallel = 6;
    m_server->setHandler([](const LocalHttpServer::Request &) {
        Response response = respondWith(200, "done");
        response.delayMs = 50;
        return response;
    });
    WorkerHarness worker(ExecutorRegistry::withBuiltins());
    QVector<Run> runs;
    for (int i = 1; i <= Runs; ++i) {
        runs << claimedRun(i, QStringLiteral("http"),
                           payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/r%1").arg(i))));
    }
    worker.start(runs);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->openConnections() >= Parallel, 10000);
    QVERIFY(worker.waitResults(Runs));
    for (const RunResult &result : worker.results())
        QVERIFY2(result.outcome == RunResult::Outcome::Succeeded, qPrintable(result.error));
    QCOMPARE(m_server->requests().size(), Runs);
}

void TestHttpExecutor::runTimeoutOnWorkerAbortsRequest()
{
    m_server->setHandler([](const LocalHttpServer::Request &) {
        Response response;
        response.hold = true;
        return response;
    });
    QSignalSpy received(m_server.get(), &LocalHttpServer::requestReceived);
    WorkerHarness worker(ExecutorRegistry::withBuiltins(), /*defaultTimeoutMs=*/300);
    worker.start(
        {claimedRun(7, QStringLiteral("http"), payload(R"({"url": "@URL"})", m_server->url(QStringLiteral("/hang"))))});
    QVERIFY(received.wait());
    QVERIFY(worker.waitResults(1));
    QCOMPARE(worker.results().at(0).outcome, RunResult::Outcome::TimedOut);
    QTRY_COMPARE(m_server->openConnections(), 0);
}

QTEST_GUILESS_MAIN(TestHttpExecutor)
#include "tst_httpexecutor.moc"
