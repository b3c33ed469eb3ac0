#include "schedule/cronexpression.h"

#include <QLatin1String>
#include <QtAlgorithms>
#include <algorithm>
#include <limits>
#include <utility>

namespace vigia {

namespace {

constexpr qint64 SecsPerDay = 86400;
constexpr qint64 NoMatch = std::numeric_limits<qint64>::max();

// The Gregorian calendar repeats every 400 years (146097 days, a whole number of weeks), so every month/day/weekday
// combination that can ever occur occurs within any 400-year window. Searching that far (plus slack for the zone
// offset) therefore decides "never fires" exactly; real schedules are found long before: a leap day on a given
// weekday ("0 0 29 2 */7", Sunday-only by the AND rule) recurs within 40 years, "0 0 29 2 *" within 8.
constexpr qint64 HorizonSecs = (146097 + 2) * SecsPerDay;

struct FieldSpec {
    const char *name;
    int min;
    int max;                  // highest value accepted in the text (7 for day-of-week, an alias of Sunday)
    int rangeMax;             // where '*' and "a/n" stop: 6 for day-of-week, so "1/2" means Mon, Wed, Fri
    const char *const *names; // three-letter names, index = value - min, or nullptr
};

const char *const MonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char *const DayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

const FieldSpec Specs[CronExpression::FieldCount] = {
    {"minute", 0, 59, 59, nullptr},   {"hour", 0, 23, 23, nullptr},       {"day-of-month", 1, 31, 31, nullptr},
    {"month", 1, 12, 12, MonthNames}, {"day-of-week", 0, 7, 6, DayNames},
};

struct Macro {
    const char *name;
    const char *expansion;
};

const Macro Macros[] = {
    {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"}, {"@weekly", "0 0 * * 0"},
    {"@daily", "0 0 * * *"},  {"@midnight", "0 0 * * *"}, {"@hourly", "0 * * * *"},
};

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar, no tables, no QDate.
qint64 daysFromCivil(qint64 y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = floorDiv(y, 400);
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(qint64 z, qint64 *year, int *month, int *day)
{
    z += 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (*month <= 2 ? 1 : 0);
}

bool isLeapYear(qint64 y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(qint64 y, int m)
{
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeapYear(y) ? 29 : lengths[m - 1];
}

int lowestBit(quint64 v)
{
    return static_cast<int>(qCountTrailingZeroBits(v));
}

// Bits 1..length set: the days that exist in a month of that length.
quint32 daysUpTo(int length)
{
    return static_cast<quint32>(((quint64(1) << (length + 1)) - 1) & ~quint64(1));
}

QDateTime utcAt(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

class FieldParser {
public:
    FieldParser(const FieldSpec &spec, QString *error)
        : m_spec(spec)
        , m_error(error)
    {}

    bool parse(const QString &text, quint64 *mask)
    {
        *mask = 0;
        const QStringList elements = text.split(QLatin1Char(','));
        for (const QString &element : elements) {
            if (element.isEmpty())
                return fail(QStringLiteral("empty list element in \"%1\"").arg(text));
            if (!parseElement(element, mask))
                return false;
        }
        return true;
    }

private:
    bool parseElement(const QString &element, quint64 *mask)
    {
        const QStringList stepParts = element.split(QLatin1Char('/'));
        if (stepParts.size() > 2)
            return fail(QStringLiteral("invalid step in \"%1\"").arg(element));
        const QString &range = stepParts.first();
        int step = 1;
        if (stepParts.size() == 2) {
            const QString &stepText = stepParts.at(1);
            if (stepText.isEmpty())
                return fail(QStringLiteral("missing step after \"/\" in \"%1\"").arg(element));
            if (!isDigits(stepText))
                return fail(QStringLiteral("invalid step \"%1\"").arg(stepText));
            const int span = m_spec.rangeMax - m_spec.min + 1;
            step = toNumber(stepText);
            if (step < 1 || step > span)
                return fail(QStringLiteral("step %1 is out of range 1-%2").arg(stepText).arg(span));
        }
        if (range.isEmpty())
            return fail(QStringLiteral("missing range before \"/\" in \"%1\"").arg(element));

        int low = 0;
        int high = 0;
        if (range == QLatin1String("*")) {
            low = m_spec.min;
            high = m_spec.rangeMax;
        } else {
            const QStringList bounds = range.split(QLatin1Char('-'));
            if (bounds.size() > 2 || bounds.first().isEmpty() || bounds.last().isEmpty())
                return fail(QStringLiteral("invalid range \"%1\"").arg(range));
            if (!value(bounds.first(), false, &low))
                return false;
            if (bounds.size() == 2) {
                if (!value(bounds.last(), low > 0, &high))
                    return false;
                if (low > high)
                    return fail(QStringLiteral("range %1 is backwards").arg(range));
            } else {
                // "a/n" is shorthand for "a-max/n"; a lone "a" is just a.
                high = stepParts.size() == 2 ? std::max(low, m_spec.rangeMax) : low;
            }
        }
        for (int v = low; v <= high; v += step)
            *mask |= quint64(1) << (m_spec.max == 7 && v == 7 ? 0 : v);
        return true;
    }

    // A name closing a range may be SUN meaning 7, so "FRI-SUN" reads as Friday through Sunday.
    bool value(const QString &token, bool sundayIsSeven, int *out)
    {
        if (isDigits(token)) {
            *out = toNumber(token);
            if (*out < m_spec.min || *out > m_spec.max)
                return fail(QStringLiteral("%1 is out of range %2-%3").arg(token).arg(m_spec.min).arg(m_spec.max));
            return true;
        }
        const bool letters = std::all_of(token.cbegin(), token.cend(), [](QChar c) {
            return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
        });
        if (!letters || !m_spec.names)
            return fail(QStringLiteral("invalid value \"%1\"").arg(token));
        for (int v = m_spec.min; v <= m_spec.rangeMax; ++v) {
            if (token.compare(QLatin1String(m_spec.names[v - m_spec.min]), Qt::CaseInsensitive) == 0) {
                *out = (sundayIsSeven && m_spec.max == 7 && v == 0) ? 7 : v;
                return true;
            }
        }
        return fail(QStringLiteral("unknown name \"%1\"").arg(token));
    }

    static bool isDigits(const QString &s)
    {
        return !s.isEmpty() && std::all_of(s.cbegin(), s.cend(),
                                           [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    }

    // Saturates instead of overflowing, so "99999999999" is reported as out of range rather than wrapping.
    static int toNumber(const QString &s)
    {
        int n = 0;
        for (QChar c : s)
            n = std::min(n * 10 + (c.unicode() - '0'), 1000000);
        return n;
    }

    bool fail(const QString &message)
    {
        if (m_error)
            *m_error = QLatin1String(m_spec.name) + QLatin1String(": ") + message;
        return false;
    }

    const FieldSpec &m_spec;
    QString *m_error;
};

QStringList splitFields(const QString &text)
{
    QStringList fields;
    QString current;
    for (QChar c : text) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t')) {
            if (!current.isEmpty())
                fields.append(std::exchange(current, QString()));
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty())
        fields.append(current);
    return fields;
}

} // namespace

int CronExpression::minimum(Field field)
{
    return Specs[static_cast<int>(field)].min;
}

int CronExpression::maximum(Field field)
{
    // Callers iterate over values; 7 is only an alias of Sunday, never a separate day.
    return Specs[static_cast<int>(field)].rangeMax;
}

QString CronExpression::fieldName(Field field)
{
    return QLatin1String(Specs[static_cast<int>(field)].name);
}

bool CronExpression::isAllowed(Field field, int value) const
{
    if (field == Field::DayOfWeek && value == 7)
        value = 0;
    return value >= 0 && value < 64 && (allowed(field) >> value & 1) != 0;
}

std::optional<CronExpression> CronExpression::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<CronExpression> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    CronExpression expr;
    expr.m_text = text.trimmed();
    QStringList fields = splitFields(expr.m_text);
    if (fields.isEmpty())
        return fail(QStringLiteral("expression is empty"));

    if (fields.first().startsWith(QLatin1Char('@'))) {
        const QString macro = fields.first().toLower();
        const auto found = std::find_if(std::begin(Macros), std::end(Macros),
                                        [&macro](const Macro &m) { return macro == QLatin1String(m.name); });
        if (found == std::end(Macros))
            return fail(QStringLiteral("unknown macro \"%1\"").arg(fields.first()));
        if (fields.size() > 1)
            return fail(QStringLiteral("unexpected \"%1\" after %2").arg(fields.at(1), fields.first()));
        fields = splitFields(QLatin1String(found->expansion));
    }

    if (fields.size() != FieldCount)
        return fail(QStringLiteral("expected 5 fields, got %1").arg(fields.size()));

    QString message;
    for (int i = 0; i < FieldCount; ++i) {
        if (!FieldParser(Specs[i], &message).parse(fields.at(i), &expr.m_masks[i]))
            return fail(message);
        expr.m_fieldTexts[i] = fields.at(i);
        // Follows cronie, which sets DOM_STAR/DOW_STAR whenever the field starts with '*': "*/2" in a day field
        // is a wildcard for the OR rule below even though it restricts the days.
        expr.m_wildcards[i] = fields.at(i).startsWith(QLatin1Char('*'));
    }

    expr.m_valid = true;
    // Under the OR rule the weekday part alone matches in every allowed month (each month has every weekday).
    expr.m_canFire = expr.daysMatchEither();
    // Under the AND rule a day matches when some allowed month has an allowed day of the month (Feb counted as 29
    // days); the weekday part then lines up eventually because every date falls on every weekday over 400 years.
    for (int month = 1; month <= 12 && !expr.m_canFire; ++month) {
        if (expr.isAllowed(Field::Month, month))
            expr.m_canFire = (expr.allowed(Field::DayOfMonth) & daysUpTo(month == 2 ? 29 : daysInMonth(2001, month)));
    }
    return expr;
}

bool CronExpression::isFixedTime() const
{
    auto single = [](quint64 mask) { return mask != 0 && (mask & (mask - 1)) == 0; };
    return m_valid && single(allowed(Field::Minute)) && single(allowed(Field::Hour));
}

quint32 CronExpression::matchingDaysOfMonth(qint64 year, int month) const
{
    const quint32 existing = daysUpTo(daysInMonth(year, month));
    const quint32 byDay = static_cast<quint32>(allowed(Field::DayOfMonth)) & existing;
    // 1970-01-01 was a Thursday (4).
    const qint64 firstDays = daysFromCivil(year, month, 1) + 4;
    const int firstWeekday = static_cast<int>(firstDays - floorDiv(firstDays, 7) * 7);
    quint32 byWeekday = 0;
    const quint64 weekdays = allowed(Field::DayOfWeek);
    for (int wd = 0; wd < 7; ++wd) {
        if (weekdays >> wd & 1) {
            const int firstDay = 1 + (wd - firstWeekday + 7) % 7;
            byWeekday |= quint32(0x10204081u) << firstDay; // that day and every 7th after it
        }
    }
    byWeekday &= existing;
    return daysMatchEither() ? (byDay | byWeekday) : (byDay & byWeekday);
}

qint64 CronExpression::nextMatchingWall(qint64 wall, qint64 limitWall) const
{
    wall = floorDiv(wall + 59, 60) * 60;
    qint64 days = floorDiv(wall, SecsPerDay);
    const int secOfDay = static_cast<int>(wall - days * SecsPerDay);
    int hour = secOfDay / 3600;
    int minute = secOfDay % 3600 / 60;
    qint64 year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);
    const qint64 limitDays = floorDiv(limitWall, SecsPerDay);

    auto startOfMonth = [&](qint64 y, int m) {
        year = y;
        month = m;
        day = 1;
        hour = minute = 0;
        days = daysFromCivil(year, month, 1);
    };

    // Each step either returns or moves forward to the start of the next candidate month, day or hour, so the
    // loop runs a few times per matching month, not once per minute.
    while (days <= limitDays) {
        const quint64 months = allowed(Field::Month) >> (month) << (month);
        if (!(months >> month & 1)) {
            if (months)
                startOfMonth(year, lowestBit(months));
            else
                startOfMonth(year + 1, lowestBit(allowed(Field::Month)));
            continue;
        }
        const quint32 candidateDays = day > 31 ? 0 : matchingDaysOfMonth(year, month) >> day << day;
        if (!candidateDays) {
            if (month == 12)
                startOfMonth(year + 1, 1);
            else
                startOfMonth(year, month + 1);
            continue;
        }
        const int nextDay = lowestBit(candidateDays);
        if (nextDay != day) {
            days += nextDay - day;
            day = nextDay;
            hour = minute = 0;
        }
        const quint64 hours = allowed(Field::Hour) >> hour << hour;
        if (!hours) {
            ++day;
            ++days;
            hour = minute = 0;
            continue;
        }
        const int nextHour = lowestBit(hours);
        if (nextHour != hour) {
            hour = nextHour;
            minute = 0;
        }
        const quint64 minutes = allowed(Field::Minute) >> minute << minute;
        if (!minutes) {
            if (++hour == 24) {
                ++day;
                ++days;
                hour = 0;
            }
            minute = 0;
            continue;
        }
        return days * SecsPerDay + hour * 3600 + lowestBit(minutes) * 60;
    }
    return NoMatch;
}

QDateTime CronExpression::next(const QDateTime &from, const QTimeZone &zone) const
{
    if (!canEverFire() || !from.isValid() || !zone.isValid())
        return {};

    // Instants are whole seconds; "strictly after from" for a from with milliseconds is "after its whole second".
    const qint64 fromSecs = floorDiv(from.toMSecsSinceEpoch(), 1000);
    const bool fixedTime = isFixedTime();
    const bool zoneChanges = zone.hasTransitions();

    // Walk the zone's constant-offset segments in time order: inside one segment wall time and UTC move together,
    // so the first matching wall time in the segment is its earliest fire. Gaps and overlaps live at segment joins.
    int offset = zone.offsetFromUtc(utcAt(fromSecs));
    qint64 segmentEnd = NoMatch;
    int nextOffset = offset;
    auto loadSegmentEnd = [&](qint64 after) {
        segmentEnd = NoMatch;
        if (!zoneChanges)
            return;
        QTimeZone::OffsetData transition = zone.nextTransition(utcAt(after));
        if (transition.atUtc.isValid() && transition.atUtc.toSecsSinceEpoch() <= after)
            transition = zone.nextTransition(utcAt(after + 1));
        if (transition.atUtc.isValid()) {
            segmentEnd = transition.atUtc.toSecsSinceEpoch();
            nextOffset = transition.offsetFromUtc;
        }
    };
    loadSegmentEnd(fromSecs);

    qint64 lowWall = fromSecs + offset + 1;
    if (fixedTime && zoneChanges) {
        // If `from` is in the second pass of a repeated interval, a fixed-time job already fired in the first.
        const QTimeZone::OffsetData previous = zone.previousTransition(utcAt(fromSecs + 1));
        if (previous.atUtc.isValid()) {
            const qint64 start = previous.atUtc.toSecsSinceEpoch();
            lowWall = std::max(lowWall, start + zone.offsetFromUtc(utcAt(start - 1)));
        }
    }

    const qint64 limitWall = fromSecs + HorizonSecs;
    qint64 cachedFrom = NoMatch;
    qint64 cachedMatch = NoMatch;
    for (;;) {
        // Consecutive segments often ask for the same region (and overlaps step back a little): reuse the answer.
        if (lowWall < cachedFrom || lowWall > cachedMatch) {
            cachedFrom = lowWall;
            cachedMatch = nextMatchingWall(lowWall, limitWall);
        }
        const qint64 wall = cachedMatch;
        if (wall == NoMatch)
            return {};
        if (segmentEnd == NoMatch || wall < segmentEnd + offset)
            return utcAt(wall - offset);
        // Clocks jump forward at segmentEnd: wall times in [end + offset, end + nextOffset) never happen.
        if (fixedTime && nextOffset > offset && wall < segmentEnd + nextOffset)
            return utcAt(segmentEnd);

        const int previousOffset = offset;
        const qint64 segmentStart = segmentEnd;
        offset = nextOffset;
        lowWall = segmentStart + (fixedTime ? std::max(offset, previousOffset) : offset);
        if (segmentStart > limitWall)
            return {};
        loadSegmentEnd(segmentStart);
    }
}

QList<QDateTime> CronExpression::nextN(const QDateTime &from, const QTimeZone &zone, int count) const
{
    QList<QDateTime> result;
    result.reserve(std::max(count, 0));
    QDateTime cursor = from;
    for (int i = 0; i < count; ++i) {
        cursor = next(cursor, zone);
        if (!cursor.isValid())
            break;
        result.append(cursor);
    }
    return result;
}

} // namespace vigia
