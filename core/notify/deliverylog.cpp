#include "notify/deliverylog.h"

namespace vigia {

qint64 MemoryDeliveryLog::add(NotificationDelivery delivery)
{
    delivery.id = m_deliveries.size() + 1;
    m_deliveries.append(delivery);
    return delivery.id;
}

NotificationDelivery MemoryDeliveryLog::byId(qint64 id) const
{
    return id >= 1 && id <= m_deliveries.size() ? m_deliveries.at(int(id - 1)) : NotificationDelivery{};
}

QVector<NotificationDelivery> MemoryDeliveryLog::dueDeliveries(qint64 nowMs, int limit)
{
    QVector<NotificationDelivery> due;
    for (const NotificationDelivery &delivery : std::as_const(m_deliveries)) {
        if (due.size() >= limit)
            break;
        if (delivery.status == NotificationDelivery::Status::Pending && delivery.nextAttemptAtMs <= nowMs)
            due.append(delivery);
    }
    return due;
}

qint64 MemoryDeliveryLog::nextDueAtMs()
{
    qint64 next = -1;
    for (const NotificationDelivery &delivery : std::as_const(m_deliveries)) {
        if (delivery.status == NotificationDelivery::Status::Pending && (next < 0 || delivery.nextAttemptAtMs < next))
            next = delivery.nextAttemptAtMs;
    }
    return next;
}

void MemoryDeliveryLog::recordAttempt(const NotificationDelivery &delivery)
{
    if (delivery.id >= 1 && delivery.id <= m_deliveries.size())
        m_deliveries[int(delivery.id - 1)] = delivery;
}

} // namespace vigia
