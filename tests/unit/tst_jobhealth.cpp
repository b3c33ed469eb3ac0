// JobHealthEvaluator: expected periods from crons and intervals, the default SLA table, staleness (also across
// nights, weekends, windows, postpone and DST), too-long runs, failure rates, system state and health score.
// Pure computation: no clock, no database.
#include "incidents/jobhealth.h"

#include <QDateTime>
#include <QTest>

using namespace vigia;

Q_DECLARE_METATYPE(vigia::Schedule)
Q_DECLARE_METATYPE(vigia::HealthState)
Q_DECLARE_METATYPE(vigia::OpenIncidentCounts)

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

qint64 utc(const char *iso)
{
    const QDateTime at = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    if (!at.isValid())
        qFatal("bad date in test: %s", iso);
    return at.toMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return ms == 0 ? QStringLiteral("0") : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
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

Schedule withWindow(Schedule s, int startHour, int endHour, quint8 weekdays)
{
    s.window.startMinute = startHour * 60;
    s.window.endMinute = endHour * 60 + 59;
    s.window.weekdays = weekdays;
    return s;
}

Schedule postponed(Schedule s, qint64 until)
{
    s.postponeUntil = until;
    return s;
}

JobDef job(const Schedule &schedule, const char *name = "job")
{
    JobDef j;
    j.id = 7;
    j.name = QLatin1String(name);
    j.kind = QStringLiteral("noop");
    j.schedule = schedule;
    return j;
}

// Outcomes newest first: S succeeded, D dead, C cancelled.
QVector<RunState> outcomes(const char *letters)
{
    QVector<RunState> states;
    for (const char *c = letters; *c; ++c)
        states.append(*c == 'S' ? RunState::Succeeded : *c == 'D' ? RunState::Dead : RunState::Cancelled);
    return states;
}

QVector<qint64> minutes(std::initializer_list<int> values)
{
    QVector<qint64> ms;
    for (int v : values)
        ms.append(v * Minute);
    return ms;
}

QVector<qint64> range(int from, int to, qint64 unit)
{
    QVector<qint64> values;
    for (int v = from; v <= to; ++v)
        values.append(v * unit);
    return values;
}

constexpr quint8 Weekdays = 0x1F; // Monday to Friday
} // namespace

class TestJobHealth : public QObject {
    Q_OBJECT

private slots:
    void defaultSlaFollowsTheDesignTable_data();
    void defaultSlaFollowsTheDesignTable();
    void expectedPeriodIsTheTypicalGap_data();
    void expectedPeriodIsTheTypicalGap();
    void firstExpectedFireHonoursWindowAndPostpone_data();
    void firstExpectedFireHonoursWindowAndPostpone();
    void staleWhenLastSuccessIsOlderThanTheSla_data();
    void staleWhenLastSuccessIsOlderThanTheSla();
    void pausedUnscheduledAndInvalidJobsAreNeverStale();
    void slaPeriodGivesAnSlaToJobsWithoutASchedule();
    void policyComesFromTheJobDefinition();
    void percentile95IsNearestRank_data();
    void percentile95IsNearestRank();
    void tooLongAgainstExpectedOrDerivedDuration_data();
    void tooLongAgainstExpectedOrDerivedDuration();
    void failureRateOverTheLastRuns_data();
    void failureRateOverTheLastRuns();
    void systemStateAndScore_data();
    void systemStateAndScore();
    void summaryCountsEachKindOfProblem();
};

void TestJobHealth::defaultSlaFollowsTheDesignTable_data()
{
    QTest::addColumn<qint64>("period");
    QTest::addColumn<qint64>("sla");
    // The points DESIGN.md lists.
    QTest::newRow("1 min -> 3 min") << Minute << 3 * Minute;
    QTest::newRow("5 min -> 15 min") << 5 * Minute << 15 * Minute;
    QTest::newRow("10 min -> 30 min") << 10 * Minute << 30 * Minute;
    QTest::newRow("15 min -> 45 min") << 15 * Minute << 45 * Minute;
    QTest::newRow("hourly -> 2 h") << Hour << 2 * Hour;
    QTest::newRow("daily -> 25 h") << Day << 25 * Hour;
    QTest::newRow("weekly -> 8 days") << 7 * Day << 8 * Day;
    // Between and beyond them.
    QTest::newRow("10 s -> the one-minute floor") << 10 * Second << Minute;
    QTest::newRow("30 s -> 90 s") << 30 * Second << 90 * Second;
    QTest::newRow("20 min -> 3x") << 20 * Minute << 60 * Minute;
    QTest::newRow("30 min -> 3x = p + 1 h") << 30 * Minute << 90 * Minute;
    QTest::newRow("45 min -> p + 1 h") << 45 * Minute << 105 * Minute;
    QTest::newRow("2 h -> 3 h") << 2 * Hour << 3 * Hour;
    QTest::newRow("12 h -> 13 h") << 12 * Hour << 13 * Hour;
    QTest::newRow("2 days -> slack 1 h + 23 h / 6") << 2 * Day << 2 * Day + Hour + 230 * Minute;
    QTest::newRow("4 days -> slack 1 h + 3 x 23 h / 6") << 4 * Day << 4 * Day + Hour + 690 * Minute;
    QTest::newRow("14 days -> p + 1 day") << 14 * Day << 15 * Day;
    QTest::newRow("31 days -> p + 1 day") << 31 * Day << 32 * Day;
}

