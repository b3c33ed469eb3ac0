#pragma once

#include "notify/notificationchannel.h"

namespace vigia {

// What the console's tray shows: a title and text, with Acknowledge and Open actions for the incident.
struct DesktopNotification {
    qint64 deliveryId = 0;
    qint64 incidentId = 0;
    QString recipient;
    QString severity;
    QString title;
    QString text; // the phone summary: it reads well in a small bubble
};

// Hands notifications to whoever shows them on this desktop (the tray) through a signal. Sent as soon as the signal
// is out: the tray is in this process. With nobody listening (a headless engine) the delivery fails, not retried.
class DesktopChannel final : public NotificationChannel {
    Q_OBJECT
public:
    using NotificationChannel::NotificationChannel;

    ContactChannel::Kind kind() const override { return ContactChannel::Kind::Desktop; }
    void send(const NotificationDelivery &delivery, Done done) override;

signals:
    void notificationRequested(const vigia::DesktopNotification &notification);
};

} // namespace vigia

Q_DECLARE_METATYPE(vigia::DesktopNotification)
