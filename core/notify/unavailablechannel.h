#pragma once

#include "notify/notificationchannel.h"

namespace vigia {

// A channel this build cannot send through (e-mail until an SMTP library is approved): every delivery fails at once,
// not retried, with the reason given, so the log says plainly why nobody was reached that way.
class UnavailableChannel final : public NotificationChannel {
    Q_OBJECT
public:
    UnavailableChannel(ContactChannel::Kind kind, QString reason, QObject *parent = nullptr);

    ContactChannel::Kind kind() const override { return m_kind; }
    void send(const NotificationDelivery &delivery, Done done) override;

    // The e-mail channel of this build.
    static UnavailableChannel *email(QObject *parent = nullptr);

private:
    ContactChannel::Kind m_kind;
    QString m_reason;
};

} // namespace vigia
