#include "config/configvalues.h"

#include <QDateTime>
#include <QRegularExpression>

#include <array>
#include <cmath>

namespace vigia::config {

namespace {
constexpr qint64 MaxDurationMs = 1000LL * 24 * 3600 * 1000;

struct Unit {
    const char *suffix;
    qint64 ms;
};
// Largest first: formatDuration() picks the largest unit that divides the value.
constexpr std::array<Unit, 5> Units{{{"d", 86'400'000}, {"h", 3'600'000}, {"m", 60'000}, {"s", 1'000}, {"ms", 1}}};

constexpr std::array<const char *, 7> WeekdayShort{{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}};
constexpr std::array<const char *, 7> WeekdayLong{
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}};
} // namespace

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression whole(QStringLiteral("^(?:[0-9]+(?:ms|s|m|h|d))+$"));
    static const QRegularExpression part(QStringLiteral("([0-9]+)(ms|s|m|h|d)"));
    if (!whole.match(text).hasMatch())
        return std::nullopt;
    qint64 total = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString digits = match.captured(1);
        if (digits.size() > 12)
            return std::nullopt;
        qint64 unitMs = 0;
        for (const Unit &unit : Units) {
            if (match.captured(2) == QLatin1String(unit.suffix))
                unitMs = unit.ms;
        }
        total += digits.toLongLong() * unitMs;
        if (total > MaxDurationMs)
            return std::nullopt;
    }
    return total;
}

QString formatDuration(qint64 ms)
{
    if (ms == 0)
        return QStringLiteral("0s");
    for (const Unit &unit : Units) {
        if (ms % unit.ms == 0)
            return QString::number(ms / unit.ms) + QLatin1String(unit.suffix);
    }
    return QString::number(ms) + QStringLiteral("ms");
}

std::optional<int> parseTimeOfDay(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,2}):([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int hour = match.captured(1).toInt();
    const int minute = match.captured(2).toInt();
    if (hour > 23 || minute > 59)
        return std::nullopt;
    return hour * 60 + minute;
}

QString formatTimeOfDay(int minute)
{
    return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
}

std::optional<int> parseWeekday(const QString &text)
{
    const QString lower = text.toLower();
    for (int day = 0; day < 7; ++day) {
        if (lower == QLatin1String(WeekdayShort.at(size_t(day))) || lower == QLatin1String(WeekdayLong.at(size_t(day))))
            return day;
    }
    return std::nullopt;
}

QString weekdayName(int day)
{
    return QLatin1String(WeekdayShort.at(size_t(day)));
}

QString weekdayNames()
{
    QStringList names;
    for (const char *name : WeekdayShort)
        names.append(QLatin1String(name));
    return names.join(QLatin1String(", "));
}

std::optional<qint64> parseInstant(const QString &text)
{
    // A date alone, or a date-time without an offset, would be read in whatever zone the machine is in.
    static const QRegularExpression withOffset(QStringLiteral("T.*(?:Z|[+-][0-9]{2}:?[0-9]{2})$"));
    if (!withOffset.match(text).hasMatch())
        return std::nullopt;
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return at.toMSecsSinceEpoch();
}

QString formatInstant(qint64 ms)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return at.toString(ms % 1000 == 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'")
                                      : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

QJsonValue plainScalarValue(const QString &text)
{
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression decimal(
        QStringLiteral("^[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"));
    if (text.isEmpty() || text == QLatin1String("~") || text == QLatin1String("null") ||
        text == QLatin1String("Null") || text == QLatin1String("NULL"))
        return QJsonValue(QJsonValue::Null);
    if (text == QLatin1String("true") || text == QLatin1String("True") || text == QLatin1String("TRUE"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False") || text == QLatin1String("FALSE"))
        return false;
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (ok)
            return value;
        return text.toDouble(); // beyond 64 bits: JSON numbers are doubles anyway
    }
    if (decimal.match(text).hasMatch()) {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (ok && std::isfinite(value))
            return value;
    }
    return text;
}

} // namespace vigia::config
