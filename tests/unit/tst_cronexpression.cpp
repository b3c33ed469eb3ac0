#include "cronexpressiontesthelpers.h"
#include "schedule/cronexpression.h"

#include <QTest>

using vigia::CronExpression;
using Field = CronExpression::Field;
using namespace vigia::crontest;

namespace {

// "*" for a full field, otherwise values with runs of three or more written as a-b, e.g. "0,5,10-12".
QString valuesText(const CronExpression &e, Field field)
{
    QStringList parts;
    int count = 0;
    const int lo = CronExpression::minimum(field);
    const int hi = CronExpression::maximum(field);
    for (int v = lo; v <= hi; ++v) {
        if (!e.isAllowed(field, v))
            continue;
        ++count;
        int end = v;
        while (end + 1 <= hi && e.isAllowed(field, end + 1))
            ++end;
        if (end - v >= 2) {
            parts << QStringLiteral("%1-%2").arg(v).arg(end);
            count += end - v;
            v = end;
        } else {
            parts << QString::number(v);
        }
    }
    return count == hi - lo + 1 ? QStringLiteral("*") : parts.join(QLatin1Char(','));
}

QString allValuesText(const CronExpression &e)
{
    QStringList fields;
    for (Field f : {Field::Minute, Field::Hour, Field::DayOfMonth, Field::Month, Field::DayOfWeek})
        fields << valuesText(e, f);
    return fields.join(QLatin1String(" | "));
}

} // namespace

// Parsing, classification and calendar arithmetic; time zone behaviour is in tst_cronexpressiontimezones.cpp.
class TestCronExpression : public QObject {
    Q_OBJECT

private slots:
    void parsesFieldsIntoAllowedValues_data();
    void parsesFieldsIntoAllowedValues();
    void rejectsInvalidExpressionNamingFieldAndValue_data();
    void rejectsInvalidExpressionNamingFieldAndValue();
    void keepsTrimmedTextAsGiven();
    void dayFieldsStartingWithStarAreWildcards_data();
    void dayFieldsStartingWithStarAreWildcards();
    void equalExpressionsHaveTheSameSchedule();
    void classifiesFixedTimeJobs_data();
    void classifiesFixedTimeJobs();
    void detectsExpressionsThatCanNeverFire_data();
    void detectsExpressionsThatCanNeverFire();
    void neverFiringExpressionReturnsInvalid_data();
    void neverFiringExpressionReturnsInvalid();

    void firesAtMatchingWallClockTimes_data();
    void firesAtMatchingWallClockTimes() { verifyFires(); }
    void fromIsExclusive_data();
    void fromIsExclusive() { verifyFires(); }
    void restrictedDayFieldsMatchEither_data();
    void restrictedDayFieldsMatchEither() { verifyFires(); }
    void starPrefixedDayFieldRequiresBoth_data();
    void starPrefixedDayFieldRequiresBoth() { verifyFires(); }
    void leapDayFiresOnlyInLeapYears_data();
    void leapDayFiresOnlyInLeapYears() { verifyFires(); }
    void dayThirtyOneSkipsShortMonths_data();
    void dayThirtyOneSkipsShortMonths() { verifyFires(); }

    void invalidInputsGiveInvalidResult();
    void nextIsFoundAcrossZonesAndStartTimes();
};

