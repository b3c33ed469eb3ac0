#include "engine/wakelistener.h"

#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QSocketNotifier>

namespace vigia {

namespace {
constexpr qint64 FirstRetryMs = 500;
constexpr qint64 MaxRetryMs = 10'000;
} // namespace

WakeListener::WakeListener(StoreOpener opener, Clock *clock, qint64 debounceMs, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_debounceMs(std::max<qint64>(0, debounceMs))
    , m_retryAlarm(new Alarm(clock, this))
    , m_debounceAlarm(new Alarm(clock, this))
{
    connect(m_retryAlarm, &Alarm::rang, this, &WakeListener::connectToStore);
    connect(m_debounceAlarm, &Alarm::rang, this, &WakeListener::ringDebounced);
}

WakeListener::~WakeListener()
{
    m_notifier.reset(); // before the connection whose socket it watches
}

void WakeListener::start()
{
    connectToStore();
}

void WakeListener::connectToStore()
{
    if (m_unsupported || m_store)
        return;
    try {
        m_store = m_opener();
        if (!m_store->listenForWakes()) {
            m_unsupported = true;
            m_store.reset();
            return;
        }
        const int socket = m_store->wakeSocket();
        if (socket < 0)
            throw StoreError(QStringLiteral("the wake-up connection has no socket"));
        m_notifier = std::make_unique<QSocketNotifier>(qintptr(socket), QSocketNotifier::Read);
        connect(m_notifier.get(), &QSocketNotifier::activated, this, &WakeListener::readWakes);
    } catch (const StoreError &error) {
        lose(error.message());
        return;
    }
    if (m_retryMs > 0)
        qCInfo(lcEngine) << "wake-ups: listening again";
    m_retryMs = 0;
    m_listening = true;
    emit listeningChanged(true);
    // Whatever was enqueued while nobody listened (at start, or during an outage) was not announced to this node.
    emit wake();
}

void WakeListener::readWakes()
{
    if (!m_store)
        return;
    QStringList queues;
    try {
        queues = m_store->takeWakes();
    } catch (const StoreError &error) {
        lose(error.message());
        return;
    }
    const qint64 now = m_clock->nowMs();
    for (const QString &queue : std::as_const(queues))
        announce(queue, now);
}

void WakeListener::announce(const QString &queue, qint64 now)
{
    const auto quiet = m_quietUntil.constFind(queue);
    if (quiet == m_quietUntil.cend() || now >= *quiet) {
        m_quietUntil.insert(queue, now + m_debounceMs);
        m_pending.remove(queue);
        emit wake();
        return;
    }
    m_pending.insert(queue);
    m_debounceAlarm->setDeadlineIfEarlier(*quiet);
}

void WakeListener::ringDebounced()
{
    const qint64 now = m_clock->nowMs();
    bool due = false;
    qint64 next = 0;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const qint64 quietUntil = m_quietUntil.value(*it);
        if (now >= quietUntil) {
            m_quietUntil.insert(*it, now + m_debounceMs);
            it = m_pending.erase(it);
            due = true;
        } else {
            next = next == 0 ? quietUntil : std::min(next, quietUntil);
            ++it;
        }
    }
    if (next > 0)
        m_debounceAlarm->setDeadline(next);
    if (due)
        emit wake();
}

void WakeListener::lose(const QString &message)
{
    m_notifier.reset();
    m_store.reset();
    if (m_retryMs == 0)
        qCWarning(lcEngine).noquote() << "wake-ups: database unreachable, polling until it is back:" << message;
    m_retryMs = std::clamp<qint64>(m_retryMs * 2, FirstRetryMs, MaxRetryMs);
    m_retryAlarm->setDeadline(m_clock->nowMs() + m_retryMs);
    if (m_listening) {
        m_listening = false;
        emit listeningChanged(false);
    }
}

} // namespace vigia
