#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <array>
#include <optional>

namespace vigia {

// A parsed standard 5-field cron expression (Vixie/cronie dialect) that computes fire times in an IANA time
// zone, with the DST rules of common cron libraries: fixed-time jobs fire once per day, interval jobs follow the clock.
class CronExpression {
public:
    enum class Field {
        Minute,
        Hour,
        DayOfMonth,
        Month,
        DayOfWeek
    };
    static constexpr int FieldCount = 5;

    // An invalid expression; only parse() produces valid ones. Exists so jobs can hold one by value.
    CronExpression() = default;

    // On failure returns std::nullopt and sets *error to a message naming the field and the value, e.g.
    // "day-of-month: 32 is out of range 1-31", "month: unknown name \"FOO\"", "expected 5 fields, got 4".
    static std::optional<CronExpression> parse(const QString &text, QString *error = nullptr);

    bool isValid() const { return m_valid; }
    // The expression as given, trimmed (macros stay as written, e.g. "@daily").
    QString text() const { return m_text; }

    // A single value in both minute and hour: such a job fires once on a DST-change day (see next()).
    bool isFixedTime() const;
    // False when no month/day combination can ever match, e.g. "0 0 30 2 *" or "0 0 31 4,6,9,11 *".
    bool canEverFire() const { return m_valid && m_canFire; }

    // The first fire time strictly after `from`, evaluated on the wall clock of `zone`, returned in UTC.
    // Invalid when the expression can never fire (or the expression, `from` or `zone` is invalid).
    // DST: fixed-time jobs whose time falls into a skipped interval fire at the first instant after it, and fire
    // only on the first pass of a repeated interval; interval jobs skip missing times and fire in both passes.
    QDateTime next(const QDateTime &from, const QTimeZone &zone) const;
    // The next `count` fire times after `from`; shorter only when the expression stops firing.
    QList<QDateTime> nextN(const QDateTime &from, const QTimeZone &zone, int count) const;

    // Allowed values as a bit mask: bit n set means value n is allowed. Day-of-week uses 0-6 with Sunday = 0
    // (a 7 in the text is folded into bit 0); day-of-month uses bits 1-31 and month bits 1-12.
    quint64 allowed(Field field) const { return m_masks[static_cast<int>(field)]; }
    bool isAllowed(Field field, int value) const;
    // Whether the field's text began with '*' (so "*/2" counts too); this drives the day-matching rule.
    bool isWildcard(Field field) const { return m_wildcards[static_cast<int>(field)]; }
    // The field as written, or its expansion for a macro (e.g. "0" for the minute of "@daily").
    QString fieldText(Field field) const { return m_fieldTexts[static_cast<int>(field)]; }
    // Vixie rule: when neither day field is a wildcard, a day matches if EITHER field matches.
    bool daysMatchEither() const { return !isWildcard(Field::DayOfMonth) && !isWildcard(Field::DayOfWeek); }

    static int minimum(Field field);
    static int maximum(Field field);
    static QString fieldName(Field field);

    // Equal when the allowed values and the day-matching rule are equal, however the text was spelled.
    friend bool operator==(const CronExpression &a, const CronExpression &b)
    {
        return a.m_valid == b.m_valid && a.m_masks == b.m_masks && a.daysMatchEither() == b.daysMatchEither();
    }
    friend bool operator!=(const CronExpression &a, const CronExpression &b) { return !(a == b); }

private:
    // Wall-clock times are counted as seconds since 1970-01-01T00:00 on the local calendar ("wall seconds").
    qint64 nextMatchingWall(qint64 wall, qint64 limitWall) const;
    quint32 matchingDaysOfMonth(qint64 year, int month) const;

    QString m_text;
    std::array<QString, FieldCount> m_fieldTexts;
    std::array<quint64, FieldCount> m_masks{};
    std::array<bool, FieldCount> m_wildcards{};
    bool m_valid = false;
    bool m_canFire = false;
};

} // namespace vigia
