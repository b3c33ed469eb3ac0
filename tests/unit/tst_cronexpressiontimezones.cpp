#include "cronexpressiontesthelpers.h"
#include "schedule/cronexpression.h"

#include <QTest>

using vigia::CronExpression;
using Field = CronExpression::Field;
using namespace vigia::crontest;

namespace {

bool dayMatches(const CronExpression &e, const QDate &d)
{
    const bool dom = e.isAllowed(Field::DayOfMonth, d.day());
    const bool dow = e.isAllowed(Field::DayOfWeek, d.dayOfWeek() % 7);
    return e.isAllowed(Field::Month, d.month()) && (e.daysMatchEither() ? (dom || dow) : (dom && dow));
}

bool wallMatches(const CronExpression &e, qint64 wallSecs)
{
    const QDateTime wall = QDateTime::fromSecsSinceEpoch(wallSecs, Qt::UTC);
    return e.isAllowed(Field::Minute, wall.time().minute()) && e.isAllowed(Field::Hour, wall.time().hour()) &&
           dayMatches(e, wall.date());
}

// An independent oracle: walks UTC minute by minute and applies the DST rules to each instant directly.
QStringList scanFires(const CronExpression &e, const QTimeZone &tz, const QDateTime &from, qint64 spanSecs)
{
    auto offsetAt = [&tz](qint64 secs) { return tz.offsetFromUtc(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC)); };
    QStringList result;
    const qint64 first = (from.toSecsSinceEpoch() / 60 + 1) * 60;
    for (qint64 t = first; t <= first + spanSecs; t += 60) {
        const int offset = offsetAt(t);
        bool fire = wallMatches(e, t + offset);
        if (e.isFixedTime()) {
            // Same wall time reached earlier (before clocks went back)? Then this is the second pass: skip it.
            const int earlierOffset = offsetAt(t - 86400);
            if (fire && earlierOffset > offset && offsetAt(t - (earlierOffset - offset)) == earlierOffset)
                fire = false;
            // Clocks jumped forward at t: a skipped wall time that matched fires now.
            const int previousOffset = offsetAt(t - 60);
            for (qint64 w = t + previousOffset; w < t + offset && !fire; w += 60)
                fire = wallMatches(e, w);
        }
        if (fire)
            result << minuteText(QDateTime::fromSecsSinceEpoch(t, Qt::UTC));
    }
    return result;
}

} // namespace

// Fire times on the wall clock of real IANA zones: odd offsets and both directions of DST changes. Expected
// instants were worked out from the zone rules and cross-checked with `TZ=... date -d @EPOCH`.
class TestCronExpressionTimeZones : public QObject {
    Q_OBJECT

private slots:
    void oddOffsetZonesFireOnLocalWallClock_data();
    void oddOffsetZonesFireOnLocalWallClock() { verifyFires(); }
    void fixedTimeInSkippedHourFiresAfterGap_data();
    void fixedTimeInSkippedHourFiresAfterGap() { verifyFires(); }
    void fixedTimeInRepeatedHourFiresOnlyOnFirstPass_data();
    void fixedTimeInRepeatedHourFiresOnlyOnFirstPass() { verifyFires(); }
    void intervalJobSkipsMissingLocalTimes_data();
    void intervalJobSkipsMissingLocalTimes() { verifyFires(); }
    void intervalJobFiresInBothPassesOfRepeatedHour_data();
    void intervalJobFiresInBothPassesOfRepeatedHour() { verifyFires(); }
    void saoPauloKeepsUtcMinusThreeAllYearSince2019_data();
    void saoPauloKeepsUtcMinusThreeAllYearSince2019() { verifyFires(); }
    void agreesWithMinuteByMinuteScanAroundTransitions_data();
    void agreesWithMinuteByMinuteScanAroundTransitions();
    void acceptsFromInAnyTimeSpecAndReturnsUtc();
};

