#pragma once

#include "notify/notificationchannel.h"

#include <QByteArray>
#include <QHash>

#include <memory>

class QNetworkAccessManager;

namespace vigia {

class HttpCall;

// POSTs a notification as JSON to the recipient's URL, shaped for the receiver: "generic" (Vigia's own document),
// "slack" (incoming-webhook text and blocks) or "teams" (a Workflows message with an Adaptive Card). Any 2xx is
// sent; network errors, timeouts, 408, 429 and 5xx are retried, other statuses are not.
class WebhookChannel final : public NotificationChannel {
    Q_OBJECT
public:
    static constexpr qint64 DefaultTimeoutMs = 10'000;

    explicit WebhookChannel(QObject *parent = nullptr);
    ~WebhookChannel() override;

    ContactChannel::Kind kind() const override { return ContactChannel::Kind::Webhook; }
    void send(const NotificationDelivery &delivery, Done done) override;
    void setTimeoutMs(qint64 timeoutMs) { m_timeoutMs = timeoutMs; }

    // The body for a delivery in its format (unknown formats get the generic document).
    static QByteArray body(const NotificationDelivery &delivery);

private:
    QNetworkAccessManager *network();

    QNetworkAccessManager *m_network = nullptr;
    QHash<quint64, std::shared_ptr<HttpCall>> m_calls;
    quint64 m_nextCall = 0;
    qint64 m_timeoutMs = DefaultTimeoutMs;
};

} // namespace vigia