void TestCronExpression::parsesFieldsIntoAllowedValues_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("values");
    const char *const rows[][2] = {
        {"* * * * *", "* | * | * | * | *"},
        {"0 0 * * *", "0 | 0 | * | * | *"},
        {"59 23 31 12 6", "59 | 23 | 31 | 12 | 6"},
        {"*/15 * * * *", "0,15,30,45 | * | * | * | *"},
        {"5/15 * * * *", "5,20,35,50 | * | * | * | *"},
        {"10-20/5 * * * *", "10,15,20 | * | * | * | *"},
        {"0-59/30 * * * *", "0,30 | * | * | * | *"},
        {"1-59/58 * * * *", "1,59 | * | * | * | *"},
        {"*/1 */1 */1 */1 */1", "* | * | * | * | *"},
        {"*/60 */24 */31 */12 */7", "0 | 0 | 1 | 1 | 0"},
        {"0-0 23-23/5 * * *", "0 | 23 | * | * | *"},
        {"1,2,3 * * * *", "1-3 | * | * | * | *"},
        {"59,0,30,0 * * * *", "0,30,59 | * | * | * | *"},
        {"0,0,0 1,1 1,1 1,1 1,1", "0 | 1 | 1 | 1 | 1"},
        {"00 07 01 02 03", "0 | 7 | 1 | 2 | 3"},
        {"007 0023 * * *", "7 | 23 | * | * | *"},
        {"0 */6 * * *", "0 | 0,6,12,18 | * | * | *"},
        {"0 9-17 * * *", "0 | 9-17 | * | * | *"},
        {"0 9-17/4 * * *", "0 | 9,13,17 | * | * | *"},
        {"0 22/1 * * *", "0 | 22,23 | * | * | *"},
        {"0 0 1,15 * *", "0 | 0 | 1,15 | * | *"},
        {"0 0 */10 * *", "0 | 0 | 1,11,21,31 | * | *"},
        {"0 0 25/3 * *", "0 | 0 | 25,28,31 | * | *"},
        {"0 0 1-31 * *", "0 | 0 | * | * | *"},
        {"0 0 1 JAN *", "0 | 0 | 1 | 1 | *"},
        {"0 0 1 jan-mar *", "0 | 0 | 1 | 1-3 | *"},
        {"0 0 1 Jan,Dec *", "0 | 0 | 1 | 1,12 | *"},
        {"0 0 1 FEB-DEC/2 *", "0 | 0 | 1 | 2,4,6,8,10,12 | *"},
        {"0 0 1 */3 *", "0 | 0 | 1 | 1,4,7,10 | *"},
        {"0 0 1 3/4 *", "0 | 0 | 1 | 3,7,11 | *"},
        {"0 0 1 JUN/3 *", "0 | 0 | 1 | 6,9,12 | *"},
        {"0 0 1 1,mAr,5-JUL *", "0 | 0 | 1 | 1,3,5-7 | *"},
        {"0 0 * * MON-FRI", "0 | 0 | * | * | 1-5"},
        {"0 0 * * mon-fri/2", "0 | 0 | * | * | 1,3,5"},
        {"0 0 * * 5-7", "0 | 0 | * | * | 0,5,6"},
        {"0 0 * * 6-7", "0 | 0 | * | * | 0,6"},
        {"0 0 * * 7", "0 | 0 | * | * | 0"},
        {"0 0 * * 0,7", "0 | 0 | * | * | 0"},
        {"0 0 * * 0-7", "0 | 0 | * | * | *"},
        {"0 0 * * SUN", "0 | 0 | * | * | 0"},
        {"0 0 * * FRI-SUN", "0 | 0 | * | * | 0,5,6"},
        {"0 0 * * SUN-SAT", "0 | 0 | * | * | *"},
        {"0 0 * * sat,SUN", "0 | 0 | * | * | 0,6"},
        {"0 0 * * Tue", "0 | 0 | * | * | 2"},
        {"0 0 * * */2", "0 | 0 | * | * | 0,2,4,6"},
        {"0 0 * * 1/2", "0 | 0 | * | * | 1,3,5"},
        {"0 0 * * MON/3", "0 | 0 | * | * | 1,4"},
        {"0 0 * * SUN-WED/2", "0 | 0 | * | * | 0,2"},
        {"0 0 * * 1-7/3", "0 | 0 | * | * | 0,1,4"},
        {"*,5 * * * *", "* | * | * | * | *"},
        {"  0\t\t5   *  * *  ", "0 | 5 | * | * | *"},
        {"\t30 2 * * *\t", "30 | 2 | * | * | *"},
        {"@yearly", "0 | 0 | 1 | 1 | *"},
        {"@ANNUALLY", "0 | 0 | 1 | 1 | *"},
        {"@Monthly", "0 | 0 | 1 | * | *"},
        {"@weekly", "0 | 0 | * | * | 0"},
        {"@daily", "0 | 0 | * | * | *"},
        {"@midnight", "0 | 0 | * | * | *"},
        {"@hourly", "0 | * | * | * | *"},
        {"  @DAILY  ", "0 | 0 | * | * | *"},
    };
    for (const auto &row : rows)
        QTest::newRow(row[0]) << QString::fromLatin1(row[0]) << QString::fromLatin1(row[1]);
}

void TestCronExpression::parsesFieldsIntoAllowedValues()
{
    QFETCH(QString, expression);
    QFETCH(QString, values);
    QString error;
    const std::optional<CronExpression> e = CronExpression::parse(expression, &error);
    QVERIFY2(e, qPrintable(error));
    QVERIFY(e->isValid());
    QVERIFY(error.isEmpty());
    QCOMPARE(allValuesText(*e), values);
}