void TestCronExpressionTimeZones::oddOffsetZonesFireOnLocalWallClock_data()
{
    fireColumns();
    fires("kolkata daily", "0 9 * * *", "Asia/Kolkata", "2026-01-01 00:00", {"03:30", "2026-01-02 03:30"});
    fires("kolkata every 20 minutes", "*/20 * * * *", "Asia/Kolkata", "2026-01-01 00:05", {"00:10", "00:30", "00:50"});
    fires("kolkata top of the local hour", "0 * * * *", "Asia/Kolkata", "2026-01-01 00:00", {"00:30", "01:30"});
    fires("kolkata monday is sunday in utc", "0 2 * * MON", "Asia/Kolkata", "2026-01-01 00:00",
          {"2026-01-04 20:30", "2026-01-11 20:30"});
    fires("kathmandu midnight", "0 0 * * *", "Asia/Kathmandu", "2026-01-01 00:00", {"18:15", "2026-01-02 18:15"});
    fires("kathmandu half past", "30 * * * *", "Asia/Kathmandu", "2026-01-01 00:00", {"00:45", "01:45"});
    fires("kathmandu quarter hours", "*/15 * * * *", "Asia/Kathmandu", "2026-01-01 00:00", {"00:15", "00:30", "00:45"});
    fires("chatham summer noon", "0 12 * * *", "Pacific/Chatham", "2026-01-01 00:00", {"22:15", "2026-01-02 22:15"});
    fires("chatham winter noon", "0 12 * * *", "Pacific/Chatham", "2026-07-01 00:00", {"23:15", "2026-07-02 23:15"});
    fires("chatham first of the month", "0 0 1 * *", "Pacific/Chatham", "2026-01-15 00:00",
          {"2026-01-31 10:15", "2026-02-28 10:15"});
}

void TestCronExpressionTimeZones::fixedTimeInSkippedHourFiresAfterGap_data()
{
    fireColumns();
    fires("new york 02:30 fires at 03:00", "30 2 * * *", "America/New_York", "2024-03-09 12:00",
          {"2024-03-10 07:00", "2024-03-11 06:30"});
    fires("new york from just before the change", "30 2 * * *", "America/New_York", "2024-03-10 06:59:59", {"07:00"});
    fires("new york from the change", "30 2 * * *", "America/New_York", "2024-03-10 07:00", {"2024-03-11 06:30"});
    fires("new york from just after the change", "30 2 * * *", "America/New_York", "2024-03-10 07:01",
          {"2024-03-11 06:30"});
    fires("new york 02:00 fires at 03:00", "0 2 * * *", "America/New_York", "2024-03-10 00:00",
          {"07:00", "2024-03-11 06:00"});
    fires("new york 02:59 fires at 03:00", "59 2 * * *", "America/New_York", "2024-03-10 00:00",
          {"07:00", "2024-03-11 06:59"});
    fires("new york 03:00 is unaffected", "0 3 * * *", "America/New_York", "2024-03-10 00:00",
          {"07:00", "2024-03-11 07:00"});
    fires("new york 2026", "30 2 * * *", "America/New_York", "2026-03-07 12:00",
          {"2026-03-08 07:00", "2026-03-09 06:30"});
    fires("london 01:30 fires at 02:00 bst", "30 1 * * *", "Europe/London", "2026-03-28 12:00",
          {"2026-03-29 01:00", "2026-03-30 00:30"});
    fires("london from just before the change", "30 1 * * *", "Europe/London", "2026-03-29 00:59:59", {"01:00"});
    fires("london from the change", "30 1 * * *", "Europe/London", "2026-03-29 01:00", {"2026-03-30 00:30"});
    fires("london 01:00", "0 1 * * *", "Europe/London", "2026-03-29 00:00", {"01:00", "2026-03-30 00:00"});
    fires("sydney 02:30 fires at 03:00", "30 2 * * *", "Australia/Sydney", "2026-10-03 00:00",
          {"16:00", "2026-10-04 15:30"});
    fires("lord howe half-hour gap", "15 2 * * *", "Australia/Lord_Howe", "2026-10-03 00:00",
          {"15:30", "2026-10-04 15:15"});
    fires("lord howe 02:30 exists", "30 2 * * *", "Australia/Lord_Howe", "2026-10-03 00:00",
          {"15:30", "2026-10-04 15:30"});
    fires("chatham 03:00 fires at 03:45", "0 3 * * *", "Pacific/Chatham", "2026-09-26 00:00",
          {"14:00", "2026-09-27 13:15"});
    fires("chatham 02:45 fires at 03:45", "45 2 * * *", "Pacific/Chatham", "2026-09-26 00:00",
          {"14:00", "2026-09-27 13:00"});
    fires("sao paulo 2018 midnight fires at 01:00", "0 0 * * *", "America/Sao_Paulo", "2018-11-02 12:00",
          {"2018-11-03 03:00", "2018-11-04 03:00", "2018-11-05 02:00"});
    fires("sao paulo from just before the change", "0 0 * * *", "America/Sao_Paulo", "2018-11-04 02:59", {"03:00"});
    fires("sao paulo 00:30 fires at 01:00", "30 0 * * *", "America/Sao_Paulo", "2018-11-03 12:00",
          {"2018-11-04 03:00", "2018-11-05 02:30"});
}

