#include "notify/deliveryworker.h"

#include "util/alarm.h"
#include "util/clock.h"

#include <QLoggingCategory>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcNotify, "vigia.notify")

namespace vigia {

DeliveryWorker::DeliveryWorker(LogOpener opener, Clock *clock, NotificationRetry retry, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_retry(retry)
    , m_alarm(new Alarm(clock, this))
{
    qRegisterMetaType<vigia::NotificationDelivery>();
    connect(m_alarm, &Alarm::rang, this, &DeliveryWorker::tick);
}

DeliveryWorker::~DeliveryWorker() = default;

void DeliveryWorker::addChannel(NotificationChannel *channel)
{
    channel->setParent(this);
    m_channels.insert(int(channel->kind()), channel);
}

NotificationChannel *DeliveryWorker::channel(ContactChannel::Kind kind) const
{
    return m_channels.value(int(kind));
}

void DeliveryWorker::start()
{
    openLog();
}

void DeliveryWorker::openLog()
{
    m_log = m_opener();
    if (!m_log) {
        // The database may be down as this node becomes leader: try again with growing pauses, as the engine's
        // other duties do, instead of staying silent for the whole leadership term.
        if (m_openRetryMs == 0)
            emit failed(tr("the delivery log could not be opened; trying again"));
        m_openRetryMs = m_openRetryMs == 0 ? FirstOpenRetryMs : std::min(2 * m_openRetryMs, MaxOpenRetryMs);
        m_alarm->setDeadline(m_clock->nowMs() + m_openRetryMs);
        return;
    }
    m_openRetryMs = 0;
    tick();
}

void DeliveryWorker::wake()
{
    if (m_tickQueued || !m_log)
        return;
    m_tickQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { tick(); }, Qt::QueuedConnection);
}

void DeliveryWorker::tick()
{
    m_tickQueued = false;
    if (!m_log) {
        openLog();
        return;
    }
    const qint64 now = m_clock->nowMs();
    const QVector<NotificationDelivery> due = m_log->dueDeliveries(now, BatchSize + int(m_inFlight.size()));
    int started = 0;
    for (const NotificationDelivery &delivery : due) {
        if (m_inFlight.contains(delivery.id) || started >= BatchSize)
            continue;
        ++started;
        dispatch(delivery);
    }
    // What is due but in flight is looked at again when its attempt ends; only future attempts need the alarm.
    const qint64 next = m_log->nextDueAtMs();
    if (next > now)
        m_alarm->setDeadline(next);
    else if (started >= BatchSize)
        wake();
}

void DeliveryWorker::dispatch(const NotificationDelivery &delivery)
{
    NotificationChannel *channel = m_channels.value(int(delivery.channel));
    if (!channel) {
        finish(delivery,
               SendOutcome{false, tr("no %1 channel is set up in this engine").arg(channelKindName(delivery.channel)),
                           false});
        return;
    }
    m_inFlight.insert(delivery.id);
    channel->send(delivery, [this, delivery](const SendOutcome &outcome) {
        m_inFlight.remove(delivery.id);
        finish(delivery, outcome);
    });
}

void DeliveryWorker::finish(NotificationDelivery delivery, const SendOutcome &outcome)
{
    const qint64 now = m_clock->nowMs();
    ++delivery.attempts;
    if (outcome.sent) {
        delivery.status = NotificationDelivery::Status::Sent;
        delivery.error.clear();
        delivery.finishedAtMs = now;
    } else {
        delivery.error = outcome.error;
        if (outcome.retryable && !m_retry.exhausted(delivery.attempts)) {
            delivery.nextAttemptAtMs = now + m_retry.delayAfter(delivery.attempts);
        } else {
            delivery.status = NotificationDelivery::Status::Failed;
            delivery.finishedAtMs = now;
        }
        qCInfo(lcNotify).noquote() << "delivery" << delivery.id << "to" << delivery.recipient << "through"
                                   << channelKindName(delivery.channel) << "attempt" << delivery.attempts
                                   << "failed:" << outcome.error;
    }
    m_log->recordAttempt(delivery);
    emit attempted(delivery);
    if (delivery.status == NotificationDelivery::Status::Pending)
        m_alarm->setDeadlineIfEarlier(delivery.nextAttemptAtMs);
    else
        wake();
}

} // namespace vigia
