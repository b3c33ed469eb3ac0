#include "util/alarm.h"

#include "util/clock.h"

namespace vigia {

// OS timers are capped so that a wall-clock jump (NTP, suspend) is noticed within this bound.
static constexpr qint64 MaxTimerIntervalMs = 60 * 1000;

Alarm::Alarm(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(this) // a child, so that it moves threads with its alarm
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Alarm::check);
    connect(m_clock, &Clock::jumped, this, &Alarm::check);
}

void Alarm::setDeadline(qint64 atMs)
{
    m_deadline = atMs;
    check();
}

void Alarm::setDeadlineIfEarlier(qint64 atMs)
{
    if (atMs < m_deadline)
        setDeadline(atMs);
}

void Alarm::clear()
{
    m_deadline = NoDeadline;
    m_timer.stop();
}

void Alarm::check()
{
    if (m_deadline == NoDeadline)
        return;
    const qint64 remaining = m_deadline - m_clock->nowMs();
    if (remaining <= 0) {
        clear();
        emit rang();
        return;
    }
    if (m_clock->isRealTime())
        m_timer.start(std::chrono::milliseconds(std::min(remaining, MaxTimerIntervalMs)));
}

} // namespace vigia
