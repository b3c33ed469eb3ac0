#include "notify/webhookchannel.h"

#include "executors/httpcall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace vigia {

namespace {

// Slack sections take at most 3000 characters of text.
constexpr int SlackSectionChars = 3000;

QString slackEscaped(QString text)
{
    text.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    text.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    text.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return text;
}

QJsonObject genericBody(const NotificationDelivery &delivery)
{
    return QJsonObject{{QStringLiteral("event"), QStringLiteral("incident.notification")},
                       {QStringLiteral("delivery_id"), delivery.id},
                       {QStringLiteral("incident_id"), delivery.incidentId},
                       {QStringLiteral("severity"), delivery.severity},
                       {QStringLiteral("recipient"), delivery.recipient},
                       {QStringLiteral("escalation_level"), delivery.level},
                       {QStringLiteral("subject"), delivery.message.subject},
                       {QStringLiteral("summary"), delivery.message.summary},
                       {QStringLiteral("text"), delivery.message.text}};
}

QJsonObject slackBody(const NotificationDelivery &delivery)
{
    const QJsonObject header{
        {QStringLiteral("type"), QStringLiteral("header")},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text")},
                                             {QStringLiteral("text"), delivery.message.subject.left(150)}}}};
    const QJsonObject section{
        {QStringLiteral("type"), QStringLiteral("section")},
        {QStringLiteral("text"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                     {QStringLiteral("text"), slackEscaped(delivery.message.text).left(SlackSectionChars)}}}};
    // "text" is what notifications and clients without blocks show.
    return QJsonObject{{QStringLiteral("text"), slackEscaped(delivery.message.summary)},
                       {QStringLiteral("blocks"), QJsonArray{header, section}}};
}

QJsonObject teamsBody(const NotificationDelivery &delivery)
{
    const QJsonObject title{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                            {QStringLiteral("size"), QStringLiteral("Medium")},
                            {QStringLiteral("weight"), QStringLiteral("Bolder")},
                            {QStringLiteral("wrap"), true},
                            {QStringLiteral("text"), delivery.message.subject}};
    const QJsonObject text{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                           {QStringLiteral("wrap"), true},
                           {QStringLiteral("text"), delivery.message.text}};
    const QJsonObject card{
        {QStringLiteral("$schema"), QStringLiteral("http://adaptivecards.io/schemas/adaptive-card.json")},
        {QStringLiteral("type"), QStringLiteral("AdaptiveCard")},
        {QStringLiteral("version"), QStringLiteral("1.4")},
        {QStringLiteral("body"), QJsonArray{title, text}}};
    const QJsonObject attachment{
        {QStringLiteral("contentType"), QStringLiteral("application/vnd.microsoft.card.adaptive")},
        {QStringLiteral("content"), card}};
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                       {QStringLiteral("summary"), delivery.message.summary},
                       {QStringLiteral("attachments"), QJsonArray{attachment}}};
}

bool retryableStatus(int status)
{
    return status == 408 || status == 429 || status >= 500;
}

} // namespace

WebhookChannel::WebhookChannel(QObject *parent)
    : NotificationChannel(parent)
{}

WebhookChannel::~WebhookChannel() = default;

QByteArray WebhookChannel::body(const NotificationDelivery &delivery)
{
    QJsonObject document;
    if (delivery.format == QLatin1String("slack"))
        document = slackBody(delivery);
    else if (delivery.format == QLatin1String("teams"))
        document = teamsBody(delivery);
    else
        document = genericBody(delivery);
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

QNetworkAccessManager *WebhookChannel::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

void WebhookChannel::send(const NotificationDelivery &delivery, Done done)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = QUrl(delivery.address);
    request.hasBody = true;
    request.body = body(delivery);
    request.followRedirects = false; // a POST must not turn into a GET elsewhere
    request.timeoutMs = m_timeoutMs;
    request.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                       {QByteArrayLiteral("X-Vigia-Delivery"), QByteArray::number(delivery.id)}};
    if (!request.url.isValid() ||
        (request.url.scheme() != QLatin1String("http") && request.url.scheme() != QLatin1String("https"))) {
        done(SendOutcome{false, tr("not an http(s) URL: %1").arg(delivery.address), false});
        return;
    }
    const quint64 key = ++m_nextCall;
    auto call = std::make_shared<HttpCall>();
    m_calls.insert(key, call);
    call->start(network(), request, [this, key, done](const HttpResponse &response) {
        SendOutcome outcome;
        if (!response.completed) {
            outcome.error = response.error;
        } else if (response.status >= 200 && response.status < 300) {
            outcome.sent = true;
        } else {
            outcome.error = tr("HTTP %1 %2").arg(response.status).arg(response.reasonPhrase).trimmed();
            outcome.retryable = retryableStatus(response.status);
        }
        // The call may not be destroyed inside its own callback: release it once control returns to the loop.
        std::shared_ptr<HttpCall> finished = m_calls.take(key);
        QMetaObject::invokeMethod(
            this, [finished] {}, Qt::QueuedConnection);
        done(outcome);
    });
}

} // namespace vigia
