#pragma once

#include "notify/notificationdelivery.h"

#include <QVector>

namespace vigia {

// Where deliveries wait and their outcomes are kept: the store in the engine, memory in tests. Called from the
// delivery worker's thread only.
class DeliveryLog {
public:
    virtual ~DeliveryLog() = default;
    // Pending deliveries whose next attempt is due at nowMs, oldest first.
    virtual QVector<NotificationDelivery> dueDeliveries(qint64 nowMs, int limit) = 0;
    // The earliest next attempt of any pending delivery; -1 when none waits.
    virtual qint64 nextDueAtMs() = 0;
    // Saves an attempt's outcome: status, attempts, error, next attempt, finished time.
    virtual void recordAttempt(const NotificationDelivery &delivery) = 0;
};

// A DeliveryLog in memory, for tests and for a console without a database.
class MemoryDeliveryLog final : public DeliveryLog {
public:
    qint64 add(NotificationDelivery delivery);
    QVector<NotificationDelivery> all() const { return m_deliveries; }
    NotificationDelivery byId(qint64 id) const;

    QVector<NotificationDelivery> dueDeliveries(qint64 nowMs, int limit) override;
    qint64 nextDueAtMs() override;
    void recordAttempt(const NotificationDelivery &delivery) override;

private:
    QVector<NotificationDelivery> m_deliveries;
};

} // namespace vigia
