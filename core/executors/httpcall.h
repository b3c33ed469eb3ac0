#pragma once

// What the http and webhook kinds share: one request on the worker's QNetworkAccessManager with a bounded read of
// the response, the payload fields both accept, and how a response becomes a result or a failure.
#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace vigia {

class ExecutionContext;

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    bool hasBody = false;
    qint64 timeoutMs = 0; // 0: only the run's own timeout
    bool followRedirects = true;
    bool verifyTls = true;
    qint64 keepBytes = 4096; // of the response body; the rest is read and dropped
};

struct HttpResponse {
    bool completed = false; // a whole response arrived (any status); otherwise `error` says what went wrong
    int status = 0;
    QString reasonPhrase;
    QByteArray body; // its first keepBytes
    qint64 bodyBytes = 0;
    qint64 durationMs = 0;
    QString error;
};

// One request in flight. Callbacks come on the thread that called start(); destroying or aborting the call cuts
// them, so an aborted execution is never called back.
class HttpCall {
public:
    using Done = std::function<void(const HttpResponse &response)>;

    HttpCall();
    ~HttpCall();
    HttpCall(const HttpCall &) = delete;
    HttpCall &operator=(const HttpCall &) = delete;

    void start(QNetworkAccessManager *network, const HttpRequest &request, Done done);
    // Aborts the reply (closing its connection) without calling back.
    void abort();

private:
    void read();
    void finish();

    std::unique_ptr<QObject> m_receiver; // context of this call's connections: deleting it cuts them all
    QNetworkReply *m_reply = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_elapsed;
    HttpRequest m_request;
    HttpResponse m_response;
    Done m_done;
    bool m_timedOut = false;
};

// The body kept in a result: at most this many bytes, as text.
constexpr qint64 RecordedBodyBytes = 4096;

// Payload fields shared by http and webhook. Each returns what is wrong (naming the field), or an empty string.
QString checkKnownFields(const QJsonObject &payload, std::initializer_list<const char *> known);
QString parseUrlField(const QJsonObject &payload, QUrl *url);
QString parseHeadersField(const QJsonObject &payload, HttpHeaders *headers);
QString parseTimeoutField(const QJsonObject &payload, qint64 *timeoutMs);
QString parseBoolField(const QJsonObject &payload, const char *name, bool *value);
bool hasHeader(const HttpHeaders &headers, const QByteArray &name);

// Compact JSON text of any JSON value, including scalars, which QJsonDocument cannot hold at the top level.
QByteArray jsonText(const QJsonValue &value);

// {"status", "duration_ms", "body" (first 4 KiB as text), "body_truncated"}.
QJsonObject responseRecord(const HttpResponse &response);
// Ends the attempt for a response that did not complete, or whose status is not accepted: a one-line reason such as
// "HTTP 503 Service Unavailable from GET https://host/path", with the start of the body as detail.
void failHttp(ExecutionContext &context, const HttpRequest &request, const HttpResponse &response);

} // namespace vigia
