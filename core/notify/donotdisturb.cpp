#include "notify/donotdisturb.h"

#include "util/zonedtime.h"

namespace vigia {

namespace {

// The window's interval that contains atMs, if any.
bool windowContains(const DndWindow &window, const QTimeZone &zone, qint64 atMs, qint64 *endMs)
{
    if (window.startMinute == window.endMinute)
        return false;
    const bool wraps = window.endMinute < window.startMinute;
    const QDate today = zonedDate(atMs, zone);
    for (int offset = -1; offset <= 0; ++offset) {
        const QDate day = today.addDays(offset);
        if (!window.weekdays.contains(day.dayOfWeek()))
            continue;
        const qint64 start = zonedToUtcMs(day, window.startMinute, zone);
        const qint64 end = zonedToUtcMs(wraps ? day.addDays(1) : day, window.endMinute, zone);
        if (start <= atMs && atMs < end) {
            *endMs = end;
            return true;
        }
    }
    return false;
}

} // namespace

bool DoNotDisturb::isQuiet(const User &user, qint64 atMs)
{
    return quietUntil(user, atMs) > atMs;
}

qint64 DoNotDisturb::quietUntil(const User &user, qint64 atMs)
{
    const QTimeZone zone = zoneOrUtc(user.timeZone);
    qint64 until = atMs;
    // Back-to-back windows chain; a week of them at most.
    for (int guard = 0; guard < 16; ++guard) {
        qint64 furthest = until;
        for (const DndWindow &window : user.doNotDisturb) {
            qint64 end = 0;
            if (windowContains(window, zone, until, &end))
                furthest = qMax(furthest, end);
        }
        if (furthest == until)
            break;
        until = furthest;
    }
    return until;
}

DoNotDisturb::Decision DoNotDisturb::decide(const User &user, qint64 atMs, bool critical, bool criticalBreaksThrough)
{
    if (!isQuiet(user, atMs))
        return Decision::Deliver;
    return critical && criticalBreaksThrough ? Decision::BreakThrough : Decision::Silence;
}

} // namespace vigia