void TestJobHealth::defaultSlaFollowsTheDesignTable()
{
    QFETCH(qint64, period);
    QFETCH(qint64, sla);
    QCOMPARE(JobHealthEvaluator::defaultSlaMs(period), sla);
}

void TestJobHealth::expectedPeriodIsTheTypicalGap_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("period");
    const qint64 friday = utc("2026-12-04T19:50:00Z");
    QTest::newRow("every minute") << cron("* * * * *") << friday << Minute;
    QTest::newRow("every 5 minutes") << cron("*/5 * * * *") << friday << 5 * Minute;
    QTest::newRow("business hours, on friday evening the weekend gap is ignored")
        << cron("*/5 8-19 * * MON-FRI") << friday << 5 * Minute;
    QTest::newRow("hourly") << cron("0 * * * *") << friday << Hour;
    QTest::newRow("hourly in business hours") << cron("0 8-19 * * MON-FRI") << friday << Hour;
    QTest::newRow("twice a day, the shorter gap (morning)")
        << cron("0 9,17 * * *") << utc("2026-12-04T08:00:00Z") << 8 * Hour;
    QTest::newRow("twice a day, the shorter gap (evening)")
        << cron("0 9,17 * * *") << utc("2026-12-04T16:00:00Z") << 8 * Hour;
    QTest::newRow("uneven step, the shorter gap") << cron("*/45 * * * *") << friday << 15 * Minute;
    QTest::newRow("daily across a DST change (Berlin, 23 h day)")
        << cron("0 2 * * *", "Europe/Berlin") << utc("2027-03-26T12:00:00Z") << Day;
    QTest::newRow("daily across a DST change (New York, 25 h day)")
        << cron("30 1 * * *", "America/New_York") << utc("2026-10-31T12:00:00Z") << Day;
    QTest::newRow("weekly") << cron("0 6 * * MON") << friday << 7 * Day;
    QTest::newRow("@daily") << cron("@daily") << friday << Day;
    QTest::newRow("monthly: the lower median of 12 month lengths")
        << cron("0 0 1 * *") << utc("2027-01-15T00:00:00Z") << 31 * Day;
    QTest::newRow("never fires") << cron("0 0 30 2 *") << friday << qint64(0);
    QTest::newRow("interval 90 s") << every(90 * Second) << friday << 90 * Second;
    QTest::newRow("interval 6 h") << every(6 * Hour, utc("2026-01-01T00:17:00Z")) << friday << 6 * Hour;
    QTest::newRow("no schedule") << Schedule{} << friday << qint64(0);
}

void TestJobHealth::expectedPeriodIsTheTypicalGap()
{
    QFETCH(Schedule, schedule);
    QFETCH(qint64, now);
    QFETCH(qint64, period);
    QCOMPARE(JobHealthEvaluator::expectedPeriodMs(compiled(schedule), now), period);
}

