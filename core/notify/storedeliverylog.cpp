#include "notify/storedeliverylog.h"

#include "store/store.h"
#include "util/clock.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcNotify)

namespace vigia {

StoreDeliveryLog::StoreDeliveryLog(std::unique_ptr<Store> store, Clock *clock, qint64 leaseMs)
    : m_store(std::move(store))
    , m_clock(clock)
    , m_leaseMs(leaseMs)
{}

StoreDeliveryLog::~StoreDeliveryLog() = default;

// A database that is away must not stop the worker: claims wait for it, and an outcome that could not be written is
// tried again when its lease ends (at-least-once, as runs are).
QVector<NotificationDelivery> StoreDeliveryLog::dueDeliveries(qint64 nowMs, int limit)
{
    try {
        return m_store->claimDueDeliveries(nowMs, nowMs + m_leaseMs, limit);
    } catch (const StoreError &e) {
        qCWarning(lcNotify).noquote() << "cannot read due deliveries:" << e.message();
        return {};
    }
}

qint64 StoreDeliveryLog::nextDueAtMs()
{
    try {
        const qint64 next = m_store->nextDeliveryDueAt();
        return next > 0 ? next : -1;
    } catch (const StoreError &e) {
        qCWarning(lcNotify).noquote() << "cannot read the next delivery:" << e.message();
        return m_clock->nowMs() + RetryAfterOutageMs;
    }
}

void StoreDeliveryLog::recordAttempt(const NotificationDelivery &delivery)
{
    try {
        m_store->recordDeliveryAttempt(delivery, m_clock->nowMs());
    } catch (const StoreError &e) {
        qCWarning(lcNotify).noquote() << "cannot record delivery" << delivery.id << ":" << e.message();
    }
}

} // namespace vigia
