#include "util/zonedtime.h"

#include <QDateTime>

namespace vigia {

namespace {

constexpr qint64 DaySecs = 86'400;

qint64 offsetAt(const QTimeZone &zone, qint64 utcSecs)
{
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSecs, Qt::UTC));
}

} // namespace

qint64 zonedToUtcMs(const QDate &date, int minuteOfDay, const QTimeZone &zone)
{
    const qint64 wallSecs = QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() + qint64(minuteOfDay) * 60;
    // Offsets a day either side: one transition at most lies between them.
    const qint64 before = offsetAt(zone, wallSecs - DaySecs);
    const qint64 after = offsetAt(zone, wallSecs + DaySecs);
    const qint64 early = wallSecs - before;
    const qint64 late = wallSecs - after;
    const bool earlyValid = offsetAt(zone, early) == before;
    const bool lateValid = offsetAt(zone, late) == after;
    qint64 secs = 0;
    if (earlyValid && lateValid)
        secs = qMin(early, late);
    else if (earlyValid)
        secs = early;
    else if (lateValid)
        secs = late;
    else
        secs = early; // in the gap: the old offset lands after it, by the length of the gap
    return secs * 1000;
}

QDate zonedDate(qint64 atMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(atMs, zone).date();
}

int zonedMinuteOfDay(qint64 atMs, const QTimeZone &zone)
{
    const QTime time = QDateTime::fromMSecsSinceEpoch(atMs, zone).time();
    return time.hour() * 60 + time.minute();
}

QTimeZone zoneOrUtc(const QString &id)
{
    QTimeZone zone(id.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

} // namespace vigia