void TestJobHealth::firstExpectedFireHonoursWindowAndPostpone_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<qint64>("expected");
    const qint64 friday = utc("2026-12-04T19:55:00Z");
    QTest::newRow("plain cron") << cron("*/5 * * * *") << friday << utc("2026-12-04T20:00:00Z");
    QTest::newRow("cron hours: monday morning")
        << cron("*/5 8-19 * * MON-FRI") << friday << utc("2026-12-07T08:00:00Z");
    QTest::newRow("execution window: monday morning")
        << withWindow(cron("* * * * *"), 8, 19, Weekdays) << utc("2026-12-04T20:00:00Z") << utc("2026-12-07T08:00:00Z");
    QTest::newRow("execution window in the job's zone")
        << withWindow(cron("* * * * *", "America/Sao_Paulo"), 8, 19, Weekdays) << utc("2026-12-04T23:00:00Z")
        << utc("2026-12-07T11:00:00Z");
    QTest::newRow("interval of 10 s over a weekend") << withWindow(every(10 * Second), 8, 19, Weekdays)
                                                     << utc("2026-12-04T20:00:00Z") << utc("2026-12-07T08:00:00Z");
    QTest::newRow("weekdays only, no time of day") << withWindow(cron("0 * * * *"), -1, -1, Weekdays)
                                                   << utc("2026-12-05T10:00:00Z") << utc("2026-12-07T00:00:00Z");
    QTest::newRow("postponed") << postponed(cron("*/5 * * * *"), utc("2026-12-05T12:00:00Z")) << friday
                               << utc("2026-12-05T12:00:00Z");
    QTest::newRow("postponed off the grid")
        << postponed(cron("*/5 * * * *"), utc("2026-12-05T12:01:00Z")) << friday << utc("2026-12-05T12:05:00Z");
    Schedule sundayOnly = withWindow(cron("0 12 * * SUN"), 8, 19, Weekdays);
    QTest::newRow("window never meets the cron") << sundayOnly << friday << qint64(0);
    QTest::newRow("never fires") << cron("0 0 30 2 *") << friday << qint64(0);
}

void TestJobHealth::firstExpectedFireHonoursWindowAndPostpone()
{
    QFETCH(Schedule, schedule);
    QFETCH(qint64, after);
    QFETCH(qint64, expected);
    QCOMPARE(iso(JobHealthEvaluator::firstExpectedFireAfter(compiled(schedule), after)), iso(expected));
}

