#pragma once

#include "notify/desktopchannel.h"
#include "notify/notificationdelivery.h"
#include "store/storefactory.h"

#include <QObject>

namespace vigia {

class Clock;
class DeliveryWorker;

struct NotifierConfig {
    NotificationRetry retry;
    qint64 webhookTimeoutMs = 10'000;
    // A console in this process shows desktop notifications (Engine::desktopNotification); without one, desktop
    // deliveries fail at once ("no desktop session").
    bool desktop = false;
};

// Sends the deliveries the escalator writes, as a leader duty in a thread of its own: a DeliveryWorker over the
// database (StoreDeliveryLog) with the webhook and desktop channels; e-mail deliveries fail with "e-mail transport
// not available" until an SMTP library is approved. Failed attempts are retried with backoff by the worker.
class Notifier : public QObject {
    Q_OBJECT
public:
    Notifier(StoreOpener opener, Clock *clock, NotifierConfig config = {}, QObject *parent = nullptr);
    ~Notifier() override;

public slots:
    // On the notifier's thread.
    void start();
    // New deliveries were written: look now.
    void wake();

signals:
    void desktopNotification(const vigia::DesktopNotification &notification);
    // After each attempt's outcome is recorded.
    void attempted(const vigia::NotificationDelivery &delivery);
    void failed(const QString &message);

private:
    DeliveryWorker *m_worker;
};

} // namespace vigia
