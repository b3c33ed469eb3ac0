#include "executors/httpcall.h"

#include "executors/execution.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslSocket>
#endif

#include <algorithm>
#include <cstring>

namespace vigia {

namespace {
// Enough for real-world chains (http → https → canonical host → login page), few enough to stop a loop early.
constexpr int MaxRedirects = 10;
constexpr qint64 ReadChunkBytes = 64 * 1024;
// Longest timeout_ms accepted: a day. Longer waits belong to the run's own timeout.
constexpr qint64 MaxTimeoutMs = 24 * 3600 * 1000;

// Errors Qt derives from an HTTP status (404 → ContentNotFoundError, 503 → ServiceUnavailableError, ...). The
// others mean the response did not arrive whole, even when a status line did.
bool isStatusError(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::NoError || (error >= QNetworkReply::ContentAccessDenied && error <= 299) ||
           error == QNetworkReply::ProtocolInvalidOperationError ||
           (error >= QNetworkReply::InternalServerError && error <= QNetworkReply::UnknownServerError) ||
           error == QNetworkReply::ProxyAuthenticationRequiredError;
}

// At most `max` bytes of UTF-8 as text, never splitting a character.
QString utf8Prefix(const QByteArray &bytes, qsizetype max)
{
    qsizetype n = std::min(bytes.size(), max);
    if (n < bytes.size()) {
        while (n > 0 && (static_cast<unsigned char>(bytes.at(n)) & 0xC0) == 0x80)
            --n;
    }
    return QString::fromUtf8(bytes.constData(), n);
}

// Where a request went, for messages: no user info, no query (either may carry credentials).
QString displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}
} // namespace

HttpCall::HttpCall() = default;

HttpCall::~HttpCall()
{
    abort();
}

void HttpCall::start(QNetworkAccessManager *network, const HttpRequest &request, Done done)
{
    m_request = request;
    m_done = std::move(done);
    m_receiver = std::make_unique<QObject>();

    QNetworkRequest req(request.url);
    for (const auto &header : request.headers)
        req.setRawHeader(header.first, header.second);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, request.followRedirects
                                                                   ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                                   : QNetworkRequest::ManualRedirectPolicy);
    req.setMaximumRedirectsAllowed(MaxRedirects);
    // The manager is shared by every run on the worker: no cookie or credential of one job may reach another.
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
#if QT_CONFIG(ssl)
    if (!request.verifyTls) {
        QSslConfiguration tls = req.sslConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        req.setSslConfiguration(tls);
    }
#endif

    m_elapsed.start();
    if (request.method == "HEAD")
        m_reply = network->head(req);
    else if (request.method == "GET" && !request.hasBody)
        m_reply = network->get(req);
    else
        m_reply = network->sendCustomRequest(req, request.method, request.body);

    QObject *receiver = m_receiver.get();
    QObject::connect(m_reply, &QIODevice::readyRead, receiver, [this] { read(); });
    // A followed redirect's own body is not the response.
    QObject::connect(m_reply, &QNetworkReply::redirected, receiver, [this] {
        m_response.body.clear();
        m_response.bodyBytes = 0;
    });
    QObject::connect(m_reply, &QNetworkReply::finished, receiver, [this] { finish(); });
    if (request.timeoutMs > 0) {
        m_timer = new QTimer(receiver);
        m_timer->setSingleShot(true);
        QObject::connect(m_timer, &QTimer::timeout, receiver, [this] {
            m_timedOut = true;
            m_reply->abort(); // emits finished
        });
        m_timer->start(std::chrono::milliseconds(request.timeoutMs));
    }
}

