// Kind `http`: one HTTP request, successful when the response status is accepted. Payload:
//   {"method": "GET" (default) | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD", "url": "http(s)://...",
//    "headers": {"Name": "value"}, "body": "text" or any other JSON value (sent as application/json),
//    "timeout_ms": N, "accept": [200, "2xx", "200-299"] (default ["2xx"]), "follow_redirects": true,
//    "verify_tls": true, "items_pointer": "/data/count"}
// Result: {"status", "duration_ms", "body" (first 4 KiB as text), "body_truncated", "items_processed"}.
// Requests go through the worker thread's network manager, so calls in flight cost no thread each.
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"
#include "executors/httpcall.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <optional>

namespace vigia {

namespace {
// With items_pointer the body is parsed as JSON, so more of it is kept; a count lives in a response of sane size.
constexpr qint64 PointerBodyBytes = 1024 * 1024;

struct StatusRange {
    int low;
    int high;
};

struct HttpJob {
    HttpRequest request;
    QVector<StatusRange> accept{{200, 299}};
    std::optional<QString> itemsPointer;
};

QString parseMethod(const QJsonObject &payload, QByteArray *method)
{
    const QJsonValue value = payload.value(QLatin1String("method"));
    if (value.isUndefined())
        return {};
    static const QStringList known{QStringLiteral("GET"),   QStringLiteral("POST"),   QStringLiteral("PUT"),
                                   QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD")};
    const QString name = value.toString().toUpper();
    if (!value.isString() || !known.contains(name))
        return QCoreApplication::translate("Executors", "\"method\" must be one of %1")
            .arg(known.join(QLatin1String(", ")));
    *method = name.toLatin1();
    return {};
}

QString parseAccept(const QJsonObject &payload, QVector<StatusRange> *accept)
{
    const QJsonValue value = payload.value(QLatin1String("accept"));
    if (value.isUndefined())
        return {};
    if (!value.isArray() || value.toArray().isEmpty())
        return QCoreApplication::translate(
            "Executors", "\"accept\" must be a non-empty list of status codes (200), classes (\"2xx\") or ranges "
                         "(\"200-299\")");
    static const QRegularExpression statusClass(QStringLiteral("^([1-5])xx$"));
    static const QRegularExpression statusRange(QStringLiteral("^(\\d{3})-(\\d{3})$"));
    QVector<StatusRange> ranges;
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        std::optional<StatusRange> range;
        if (item.isDouble() && item.toDouble() == double(item.toInt())) {
            range = StatusRange{item.toInt(), item.toInt()};
        } else if (item.isString()) {
            const QString text = item.toString().toLower();
            if (const QRegularExpressionMatch m = statusClass.match(text); m.hasMatch())
                range = StatusRange{m.captured(1).toInt() * 100, m.captured(1).toInt() * 100 + 99};
            else if (const QRegularExpressionMatch r = statusRange.match(text); r.hasMatch())
                range = StatusRange{r.captured(1).toInt(), r.captured(2).toInt()};
        }
        if (!range || range->low < 100 || range->high > 599 || range->low > range->high)
            return QCoreApplication::translate(
                       "Executors",
                       "\"accept\"[%1]: %2 is not a status code (100-599), a class like \"2xx\" or a range like "
                       "\"200-299\"")
                .arg(i)
                .arg(QString::fromUtf8(jsonText(item)));
        ranges.append(*range);
    }
    *accept = ranges;
    return {};
}

QString parseItemsPointer(const QJsonObject &payload, std::optional<QString> *pointer)
{
    const QJsonValue value = payload.value(QLatin1String("items_pointer"));
    if (value.isUndefined())
        return {};
    static const QRegularExpression syntax(QStringLiteral("^(/([^~/]|~[01])*)*$"));
    if (!value.isString() || !syntax.match(value.toString()).hasMatch())
        return QCoreApplication::translate("Executors",
                                           "\"items_pointer\" must be a JSON pointer such as \"/data/count\"");
    *pointer = value.toString();
    return {};
}

QString parseBody(const QJsonObject &payload, HttpRequest *request)
{
    const QJsonValue value = payload.value(QLatin1String("body"));
    if (value.isUndefined() || value.isNull())
        return {};
    if (request->method == "HEAD")
        return QCoreApplication::translate("Executors", "\"body\" is not allowed with method HEAD");
    request->hasBody = true;
    QByteArray contentType;
    if (value.isString()) {
        request->body = value.toString().toUtf8();
        contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    } else {
        request->body = jsonText(value);
        contentType = QByteArrayLiteral("application/json");
    }
    if (!hasHeader(request->headers, QByteArrayLiteral("Content-Type")))
        request->headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return {};
}

QString parseHttpJob(const QJsonObject &payload, HttpJob *job)
{
    HttpRequest &request = job->request;
    for (const QString &problem :
         {checkKnownFields(payload, {"method", "url", "headers", "body", "timeout_ms", "accept", "follow_redirects",
                                     "verify_tls", "items_pointer"}),
          parseMethod(payload, &request.method), parseUrlField(payload, &request.url),
          parseHeadersField(payload, &request.headers), parseBody(payload, &request),
          parseTimeoutField(payload, &request.timeoutMs), parseAccept(payload, &job->accept),
          parseBoolField(payload, "follow_redirects", &request.followRedirects),
          parseBoolField(payload, "verify_tls", &request.verifyTls), parseItemsPointer(payload, &job->itemsPointer)}) {
        if (!problem.isEmpty())
            return problem;
    }
    if (job->itemsPointer)
        request.keepBytes = PointerBodyBytes;
    return {};
}

// RFC 6901: "/a/0/b~1c" walks object key "a", array index 0, object key "b/c".
std::optional<QJsonValue> resolvePointer(const QJsonValue &root, const QString &pointer)
{
    QJsonValue current = root;
    if (pointer.isEmpty())
        return current;
    const QStringList tokens = pointer.mid(1).split(u'/');
    for (QString token : tokens) {
        token.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            if (!object.contains(token))
                return std::nullopt;
            current = object.value(token);
        } else if (current.isArray()) {
            bool ok = false;
            const qsizetype index = token.toLongLong(&ok);
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size() || (token.size() > 1 && token.startsWith(u'0')))
                return std::nullopt;
            current = array.at(index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}

// A count read from the response: a whole number, or the length of an array. A missing count is recorded, not a
// failure: the call itself succeeded, and retrying it (a POST, say) to get a number would do harm.
void recordItems(const HttpResponse &response, const QString &pointer, QJsonObject *record)
{
    QString problem;
    if (response.bodyBytes > PointerBodyBytes) {
        problem = QCoreApplication::translate("Executors", "response larger than %1 bytes; items_pointer not read")
                      .arg(PointerBodyBytes);
    } else {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        if (error.error != QJsonParseError::NoError) {
            problem = QCoreApplication::translate("Executors", "response is not JSON (%1); items_pointer not read")
                          .arg(error.errorString());
        } else {
            const QJsonValue root = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
            const std::optional<QJsonValue> value = resolvePointer(root, pointer);
            if (!value) {
                problem = QCoreApplication::translate("Executors", "items_pointer \"%1\" not found in the response")
                              .arg(pointer);
            } else if (value->isArray()) {
                record->insert(QStringLiteral("items_processed"), value->toArray().size());
            } else if (value->isDouble() && value->toDouble() >= 0 && value->toDouble() == double(value->toInteger())) {
                record->insert(QStringLiteral("items_processed"), value->toInteger());
            } else {
                problem =
                    QCoreApplication::translate("Executors", "items_pointer \"%1\" is not a whole number or a list")
                        .arg(pointer);
            }
        }
    }
    if (!problem.isEmpty()) {
        record->insert(QStringLiteral("items_processed"), QJsonValue::Null);
        record->insert(QStringLiteral("items_error"), problem);
    }
}

class HttpExecution final : public Execution {
public:
    void start(ExecutionContext &context) override
    {
        HttpJob job;
        const QString problem = parseHttpJob(context.payload(), &job);
        if (!problem.isEmpty()) {
            context.fail(QCoreApplication::translate("Executors", "invalid payload: %1").arg(problem));
            return;
        }
        ExecutionContext *ctx = &context;
        m_call.start(context.network(), job.request, [ctx, job](const HttpResponse &response) {
            const bool accepted =
                response.completed && std::any_of(job.accept.begin(), job.accept.end(), [&](const StatusRange &r) {
                    return response.status >= r.low && response.status <= r.high;
                });
            if (!accepted) {
                failHttp(*ctx, job.request, response);
                return;
            }
            QJsonObject record = responseRecord(response);
            if (job.itemsPointer)
                recordItems(response, *job.itemsPointer, &record);
            ctx->succeed(QJsonDocument(record).toJson(QJsonDocument::Compact));
        });
    }
    void abort() override { m_call.abort(); }

private:
    HttpCall m_call;
};

class HttpExecutor final : public Executor {
public:
    QString kind() const override { return QStringLiteral("http"); }
    QString validate(const QJsonObject &payload) const override
    {
        HttpJob job;
        return parseHttpJob(payload, &job);
    }
    std::unique_ptr<Execution> create() const override { return std::make_unique<HttpExecution>(); }
};
} // namespace

std::unique_ptr<Executor> makeHttpExecutor()
{
    return std::make_unique<HttpExecutor>();
}

} // namespace vigia
