#include "schedule/schedulerule.h"

#include <QCoreApplication>
#include <QDateTime>

namespace vigia {

namespace {

constexpr qint64 MaxIntervalMs = 366LL * 24 * 3600 * 1000;
constexpr qint64 MaxJitterMs = 3600LL * 1000;

// splitmix64: a fixed, well-mixed hash, identical on every node and every run (unlike seeded qHash).
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}
} // namespace

std::optional<ScheduleRule> ScheduleRule::compile(const Schedule &schedule, QString *error)
{
    ScheduleRule rule;
    rule.m_schedule = schedule;
    rule.m_zone = QTimeZone(schedule.timeZone.toUtf8());
    if (!rule.m_zone.isValid()) {
        *error = ScheduleRule::tr("unknown time zone \"%1\"").arg(schedule.timeZone);
        return std::nullopt;
    }
    switch (schedule.kind) {
    case Schedule::Kind::None:
        break;
    case Schedule::Kind::Cron: {
        QString cronError;
        rule.m_cron = CronExpression::parse(schedule.cron, &cronError);
        if (!rule.m_cron) {
            *error = ScheduleRule::tr("cron \"%1\": %2").arg(schedule.cron, cronError);
            return std::nullopt;
        }
        break;
    }
    case Schedule::Kind::Interval:
        if (schedule.intervalMs < 1000 || schedule.intervalMs > MaxIntervalMs) {
            *error = ScheduleRule::tr("interval must be between 1 second and 366 days");
            return std::nullopt;
        }
        break;
    }
    const ExecutionWindow &w = schedule.window;
    if ((w.startMinute >= 0) != (w.endMinute >= 0) || w.startMinute >= 24 * 60 || w.endMinute >= 24 * 60) {
        *error = ScheduleRule::tr("an execution window needs both a start and an end time of day, from 00:00 to 23:59");
        return std::nullopt;
    }
    if ((w.weekdays & 0x7F) == 0) {
        *error = ScheduleRule::tr("an execution window needs at least one weekday");
        return std::nullopt;
    }
    if (schedule.jitterMs < 0 || schedule.jitterMs > MaxJitterMs) {
        *error = ScheduleRule::tr("jitter must be between 0 and 3600 seconds");
        return std::nullopt;
    }
    return rule;
}

qint64 ScheduleRule::nextFireAfter(qint64 fromMs) const
{
    switch (m_schedule.kind) {
    case Schedule::Kind::None:
        return 0;
    case Schedule::Kind::Cron: {
        const QDateTime next = m_cron->next(QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC), m_zone);
        return next.isValid() ? next.toMSecsSinceEpoch() : 0;
    }
    case Schedule::Kind::Interval: {
        const qint64 interval = m_schedule.intervalMs;
        const qint64 anchor = m_schedule.anchorAt;
        if (fromMs < anchor)
            return anchor;
        return anchor + (floorDiv(fromMs - anchor, interval) + 1) * interval;
    }
    }
    return 0;
}

bool ScheduleRule::mayFireAt(qint64 fireMs) const
{
    if (m_schedule.postponeUntil > 0 && fireMs < m_schedule.postponeUntil)
        return false;
    const ExecutionWindow &w = m_schedule.window;
    if (w.isUnrestricted())
        return true;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(fireMs, m_zone);
    const int minute = local.time().hour() * 60 + local.time().minute();
    int weekday = local.date().dayOfWeek() - 1; // 0 = Monday
    if (w.hasTimeOfDay()) {
        if (w.startMinute <= w.endMinute) {
            if (minute < w.startMinute || minute > w.endMinute)
                return false;
        } else if (minute < w.startMinute) {
            // A window that crosses midnight: the early hours belong to the previous day's window.
            if (minute > w.endMinute)
                return false;
            weekday = (weekday + 6) % 7;
        }
    }
    return (w.weekdays >> weekday) & 1;
}

qint64 ScheduleRule::jitterFor(qint64 jobId, qint64 fireMs) const
{
    if (m_schedule.jitterMs <= 0)
        return 0;
    const quint64 hash = mix(quint64(jobId) * 0x100000001b3ULL ^ mix(quint64(fireMs)));
    return qint64(hash % quint64(m_schedule.jitterMs));
}

FirePlan ScheduleRule::plan(qint64 dueAt, qint64 now) const
{
    FirePlan plan;
    if (!m_schedule.isScheduled())
        return plan;
    if (dueAt <= 0) {
        plan.nextFireAt = nextFireAfter(now);
        return plan;
    }
    if (dueAt > now || m_schedule.paused) {
        // Paused: keep waiting for the same fire, so that on resume the missed ones meet the misfire policy.
        plan.nextFireAt = dueAt;
        return plan;
    }

    // Walk the due fires oldest first. Fires on time (late by at most the threshold) are always enqueued; older
    // ones are misfires. Only the first few hundred are kept; the walk stops early when a long outage left more.
    QVector<qint64> onTime;
    QVector<qint64> late;
    qint64 lastLate = 0;
    constexpr int WalkLimit = 10'000;
    qint64 fire = dueAt;
    int walked = 0;
    for (; fire > 0 && fire <= now && walked < WalkLimit; fire = nextFireAfter(fire), ++walked) {
        if (now - fire <= MisfireThresholdMs) {
            onTime.append(fire);
        } else {
            if (late.size() < Schedule::MaxCatchUpFires)
                late.append(fire);
            lastLate = fire;
            ++plan.missed;
        }
    }
    if (fire > 0 && fire <= now) {
        // More fires than worth walking one by one: restart the walk just before the on-time horizon.
        for (fire = nextFireAfter(now - MisfireThresholdMs - 1); fire > 0 && fire <= now; fire = nextFireAfter(fire))
            onTime.append(fire);
        ++plan.missed; // at least one more; the exact count does not change the outcome
    }

    auto enqueueIfAllowed = [&](qint64 at) {
        if (mayFireAt(at))
            plan.fires.append(at);
        else
            ++plan.outsideWindow;
    };
    switch (m_schedule.misfire) {
    case MisfirePolicy::Coalesce:
        if (onTime.isEmpty() && lastLate > 0) {
            // One run stands for all the missed fires: the most recent one the window allows.
            qint64 chosen = 0;
            if (mayFireAt(lastLate)) {
                chosen = lastLate;
            } else {
                for (auto it = late.crbegin(); it != late.crend() && chosen == 0; ++it) {
                    if (mayFireAt(*it))
                        chosen = *it;
                }
            }
            if (chosen > 0)
                plan.fires.append(chosen);
            else
                ++plan.outsideWindow;
        }
        break;
    case MisfirePolicy::RunAll:
        for (qint64 at : std::as_const(late))
            enqueueIfAllowed(at);
        break;
    case MisfirePolicy::Skip:
        break;
    }
    for (qint64 at : std::as_const(onTime))
        enqueueIfAllowed(at);
    plan.nextFireAt = nextFireAfter(now);
    return plan;
}

} // namespace vigia