void TestCronExpressionTimeZones::fixedTimeInRepeatedHourFiresOnlyOnFirstPass_data()
{
    fireColumns();
    fires("new york 01:30 once", "30 1 * * *", "America/New_York", "2024-11-02 12:00",
          {"2024-11-03 05:30", "2024-11-04 06:30"});
    fires("new york from just before the first pass", "30 1 * * *", "America/New_York", "2024-11-03 05:29", {"05:30"});
    fires("new york from the first pass", "30 1 * * *", "America/New_York", "2024-11-03 05:30", {"2024-11-04 06:30"});
    fires("new york from just before the change", "30 1 * * *", "America/New_York", "2024-11-03 05:59:59",
          {"2024-11-04 06:30"});
    fires("new york from the change", "30 1 * * *", "America/New_York", "2024-11-03 06:00", {"2024-11-04 06:30"});
    fires("new york from the second pass", "30 1 * * *", "America/New_York", "2024-11-03 06:10", {"2024-11-04 06:30"});
    fires("new york 01:00 once", "0 1 * * *", "America/New_York", "2024-11-03 04:00", {"05:00", "2024-11-04 06:00"});
    fires("new york 02:00 after the overlap", "0 2 * * *", "America/New_York", "2024-11-03 00:00", {"07:00"});
    fires("new york 2026", "30 1 * * *", "America/New_York", "2026-10-31 12:00",
          {"2026-11-01 05:30", "2026-11-02 06:30"});
    fires("london 01:30 once", "30 1 * * *", "Europe/London", "2026-10-25 00:00", {"00:30", "2026-10-26 01:30"});
    fires("london from the first pass", "30 1 * * *", "Europe/London", "2026-10-25 00:30", {"2026-10-26 01:30"});
    fires("london from the change", "30 1 * * *", "Europe/London", "2026-10-25 01:00", {"2026-10-26 01:30"});
    fires("london from the second pass", "30 1 * * *", "Europe/London", "2026-10-25 01:15", {"2026-10-26 01:30"});
    fires("sydney 02:30 once", "30 2 * * *", "Australia/Sydney", "2026-04-04 12:00", {"15:30", "2026-04-05 16:30"});
    fires("lord howe 01:45 once", "45 1 * * *", "Australia/Lord_Howe", "2026-04-04 12:00",
          {"14:45", "2026-04-05 15:15"});
    fires("lord howe from between the passes", "45 1 * * *", "Australia/Lord_Howe", "2026-04-04 14:50",
          {"2026-04-05 15:15"});
    fires("chatham 03:00 once", "0 3 * * *", "Pacific/Chatham", "2026-04-04 12:00", {"13:15", "2026-04-05 14:15"});
    fires("sao paulo 2018 23:30 once", "30 23 * * *", "America/Sao_Paulo", "2018-02-17 12:00",
          {"2018-02-18 01:30", "2018-02-19 02:30"});
    fires("sao paulo 2018 midnight around the change", "0 0 * * *", "America/Sao_Paulo", "2018-02-16 12:00",
          {"2018-02-17 02:00", "2018-02-18 03:00", "2018-02-19 03:00"});
}