void HttpCall::abort()
{
    m_done = nullptr;
    m_receiver.reset(); // no more callbacks, timer gone
    m_timer = nullptr;
    if (m_reply) {
        QNetworkReply *reply = std::exchange(m_reply, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpCall::read()
{
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(ReadChunkBytes);
        if (chunk.isEmpty())
            break;
        m_response.bodyBytes += chunk.size();
        const qint64 room = m_request.keepBytes - m_response.body.size();
        if (room > 0)
            m_response.body.append(chunk.left(room));
    }
}

void HttpCall::finish()
{
    read();
    m_response.durationMs = m_elapsed.elapsed();
    const QNetworkReply::NetworkError error = m_reply->error();
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_timedOut) {
        m_response.error = QCoreApplication::translate("Executors", "no complete response within %1 ms (timeout_ms)")
                               .arg(m_request.timeoutMs);
    } else if (status.isValid() && isStatusError(error)) {
        m_response.completed = true;
        m_response.status = status.toInt();
        m_response.reasonPhrase =
            QString::fromLatin1(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    } else {
        m_response.error = m_reply->errorString();
    }
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->disconnect(m_receiver.get());
    reply->deleteLater(); // we are inside its finished() signal
    if (m_timer)
        m_timer->stop();
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(m_response);
}

QString checkKnownFields(const QJsonObject &payload, std::initializer_list<const char *> known)
{
    QStringList names;
    for (const char *name : known)
        names << QLatin1String(name);
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (!names.contains(it.key()))
            return QCoreApplication::translate("Executors", "unknown field \"%1\" (known: %2)")
                .arg(it.key(), names.join(QLatin1String(", ")));
    }
    return {};
}

QString parseUrlField(const QJsonObject &payload, QUrl *url)
{
    const QJsonValue value = payload.value(QLatin1String("url"));
    if (value.isUndefined())
        return QCoreApplication::translate("Executors", "\"url\" is missing");
    if (!value.isString())
        return QCoreApplication::translate("Executors", "\"url\" must be a string");
    const QUrl parsed(value.toString(), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return QCoreApplication::translate("Executors", "\"url\" is not a valid absolute URL: \"%1\"")
            .arg(value.toString());
    const QString scheme = parsed.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QCoreApplication::translate("Executors", "\"url\" must use http or https, not \"%1\"")
            .arg(parsed.scheme());
    *url = parsed;
    return {};
}

QString parseHeadersField(const QJsonObject &payload, HttpHeaders *headers)
{
    const QJsonValue value = payload.value(QLatin1String("headers"));
    if (value.isUndefined())
        return {};
    if (!value.isObject())
        return QCoreApplication::translate("Executors",
                                           "\"headers\" must be an object of header names to string values");
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QByteArray name = it.key().toUtf8();
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenChar))
            return QCoreApplication::translate("Executors", "\"headers\": \"%1\" is not a valid header name")
                .arg(it.key());
        if (!it.value().isString())
            return QCoreApplication::translate("Executors", "\"headers\": the value of \"%1\" must be a string")
                .arg(it.key());
        const QByteArray text = it.value().toString().toUtf8();
        if (text.contains('\r') || text.contains('\n') || text.contains('\0'))
            return QCoreApplication::translate("Executors",
                                               "\"headers\": the value of \"%1\" must not contain line breaks")
                .arg(it.key());
        headers->append({name, text});
    }
    return {};
}

QString parseTimeoutField(const QJsonObject &payload, qint64 *timeoutMs)
{
    const QJsonValue value = payload.value(QLatin1String("timeout_ms"));
    if (value.isUndefined())
        return {};
    const double ms = value.toDouble(-1);
    if (!value.isDouble() || ms < 1 || ms > double(MaxTimeoutMs) || ms != double(value.toInteger()))
        return QCoreApplication::translate("Executors",
                                           "\"timeout_ms\" must be a whole number of milliseconds between 1 and %1")
            .arg(MaxTimeoutMs);
    *timeoutMs = value.toInteger();
    return {};
}

QString parseBoolField(const QJsonObject &payload, const char *name, bool *value)
{
    const QJsonValue field = payload.value(QLatin1String(name));
    if (field.isUndefined())
        return {};
    if (!field.isBool())
        return QCoreApplication::translate("Executors", "\"%1\" must be true or false").arg(QLatin1String(name));
    *value = field.toBool();
    return {};
}

bool hasHeader(const HttpHeaders &headers, const QByteArray &name)
{
    return std::any_of(headers.begin(), headers.end(),
                       [&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QJsonObject responseRecord(const HttpResponse &response)
{
    return QJsonObject{
        {QStringLiteral("status"), response.status},
        {QStringLiteral("duration_ms"), response.durationMs},
        {QStringLiteral("body"), utf8Prefix(response.body, RecordedBodyBytes)},
        {QStringLiteral("body_truncated"), response.bodyBytes > RecordedBodyBytes},
    };
}

void failHttp(ExecutionContext &context, const HttpRequest &request, const HttpResponse &response)
{
    const QString method = QString::fromLatin1(request.method);
    if (!response.completed) {
        context.fail(
            QCoreApplication::translate("Executors", "%1 %2: %3").arg(method, displayUrl(request.url), response.error));
        return;
    }
    const QString reason =
        response.reasonPhrase.isEmpty()
            ? QCoreApplication::translate("Executors", "HTTP %1 from %2 %3")
                  .arg(QString::number(response.status), method, displayUrl(request.url))
            : QCoreApplication::translate("Executors", "HTTP %1 %2 from %3 %4")
                  .arg(QString::number(response.status), response.reasonPhrase, method, displayUrl(request.url));
    context.fail(reason, utf8Prefix(response.body, 1024));
}

} // namespace vigia
