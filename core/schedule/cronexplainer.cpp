#include "schedule/cronexplainer.h"

#include "schedule/cronexpression.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <optional>

namespace vigia {

namespace {

using Field = CronExpression::Field;

const char *const MonthNames[] = {
    QT_TRANSLATE_NOOP("CronExplainer", "January"),   QT_TRANSLATE_NOOP("CronExplainer", "February"),
    QT_TRANSLATE_NOOP("CronExplainer", "March"),     QT_TRANSLATE_NOOP("CronExplainer", "April"),
    QT_TRANSLATE_NOOP("CronExplainer", "May"),       QT_TRANSLATE_NOOP("CronExplainer", "June"),
    QT_TRANSLATE_NOOP("CronExplainer", "July"),      QT_TRANSLATE_NOOP("CronExplainer", "August"),
    QT_TRANSLATE_NOOP("CronExplainer", "September"), QT_TRANSLATE_NOOP("CronExplainer", "October"),
    QT_TRANSLATE_NOOP("CronExplainer", "November"),  QT_TRANSLATE_NOOP("CronExplainer", "December"),
};

// Singular names appear in ranges ("Monday through Friday").
const char *const DayNames[] = {
    QT_TRANSLATE_NOOP("CronExplainer", "Sunday"),   QT_TRANSLATE_NOOP("CronExplainer", "Monday"),
    QT_TRANSLATE_NOOP("CronExplainer", "Tuesday"),  QT_TRANSLATE_NOOP("CronExplainer", "Wednesday"),
    QT_TRANSLATE_NOOP("CronExplainer", "Thursday"), QT_TRANSLATE_NOOP("CronExplainer", "Friday"),
    QT_TRANSLATE_NOOP("CronExplainer", "Saturday"),
};

// Plural names appear in lists inside "on %1" ("on Mondays and Fridays"). They are separate pieces so a language
// can attach the preposition each day needs (Portuguese: "aos domingos", "às segundas-feiras") and drop "on".
const char *const RecurringDayNames[] = {
    QT_TRANSLATE_NOOP("CronExplainer", "Sundays"),   QT_TRANSLATE_NOOP("CronExplainer", "Mondays"),
    QT_TRANSLATE_NOOP("CronExplainer", "Tuesdays"),  QT_TRANSLATE_NOOP("CronExplainer", "Wednesdays"),
    QT_TRANSLATE_NOOP("CronExplainer", "Thursdays"), QT_TRANSLATE_NOOP("CronExplainer", "Fridays"),
    QT_TRANSLATE_NOOP("CronExplainer", "Saturdays"),
};

QString translated(const char *source)
{
    return QCoreApplication::translate("CronExplainer", source);
}

QList<int> valuesOf(const CronExpression &e, Field field)
{
    QList<int> values;
    for (int v = CronExpression::minimum(field); v <= CronExpression::maximum(field); ++v) {
        if (e.isAllowed(field, v))
            values.append(v);
    }
    return values;
}

bool isFull(const CronExpression &e, Field field)
{
    return valuesOf(e, field).size() == CronExpression::maximum(field) - CronExpression::minimum(field) + 1;
}

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

QString clockTime(int hour, int minute)
{
    return twoDigits(hour) + QLatin1Char(':') + twoDigits(minute);
}

// "a", "a and b", "a, b and c": the separators are translated, the items already are.
QString joinList(const QStringList &items)
{
    if (items.isEmpty())
        return {};
    QString result = items.first();
    for (int i = 1; i < items.size() - 1; ++i)
        result = QCoreApplication::translate("CronExplainer", "%1, %2").arg(result, items.at(i));
    if (items.size() > 1)
        result = QCoreApplication::translate("CronExplainer", "%1 and %2").arg(result, items.last());
    return result;
}

// Numbers with runs of three or more collapsed ("1-10, 15 and 20"), so a "*/1"-like list stays short.
QString numberList(const QList<int> &values, bool padded)
{
    auto text = [padded](int v) { return padded ? twoDigits(v) : QString::number(v); };
    QStringList items;
    for (int i = 0; i < values.size();) {
        int j = i;
        while (j + 1 < values.size() && values.at(j + 1) == values.at(j) + 1)
            ++j;
        if (j - i >= 2) {
            items.append(
                QCoreApplication::translate("CronExplainer", "%1-%2").arg(text(values.at(i)), text(values.at(j))));
        } else {
            for (int k = i; k <= j; ++k)
                items.append(text(values.at(k)));
        }
        i = j + 1;
    }
    return joinList(items);
}

struct Progression {
    int first;
    int last;
    int step;
};

std::optional<Progression> progressionOf(const QList<int> &values)
{
    if (values.size() < 2)
        return std::nullopt;
    const int step = values.at(1) - values.at(0);
    for (int i = 2; i < values.size(); ++i) {
        if (values.at(i) - values.at(i - 1) != step)
            return std::nullopt;
    }
    return Progression{values.first(), values.last(), step};
}

// "Every n" is only honest when the gaps stay n across the wrap (n divides the cycle) and the whole cycle is covered.
bool isPeriodic(const std::optional<Progression> &p, int cycle)
{
    return p && cycle % p->step == 0 && p->first < p->step && p->last + p->step >= cycle;
}

QString hourlyPhrase(int minute, const QList<int> &hours)
{
    const std::optional<Progression> p = progressionOf(hours);
    if (isPeriodic(p, 24) && p->first == 0) {
        if (p->step == 1) {
            return minute == 0 ? translated(QT_TRANSLATE_NOOP("CronExplainer", "every hour"))
                               : QCoreApplication::translate("CronExplainer", "every hour, at minute %1").arg(minute);
        }
        return minute == 0
                   ? QCoreApplication::translate("CronExplainer", "every %n hours", nullptr, p->step)
                   : QCoreApplication::translate("CronExplainer", "every %n hours, at minute %1", nullptr, p->step)
                         .arg(minute);
    }
    if (isPeriodic(p, 24))
        return QCoreApplication::translate("CronExplainer", "every %n hours, starting at %1", nullptr, p->step)
            .arg(clockTime(p->first, minute));
    if (p && hours.size() >= 3) {
        const QString first = clockTime(p->first, minute);
        const QString last = clockTime(p->last, minute);
        if (p->step == 1)
            return QCoreApplication::translate("CronExplainer", "every hour from %1 to %2").arg(first, last);
        return QCoreApplication::translate("CronExplainer", "every %n hours from %1 to %2", nullptr, p->step)
            .arg(first, last);
    }
    QStringList times;
    for (int hour : hours)
        times.append(clockTime(hour, minute));
    return QCoreApplication::translate("CronExplainer", "at %1").arg(joinList(times));
}

QString minutePhrase(const QList<int> &minutes)
{
    if (minutes.size() == 60)
        return translated(QT_TRANSLATE_NOOP("CronExplainer", "every minute"));
    const std::optional<Progression> p = progressionOf(minutes);
    if (isPeriodic(p, 60) && p->first == 0)
        return QCoreApplication::translate("CronExplainer", "every %n minutes", nullptr, p->step);
    if (isPeriodic(p, 60))
        return QCoreApplication::translate("CronExplainer", "every %n minutes, starting at minute %1", nullptr, p->step)
            .arg(p->first);
    return QCoreApplication::translate("CronExplainer", "at minutes %1 past the hour").arg(numberList(minutes, false));
}

QString hourWindowPhrase(const QList<int> &hours)
{
    if (hours.size() == 24)
        return {};
    if (hours.last() - hours.first() + 1 == hours.size()) {
        return QCoreApplication::translate("CronExplainer", "between %1 and %2")
            .arg(clockTime(hours.first(), 0), clockTime(hours.last(), 59));
    }
    return QCoreApplication::translate("CronExplainer", "during hours %1").arg(numberList(hours, true));
}

QString timePhrase(const CronExpression &e)
{
    const QList<int> minutes = valuesOf(e, Field::Minute);
    const QList<int> hours = valuesOf(e, Field::Hour);
    if (minutes.size() * hours.size() <= 4) {
        QStringList times;
        for (int hour : hours) {
            for (int minute : minutes)
                times.append(clockTime(hour, minute));
        }
        return QCoreApplication::translate("CronExplainer", "at %1").arg(joinList(times));
    }
    if (minutes.size() == 1)
        return hourlyPhrase(minutes.first(), hours);
    const QString window = hourWindowPhrase(hours);
    const QString phrase = minutePhrase(minutes);
    return window.isEmpty() ? phrase : QCoreApplication::translate("CronExplainer", "%1, %2").arg(phrase, window);
}

QString dayOfMonthPhrase(const CronExpression &e)
{
    if (isFull(e, Field::DayOfMonth))
        return {};
    const QList<int> days = valuesOf(e, Field::DayOfMonth);
    if (days.size() == 1)
        return QCoreApplication::translate("CronExplainer", "on day %1 of the month").arg(days.first());
    return QCoreApplication::translate("CronExplainer", "on days %1 of the month").arg(numberList(days, false));
}

QString dayOfWeekPhrase(const CronExpression &e)
{
    if (isFull(e, Field::DayOfWeek))
        return {};
    // Weeks read Monday first, so "5-7" (Friday through Sunday) is one run.
    QList<int> days;
    for (int i = 1; i <= 7; ++i) {
        if (e.isAllowed(Field::DayOfWeek, i % 7))
            days.append(i % 7);
    }
    const int firstPos = days.first() == 0 ? 7 : days.first();
    const int lastPos = days.last() == 0 ? 7 : days.last();
    if (days.size() >= 3 && lastPos - firstPos + 1 == days.size()) {
        return QCoreApplication::translate("CronExplainer", "%1 through %2")
            .arg(translated(DayNames[days.first()]), translated(DayNames[days.last()]));
    }
    QStringList names;
    for (int day : days)
        names.append(translated(RecurringDayNames[day]));
    return QCoreApplication::translate("CronExplainer", "on %1").arg(joinList(names));
}

QString dayPhrase(const CronExpression &e)
{
    const QString byMonthDay = dayOfMonthPhrase(e);
    const QString byWeekday = dayOfWeekPhrase(e);
    if (e.daysMatchEither()) {
        // Either field matching is enough, so an unrestricted one makes every day match.
        if (byMonthDay.isEmpty() || byWeekday.isEmpty())
            return {};
        return QCoreApplication::translate("CronExplainer", "%1 or %2").arg(byMonthDay, byWeekday);
    }
    if (!byMonthDay.isEmpty() && !byWeekday.isEmpty())
        return QCoreApplication::translate("CronExplainer", "%1, but only %2").arg(byMonthDay, byWeekday);
    return byMonthDay.isEmpty() ? byWeekday : byMonthDay;
}

QString monthPhrase(const CronExpression &e)
{
    if (isFull(e, Field::Month))
        return {};
    const QList<int> months = valuesOf(e, Field::Month);
    if (months.size() >= 3 && months.last() - months.first() + 1 == months.size()) {
        return QCoreApplication::translate("CronExplainer", "from %1 through %2")
            .arg(translated(MonthNames[months.first() - 1]), translated(MonthNames[months.last() - 1]));
    }
    QStringList names;
    for (int month : months)
        names.append(translated(MonthNames[month - 1]));
    return QCoreApplication::translate("CronExplainer", "in %1").arg(joinList(names));
}

} // namespace

QString CronExplainer::explain(const CronExpression &expression)
{
    if (!expression.isValid())
        return QCoreApplication::translate("CronExplainer", "not a valid cron expression");

    QString sentence = timePhrase(expression);
    for (const QString &part : {dayPhrase(expression), monthPhrase(expression)}) {
        if (!part.isEmpty())
            sentence = QCoreApplication::translate("CronExplainer", "%1, %2").arg(sentence, part);
    }
    if (!expression.canEverFire())
        sentence = QCoreApplication::translate("CronExplainer", "%1 (never fires)").arg(sentence);
    return sentence;
}

} // namespace vigia
