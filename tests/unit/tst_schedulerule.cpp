// ScheduleRule: intervals anchored against drift, execution windows (also across midnight), postpone, jitter,
// and what the misfire policies enqueue after downtime. Pure computation: no clock, no database.
#include "schedule/schedulerule.h"

#include <QDateTime>
#include <QTest>

using namespace vigia;

Q_DECLARE_METATYPE(vigia::MisfirePolicy)
Q_DECLARE_METATYPE(vigia::Schedule)
Q_DECLARE_METATYPE(vigia::ExecutionWindow)

namespace {
qint64 utc(const char *iso)
{
    const QDateTime at = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    if (!at.isValid())
        qFatal("bad date in test: %s", iso);
    return at.toMSecsSinceEpoch();
}

ScheduleRule compiled(const Schedule &schedule)
{
    QString error;
    const std::optional<ScheduleRule> rule = ScheduleRule::compile(schedule, &error);
    if (!rule)
        qFatal("schedule does not compile: %s", qPrintable(error));
    return *rule;
}

Schedule cron(const char *expression, const char *zone = "UTC")
{
    Schedule s;
    s.kind = Schedule::Kind::Cron;
    s.cron = QLatin1String(expression);
    s.timeZone = QLatin1String(zone);
    return s;
}

Schedule every(qint64 ms, qint64 anchor = 0)
{
    Schedule s;
    s.kind = Schedule::Kind::Interval;
    s.intervalMs = ms;
    s.anchorAt = anchor;
    return s;
}

ExecutionWindow window(int startHour, int startMinute, int endHour, int endMinute, quint8 weekdays = 0x7F)
{
    ExecutionWindow w;
    w.startMinute = startHour * 60 + startMinute;
    w.endMinute = endHour * 60 + endMinute;
    w.weekdays = weekdays;
    return w;
}

constexpr quint8 Mon = 1, Tue = 2, Wed = 4, Thu = 8, Fri = 16, Sat = 32, Sun = 64;
} // namespace

class TestScheduleRule : public QObject {
    Q_OBJECT

private slots:
    void invalidSchedulesAreRejected_data();
    void invalidSchedulesAreRejected();
    void intervalFiresStayOnTheAnchorGrid_data();
    void intervalFiresStayOnTheAnchorGrid();
    void cronFiresComeFromTheExpressionInItsZone();
    void windowGatesFires_data();
    void windowGatesFires();
    void postponeDropsEarlierFires();
    void newJobWaitsForItsFirstFire();
    void onTimeFireIsEnqueued();
    void slightlyLateFiresAreNotMisfires();
    void misfirePolicyAfterDowntime_data();
    void misfirePolicyAfterDowntime();
    void runAllIsBoundedAfterLongDowntime();
    void coalescePicksLatestFireInsideWindow();
    void pausedJobKeepsWaitingForTheSameFire();
    void jitterIsDeterministicAndBounded();
    void neverFiringCronHasNoNextFire();
};