void TestJobHealth::staleWhenLastSuccessIsOlderThanTheSla_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<qint64>("slaOverride");
    QTest::addColumn<qint64>("grace");
    QTest::addColumn<qint64>("createdAt");
    QTest::addColumn<qint64>("lastSuccess");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("expectedSla");
    QTest::addColumn<qint64>("staleAt");
    const qint64 created = utc("2026-11-01T00:00:00Z");
    const qint64 none = 0;

    const Schedule fiveMinutes = cron("*/5 * * * *");
    const qint64 ok = utc("2026-12-05T10:01:00Z");
    QTest::newRow("5 min: last success 14 min ago")
        << fiveMinutes << none << none << created << ok << ok + 14 * Minute << 15 * Minute << ok + 15 * Minute;
    QTest::newRow("5 min: exactly at the SLA is not stale yet")
        << fiveMinutes << none << none << created << ok << ok + 15 * Minute << 15 * Minute << ok + 15 * Minute;
    QTest::newRow("5 min: a millisecond past the SLA")
        << fiveMinutes << none << none << created << ok << ok + 15 * Minute + 1 << 15 * Minute << ok + 15 * Minute;
    QTest::newRow("5 min: an override of 30 min")
        << fiveMinutes << 30 * Minute << none << created << ok << ok + 31 * Minute << 30 * Minute << ok + 30 * Minute;
    QTest::newRow("5 min: a grace of 5 min on the default")
        << fiveMinutes << none << 5 * Minute << created << ok << ok + 21 * Minute << 20 * Minute << ok + 20 * Minute;
    QTest::newRow("5 min: a grace on an override") << fiveMinutes << 30 * Minute << 10 * Minute << created << ok
                                                   << ok + 41 * Minute << 40 * Minute << ok + 40 * Minute;

    const qint64 friday = utc("2026-12-04T19:55:00Z");
    const Schedule business = cron("*/5 8-19 * * MON-FRI");
    QTest::newRow("business hours: not stale over the weekend")
        << business << none << none << created << friday << utc("2026-12-06T12:00:00Z") << 15 * Minute
        << utc("2026-12-07T08:10:00Z");
    QTest::newRow("business hours: stale 10 min after monday's first fire")
        << business << none << none << created << friday << utc("2026-12-07T08:10:00.001Z") << 15 * Minute
        << utc("2026-12-07T08:10:00Z");
    const Schedule window = withWindow(cron("*/5 * * * *"), 8, 19, Weekdays);
    QTest::newRow("execution window: not stale at night")
        << window << none << none << created << friday << utc("2026-12-05T03:00:00Z") << 15 * Minute
        << utc("2026-12-07T08:10:00Z");
    QTest::newRow("postponed: not stale before the postponement ends")
        << postponed(fiveMinutes, utc("2026-12-05T12:00:00Z")) << none << none << created << ok
        << utc("2026-12-05T12:09:00Z") << 15 * Minute << utc("2026-12-05T12:10:00Z");

    const Schedule daily = cron("0 2 * * *");
    const qint64 dailyOk = utc("2026-12-03T02:03:00Z");
    QTest::newRow("daily: ran yesterday, today's run is late but within the hour")
        << daily << none << none << created << dailyOk << utc("2026-12-04T03:02:00Z") << 25 * Hour
        << utc("2026-12-04T03:03:00Z");
    QTest::newRow("daily: missed today's run")
        << daily << none << none << created << dailyOk << utc("2026-12-04T03:04:00Z") << 25 * Hour
        << utc("2026-12-04T03:03:00Z");
    const qint64 newJob = utc("2026-12-01T10:00:00Z");
    QTest::newRow("daily: never succeeded, counted from its creation")
        << daily << none << none << newJob << none << utc("2026-12-02T10:59:00Z") << 25 * Hour
        << utc("2026-12-02T11:00:00Z");
    QTest::newRow("daily: never succeeded, stale a day and an hour after creation")
        << daily << none << none << newJob << none << utc("2026-12-02T11:00:01Z") << 25 * Hour
        << utc("2026-12-02T11:00:00Z");

    const Schedule hourly = every(Hour);
    const qint64 hourlyOk = utc("2026-12-05T10:00:30Z");
    QTest::newRow("hourly interval: two hours after its last success")
        << hourly << none << none << created << hourlyOk << utc("2026-12-05T12:00:31Z") << 2 * Hour
        << utc("2026-12-05T12:00:30Z");
    QTest::newRow("an SLA shorter than the period waits for the next fire")
        << hourly << 10 * Minute << none << created << hourlyOk << utc("2026-12-05T10:59:00Z") << 10 * Minute
        << utc("2026-12-05T11:00:00Z");
    QTest::newRow("an SLA shorter than the period: stale once the next fire passes")
        << hourly << 10 * Minute << none << created << hourlyOk << utc("2026-12-05T11:00:01Z") << 10 * Minute
        << utc("2026-12-05T11:00:00Z");

    const Schedule weekly = cron("0 6 * * MON");
    const qint64 weeklyOk = utc("2026-11-30T06:01:00Z");
    QTest::newRow("weekly: within 8 days") << weekly << none << none << created << weeklyOk
                                           << utc("2026-12-08T06:00:00Z") << 8 * Day << utc("2026-12-08T06:01:00Z");
    QTest::newRow("weekly: past 8 days") << weekly << none << none << created << weeklyOk << utc("2026-12-08T06:02:00Z")
                                         << 8 * Day << utc("2026-12-08T06:01:00Z");

    // New York springs forward on 2027-03-14: 02:30 does not exist, the fire comes at 03:00 EDT (07:00Z).
    const Schedule newYork = cron("30 2 * * *", "America/New_York");
    QTest::newRow("daily over a DST change") << newYork << none << none << created << utc("2027-03-13T07:30:00Z")
                                             << utc("2027-03-14T08:29:00Z") << 25 * Hour << utc("2027-03-14T08:30:00Z");
}

void TestJobHealth::staleWhenLastSuccessIsOlderThanTheSla()
{
    QFETCH(Schedule, schedule);
    QFETCH(qint64, slaOverride);
    QFETCH(qint64, grace);
    QFETCH(qint64, createdAt);
    QFETCH(qint64, lastSuccess);
    QFETCH(qint64, now);
    QFETCH(qint64, expectedSla);
    QFETCH(qint64, staleAt);
    JobHealthPolicy policy;
    policy.slaMs = slaOverride;
    policy.slaGraceMs = grace;
    JobActivity activity;
    activity.jobCreatedAt = createdAt;
    activity.lastSuccessAt = lastSuccess;
    const JobHealth health = JobHealthEvaluator::evaluate(job(schedule), policy, activity, now);
    QCOMPARE(health.slaMs, expectedSla);
    QCOMPARE(health.slaIsDefault, slaOverride == 0);
    QCOMPARE(iso(health.staleAt), iso(staleAt));
    QCOMPARE(health.stale, now > staleAt);
    QCOMPARE(health.overdueMs, now > staleAt ? now - staleAt : 0);
    QCOMPARE(health.isHealthy(), !health.stale);
    // A compiled rule from the caller gives the same verdict.
    const ScheduleRule rule = compiled(schedule);
    QCOMPARE(JobHealthEvaluator::evaluate(job(schedule), policy, activity, now, &rule).staleAt, health.staleAt);
}

