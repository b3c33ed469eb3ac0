#pragma once

#include "notify/deliverylog.h"

#include <memory>

namespace vigia {

class Clock;
class Store;

// The delivery log in the database: due deliveries are claimed with a lease (Store::claimDueDeliveries), so that a
// second sender (another node, a new leadership term) never takes one that is in flight; an attempt whose outcome
// was never recorded is due again when its lease ends.
class StoreDeliveryLog final : public DeliveryLog {
public:
    static constexpr qint64 DefaultLeaseMs = 5 * 60'000;
    static constexpr qint64 RetryAfterOutageMs = 5'000;

    StoreDeliveryLog(std::unique_ptr<Store> store, Clock *clock, qint64 leaseMs = DefaultLeaseMs);
    ~StoreDeliveryLog() override;

    QVector<NotificationDelivery> dueDeliveries(qint64 nowMs, int limit) override;
    qint64 nextDueAtMs() override;
    void recordAttempt(const NotificationDelivery &delivery) override;

private:
    std::unique_ptr<Store> m_store;
    Clock *m_clock;
    qint64 m_leaseMs;
};

} // namespace vigia
