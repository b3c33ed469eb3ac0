// Who is on call: rotations in order, wall-clock handoffs across DST, hour shifts in real time, layers, overrides,
// restrictions and the gaps they leave.
#include "incidents/oncallresolver.h"
#include "util/zonedtime.h"

#include <QDateTime>
#include <QTest>

using vigia::OnCallLayer;
using vigia::OnCallOverride;
using vigia::OnCallResolver;
using vigia::OnCallSchedule;
using vigia::Rotation;

namespace {

qint64 at(const char *iso)
{
    const QDateTime instant = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(instant.isValid());
    return instant.toMSecsSinceEpoch();
}

OnCallLayer layer(const QStringList &people, Rotation::Unit unit, int length, const QDate &start, int handoffMinute,
                  const char *zone = "UTC")
{
    OnCallLayer layer;
    layer.rotation.participants = people;
    layer.rotation.unit = unit;
    layer.rotation.shiftLength = length;
    layer.rotation.startDate = start;
    layer.rotation.handoffMinute = handoffMinute;
    layer.rotation.timeZone = QString::fromLatin1(zone);
    return layer;
}

QStringList people(const char *names)
{
    return QString::fromLatin1(names).split(QLatin1Char(','));
}

OnCallSchedule schedule(const QVector<OnCallLayer> &layers, const char *zone = "UTC")
{
    OnCallSchedule schedule;
    schedule.name = QStringLiteral("primary");
    schedule.timeZone = QString::fromLatin1(zone);
    schedule.layers = layers;
    return schedule;
}

} // namespace

class TestOnCallResolver : public QObject {
    Q_OBJECT

private slots:
    void weeklyRotationTakesTurnsInOrder();
    void nobodyBeforeTheFirstHandoff();
    void dailyHandoffStaysAtLocalTimeAcrossDst_data();
    void dailyHandoffStaysAtLocalTimeAcrossDst();
    void hourShiftsAreRealTimeAcrossDst();
    void wallTimeInTheDstGapMovesForwardAndRepeatedTimeIsTheFirst();
    void higherLayerWinsWhereItCovers();
    void restrictionWrappingMidnight();
    void overrideWinsForItsPeriodAndLaterOverrideWins();
    void gapsAreReported();
    void layerEndLeavesAGap();
    void timelineIsContiguousAndMerged();
    void validateNamesTheProblem_data();
    void validateNamesTheProblem();
};

void TestOnCallResolver::weeklyRotationTakesTurnsInOrder()
{
    const OnCallResolver resolver(
        schedule({layer(people("ana,bo,cy"), Rotation::Unit::Weeks, 1, QDate(2026, 1, 5), 9 * 60)}));
    QCOMPARE(resolver.at(at("2026-01-05T09:00:00Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2026-01-05T09:00:00Z")).untilMs, at("2026-01-12T09:00:00Z"));
    QCOMPARE(resolver.at(at("2026-01-12T08:59:59Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2026-01-12T09:00:00Z")).user, QStringLiteral("bo"));
    QCOMPARE(resolver.at(at("2026-01-19T10:00:00Z")).user, QStringLiteral("cy"));
    QCOMPARE(resolver.at(at("2026-01-26T09:00:00Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2027-01-04T09:00:00Z")).user, QStringLiteral("bo")); // 52 weeks later: turn 52 % 3
}

void TestOnCallResolver::nobodyBeforeTheFirstHandoff()
{
    const OnCallResolver resolver(
        schedule({layer(people("ana,bo"), Rotation::Unit::Days, 2, QDate(2026, 1, 5), 9 * 60)}));
    const OnCallResolver::Answer before = resolver.at(at("2026-01-05T08:59:00Z"));
    QVERIFY(!before.covered());
    QCOMPARE(before.layer, OnCallResolver::NoLayer);
    QCOMPARE(before.untilMs, at("2026-01-05T09:00:00Z"));
    QCOMPARE(resolver.at(at("2026-01-07T08:59:00Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2026-01-07T09:00:00Z")).user, QStringLiteral("bo"));
}

void TestOnCallResolver::dailyHandoffStaysAtLocalTimeAcrossDst_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<qint64>("handoffAfter"); // the handoff on the day the clocks changed, in UTC
    QTest::newRow("New York, spring forward")
        << QByteArrayLiteral("America/New_York") << QDate(2026, 3, 6) << at("2026-03-08T13:00:00Z");
    QTest::newRow("New York, fall back") << QByteArrayLiteral("America/New_York") << QDate(2026, 10, 30)
                                         << at("2026-11-01T14:00:00Z");
    QTest::newRow("London, spring forward")
        << QByteArrayLiteral("Europe/London") << QDate(2026, 3, 27) << at("2026-03-29T08:00:00Z");
    QTest::newRow("London, fall back") << QByteArrayLiteral("Europe/London") << QDate(2026, 10, 23)
                                       << at("2026-10-25T09:00:00Z");
}