void TestCronExpression::rejectsInvalidExpressionNamingFieldAndValue_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    const char *const rows[][2] = {
        {"", "expression is empty"},
        {"  \t ", "expression is empty"},
        {"*", "expected 5 fields, got 1"},
        {"* * * *", "expected 5 fields, got 4"},
        {"1 2 3 4", "expected 5 fields, got 4"},
        {"* * * * * *", "expected 5 fields, got 6"},
        {"0 0 1 1 * 2026", "expected 5 fields, got 6"},
        {"60 * * * *", "minute: 60 is out of range 0-59"},
        {"99999999999 * * * *", "minute: 99999999999 is out of range 0-59"},
        {"60-70/5 * * * *", "minute: 60 is out of range 0-59"},
        {"* 24 * * *", "hour: 24 is out of range 0-23"},
        {"* 0-24 * * *", "hour: 24 is out of range 0-23"},
        {"* * 32 * *", "day-of-month: 32 is out of range 1-31"},
        {"* * 0 * *", "day-of-month: 0 is out of range 1-31"},
        {"0 0 1-32 * *", "day-of-month: 32 is out of range 1-31"},
        {"0 0 0 0 0", "day-of-month: 0 is out of range 1-31"},
        {"* * * 13 *", "month: 13 is out of range 1-12"},
        {"* * * 0 *", "month: 0 is out of range 1-12"},
        {"* * * 1-13 *", "month: 13 is out of range 1-12"},
        {"* * * * 8", "day-of-week: 8 is out of range 0-7"},
        {"* * * FOO *", "month: unknown name \"FOO\""},
        {"* * * JANUARY *", "month: unknown name \"JANUARY\""},
        {"* * * Ja *", "month: unknown name \"Ja\""},
        {"* * * MON *", "month: unknown name \"MON\""},
        {"* * * * MOO", "day-of-week: unknown name \"MOO\""},
        {"* * * * MONDAY", "day-of-week: unknown name \"MONDAY\""},
        {"* * * * JAN", "day-of-week: unknown name \"JAN\""},
        {"* * * * mon,FOO", "day-of-week: unknown name \"FOO\""},
        {"* * * * M", "day-of-week: unknown name \"M\""},
        {"MON * * * *", "minute: invalid value \"MON\""},
        {"* JAN * * *", "hour: invalid value \"JAN\""},
        {"* * JAN * *", "day-of-month: invalid value \"JAN\""},
        {"1x * * * *", "minute: invalid value \"1x\""},
        {"* 1.5 * * *", "hour: invalid value \"1.5\""},
        {"* 0x10 * * *", "hour: invalid value \"0x10\""},
        {"? * * * *", "minute: invalid value \"?\""},
        {"* * L * *", "day-of-month: invalid value \"L\""},
        {"* * 15W * *", "day-of-month: invalid value \"15W\""},
        {"* * * * 5#3", "day-of-week: invalid value \"5#3\""},
        {"* * * * 1L", "day-of-week: invalid value \"1L\""},
        {"\xd9\xa3 * * * *", "minute: invalid value \"\xd9\xa3\""},
        {"*-5 * * * *", "minute: invalid value \"*\""},
        {"-5 * * * *", "minute: invalid range \"-5\""},
        {"5- * * * *", "minute: invalid range \"5-\""},
        {"1-2-3 * * * *", "minute: invalid range \"1-2-3\""},
        {"0 0 31 2- *", "month: invalid range \"2-\""},
        {"0 0 * * -1", "day-of-week: invalid range \"-1\""},
        {"30-10 * * * *", "minute: range 30-10 is backwards"},
        {"* 22-2 * * *", "hour: range 22-2 is backwards"},
        {"* * 31-1 * *", "day-of-month: range 31-1 is backwards"},
        {"* * * DEC-JAN *", "month: range DEC-JAN is backwards"},
        {"* * * * FRI-MON", "day-of-week: range FRI-MON is backwards"},
        {"* * * * 7-1", "day-of-week: range 7-1 is backwards"},
        {"*/0 * * * *", "minute: step 0 is out of range 1-60"},
        {"*/61 * * * *", "minute: step 61 is out of range 1-60"},
        {"* */25 * * *", "hour: step 25 is out of range 1-24"},
        {"* * */32 * *", "day-of-month: step 32 is out of range 1-31"},
        {"* * * */13 *", "month: step 13 is out of range 1-12"},
        {"* * * * */8", "day-of-week: step 8 is out of range 1-7"},
        {"0 0 * * MON-FRI/0", "day-of-week: step 0 is out of range 1-7"},
        {"*/ * * * *", "minute: missing step after \"/\" in \"*/\""},
        {"*/x * * * *", "minute: invalid step \"x\""},
        {"*/-1 * * * *", "minute: invalid step \"-1\""},
        {"*/5/2 * * * *", "minute: invalid step in \"*/5/2\""},
        {"/5 * * * *", "minute: missing range before \"/\" in \"/5\""},
        {"1,,2 * * * *", "minute: empty list element in \"1,,2\""},
        {"1, * * * *", "minute: empty list element in \"1,\""},
        {"* ,1 * * *", "hour: empty list element in \",1\""},
        {"@reboot", "unknown macro \"@reboot\""},
        {"@", "unknown macro \"@\""},
        {"@dailyx", "unknown macro \"@dailyx\""},
        {"@every 5m", "unknown macro \"@every\""},
        {"@daily 5", "unexpected \"5\" after @daily"},
    };
    for (const auto &row : rows)
        QTest::newRow(row[0]) << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
}