void TestCronExpressionTimeZones::intervalJobSkipsMissingLocalTimes_data()
{
    fireColumns();
    fires("new york half hours", "*/30 * * * *", "America/New_York", "2024-03-10 06:00", {"06:30", "07:00", "07:30"});
    fires("new york hourly", "0 * * * *", "America/New_York", "2024-03-10 06:30", {"07:00", "08:00"});
    fires("new york one of two times skipped", "30 2,14 * * *", "America/New_York", "2024-03-10 00:00",
          {"18:30", "2024-03-11 06:30"});
    fires("new york whole 2am hour skipped", "* 2 * * *", "America/New_York", "2024-03-10 06:58",
          {"2024-03-11 06:00", "06:01"});
    fires("london 1am skipped", "*/20 1 * * *", "Europe/London", "2026-03-29 00:00",
          {"2026-03-30 00:00", "00:20", "00:40"});
    fires("london hourly", "0 * * * *", "Europe/London", "2026-03-29 00:30", {"01:00", "02:00"});
    fires("sydney 2am skipped", "*/30 2 * * *", "Australia/Sydney", "2026-10-03 12:00", {"2026-10-04 15:00", "15:30"});
    fires("lord howe quarter hours", "*/15 * * * *", "Australia/Lord_Howe", "2026-10-03 15:00",
          {"15:15", "15:30", "15:45"});
    fires("chatham half hours", "*/30 * * * *", "Pacific/Chatham", "2026-09-26 13:00",
          {"13:15", "13:45", "14:15", "14:45"});
    fires("sao paulo 2018 midnight and noon", "0 0,12 * * *", "America/Sao_Paulo", "2018-11-03 16:00",
          {"2018-11-04 14:00", "2018-11-05 02:00"});
    fires("sao paulo 2018 half hours", "*/30 * * * *", "America/Sao_Paulo", "2018-11-04 02:00",
          {"02:30", "03:00", "03:30"});
}

void TestCronExpressionTimeZones::intervalJobFiresInBothPassesOfRepeatedHour_data()
{
    fireColumns();
    fires("new york half hours", "*/30 * * * *", "America/New_York", "2024-11-03 04:40",
          {"05:00", "05:30", "06:00", "06:30", "07:00"});
    fires("new york 1am list", "0,30 1 * * *", "America/New_York", "2024-11-03 04:00",
          {"05:00", "05:30", "06:00", "06:30", "2024-11-04 06:00"});
    fires("new york from the second pass", "*/30 * * * *", "America/New_York", "2024-11-03 06:10", {"06:30", "07:00"});
    fires("new york earlier wall time comes later", "0,45 1 * * *", "America/New_York", "2024-11-03 05:50",
          {"06:00", "06:45", "2024-11-04 06:00"});
    fires("new york every minute across the change", "* 1 * * *", "America/New_York", "2024-11-03 05:58",
          {"05:59", "06:00", "06:01"});
    fires("london 1am half hours", "*/30 1 * * *", "Europe/London", "2026-10-24 23:59",
          {"2026-10-25 00:00", "00:30", "01:00", "01:30", "2026-10-26 01:00"});
    fires("sydney 2am list", "0,30 2 * * *", "Australia/Sydney", "2026-04-04 12:00",
          {"15:00", "15:30", "16:00", "16:30", "2026-04-05 16:00"});
    fires("lord howe quarter hours", "*/15 * * * *", "Australia/Lord_Howe", "2026-04-04 14:20",
          {"14:30", "14:45", "15:00", "15:15", "15:30"});
    fires("chatham half hours", "*/30 * * * *", "Pacific/Chatham", "2026-04-04 13:00",
          {"13:15", "13:45", "14:15", "14:45", "15:15"});
    fires("sao paulo 2018 11pm half hours", "*/30 23 * * *", "America/Sao_Paulo", "2018-02-17 12:00",
          {"2018-02-18 01:00", "01:30", "02:00", "02:30", "2018-02-19 02:00"});
}

