// Do-not-disturb windows in the user's own zone: weekdays, windows past midnight, DST, and critical breakthrough.
#include "notify/donotdisturb.h"

#include <QDateTime>
#include <QTest>

using vigia::DndWindow;
using vigia::DoNotDisturb;
using vigia::User;

namespace {

qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

User sleeper(const char *zone, int startMinute, int endMinute, QVector<int> weekdays = {1, 2, 3, 4, 5, 6, 7})
{
    User user;
    user.name = QStringLiteral("ana");
    user.timeZone = QString::fromLatin1(zone);
    DndWindow window;
    window.startMinute = startMinute;
    window.endMinute = endMinute;
    window.weekdays = weekdays;
    user.doNotDisturb = {window};
    return user;
}

} // namespace

class TestDoNotDisturb : public QObject {
    Q_OBJECT

private slots:
    void quietInTheUsersOwnZone_data();
    void quietInTheUsersOwnZone();
    void wrappingWindowBelongsToTheDayItStarts();
    void quietUntilChainsWindows();
    void criticalBreaksThroughOnlyWhenAllowed();
    void noWindowsNeverQuiet();
};

void TestDoNotDisturb::quietInTheUsersOwnZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("instant");
    QTest::addColumn<bool>("quiet");
    // 22:00-07:00 local, every day.
    QTest::newRow("Sao Paulo 23:00 local")
        << QByteArrayLiteral("America/Sao_Paulo") << at("2026-05-06T02:00:00Z") << true;
    QTest::newRow("Sao Paulo 21:59 local")
        << QByteArrayLiteral("America/Sao_Paulo") << at("2026-05-06T00:59:00Z") << false;
    QTest::newRow("Sao Paulo 06:59 local")
        << QByteArrayLiteral("America/Sao_Paulo") << at("2026-05-06T09:59:00Z") << true;
    QTest::newRow("Sao Paulo 07:00 local")
        << QByteArrayLiteral("America/Sao_Paulo") << at("2026-05-06T10:00:00Z") << false;
    QTest::newRow("New York winter 22:30 EST")
        << QByteArrayLiteral("America/New_York") << at("2026-01-07T03:30:00Z") << true;
    QTest::newRow("New York summer 22:30 EDT")
        << QByteArrayLiteral("America/New_York") << at("2026-07-07T02:30:00Z") << true;
    QTest::newRow("New York summer 21:30 EDT")
        << QByteArrayLiteral("America/New_York") << at("2026-07-07T01:30:00Z") << false;
    QTest::newRow("unknown zone counts as UTC")
        << QByteArrayLiteral("Nowhere/Town") << at("2026-07-07T23:00:00Z") << true;
}

void TestDoNotDisturb::quietInTheUsersOwnZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(qint64, instant);
    QFETCH(bool, quiet);
    QCOMPARE(DoNotDisturb::isQuiet(sleeper(zone.constData(), 22 * 60, 7 * 60), instant), quiet);
}

void TestDoNotDisturb::wrappingWindowBelongsToTheDayItStarts()
{
    // Friday 22:00 to Saturday 07:00 only, in London.
    const User user = sleeper("Europe/London", 22 * 60, 7 * 60, {5});
    QVERIFY(DoNotDisturb::isQuiet(user, at("2026-01-09T23:00:00Z")));  // Friday night
    QVERIFY(DoNotDisturb::isQuiet(user, at("2026-01-10T06:59:00Z")));  // Saturday morning, Friday's window
    QVERIFY(!DoNotDisturb::isQuiet(user, at("2026-01-10T23:00:00Z"))); // Saturday night
    QVERIFY(!DoNotDisturb::isQuiet(user, at("2026-01-09T06:00:00Z"))); // Friday morning: Thursday had none
    QCOMPARE(DoNotDisturb::quietUntil(user, at("2026-01-09T23:00:00Z")), at("2026-01-10T07:00:00Z"));
}

void TestDoNotDisturb::quietUntilChainsWindows()
{
    User user = sleeper("UTC", 22 * 60, 7 * 60);
    DndWindow morning;
    morning.startMinute = 7 * 60;
    morning.endMinute = 9 * 60;
    user.doNotDisturb.append(morning);
    QCOMPARE(DoNotDisturb::quietUntil(user, at("2026-01-09T23:00:00Z")), at("2026-01-10T09:00:00Z"));
    QCOMPARE(DoNotDisturb::quietUntil(user, at("2026-01-10T12:00:00Z")), at("2026-01-10T12:00:00Z"));
}

void TestDoNotDisturb::criticalBreaksThroughOnlyWhenAllowed()
{
    const User user = sleeper("UTC", 22 * 60, 7 * 60);
    const qint64 night = at("2026-01-09T23:00:00Z");
    const qint64 day = at("2026-01-09T12:00:00Z");
    QCOMPARE(DoNotDisturb::decide(user, night, false, true), DoNotDisturb::Decision::Silence);
    QCOMPARE(DoNotDisturb::decide(user, night, true, false), DoNotDisturb::Decision::Silence);
    QCOMPARE(DoNotDisturb::decide(user, night, true, true), DoNotDisturb::Decision::BreakThrough);
    QCOMPARE(DoNotDisturb::decide(user, day, false, false), DoNotDisturb::Decision::Deliver);
    QCOMPARE(DoNotDisturb::decide(user, day, true, true), DoNotDisturb::Decision::Deliver);
}

void TestDoNotDisturb::noWindowsNeverQuiet()
{
    User user;
    user.name = QStringLiteral("bo");
    QVERIFY(!DoNotDisturb::isQuiet(user, at("2026-01-09T23:00:00Z")));
    // A window of no length is no window.
    QVERIFY(!DoNotDisturb::isQuiet(sleeper("UTC", 600, 600), at("2026-01-09T10:00:00Z")));
}

QTEST_GUILESS_MAIN(TestDoNotDisturb)
#include "tst_donotdisturb.moc"