void TestJobHealth::pausedUnscheduledAndInvalidJobsAreNeverStale()
{
    JobActivity longAgo;
    longAgo.jobCreatedAt = utc("2020-01-01T00:00:00Z");
    longAgo.lastSuccessAt = utc("2020-01-02T00:00:00Z");
    const qint64 now = utc("2026-12-05T12:00:00Z");

    Schedule paused = cron("* * * * *");
    paused.paused = true;
    JobHealth health = JobHealthEvaluator::evaluate(job(paused), {}, longAgo, now);
    QVERIFY(health.paused);
    QVERIFY(!health.stale);
    QCOMPARE(health.slaMs, qint64(0));

    health = JobHealthEvaluator::evaluate(job(Schedule{}), {}, longAgo, now);
    QVERIFY(!health.stale);
    QCOMPARE(health.periodMs, qint64(0));

    health = JobHealthEvaluator::evaluate(job(cron("* * * * *", "Mars/Olympus_Mons")), {}, longAgo, now);
    QVERIFY(!health.stale);
    QVERIFY2(health.problem.contains(QStringLiteral("Mars/Olympus_Mons")), qPrintable(health.problem));

    // The same job, scheduled and running, is stale: the rows above differ only in what they test.
    health = JobHealthEvaluator::evaluate(job(cron("* * * * *")), {}, longAgo, now);
    QVERIFY(health.stale);
    QVERIFY(health.problem.isEmpty());
}

void TestJobHealth::slaPeriodGivesAnSlaToJobsWithoutASchedule()
{
    // Enqueued from outside every hour: SLA 2 h from the last success, no schedule to wait for.
    JobHealthPolicy policy;
    policy.periodMs = Hour;
    JobActivity activity;
    activity.jobCreatedAt = utc("2026-12-01T00:00:00Z");
    activity.lastSuccessAt = utc("2026-12-05T10:00:00Z");
    JobHealth health = JobHealthEvaluator::evaluate(job(Schedule{}), policy, activity, utc("2026-12-05T12:00:00Z"));
    QCOMPARE(health.periodMs, Hour);
    QCOMPARE(health.slaMs, 2 * Hour);
    QCOMPARE(iso(health.staleAt), iso(utc("2026-12-05T12:00:00Z")));
    QVERIFY(!health.stale);
    health = JobHealthEvaluator::evaluate(job(Schedule{}), policy, activity, utc("2026-12-05T12:00:00.001Z"));
    QVERIFY(health.stale);
    QCOMPARE(health.overdueMs, qint64(1));
    // On a schedule, the SLA period replaces the schedule's for the default SLA; fires still set the due time.
    health = JobHealthEvaluator::evaluate(job(cron("*/5 * * * *")), policy, activity, utc("2026-12-05T11:00:00Z"));
    QCOMPARE(health.periodMs, Hour);
    QCOMPARE(iso(health.staleAt), iso(utc("2026-12-05T12:00:00Z")));
}

void TestJobHealth::policyComesFromTheJobDefinition()
{
    JobDef def = job(cron("*/5 * * * *"));
    def.sla.periodMs = 7 * Minute;
    def.sla.withinMs = 20 * Minute;
    def.sla.graceMs = 2 * Minute;
    def.critical = true;
    def.incidents.expectedDurationMs = 3 * Minute;
    def.incidents.failureRateThreshold = 0.25;
    def.incidents.failureRateWindow = 8;
    const JobHealthPolicy policy = JobHealthEvaluator::policyOf(def);
    QCOMPARE(policy.periodMs, 7 * Minute);
    QCOMPARE(policy.slaMs, 20 * Minute);
    QCOMPARE(policy.slaGraceMs, 2 * Minute);
    QVERIFY(policy.critical);
    QCOMPARE(policy.expectedDurationMs, 3 * Minute);
    QCOMPARE(policy.failureRateThreshold, 0.25);
    QCOMPARE(policy.failureRateWindow, 8);
    const JobHealthPolicy none = JobHealthEvaluator::policyOf(job(Schedule{}));
    QCOMPARE(none.periodMs + none.slaMs + none.slaGraceMs + none.expectedDurationMs, qint64(0));
    QVERIFY(!none.critical);
    QCOMPARE(none.failureRateWindow, 0);
}

void TestJobHealth::percentile95IsNearestRank_data()
{
    QTest::addColumn<QVector<qint64>>("values");
    QTest::addColumn<qint64>("p95");
    QTest::newRow("none") << QVector<qint64>{} << qint64(0);
    QTest::newRow("one") << QVector<qint64>{42} << qint64(42);
    QTest::newRow("ten: the largest") << range(1, 10, 1) << qint64(10);
    QTest::newRow("twenty: the 19th") << range(1, 20, 1) << qint64(19);
    QTest::newRow("a hundred: the 95th") << range(1, 100, 1) << qint64(95);
    QTest::newRow("unsorted") << QVector<qint64>{9, 1, 5, 3, 7} << qint64(9);
}