void TestCronExpressionTimeZones::saoPauloKeepsUtcMinusThreeAllYearSince2019_data()
{
    fireColumns();
    fires("november 2026 midnight", "0 0 * * *", "America/Sao_Paulo", "2026-10-31 12:00",
          {"2026-11-01 03:00", "2026-11-02 03:00", "2026-11-03 03:00", "2026-11-04 03:00"});
    fires("february 2026 midnight", "0 0 * * *", "America/Sao_Paulo", "2026-02-14 12:00",
          {"2026-02-15 03:00", "2026-02-16 03:00", "2026-02-17 03:00"});
    fires("first sunday of november 2026", "*/30 * * * *", "America/Sao_Paulo", "2026-11-01 02:00",
          {"02:30", "03:00", "03:30"});
    fires("february 2026 late evening", "30 23 * * *", "America/Sao_Paulo", "2026-02-21 00:00",
          {"02:30", "2026-02-22 02:30"});
    fires("november 2019 already without dst", "0 0 * * *", "America/Sao_Paulo", "2019-11-02 12:00",
          {"2019-11-03 03:00", "2019-11-04 03:00"});
}

void TestCronExpressionTimeZones::agreesWithMinuteByMinuteScanAroundTransitions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("from");
    // Each transition instant (UTC) with the zone; rows start shortly before, at and after it.
    const std::pair<const char *, const char *> transitions[] = {
        {"America/New_York", "2024-03-10 07:00"},    {"America/New_York", "2024-11-03 06:00"},
        {"Europe/London", "2026-03-29 01:00"},       {"Europe/London", "2026-10-25 01:00"},
        {"Australia/Sydney", "2026-04-04 16:00"},    {"Australia/Sydney", "2026-10-03 16:00"},
        {"Australia/Lord_Howe", "2026-04-04 15:00"}, {"Australia/Lord_Howe", "2026-10-03 15:30"},
        {"Pacific/Chatham", "2026-04-04 14:00"},     {"Pacific/Chatham", "2026-09-26 14:00"},
        {"America/Sao_Paulo", "2018-02-18 02:00"},   {"America/Sao_Paulo", "2018-11-04 03:00"},
    };
    const char *const expressions[] = {"*/30 * * * *", "*/7 * * * *", "0 * * * *",   "15,45 * * * *",
                                       "30 2 * * *",   "0 0 * * *",   "45 1 * * *",  "0 3 * * *",
                                       "0,30 2 * * *", "0 1-3 * * *", "59 23 * * *", "*/5 0-3 * * *"};
    const int shifts[] = {-3 * 3600, -60, -1, 0, 1800};
    for (const auto &[zone, at] : transitions) {
        for (const char *expr : expressions) {
            for (int shift : shifts) {
                const QString from =
                    utc(QString::fromLatin1(at)).addSecs(shift).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
                QTest::addRow("%s %s %s%+d", zone, expr, at, shift)
                    << QString::fromLatin1(expr) << QByteArray(zone) << from;
            }
        }
    }
}

void TestCronExpressionTimeZones::agreesWithMinuteByMinuteScanAroundTransitions()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    QFETCH(QString, from);
    const CronExpression e = *CronExpression::parse(expression);
    const QTimeZone tz(zone);
    const qint64 span = 30 * 3600;
    const QStringList expected = scanFires(e, tz, utc(from), span);
    QStringList actual;
    for (QDateTime t = e.next(utc(from), tz); t.isValid() && t <= utc(from).addSecs(span + 60); t = e.next(t, tz))
        actual << minuteText(t);
    QCOMPARE(actual, expected);
}

void TestCronExpressionTimeZones::acceptsFromInAnyTimeSpecAndReturnsUtc()
{
    const CronExpression e = *CronExpression::parse(QStringLiteral("0 9 * * *"));
    const QTimeZone kolkata("Asia/Kolkata");
    const QDateTime expected = utc(QStringLiteral("2026-01-02 03:30"));
    const QDateTime inZone(QDate(2026, 1, 1), QTime(9, 0), kolkata);
    const QDateTime withOffset = QDateTime::fromString(QStringLiteral("2026-01-01T09:00:00+05:30"), Qt::ISODate);
    for (const QDateTime &from : {inZone, withOffset, inZone.toUTC(), inZone.toLocalTime()}) {
        const QDateTime next = e.next(from, kolkata);
        QCOMPARE(next, expected);
        QCOMPARE(next.timeSpec(), Qt::UTC);
    }
}

QTEST_GUILESS_MAIN(TestCronExpressionTimeZones)
#include "tst_cronexpressiontimezones.moc"