void TestCronExpression::rejectsInvalidExpressionNamingFieldAndValue()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!CronExpression::parse(expression, &error));
    QCOMPARE(error, message);
    QVERIFY(!CronExpression::parse(expression)); // the error pointer is optional
}

void TestCronExpression::keepsTrimmedTextAsGiven()
{
    QCOMPARE(CronExpression::parse(QStringLiteral("  */5\t8-19 * * *\n"))->text(), QStringLiteral("*/5\t8-19 * * *"));
    QCOMPARE(CronExpression::parse(QStringLiteral(" @Daily "))->text(), QStringLiteral("@Daily"));
    QCOMPARE(CronExpression::parse(QStringLiteral("@daily"))->fieldText(Field::Hour), QStringLiteral("0"));
    QCOMPARE(CronExpression::parse(QStringLiteral("0 9 * * mon-fri"))->fieldText(Field::DayOfWeek),
             QStringLiteral("mon-fri"));
}

void TestCronExpression::dayFieldsStartingWithStarAreWildcards_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("domWildcard");
    QTest::addColumn<bool>("dowWildcard");
    QTest::addColumn<bool>("either");
    QTest::newRow("both stars") << QStringLiteral("0 0 * * *") << true << true << false;
    QTest::newRow("day list") << QStringLiteral("0 0 1 * *") << false << true << false;
    QTest::newRow("weekday list") << QStringLiteral("0 0 * * 1") << true << false << false;
    QTest::newRow("both restricted") << QStringLiteral("0 0 1 * 1") << false << false << true;
    QTest::newRow("star step is still star") << QStringLiteral("0 0 */2 * 1") << true << false << false;
    QTest::newRow("weekday star step") << QStringLiteral("0 0 13 * */5") << false << true << false;
    QTest::newRow("full range is not star") << QStringLiteral("0 0 1-31 * 0-6") << false << false << true;
    QTest::newRow("star then list") << QStringLiteral("0 0 *,1 * 1") << true << false << false;
}

void TestCronExpression::dayFieldsStartingWithStarAreWildcards()
{
    QFETCH(QString, expression);
    QFETCH(bool, domWildcard);
    QFETCH(bool, dowWildcard);
    QFETCH(bool, either);
    const std::optional<CronExpression> e = CronExpression::parse(expression);
    QVERIFY(e);
    QCOMPARE(e->isWildcard(Field::DayOfMonth), domWildcard);
    QCOMPARE(e->isWildcard(Field::DayOfWeek), dowWildcard);
    QCOMPARE(e->daysMatchEither(), either);
}

void TestCronExpression::equalExpressionsHaveTheSameSchedule()
{
    auto parsed = [](const char *text) { return *CronExpression::parse(QString::fromLatin1(text)); };
    QCOMPARE(parsed("@daily"), parsed("0 0 * * *"));
    QCOMPARE(parsed("0 0 * * 7"), parsed("0 0 * * SUN"));
    QCOMPARE(parsed("*/20 * * * *"), parsed("0,20,40 * * * *"));
    QVERIFY(parsed("0 0 1 * 1") != parsed("0 0 1 * *"));
    QVERIFY(parsed("0 0 */2 * 1") != parsed("0 0 1-31/2 * 1")); // same days, different matching rule
    QVERIFY(CronExpression() != parsed("@daily"));
}

void TestCronExpression::classifiesFixedTimeJobs_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("fixed");
    const std::pair<const char *, bool> rows[] = {
        {"30 2 * * *", true},      {"0 0 * * *", true},     {"@daily", true},        {"@weekly", true},
        {"0 9 * * MON-FRI", true}, {"15 14 1 JAN *", true}, {"00 02 * * *", true},   {"0 0-0 * * *", true},
        {"*/60 */24 * * *", true}, {"@hourly", false},      {"*/30 * * * *", false}, {"0,30 2 * * *", false},
        {"0 2,3 * * *", false},    {"* 2 * * *", false},    {"0-1 2 * * *", false},  {"30 */12 * * *", false},
    };
    for (const auto &row : rows)
        QTest::newRow(row.first) << QString::fromLatin1(row.first) << row.second;
}