void TestJobHealth::percentile95IsNearestRank()
{
    QFETCH(QVector<qint64>, values);
    QFETCH(qint64, p95);
    QCOMPARE(JobHealthEvaluator::percentile95(values), p95);
}

void TestJobHealth::tooLongAgainstExpectedOrDerivedDuration_data()
{
    QTest::addColumn<qint64>("expectedDuration");
    QTest::addColumn<QVector<qint64>>("durations");
    QTest::addColumn<QVector<qint64>>("runningFor"); // one running run per entry
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<bool>("derived");
    QTest::addColumn<QVector<qint64>>("tooLongRuns"); // run ids: 1 + index in runningFor
    const QVector<qint64> none;
    QTest::newRow("expected 10 min, running 11")
        << 10 * Minute << none << minutes({11}) << 10 * Minute << false << QVector<qint64>{1};
    QTest::newRow("expected 10 min, running 9") << 10 * Minute << none << minutes({9}) << 10 * Minute << false << none;
    QTest::newRow("expected 10 min, exactly 10")
        << 10 * Minute << none << minutes({10}) << 10 * Minute << false << none;
    QTest::newRow("expected wins over history")
        << 10 * Minute << minutes({1, 1, 1, 1, 1}) << minutes({11}) << 10 * Minute << false << QVector<qint64>{1};
    QTest::newRow("derived: 3 x p95") << qint64(0) << minutes({10, 10, 10, 10, 10}) << minutes({29, 31}) << 30 * Minute
                                      << true << QVector<qint64>{2};
    QTest::newRow("derived: fast job, one-minute floor")
        << qint64(0) << QVector<qint64>(5, Second) << QVector<qint64>{59 * Second, 61 * Second} << Minute << true
        << QVector<qint64>{2};
    QTest::newRow("derived: p95 of twenty samples ignores the slowest")
        << qint64(0) << range(1, 20, Minute) << minutes({58}) << 57 * Minute << true << QVector<qint64>{1};
    QTest::newRow("derived: only the newest twenty samples")
        << qint64(0) << range(1, 20, Minute) + QVector<qint64>(10, 100 * Minute) << minutes({58}) << 57 * Minute << true
        << QVector<qint64>{1};
    QTest::newRow("too few samples: no limit")
        << qint64(0) << minutes({1, 1, 1, 1}) << minutes({500}) << qint64(0) << false << none;
    QTest::newRow("several runs, each checked")
        << 5 * Minute << none << minutes({1, 6, 3, 60}) << 5 * Minute << false << QVector<qint64>{2, 4};
}

void TestJobHealth::tooLongAgainstExpectedOrDerivedDuration()
{
    QFETCH(qint64, expectedDuration);
    QFETCH(QVector<qint64>, durations);
    QFETCH(QVector<qint64>, runningFor);
    QFETCH(qint64, limit);
    QFETCH(bool, derived);
    QFETCH(QVector<qint64>, tooLongRuns);
    const qint64 now = utc("2026-12-05T12:00:00Z");
    JobHealthPolicy policy;
    policy.expectedDurationMs = expectedDuration;
    JobActivity activity;
    activity.recentDurationsMs = durations;
    for (int i = 0; i < runningFor.size(); ++i)
        activity.running.append({i + 1, now - runningFor[i]});
    const JobHealth health = JobHealthEvaluator::evaluate(job(Schedule{}), policy, activity, now);
    QCOMPARE(health.runLimitMs, limit);
    QCOMPARE(health.runLimitIsDerived, derived);
    QVector<qint64> ids;
    for (const LongRun &run : health.tooLong) {
        ids.append(run.runId);
        QCOMPARE(run.limitMs, limit);
        QCOMPARE(run.runningMs, now - run.startedAt);
        QVERIFY(run.runningMs > limit);
    }
    QCOMPARE(ids, tooLongRuns);
    QCOMPARE(health.isHealthy(), tooLongRuns.isEmpty());
}