void TestScheduleRule::invalidSchedulesAreRejected_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown zone") << cron("* * * * *", "America/Sao_Paolo") << QStringLiteral("unknown time zone");
    QTest::newRow("bad cron") << cron("61 * * * *") << QStringLiteral("minute");
    QTest::newRow("interval below a second") << every(999) << QStringLiteral("interval");
    QTest::newRow("interval above a year") << every(400LL * 24 * 3600 * 1000) << QStringLiteral("interval");
    Schedule halfWindow = every(60'000);
    halfWindow.window.startMinute = 60;
    QTest::newRow("window without end") << halfWindow << QStringLiteral("window");
    Schedule lateWindow = every(60'000);
    lateWindow.window = window(8, 0, 24, 0);
    QTest::newRow("window end past 23:59") << lateWindow << QStringLiteral("window");
    Schedule noDays = every(60'000);
    noDays.window.weekdays = 0;
    QTest::newRow("window without weekdays") << noDays << QStringLiteral("weekday");
    Schedule bigJitter = every(60'000);
    bigJitter.jitterMs = 2 * 3600 * 1000;
    QTest::newRow("jitter over an hour") << bigJitter << QStringLiteral("jitter");
}

void TestScheduleRule::invalidSchedulesAreRejected()
{
    QFETCH(Schedule, schedule);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!ScheduleRule::compile(schedule, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestScheduleRule::intervalFiresStayOnTheAnchorGrid_data()
{
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<qint64>("anchor");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("expected");
    const qint64 anchor = utc("2026-11-22T10:00:07Z");
    QTest::newRow("before the anchor") << qint64(60'000) << anchor << anchor - 5'000'000 << anchor;
    QTest::newRow("at the anchor is exclusive") << qint64(60'000) << anchor << anchor << anchor + 60'000;
    QTest::newRow("mid interval") << qint64(60'000) << anchor << anchor + 61'000 << anchor + 120'000;
    QTest::newRow("a day later, still on the grid")
        << qint64(300'000) << anchor << anchor + 86'400'000 + 1 << anchor + 86'400'000 + 300'000;
    QTest::newRow("odd interval") << qint64(7'000) << anchor << anchor + 50'000 << anchor + 56'000;
    QTest::newRow("epoch anchor") << qint64(3'600'000) << qint64(0) << utc("2026-11-22T10:30:00Z")
                                  << utc("2026-11-22T11:00:00Z");
}

void TestScheduleRule::intervalFiresStayOnTheAnchorGrid()
{
    QFETCH(qint64, interval);
    QFETCH(qint64, anchor);
    QFETCH(qint64, from);
    QFETCH(qint64, expected);
    QCOMPARE(compiled(every(interval, anchor)).nextFireAfter(from), expected);
}

void TestScheduleRule::cronFiresComeFromTheExpressionInItsZone()
{
    const ScheduleRule rule = compiled(cron("0 9 * * MON-FRI", "America/Sao_Paulo"));
    // Saturday 2026-11-21 → Monday 2026-11-23 09:00 -03:00 = 12:00Z.
    QCOMPARE(rule.nextFireAfter(utc("2026-11-21T15:00:00Z")), utc("2026-11-23T12:00:00Z"));
}

void TestScheduleRule::windowGatesFires_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<ExecutionWindow>("win");
    QTest::addColumn<QString>("fire");
    QTest::addColumn<bool>("allowed");
    const ExecutionWindow business = window(8, 0, 19, 59, Mon | Tue | Wed | Thu | Fri);
    // 2026-11-23 is a Monday.
    QTest::newRow("business hours, inside")
        << QStringLiteral("UTC") << business << QStringLiteral("2026-11-23T08:00:00Z") << true;
    QTest::newRow("business hours, last minute")
        << QStringLiteral("UTC") << business << QStringLiteral("2026-11-23T19:59:00Z") << true;
    QTest::newRow("business hours, after")
        << QStringLiteral("UTC") << business << QStringLiteral("2026-11-23T20:00:00Z") << false;
    QTest::newRow("business hours, before")
        << QStringLiteral("UTC") << business << QStringLiteral("2026-11-23T07:59:00Z") << false;
    QTest::newRow("business hours, saturday")
        << QStringLiteral("UTC") << business << QStringLiteral("2026-11-28T10:00:00Z") << false;
    QTest::newRow("in the job's zone") << QStringLiteral("America/Sao_Paulo") << business
                                       << QStringLiteral("2026-11-23T22:30:00Z") << true; // 19:30 local
    QTest::newRow("in the job's zone, too late") << QStringLiteral("America/Sao_Paulo") << business
                                                 << QStringLiteral("2026-11-23T23:30:00Z") << false; // 20:30 local
    const ExecutionWindow night = window(22, 0, 2, 0, Fri);
    QTest::newRow("across midnight, evening of the day")
        << QStringLiteral("UTC") << night << QStringLiteral("2026-11-27T23:00:00Z") << true; // Fri
    QTest::newRow("across midnight, early hours belong to the day before")
        << QStringLiteral("UTC") << night << QStringLiteral("2026-11-28T01:30:00Z") << true; // Sat 01:30 = Fri's night
    QTest::newRow("across midnight, end minute inclusive")
        << QStringLiteral("UTC") << night << QStringLiteral("2026-11-28T02:00:00Z") << true;
    QTest::newRow("across midnight, after the end")
        << QStringLiteral("UTC") << night << QStringLiteral("2026-11-28T02:01:00Z") << false;
    QTest::newRow("across midnight, early hours of friday belong to thursday")
        << QStringLiteral("UTC") << night << QStringLiteral("2026-11-27T01:00:00Z") << false;
    QTest::newRow("across midnight, afternoon")
        << QStringLiteral("UTC") << night << QStringLiteral("2026-11-27T15:00:00Z") << false;
    ExecutionWindow weekendOnly;
    weekendOnly.weekdays = Sat | Sun;
    QTest::newRow("weekdays only, sunday")
        << QStringLiteral("UTC") << weekendOnly << QStringLiteral("2026-11-29T12:00:00Z") << true;
    QTest::newRow("weekdays only, monday")
        << QStringLiteral("UTC") << weekendOnly << QStringLiteral("2026-11-30T12:00:00Z") << false;
    QTest::newRow("weekday in the job's zone, not UTC")
        << QStringLiteral("Asia/Tokyo") << weekendOnly << QStringLiteral("2026-11-27T16:00:00Z") << true; // Sat 01:00
}

void TestScheduleRule::windowGatesFires()
{
    QFETCH(QString, zone);
    QFETCH(ExecutionWindow, win);
    QFETCH(QString, fire);
    QFETCH(bool, allowed);
    Schedule s = every(60'000);
    s.timeZone = zone;
    s.window = win;
    QCOMPARE(compiled(s).mayFireAt(utc(fire.toLatin1().constData())), allowed);
}

void TestScheduleRule::postponeDropsEarlierFires()
{
    Schedule s = every(60'000);
    s.postponeUntil = utc("2026-11-22T12:00:00Z");
    const ScheduleRule rule = compiled(s);
    QVERIFY(!rule.mayFireAt(utc("2026-11-22T11:59:00Z")));
    QVERIFY(rule.mayFireAt(utc("2026-11-22T12:00:00Z")));
    const FirePlan plan = rule.plan(utc("2026-11-22T11:59:00Z"), utc("2026-11-22T11:59:00Z"));
    QVERIFY(plan.fires.isEmpty());
    QCOMPARE(plan.outsideWindow, 1);
    QCOMPARE(plan.nextFireAt, utc("2026-11-22T12:00:00Z"));
}

void TestScheduleRule::newJobWaitsForItsFirstFire()
{
    const FirePlan plan = compiled(cron("*/5 * * * *")).plan(0, utc("2026-11-22T10:05:00Z"));
    QVERIFY(plan.fires.isEmpty());
    QCOMPARE(plan.nextFireAt, utc("2026-11-22T10:10:00Z"));
}

void TestScheduleRule::onTimeFireIsEnqueued()
{
    const FirePlan plan =
        compiled(cron("*/5 * * * *")).plan(utc("2026-11-22T10:05:00Z"), utc("2026-11-22T10:05:00.003Z"));
    QCOMPARE(plan.fires, QVector<qint64>{utc("2026-11-22T10:05:00Z")});
    QCOMPARE(plan.missed, 0);
    QCOMPARE(plan.nextFireAt, utc("2026-11-22T10:10:00Z"));
}

void TestScheduleRule::slightlyLateFiresAreNotMisfires()
{
    Schedule s = every(10'000);
    s.misfire = MisfirePolicy::Skip;
    const qint64 due = utc("2026-11-22T10:00:00Z");
    const FirePlan plan = compiled(s).plan(due, due + 25'000); // a busy scheduler, 25 s late: 3 fires on time
    QCOMPARE(plan.fires, (QVector<qint64>{due, due + 10'000, due + 20'000}));
    QCOMPARE(plan.missed, 0);
    QCOMPARE(plan.nextFireAt, due + 30'000);
}

void TestScheduleRule::misfirePolicyAfterDowntime_data()
{
    QTest::addColumn<MisfirePolicy>("policy");
    QTest::addColumn<int>("expectedFires");
    QTest::addColumn<qint64>("firstFire");
    // Every 5 minutes; down from 10:00 to 11:00:30: 13 fires due (10:00 ... 11:00), all but 11:00 late.
    QTest::newRow("coalesce: one run for the latest") << MisfirePolicy::Coalesce << 1 << utc("2026-11-22T11:00:00Z");
    QTest::newRow("run-all: every missed fire") << MisfirePolicy::RunAll << 13 << utc("2026-11-22T10:00:00Z");
    QTest::newRow("skip: only the on-time one") << MisfirePolicy::Skip << 1 << utc("2026-11-22T11:00:00Z");
}

void TestScheduleRule::misfirePolicyAfterDowntime()
{
    QFETCH(MisfirePolicy, policy);
    QFETCH(int, expectedFires);
    QFETCH(qint64, firstFire);
    Schedule s = cron("*/5 * * * *");
    s.misfire = policy;
    const FirePlan plan = compiled(s).plan(utc("2026-11-22T10:00:00Z"), utc("2026-11-22T11:00:30Z"));
    QCOMPARE(plan.fires.size(), expectedFires);
    QCOMPARE(plan.fires.constFirst(), firstFire);
    QCOMPARE(plan.missed, 12);
    QCOMPARE(plan.nextFireAt, utc("2026-11-22T11:05:00Z"));

    // Down long enough that even the last fire is late: skip runs nothing, coalesce one.
    const FirePlan later = compiled(s).plan(utc("2026-11-22T10:00:00Z"), utc("2026-11-22T11:03:00Z"));
    QCOMPARE(later.missed, 13);
    QCOMPARE(later.fires.size(), policy == MisfirePolicy::Skip ? 0 : expectedFires);
    if (policy == MisfirePolicy::Coalesce)
        QCOMPARE(later.fires.constFirst(), utc("2026-11-22T11:00:00Z"));
}

void TestScheduleRule::runAllIsBoundedAfterLongDowntime()
{
    Schedule s = every(1'000);
    s.misfire = MisfirePolicy::RunAll;
    const qint64 due = utc("2026-11-22T10:00:00Z");
    const FirePlan plan = compiled(s).plan(due, due + 3 * 3600 * 1000); // 10,800 missed seconds
    QCOMPARE(plan.fires.size(), Schedule::MaxCatchUpFires + 61);        // 100 late + the last minute on time
    QCOMPARE(plan.fires.constFirst(), due);
    QCOMPARE(plan.nextFireAt, due + 3 * 3600 * 1000 + 1'000);
    QVERIFY(plan.missed > Schedule::MaxCatchUpFires);
}

void TestScheduleRule::coalescePicksLatestFireInsideWindow()
{
    Schedule s = cron("0 * * * *");
    s.window = window(9, 0, 17, 0);
    const FirePlan plan = compiled(s).plan(utc("2026-11-22T12:00:00Z"), utc("2026-11-22T20:30:00Z"));
    QCOMPARE(plan.fires, QVector<qint64>{utc("2026-11-22T17:00:00Z")});
}

void TestScheduleRule::pausedJobKeepsWaitingForTheSameFire()
{
    Schedule s = cron("*/5 * * * *");
    s.paused = true;
    const qint64 due = utc("2026-11-22T10:00:00Z");
    const FirePlan plan = compiled(s).plan(due, due + 3'600'000);
    QVERIFY(plan.fires.isEmpty());
    QCOMPARE(plan.nextFireAt, due);
}

void TestScheduleRule::jitterIsDeterministicAndBounded()
{
    Schedule s = every(60'000);
    s.jitterMs = 30'000;
    const ScheduleRule rule = compiled(s);
    QSet<qint64> seen;
    for (qint64 i = 0; i < 500; ++i) {
        const qint64 jitter = rule.jitterFor(7, i * 60'000);
        QVERIFY(jitter >= 0 && jitter < 30'000);
        QCOMPARE(rule.jitterFor(7, i * 60'000), jitter);
        seen.insert(jitter / 1000);
    }
    QVERIFY(seen.size() > 25); // spread over the range, not clumped
    QCOMPARE(compiled(every(60'000)).jitterFor(7, 0), 0);
}

void TestScheduleRule::neverFiringCronHasNoNextFire()
{
    const ScheduleRule rule = compiled(cron("0 0 30 2 *"));
    QCOMPARE(rule.nextFireAfter(utc("2026-11-22T10:00:00Z")), 0);
    QCOMPARE(rule.plan(0, utc("2026-11-22T10:00:00Z")).nextFireAt, 0);
}

QTEST_GUILESS_MAIN(TestScheduleRule)
#include "tst_schedulerule.moc"