void TestCronExpression::classifiesFixedTimeJobs()
{
    QFETCH(QString, expression);
    QFETCH(bool, fixed);
    QCOMPARE(CronExpression::parse(expression)->isFixedTime(), fixed);
}

void TestCronExpression::detectsExpressionsThatCanNeverFire_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("canFire");
    const std::pair<const char *, bool> rows[] = {
        {"0 0 30 2 *", false},   {"0 0 31 2 *", false},     {"0 0 30,31 2 *", false}, {"0 0 31 4,6,9,11 *", false},
        {"0 0 31 APR *", false}, {"0 0 31 2,4 *", false},   {"0 0 30 2 */7", false},  {"0 0 31 6 */1", false},
        {"0 0 29 2 *", true},    {"0 0 31 * *", true},      {"0 0 30 2 1", true},     {"0 0 31 4 5", true},
        {"0 0 */30 2 *", true},  {"0 0 31 1-12/2 *", true}, {"0 0 29 2 */7", true},   {"@yearly", true},
        {"* * * * *", true},     {"0 0 30 1-2 *", true},
    };
    for (const auto &row : rows)
        QTest::newRow(row.first) << QString::fromLatin1(row.first) << row.second;
}

void TestCronExpression::detectsExpressionsThatCanNeverFire()
{
    QFETCH(QString, expression);
    QFETCH(bool, canFire);
    QCOMPARE(CronExpression::parse(expression)->canEverFire(), canFire);
}

void TestCronExpression::neverFiringExpressionReturnsInvalid_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    for (const char *expr : {"0 0 30 2 *", "0 0 31 4,6,9,11 *", "* * 31 2 *", "0 0 30 2 */7"}) {
        for (const char *zone : {"UTC", "America/New_York", "Australia/Lord_Howe"})
            QTest::addRow("%s in %s", expr, zone) << QString::fromLatin1(expr) << QByteArray(zone);
    }
}

void TestCronExpression::neverFiringExpressionReturnsInvalid()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    const std::optional<CronExpression> e = CronExpression::parse(expression);
    QVERIFY(e);
    QVERIFY(!e->next(utc(QStringLiteral("2026-01-01 00:00")), QTimeZone(zone)).isValid());
    QVERIFY(e->nextN(utc(QStringLiteral("2026-01-01 00:00")), QTimeZone(zone), 3).isEmpty());
}