void TestJobHealth::failureRateOverTheLastRuns_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("window");
    QTest::addColumn<QString>("history"); // newest first
    QTest::addColumn<int>("finished");
    QTest::addColumn<int>("failures");
    QTest::addColumn<bool>("breached");
    QTest::newRow("no threshold: not watched") << 0.0 << 10 << QStringLiteral("DDDDDDDDDD") << 0 << 0 << false;
    QTest::newRow("no window: not watched") << 0.5 << 0 << QStringLiteral("DDDDDDDDDD") << 0 << 0 << false;
    QTest::newRow("6 of 10 above 50%") << 0.5 << 10 << QStringLiteral("DDDDDDSSSS") << 10 << 6 << true;
    QTest::newRow("5 of 10 reaches 50%") << 0.5 << 10 << QStringLiteral("DDDDDSSSSS") << 10 << 5 << true;
    QTest::newRow("4 of 10 is under 50%") << 0.5 << 10 << QStringLiteral("DDDDSSSSSS") << 10 << 4 << false;
    QTest::newRow("4 runs are too few to judge") << 0.5 << 10 << QStringLiteral("DDDD") << 4 << 4 << false;
    QTest::newRow("5 runs are enough") << 0.5 << 10 << QStringLiteral("DDDDD") << 5 << 5 << true;
    QTest::newRow("a small window needs all its runs") << 0.5 << 3 << QStringLiteral("DDS") << 3 << 2 << true;
    QTest::newRow("a small window, too few") << 0.5 << 3 << QStringLiteral("DD") << 2 << 2 << false;
    QTest::newRow("cancelled runs do not count") << 0.5 << 10 << QStringLiteral("DCDCDCDCSS") << 6 << 4 << true;
    QTest::newRow("runs older than the window do not count")
        << 0.5 << 4 << QStringLiteral("SSSSDDDDDD") << 4 << 0 << false;
    QTest::newRow("1 of 10 below 20%") << 0.2 << 10 << QStringLiteral("SSSSSSSSSD") << 10 << 1 << false;
    QTest::newRow("2 of 10 reaches 20%") << 0.2 << 10 << QStringLiteral("SSSSSSSSDD") << 10 << 2 << true;
    QTest::newRow("3 of 10 above 20%") << 0.2 << 10 << QStringLiteral("DSSSSSSDDS") << 10 << 3 << true;
    QTest::newRow("no runs") << 0.2 << 10 << QString() << 0 << 0 << false;
}

void TestJobHealth::failureRateOverTheLastRuns()
{
    QFETCH(double, threshold);
    QFETCH(int, window);
    QFETCH(QString, history);
    QFETCH(int, finished);
    QFETCH(int, failures);
    QFETCH(bool, breached);
    JobHealthPolicy policy;
    policy.failureRateThreshold = threshold;
    policy.failureRateWindow = window;
    JobActivity activity;
    activity.recentOutcomes = outcomes(history.toLatin1().constData());
    const JobHealth health =
        JobHealthEvaluator::evaluate(job(Schedule{}), policy, activity, utc("2026-12-05T12:00:00Z"));
    QCOMPARE(health.failureWindow, window > 0 && threshold > 0 ? window : 0);
    QCOMPARE(health.finishedRuns, finished);
    QCOMPARE(health.failures, failures);
    QCOMPARE(health.failureRate, finished > 0 ? double(failures) / finished : 0.0);
    QCOMPARE(health.failureRateBreached, breached);
}

void TestJobHealth::systemStateAndScore_data()
{
    QTest::addColumn<int>("staleCritical");
    QTest::addColumn<int>("stale");
    QTest::addColumn<int>("tooLong");
    QTest::addColumn<int>("failureRates");
    QTest::addColumn<OpenIncidentCounts>("incidents");
    QTest::addColumn<HealthState>("state");
    QTest::addColumn<int>("score");
    const OpenIncidentCounts none;
    QTest::newRow("nothing wrong") << 0 << 0 << 0 << 0 << none << HealthState::Ok << 100;
    QTest::newRow("one stale job") << 0 << 1 << 0 << 0 << none << HealthState::Degraded << 85;
    QTest::newRow("one stale job and its high incident")
        << 0 << 1 << 0 << 0 << OpenIncidentCounts{0, 1, 0, 0} << HealthState::Degraded << 75;
    QTest::newRow("one too-long run") << 0 << 0 << 1 << 0 << none << HealthState::Degraded << 95;
    QTest::newRow("two too-long runs") << 0 << 0 << 2 << 0 << none << HealthState::Degraded << 90;
    QTest::newRow("one failure-rate breach") << 0 << 0 << 0 << 1 << none << HealthState::Degraded << 90;
    QTest::newRow("an open info incident alone")
        << 0 << 0 << 0 << 0 << OpenIncidentCounts{0, 0, 0, 1} << HealthState::Degraded << 99;
    QTest::newRow("an open critical incident without a stale critical job")
        << 0 << 0 << 0 << 0 << OpenIncidentCounts{1, 0, 0, 0} << HealthState::Degraded << 80;
    QTest::newRow("incidents of every severity")
        << 0 << 0 << 0 << 0 << OpenIncidentCounts{1, 1, 1, 1} << HealthState::Degraded << 64;
    QTest::newRow("a stale critical job is critical, below 50")
        << 1 << 0 << 0 << 0 << none << HealthState::Critical << 49;
    QTest::newRow("a stale critical job and its critical incident")
        << 1 << 0 << 0 << 0 << OpenIncidentCounts{1, 0, 0, 0} << HealthState::Critical << 40;
    QTest::newRow("critical wins over everything else")
        << 1 << 2 << 1 << 1 << OpenIncidentCounts{0, 0, 2, 0} << HealthState::Critical << 5;
    QTest::newRow("floored at zero") << 0 << 10 << 0 << 0 << none << HealthState::Degraded << 0;
}