void TestOnCallResolver::dailyHandoffStaysAtLocalTimeAcrossDst()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, start);
    QFETCH(qint64, handoffAfter);
    const OnCallResolver resolver(schedule(
        {layer(people("ana,bo,cy"), Rotation::Unit::Days, 1, start, 9 * 60, zone.constData())}, zone.constData()));
    // Third day: cy takes over at 09:00 local, whatever the offset that day.
    QCOMPARE(resolver.at(handoffAfter - 1).user, QStringLiteral("bo"));
    QCOMPARE(resolver.at(handoffAfter).user, QStringLiteral("cy"));
    QCOMPARE(resolver.at(handoffAfter - 1).untilMs, handoffAfter);
    const QTimeZone tz(zone);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(handoffAfter, tz).time(), QTime(9, 0));
    // Every handoff of the following fortnight is at 09:00 local too.
    for (const OnCallResolver::Segment &segment : resolver.timeline(handoffAfter, handoffAfter + 14 * 86'400'000LL))
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(segment.fromMs, tz).time(), QTime(9, 0));
}

void TestOnCallResolver::hourShiftsAreRealTimeAcrossDst()
{
    // 12-hour shifts from 20:00 EST on 7 March: the night of the change is 12 real hours, so the handoff lands
    // at 09:00 EDT (13:00 UTC), not at 08:00.
    const OnCallResolver resolver(
        schedule({layer(people("ana,bo"), Rotation::Unit::Hours, 12, QDate(2026, 3, 7), 20 * 60, "America/New_York")}));
    QCOMPARE(resolver.at(at("2026-03-08T01:00:00Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2026-03-08T12:59:59Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2026-03-08T13:00:00Z")).user, QStringLiteral("bo"));
    QCOMPARE(resolver.at(at("2026-03-08T12:00:00Z")).untilMs, at("2026-03-08T13:00:00Z"));
}

void TestOnCallResolver::wallTimeInTheDstGapMovesForwardAndRepeatedTimeIsTheFirst()
{
    const QTimeZone newYork("America/New_York");
    // 02:30 does not exist on 8 March 2026: 03:30 EDT.
    QCOMPARE(vigia::zonedToUtcMs(QDate(2026, 3, 8), 2 * 60 + 30, newYork), at("2026-03-08T07:30:00Z"));
    // 01:30 happens twice on 1 November 2026: the first, EDT.
    QCOMPARE(vigia::zonedToUtcMs(QDate(2026, 11, 1), 60 + 30, newYork), at("2026-11-01T05:30:00Z"));
    QCOMPARE(vigia::zonedToUtcMs(QDate(2026, 7, 1), 9 * 60, newYork), at("2026-07-01T13:00:00Z"));
    // A daily handoff at 02:30 falls at 03:30 on the day of the change and at 02:30 again the day after.
    const OnCallResolver resolver(schedule(
        {layer(people("ana,bo"), Rotation::Unit::Days, 1, QDate(2026, 3, 7), 2 * 60 + 30, "America/New_York")}));
    QCOMPARE(resolver.at(at("2026-03-08T07:29:00Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2026-03-08T07:30:00Z")).user, QStringLiteral("bo"));
    QCOMPARE(resolver.at(at("2026-03-09T06:29:00Z")).user, QStringLiteral("bo"));
    QCOMPARE(resolver.at(at("2026-03-09T06:30:00Z")).user, QStringLiteral("ana"));
}

void TestOnCallResolver::higherLayerWinsWhereItCovers()
{
    OnCallLayer business = layer(people("cy"), Rotation::Unit::Weeks, 1, QDate(2026, 1, 5), 0);
    business.restrictStartMinute = 9 * 60;
    business.restrictEndMinute = 17 * 60;
    business.restrictWeekdays = {1, 2, 3, 4, 5};
    const OnCallResolver resolver(
        schedule({layer(people("ana,bo"), Rotation::Unit::Weeks, 1, QDate(2026, 1, 5), 0), business}));
    const OnCallResolver::Answer monday = resolver.at(at("2026-01-05T10:00:00Z"));
    QCOMPARE(monday.user, QStringLiteral("cy"));
    QCOMPARE(monday.layer, 1);
    QCOMPARE(monday.untilMs, at("2026-01-05T17:00:00Z"));
    QCOMPARE(resolver.at(at("2026-01-05T17:00:00Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2026-01-05T17:00:00Z")).layer, 0);
    QCOMPARE(resolver.at(at("2026-01-10T10:00:00Z")).user, QStringLiteral("ana")); // Saturday
    QCOMPARE(resolver.at(at("2026-01-12T10:00:00Z")).user, QStringLiteral("cy"));
    QCOMPARE(resolver.at(at("2026-01-12T18:00:00Z")).user, QStringLiteral("bo"));
}