void TestCronExpression::firesAtMatchingWallClockTimes_data()
{
    fireColumns();
    fires("every minute", "* * * * *", "UTC", "2026-01-01 00:00", {"00:01", "00:02", "00:03"});
    fires("quarter hours", "*/15 * * * *", "UTC", "2026-01-01 00:07", {"00:15", "00:30", "00:45", "01:00"});
    fires("start and step a/n", "5/15 * * * *", "UTC", "2026-01-01 00:00",
          {"00:05", "00:20", "00:35", "00:50", "01:05"});
    fires("range with step", "10-20/5 3 * * *", "UTC", "2026-01-01 00:00",
          {"03:10", "03:15", "03:20", "2026-01-02 03:10"});
    fires("duplicates in a list", "0,0,30,30 * * * *", "UTC", "2026-01-01 00:00", {"00:30", "01:00", "01:30"});
    fires("leading zeros", "05 07 * * *", "UTC", "2026-01-01 00:00", {"07:05", "2026-01-02 07:05"});
    fires("spaces and tabs", "  0\t12  *  *\t* ", "UTC", "2026-01-01 00:00", {"12:00", "2026-01-02 12:00"});
    fires("minute and hour lists", "0,30 9,17 * * *", "UTC", "2026-01-01 09:15",
          {"09:30", "17:00", "17:30", "2026-01-02 09:00"});
    fires("every minute of one hour", "* 8 * * *", "UTC", "2026-01-01 08:58", {"08:59", "2026-01-02 08:00"});
    fires("weekdays by name", "0 9 * * MON-FRI", "UTC", "2026-01-01 10:00",
          {"2026-01-02 09:00", "2026-01-05 09:00", "2026-01-06 09:00", "2026-01-07 09:00", "2026-01-08 09:00",
           "2026-01-09 09:00"});
    fires("friday to sunday as 5-7", "0 12 * * 5-7", "UTC", "2026-01-01 13:00",
          {"2026-01-02 12:00", "2026-01-03 12:00", "2026-01-04 12:00", "2026-01-09 12:00"});
    fires("weekend names in any case", "0 12 * * sat,SUN", "UTC", "2026-01-01 00:00",
          {"2026-01-03 12:00", "2026-01-04 12:00", "2026-01-10 12:00"});
    fires("named range with step", "0 0 * * MON-FRI/2", "UTC", "2026-01-01 00:00",
          {"2026-01-02 00:00", "2026-01-05 00:00", "2026-01-07 00:00", "2026-01-09 00:00"});
    fires("sunday as 7", "0 6 * * 7", "UTC", "2026-01-01 00:00", {"2026-01-04 06:00", "2026-01-11 06:00"});
    fires("friday to sunday by name", "0 6 * * FRI-SUN", "UTC", "2026-01-05 00:00",
          {"2026-01-09 06:00", "2026-01-10 06:00", "2026-01-11 06:00", "2026-01-16 06:00"});
    fires("days of month list", "0 0 1,15 * *", "UTC", "2026-01-01 00:00",
          {"2026-01-15 00:00", "2026-02-01 00:00", "2026-02-15 00:00"});
    fires("quarterly months", "0 0 1 */3 *", "UTC", "2026-01-15 00:00",
          {"2026-04-01 00:00", "2026-07-01 00:00", "2026-10-01 00:00", "2027-01-01 00:00"});
    fires("named month range with step", "0 0 1 JAN-MAR/2 *", "UTC", "2026-01-15 00:00",
          {"2026-03-01 00:00", "2027-01-01 00:00", "2027-03-01 00:00"});
    fires("hourly macro", "@hourly", "UTC", "2026-01-01 00:00", {"01:00", "02:00"});
    fires("daily macro", "@daily", "UTC", "2026-01-01 00:00", {"2026-01-02 00:00", "2026-01-03 00:00"});
    fires("midnight macro", "@midnight", "UTC", "2026-01-01 12:00", {"2026-01-02 00:00"});
    fires("weekly macro on sundays", "@weekly", "UTC", "2026-01-01 00:00", {"2026-01-04 00:00", "2026-01-11 00:00"});
    fires("monthly macro", "@monthly", "UTC", "2026-01-31 12:00", {"2026-02-01 00:00", "2026-03-01 00:00"});
    fires("yearly macro", "@yearly", "UTC", "2026-06-01 00:00", {"2027-01-01 00:00", "2028-01-01 00:00"});
    fires("annually macro in capitals", "@ANNUALLY", "UTC", "2026-06-01 00:00", {"2027-01-01 00:00"});
    fires("hour rollover", "59 * * * *", "UTC", "2026-01-01 00:59", {"01:59", "02:59"});
    fires("day and year rollover", "0 0 * * *", "UTC", "2026-12-31 23:59:59", {"2027-01-01 00:00"});
    fires("month rollover", "0 0 1 * *", "UTC", "2026-01-31 23:59", {"2026-02-01 00:00", "2026-03-01 00:00"});
    fires("last minute of the year", "59 23 31 12 *", "UTC", "2026-01-01 00:00",
          {"2026-12-31 23:59", "2027-12-31 23:59"});
    fires("end of month range", "0 0 28-31 * *", "UTC", "2026-02-27 00:00",
          {"2026-02-28 00:00", "2026-03-28 00:00", "2026-03-29 00:00", "2026-03-30 00:00", "2026-03-31 00:00",
           "2026-04-28 00:00"});
    fires("new york in winter", "0 9 * * *", "America/New_York", "2026-01-01 00:00", {"14:00", "2026-01-02 14:00"});
    fires("new york in summer", "0 9 * * *", "America/New_York", "2026-07-01 00:00", {"13:00", "2026-07-02 13:00"});
    fires("london in summer", "0 9 * * *", "Europe/London", "2026-07-01 00:00", {"08:00"});
    fires("tokyo monday is sunday in utc", "0 8 * * MON", "Asia/Tokyo", "2026-01-01 00:00",
          {"2026-01-04 23:00", "2026-01-11 23:00"});
    fires("new york beyond 2037 transition table", "0 12 4 7 *", "America/New_York", "2050-01-01 00:00",
          {"2050-07-04 16:00", "2051-07-04 16:00"});
}

void TestCronExpression::fromIsExclusive_data()
{
    fireColumns();
    fires("at a fire time", "*/5 * * * *", "UTC", "2026-01-01 00:05", {"00:10"});
    fires("one second before", "*/5 * * * *", "UTC", "2026-01-01 00:04:59", {"00:05"});
    fires("one millisecond before", "*/5 * * * *", "UTC", "2026-01-01 00:04:59.999", {"00:05"});
    fires("one millisecond after", "*/5 * * * *", "UTC", "2026-01-01 00:05:00.001", {"00:10"});
    fires("daily at its fire time", "0 0 * * *", "UTC", "2026-01-01 00:00", {"2026-01-02 00:00"});
    fires("yearly one second after", "@yearly", "UTC", "2026-01-01 00:00:01", {"2027-01-01 00:00"});
    fires("new york at its fire time", "30 2 * * *", "America/New_York", "2026-01-01 07:30", {"2026-01-02 07:30"});
}