void TestJobHealth::systemStateAndScore()
{
    QFETCH(int, staleCritical);
    QFETCH(int, stale);
    QFETCH(int, tooLong);
    QFETCH(int, failureRates);
    QFETCH(OpenIncidentCounts, incidents);
    QFETCH(HealthState, state);
    QFETCH(int, score);
    QVector<JobHealth> jobs;
    jobs.append(JobHealth{}); // a healthy job counts for nothing
    for (int i = 0; i < staleCritical; ++i) {
        JobHealth j;
        j.stale = j.critical = true;
        jobs.append(j);
    }
    for (int i = 0; i < stale; ++i) {
        JobHealth j;
        j.stale = true;
        jobs.append(j);
    }
    if (tooLong > 0) {
        JobHealth j;
        j.tooLong.resize(tooLong);
        jobs.append(j);
    }
    for (int i = 0; i < failureRates; ++i) {
        JobHealth j;
        j.failureRateBreached = true;
        jobs.append(j);
    }
    const SystemHealth system = JobHealthEvaluator::summarize(jobs, incidents);
    QCOMPARE(healthStateName(system.state), healthStateName(state));
    QCOMPARE(system.score, score);
    QCOMPARE(system.criticalStaleJobs, staleCritical);
    QCOMPARE(system.staleJobs, stale);
    QCOMPARE(system.tooLongRuns, tooLong);
    QCOMPARE(system.failureRateBreaches, failureRates);
    QCOMPARE(system.jobs.size(), jobs.size());
}

void TestJobHealth::summaryCountsEachKindOfProblem()
{
    // One job that is stale, runs too long and fails too often counts in each list, and the job list keeps order.
    const qint64 now = utc("2026-12-05T12:00:00Z");
    JobHealthPolicy policy;
    policy.critical = true;
    policy.expectedDurationMs = Minute;
    policy.failureRateThreshold = 0.5;
    policy.failureRateWindow = 10;
    JobActivity activity;
    activity.jobCreatedAt = utc("2026-12-01T00:00:00Z");
    activity.lastSuccessAt = utc("2026-12-05T11:00:00Z");
    activity.running = {{1, now - 2 * Minute}};
    activity.recentOutcomes = outcomes("DDDDDS");
    const JobHealth bad = JobHealthEvaluator::evaluate(job(cron("*/5 * * * *"), "bad"), policy, activity, now);
    QVERIFY(bad.stale);
    QVERIFY(bad.critical);
    QCOMPARE(bad.tooLong.size(), 1);
    QVERIFY(bad.failureRateBreached);
    JobActivity fine;
    fine.jobCreatedAt = activity.jobCreatedAt;
    fine.lastSuccessAt = now - Minute;
    const JobHealth good = JobHealthEvaluator::evaluate(job(cron("*/5 * * * *"), "good"), {}, fine, now);
    QVERIFY(good.isHealthy());
    const SystemHealth system = JobHealthEvaluator::summarize({good, bad}, {});
    QCOMPARE(system.state, HealthState::Critical);
    QCOMPARE(system.criticalStaleJobs, 1);
    QCOMPARE(system.tooLongRuns, 1);
    QCOMPARE(system.failureRateBreaches, 1);
    QCOMPARE(system.score, 100 - 40 - 5 - 10);
    QCOMPARE(system.jobs.at(0).name, QStringLiteral("good"));
}

QTEST_GUILESS_MAIN(TestJobHealth)
#include "tst_jobhealth.moc"
