// Kind `webhook`: POSTs a signed JSON document. Payload:
//   {"url": "http(s)://...", "body": any JSON value (default {}), "secret": "HMAC key", "headers": {"Name": "value"},
//    "timeout_ms": N}
// Headers sent: Content-Type: application/json; X-Vigia-Timestamp: <Unix seconds>; X-Vigia-Signature:
// sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the secret>, so that a receiver can check who sent the body
// and refuse replays of old deliveries; X-Vigia-Delivery: <run id>, the same on every retry, so that a receiver can
// drop duplicates of an at-least-once delivery. Redirects are not followed (a POST must not become a GET somewhere
// else); any status but 2xx fails the attempt. Result as for `http`.
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"
#include "executors/httpcall.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace vigia {

namespace {
const QByteArray TimestampHeader = QByteArrayLiteral("X-Vigia-Timestamp");
const QByteArray SignatureHeader = QByteArrayLiteral("X-Vigia-Signature");
const QByteArray DeliveryHeader = QByteArrayLiteral("X-Vigia-Delivery");
const QByteArray ContentTypeHeader = QByteArrayLiteral("Content-Type");

struct WebhookJob {
    HttpRequest request;
    QByteArray secret;
};

QString parseSecret(const QJsonObject &payload, QByteArray *secret)
{
    const QJsonValue value = payload.value(QLatin1String("secret"));
    if (value.isUndefined())
        return QCoreApplication::translate("Executors", "\"secret\" is missing: deliveries are signed with it");
    if (!value.isString() || value.toString().isEmpty())
        return QCoreApplication::translate("Executors", "\"secret\" must be a non-empty string");
    *secret = value.toString().toUtf8();
    return {};
}

QString checkReservedHeaders(const HttpHeaders &headers)
{
    for (const QByteArray &name : {ContentTypeHeader, TimestampHeader, SignatureHeader, DeliveryHeader}) {
        if (hasHeader(headers, name))
            return QCoreApplication::translate("Executors", "\"headers\": %1 is set by the webhook kind itself")
                .arg(QString::fromLatin1(name));
    }
    return {};
}

QString parseWebhookJob(const QJsonObject &payload, WebhookJob *job)
{
    HttpRequest &request = job->request;
    request.method = QByteArrayLiteral("POST");
    request.followRedirects = false;
    request.hasBody = true;
    request.body = payload.contains(QLatin1String("body")) ? jsonText(payload.value(QLatin1String("body")))
                                                           : QByteArrayLiteral("{}");
    for (const QString &problem : {checkKnownFields(payload, {"url", "body", "secret", "headers", "timeout_ms"}),
                                   parseUrlField(payload, &request.url), parseSecret(payload, &job->secret),
                                   parseHeadersField(payload, &request.headers), checkReservedHeaders(request.headers),
                                   parseTimeoutField(payload, &request.timeoutMs)}) {
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

class WebhookExecution final : public Execution {
public:
    void start(ExecutionContext &context) override
    {
        WebhookJob job;
        const QString problem = parseWebhookJob(context.payload(), &job);
        if (!problem.isEmpty()) {
            context.fail(QCoreApplication::translate("Executors", "invalid payload: %1").arg(problem));
            return;
        }
        // Wall-clock time, not the engine clock: the receiver compares it with its own clock to refuse replays.
        const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray signature =
            QMessageAuthenticationCode::hash(timestamp + '.' + job.request.body, job.secret, QCryptographicHash::Sha256)
                .toHex();
        HttpRequest &request = job.request;
        request.headers.append({ContentTypeHeader, QByteArrayLiteral("application/json")});
        request.headers.append({TimestampHeader, timestamp});
        request.headers.append({SignatureHeader, QByteArrayLiteral("sha256=") + signature});
        request.headers.append({DeliveryHeader, QByteArray::number(context.run().id)});

        ExecutionContext *ctx = &context;
        m_call.start(context.network(), request, [ctx, request](const HttpResponse &response) {
            if (!response.completed || response.status < 200 || response.status > 299) {
                failHttp(*ctx, request, response);
                return;
            }
            ctx->succeed(QJsonDocument(responseRecord(response)).toJson(QJsonDocument::Compact));
        });
    }
    void abort() override { m_call.abort(); }

private:
    HttpCall m_call;
};

class WebhookExecutor final : public Executor {
public:
    QString kind() const override { return QStringLiteral("webhook"); }
    QString validate(const QJsonObject &payload) const override
    {
        WebhookJob job;
        return parseWebhookJob(payload, &job);
    }
    std::unique_ptr<Execution> create() const override { return std::make_unique<WebhookExecution>(); }
};
} // namespace

std::unique_ptr<Executor> makeWebhookExecutor()
{
    return std::make_unique<WebhookExecutor>();
}

} // namespace vigia