void TestCronExpression::restrictedDayFieldsMatchEither_data()
{
    fireColumns();
    fires("friday or the 13th", "0 0 13 * 5", "UTC", "2026-01-01 00:00",
          {"2026-01-02 00:00", "2026-01-09 00:00", "2026-01-13 00:00", "2026-01-16 00:00", "2026-01-23 00:00",
           "2026-01-30 00:00", "2026-02-06 00:00", "2026-02-13 00:00", "2026-02-20 00:00"});
    fires("first of month or monday", "0 0 1 * MON", "UTC", "2026-01-01 00:00",
          {"2026-01-05 00:00", "2026-01-12 00:00", "2026-01-19 00:00", "2026-01-26 00:00", "2026-02-01 00:00",
           "2026-02-02 00:00"});
    fires("leap day or monday in february", "0 0 29 2 1", "UTC", "2026-03-01 00:00",
          {"2027-02-01 00:00", "2027-02-08 00:00", "2027-02-15 00:00", "2027-02-22 00:00", "2028-02-07 00:00"});
    fires("leap day or monday around 2028-02-29", "0 0 29 2 1", "UTC", "2028-02-27 00:00",
          {"2028-02-28 00:00", "2028-02-29 00:00", "2029-02-05 00:00"});
    fires("odd days or mondays", "0 0 1-31/2 * MON", "UTC", "2026-01-01 00:00",
          {"2026-01-03 00:00", "2026-01-05 00:00", "2026-01-07 00:00", "2026-01-09 00:00", "2026-01-11 00:00",
           "2026-01-12 00:00", "2026-01-13 00:00"});
    fires("full weekday range matches every day", "0 0 1 * 0-6", "UTC", "2026-01-01 00:00",
          {"2026-01-02 00:00", "2026-01-03 00:00", "2026-01-04 00:00"});
    fires("fifteenth or weekend", "30 6 15 * SAT,SUN", "UTC", "2026-01-09 00:00",
          {"2026-01-10 06:30", "2026-01-11 06:30", "2026-01-15 06:30", "2026-01-17 06:30", "2026-01-18 06:30"});
    fires("first or monday in new york", "0 9 1 * 1", "America/New_York", "2026-01-31 00:00",
          {"2026-02-01 14:00", "2026-02-02 14:00", "2026-02-09 14:00"});
}

void TestCronExpression::starPrefixedDayFieldRequiresBoth_data()
{
    fireColumns();
    fires("odd days that are mondays", "0 0 */2 * MON", "UTC", "2026-01-01 00:00",
          {"2026-01-05 00:00", "2026-01-19 00:00", "2026-02-09 00:00", "2026-02-23 00:00"});
    fires("13th on friday or sunday", "0 0 13 * */5", "UTC", "2026-01-01 00:00",
          {"2026-02-13 00:00", "2026-03-13 00:00", "2026-09-13 00:00", "2026-11-13 00:00", "2026-12-13 00:00"});
    fires("every-weekday star step keeps day list", "0 0 1 * */1", "UTC", "2026-01-01 00:00",
          {"2026-02-01 00:00", "2026-03-01 00:00"});
    fires("star day with weekday", "0 0 * * 3", "UTC", "2026-01-01 00:00", {"2026-01-07 00:00", "2026-01-14 00:00"});
    fires("mondays on days 1 8 15 22 29", "0 0 */7 * 1", "UTC", "2026-01-01 00:00",
          {"2026-06-01 00:00", "2026-06-08 00:00", "2026-06-15 00:00", "2026-06-22 00:00", "2026-06-29 00:00"});
    fires("leap day on a sunday", "0 0 29 2 */7", "UTC", "2026-01-01 00:00",
          {"2032-02-29 00:00", "2060-02-29 00:00", "2088-02-29 00:00", "2128-02-29 00:00"});
}

