#pragma once

#include <QDate>
#include <QTimeZone>

namespace vigia {

// Wall-clock time in an IANA zone to an instant, with one rule for the two DST cases: a time that does not exist
// (spring forward) moves forward by the gap, a time that exists twice (fall back) is its first occurrence.
qint64 zonedToUtcMs(const QDate &date, int minuteOfDay, const QTimeZone &zone);

// The local date and minute of day of an instant in a zone.
QDate zonedDate(qint64 atMs, const QTimeZone &zone);
int zonedMinuteOfDay(qint64 atMs, const QTimeZone &zone);

// The zone for an IANA id, UTC when the id is unknown (callers validate ids where people type them).
QTimeZone zoneOrUtc(const QString &id);

} // namespace vigia