void TestOnCallResolver::restrictionWrappingMidnight()
{
    OnCallLayer night = layer(people("nia"), Rotation::Unit::Weeks, 1, QDate(2026, 1, 1), 0, "Europe/London");
    night.restrictStartMinute = 22 * 60;
    night.restrictEndMinute = 6 * 60;
    night.restrictWeekdays = {5}; // Friday night only
    const OnCallResolver resolver(schedule({night}, "Europe/London"));
    QVERIFY(!resolver.at(at("2026-01-08T23:00:00Z")).covered()); // Thursday night
    QCOMPARE(resolver.at(at("2026-01-09T23:00:00Z")).user, QStringLiteral("nia"));
    QCOMPARE(resolver.at(at("2026-01-10T05:59:00Z")).user, QStringLiteral("nia")); // Saturday morning, still Friday's
    QCOMPARE(resolver.at(at("2026-01-10T05:59:00Z")).untilMs, at("2026-01-10T06:00:00Z"));
    QVERIFY(!resolver.at(at("2026-01-10T06:00:00Z")).covered());
    // In summer the window is 22:00 BST, 21:00 UTC.
    QCOMPARE(resolver.at(at("2026-07-03T21:00:00Z")).user, QStringLiteral("nia"));
    QVERIFY(!resolver.at(at("2026-07-03T20:59:00Z")).covered());
}

void TestOnCallResolver::overrideWinsForItsPeriodAndLaterOverrideWins()
{
    OnCallSchedule withOverrides = schedule({layer(people("ana,bo"), Rotation::Unit::Weeks, 1, QDate(2026, 1, 5), 0)});
    withOverrides.overrides = {
        OnCallOverride{QStringLiteral("zed"), at("2026-01-06T00:00:00Z"), at("2026-01-07T00:00:00Z")},
        OnCallOverride{QStringLiteral("yan"), at("2026-01-06T12:00:00Z"), at("2026-01-06T13:00:00Z")}};
    const OnCallResolver resolver(withOverrides);
    QCOMPARE(resolver.at(at("2026-01-05T23:59:00Z")).user, QStringLiteral("ana"));
    QCOMPARE(resolver.at(at("2026-01-05T23:59:00Z")).untilMs, at("2026-01-06T00:00:00Z"));
    const OnCallResolver::Answer overridden = resolver.at(at("2026-01-06T00:00:00Z"));
    QCOMPARE(overridden.user, QStringLiteral("zed"));
    QCOMPARE(overridden.layer, OnCallResolver::OverrideLayer);
    QCOMPARE(resolver.at(at("2026-01-06T12:30:00Z")).user, QStringLiteral("yan"));
    QCOMPARE(resolver.at(at("2026-01-06T13:00:00Z")).user, QStringLiteral("zed"));
    QCOMPARE(resolver.at(at("2026-01-07T00:00:00Z")).user, QStringLiteral("ana"));
}

void TestOnCallResolver::gapsAreReported()
{
    OnCallLayer business = layer(people("cy"), Rotation::Unit::Weeks, 1, QDate(2026, 1, 5), 0, "America/New_York");
    business.restrictStartMinute = 9 * 60;
    business.restrictEndMinute = 17 * 60;
    business.restrictWeekdays = {1, 2, 3, 4, 5};
    const OnCallResolver resolver(schedule({business}, "America/New_York"));
    const QVector<OnCallResolver::Segment> gaps = resolver.gaps(at("2026-01-05T05:00:00Z"), at("2026-01-07T05:00:00Z"));
    QCOMPARE(gaps.size(), 3);
    QCOMPARE(gaps.at(0).fromMs, at("2026-01-05T05:00:00Z"));
    QCOMPARE(gaps.at(0).toMs, at("2026-01-05T14:00:00Z"));
    QCOMPARE(gaps.at(1).fromMs, at("2026-01-05T22:00:00Z"));
    QCOMPARE(gaps.at(1).toMs, at("2026-01-06T14:00:00Z"));
    QCOMPARE(gaps.at(2).fromMs, at("2026-01-06T22:00:00Z"));
    QCOMPARE(gaps.at(2).toMs, at("2026-01-07T05:00:00Z"));
    // A weekend is one gap from Friday 17:00 to Monday 09:00.
    const QVector<OnCallResolver::Segment> weekend =
        resolver.gaps(at("2026-01-09T15:00:00Z"), at("2026-01-12T20:00:00Z"));
    QCOMPARE(weekend.size(), 1);
    QCOMPARE(weekend.at(0).fromMs, at("2026-01-09T22:00:00Z"));
    QCOMPARE(weekend.at(0).toMs, at("2026-01-12T14:00:00Z"));
    // Full coverage: no gaps.
    const OnCallResolver always(schedule({layer(people("ana"), Rotation::Unit::Days, 1, QDate(2026, 1, 1), 0)}));
    QVERIFY(always.gaps(at("2026-02-01T00:00:00Z"), at("2026-03-01T00:00:00Z")).isEmpty());
}

