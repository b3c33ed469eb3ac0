#pragma once

// Shared by the CronExpression tests: rows of expected fire times written compactly, one row per line.

#include "schedule/cronexpression.h"

#include <QStringList>
#include <QTest>
#include <initializer_list>

namespace vigia::crontest {

// "yyyy-MM-dd HH:mm[:ss[.zzz]]" in UTC. Date and time are parsed apart so the machine's own zone (and its DST gaps)
// never gets involved.
inline QDateTime utc(const QString &text)
{
    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    const QString time = text.mid(11);
    const QTime clock = QTime::fromString(time, time.size() == 5 ? Qt::ISODate : Qt::ISODateWithMs);
    return date.isValid() && clock.isValid() ? QDateTime(date, clock, Qt::UTC) : QDateTime();
}

inline QString minuteText(const QDateTime &dt)
{
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

inline void fireColumns()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("fires");
}

// Expected fire times are UTC "yyyy-MM-dd HH:mm"; a bare "HH:mm" keeps the date of the value before it (or of
// `from`), which keeps runs of same-day fires readable.
inline void fires(const char *name, const char *expr, const char *zone, const char *from,
                  std::initializer_list<const char *> expected)
{
    QStringList list;
    QString date = QString::fromLatin1(from).left(10);
    for (const char *e : expected) {
        const QString text = QString::fromLatin1(e);
        list << (text.size() == 5 ? date + QLatin1Char(' ') + text : text);
        date = list.last().left(10);
    }
    QTest::newRow(name) << QString::fromUtf8(expr) << QByteArray(zone) << QString::fromLatin1(from) << list;
}

// The test body shared by every fireColumns() table.
inline void verifyFires()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    QFETCH(QString, from);
    QFETCH(QStringList, fires);
    QString error;
    const std::optional<CronExpression> e = CronExpression::parse(expression, &error);
    QVERIFY2(e, qPrintable(error));
    const QTimeZone tz(zone);
    QVERIFY2(tz.isValid(), zone.constData());
    QVERIFY(utc(from).isValid());
    QStringList actual;
    for (const QDateTime &dt : e->nextN(utc(from), tz, static_cast<int>(fires.size()))) {
        QCOMPARE(dt.timeSpec(), Qt::UTC);
        actual << minuteText(dt);
    }
    QCOMPARE(actual, fires);
}

} // namespace vigia::crontest
