#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace vigia::config {

// The spellings of values in jobs-as-code files, shared by the parser and the writer so that what one writes the
// other reads back unchanged.

// "500ms", "30s", "5m", "2h", "1d" or a sum of them ("1h30m"), in milliseconds; nullopt when malformed or beyond
// 1000 days. A plain whole number (seconds) is handled by the caller, which knows whether the YAML value was quoted.
std::optional<qint64> parseDuration(const QString &text);
// The shortest spelling parseDuration() reads back: "0s", "1500ms", "90s", "5m", "1d".
QString formatDuration(qint64 ms);

// "HH:MM" (00:00 to 23:59) as minutes after midnight.
std::optional<int> parseTimeOfDay(const QString &text);
QString formatTimeOfDay(int minute);

// "mon" ... "sun" (any case, or the full English name) as 0 = Monday ... 6 = Sunday.
std::optional<int> parseWeekday(const QString &text);
QString weekdayName(int day); // "mon" ... "sun"
QString weekdayNames();       // "mon, tue, wed, thu, fri, sat, sun", for messages

// An ISO 8601 date-time with an explicit offset ("Z" or "+HH:MM"); nullopt when malformed or without an offset,
// since a file applied on servers in other zones must not depend on the local zone.
std::optional<qint64> parseInstant(const QString &text);
// UTC with a "Z", milliseconds only when there are some.
QString formatInstant(qint64 ms);

// What an unquoted YAML scalar inside a job's spec means in JSON (YAML 1.2 core schema): null ("", "~", "null"),
// true/false, a whole or decimal number, else a string. The writer quotes a string that would read as anything else.
QJsonValue plainScalarValue(const QString &text);

} // namespace vigia::config