void TestOnCallResolver::layerEndLeavesAGap()
{
    OnCallLayer ending = layer(people("ana"), Rotation::Unit::Days, 1, QDate(2026, 1, 1), 0);
    ending.endsAtMs = at("2026-01-10T00:00:00Z");
    const OnCallResolver resolver(schedule({ending}));
    QCOMPARE(resolver.at(at("2026-01-09T23:00:00Z")).untilMs, at("2026-01-10T00:00:00Z"));
    QVERIFY(!resolver.at(at("2026-01-10T00:00:00Z")).covered());
    const QVector<OnCallResolver::Segment> gaps = resolver.gaps(at("2026-01-09T00:00:00Z"), at("2026-01-11T00:00:00Z"));
    QCOMPARE(gaps.size(), 1);
    QCOMPARE(gaps.at(0).fromMs, at("2026-01-10T00:00:00Z"));
    QCOMPARE(gaps.at(0).toMs, at("2026-01-11T00:00:00Z"));
}

void TestOnCallResolver::timelineIsContiguousAndMerged()
{
    // One participant in daily shifts: handoffs to the same person merge into one segment.
    const OnCallResolver single(schedule({layer(people("ana"), Rotation::Unit::Days, 1, QDate(2026, 1, 1), 9 * 60)}));
    const QVector<OnCallResolver::Segment> merged =
        single.timeline(at("2026-01-02T00:00:00Z"), at("2026-01-20T00:00:00Z"));
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.at(0).user, QStringLiteral("ana"));
    const OnCallResolver resolver(
        schedule({layer(people("ana,bo,cy"), Rotation::Unit::Days, 1, QDate(2026, 1, 1), 9 * 60, "Europe/London")}));
    const qint64 from = at("2026-03-20T00:00:00Z");
    const qint64 to = at("2026-04-10T00:00:00Z");
    const QVector<OnCallResolver::Segment> segments = resolver.timeline(from, to);
    QCOMPARE(segments.first().fromMs, from);
    QCOMPARE(segments.last().toMs, to);
    for (int i = 1; i < segments.size(); ++i) {
        QCOMPARE(segments.at(i).fromMs, segments.at(i - 1).toMs);
        QVERIFY(segments.at(i).user != segments.at(i - 1).user);
    }
    QCOMPARE(segments.size(), 22); // 21 handoffs in three weeks
}

void TestOnCallResolver::validateNamesTheProblem_data()
{
    QTest::addColumn<int>("breakage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("schedule zone") << 0 << QStringLiteral("unknown time zone \"Mars/Olympus\"");
    QTest::newRow("no participants") << 1 << QStringLiteral("layer 1: a rotation needs at least one participant");
    QTest::newRow("shift length") << 2 << QStringLiteral("layer 1: the shift length must be at least 1");
    QTest::newRow("rotation zone") << 3 << QStringLiteral("layer 1: unknown time zone \"Nowhere/Town\"");
    QTest::newRow("override backwards") << 4 << QStringLiteral("the override for zed ends before it starts");
    QTest::newRow("start date") << 5 << QStringLiteral("layer 1: a rotation needs a start date");
}

void TestOnCallResolver::validateNamesTheProblem()
{
    QFETCH(int, breakage);
    QFETCH(QString, expected);
    OnCallSchedule broken = schedule({layer(people("ana"), Rotation::Unit::Days, 1, QDate(2026, 1, 1), 0)});
    QVERIFY(OnCallResolver::validate(broken).isEmpty());
    switch (breakage) {
    case 0:
        broken.timeZone = QStringLiteral("Mars/Olympus");
        break;
    case 1:
        broken.layers[0].rotation.participants.clear();
        break;
    case 2:
        broken.layers[0].rotation.shiftLength = 0;
        break;
    case 3:
        broken.layers[0].rotation.timeZone = QStringLiteral("Nowhere/Town");
        break;
    case 4:
        broken.overrides = {OnCallOverride{QStringLiteral("zed"), 2000, 1000}};
        break;
    default:
        broken.layers[0].rotation.startDate = QDate();
        break;
    }
    QCOMPARE(OnCallResolver::validate(broken), expected);
}

QTEST_GUILESS_MAIN(TestOnCallResolver)
#include "tst_oncallresolver.moc"