void TestCronExpression::leapDayFiresOnlyInLeapYears_data()
{
    fireColumns();
    fires("next leap day", "0 0 29 2 *", "UTC", "2026-01-01 00:00", {"2028-02-29 00:00", "2032-02-29 00:00"});
    fires("2100 is not a leap year", "0 0 29 2 *", "UTC", "2096-03-01 00:00", {"2104-02-29 00:00"});
    fires("2000 is a leap year", "0 0 29 2 *", "UTC", "1999-03-01 00:00", {"2000-02-29 00:00", "2004-02-29 00:00"});
    fires("from the leap day itself", "0 0 29 2 *", "UTC", "2028-02-29 00:00", {"2032-02-29 00:00"});
    fires("february ends on the 28th in 2100", "0 12 28,29 2 *", "UTC", "2100-02-27 00:00",
          {"2100-02-28 12:00", "2101-02-28 12:00"});
    fires("march follows february 28 in 2100", "0 0 1 3 *", "UTC", "2100-02-28 23:00", {"2100-03-01 00:00"});
    fires("every day of a leap february", "0 0 * 2 *", "UTC", "2028-02-27 12:00",
          {"2028-02-28 00:00", "2028-02-29 00:00", "2029-02-01 00:00"});
    fires("leap day in new york after 2100", "0 0 29 2 *", "America/New_York", "2096-03-01 00:00",
          {"2104-02-29 05:00"});
    fires("leap day in sydney", "0 10 29 2 *", "Australia/Sydney", "2026-01-01 00:00", {"2028-02-28 23:00"});
}

void TestCronExpression::dayThirtyOneSkipsShortMonths_data()
{
    fireColumns();
    fires("31st skips 30-day months and february", "0 0 31 * *", "UTC", "2026-01-31 00:00",
          {"2026-03-31 00:00", "2026-05-31 00:00", "2026-07-31 00:00", "2026-08-31 00:00", "2026-10-31 00:00",
           "2026-12-31 00:00", "2027-01-31 00:00"});
    fires("30th skips february", "0 0 30 * *", "UTC", "2026-01-30 00:00", {"2026-03-30 00:00", "2026-04-30 00:00"});
    fires("31st in listed months", "0 0 31 1-6 *", "UTC", "2026-02-01 00:00",
          {"2026-03-31 00:00", "2026-05-31 00:00", "2027-01-31 00:00"});
    fires("31st across the new year", "0 12 31 * *", "UTC", "2026-12-31 12:00",
          {"2027-01-31 12:00", "2027-03-31 12:00"});
    fires("31st on the tokyo wall clock", "0 0 31 * *", "Asia/Tokyo", "2026-04-01 00:00",
          {"2026-05-30 15:00", "2026-07-30 15:00"});
}

void TestCronExpression::invalidInputsGiveInvalidResult()
{
    const CronExpression e = *CronExpression::parse(QStringLiteral("* * * * *"));
    QVERIFY(!e.next(QDateTime(), QTimeZone::utc()).isValid());
    QVERIFY(!e.next(utc(QStringLiteral("2026-01-01 00:00")), QTimeZone("No/Such_Zone")).isValid());
    QVERIFY(!CronExpression().next(utc(QStringLiteral("2026-01-01 00:00")), QTimeZone::utc()).isValid());
    QVERIFY(!CronExpression().isValid());
    QVERIFY(!CronExpression().canEverFire());
    QVERIFY(e.nextN(utc(QStringLiteral("2026-01-01 00:00")), QTimeZone::utc(), 0).isEmpty());
    QCOMPARE(e.nextN(utc(QStringLiteral("2026-01-01 00:00")), QTimeZone::utc(), 3).size(), 3);
}

void TestCronExpression::nextIsFoundAcrossZonesAndStartTimes()
{
    // Thousands of jobs are rescheduled at once; every common expression finds its next fire from any start time
    // in zones with and without DST (speed is vigia-bench's cron-lag scenario, not a timed assertion).
    const char *const expressions[] = {"*/5 * * * *", "0 9 * * MON-FRI", "30 2 * * *", "0 0 1 * *", "0 0 29 2 *"};
    const QTimeZone zones[] = {QTimeZone::utc(), QTimeZone("America/New_York"), QTimeZone("Australia/Lord_Howe")};
    QDateTime from = utc(QStringLiteral("2026-01-01 00:00"));
    for (int i = 0; i < 1000; ++i) {
        for (const char *expr : expressions) {
            const CronExpression e = *CronExpression::parse(QString::fromLatin1(expr));
            for (const QTimeZone &zone : zones) {
                const QDateTime next = e.next(from, zone);
                QVERIFY2(next.isValid() && next > from,
                         qPrintable(QStringLiteral("%1 in %2 from %3")
                                        .arg(QString::fromLatin1(expr), QString::fromLatin1(zone.id()),
                                             from.toString(Qt::ISODate))));
            }
        }
        from = from.addSecs(7919);
    }
}

QTEST_GUILESS_MAIN(TestCronExpression)
#include "tst_cronexpression.moc"
