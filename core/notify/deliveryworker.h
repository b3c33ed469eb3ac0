#pragma once

#include "notify/deliverylog.h"
#include "notify/notificationchannel.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace vigia {

class Alarm;
class Clock;

// Sends pending deliveries through their channels and records each attempt: SENT, or FAILED once retries are used
// up or cannot help; between failures it waits by NotificationRetry. Sends are asynchronous and the worker runs in
// a thread of its own, so a slow receiver never holds up the escalator that writes the deliveries.
class DeliveryWorker : public QObject {
    Q_OBJECT
public:
    using LogOpener = std::function<std::shared_ptr<DeliveryLog>()>;
    static constexpr int BatchSize = 50;

    DeliveryWorker(LogOpener opener, Clock *clock, NotificationRetry retry = {}, QObject *parent = nullptr);
    ~DeliveryWorker() override;

    // Before start(); the worker takes ownership. One channel per kind.
    void addChannel(NotificationChannel *channel);
    NotificationChannel *channel(ContactChannel::Kind kind) const;

    // On the worker's thread: opens the log and sends what is due.
    void start();
    // New deliveries were written: look now.
    void wake();
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    // After each attempt's outcome is recorded.
    void attempted(const vigia::NotificationDelivery &delivery);
    void failed(const QString &message);

private:
    void openLog();
    void tick();
    void dispatch(const NotificationDelivery &delivery);
    void finish(NotificationDelivery delivery, const SendOutcome &outcome);

    LogOpener m_opener;
    Clock *m_clock;
    NotificationRetry m_retry;
    std::shared_ptr<DeliveryLog> m_log;
    Alarm *m_alarm;
    QHash<int, NotificationChannel *> m_channels;
    QSet<qint64> m_inFlight;
    bool m_tickQueued = false;
    qint64 m_openRetryMs = 0; // the pause before the next attempt to open the log; 0 while it is open
    static constexpr qint64 FirstOpenRetryMs = 500;
    static constexpr qint64 MaxOpenRetryMs = 10'000;
};

} // namespace vigia
