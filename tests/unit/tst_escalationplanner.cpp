// Escalation timing: which level is due when, repeats, the end of the chain to the final role, manual escalation,
// and how targets become people.
#include "incidents/escalationplanner.h"

#include <QTest>

using vigia::EscalationPlanner;
using vigia::EscalationPolicy;
using vigia::EscalationStep;
using vigia::EscalationTarget;
using vigia::Role;
using vigia::User;

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 T0 = 1'780'000'000'000;

EscalationTarget userTarget(const char *name)
{
    EscalationTarget target;
    target.kind = EscalationTarget::Kind::User;
    target.name = QString::fromLatin1(name);
    return target;
}

EscalationPolicy twoSteps(int repeat = 0)
{
    EscalationPolicy policy;
    policy.name = QStringLiteral("default");
    policy.steps = {EscalationStep{10 * Minute, {userTarget("ana")}}, EscalationStep{20 * Minute, {userTarget("bo")}}};
    policy.repeat = repeat;
    return policy;
}

User user(const char *name, Role role)
{
    User user;
    user.name = QString::fromLatin1(name);
    user.role = role;
    return user;
}

} // namespace

class TestEscalationPlanner : public QObject {
    Q_OBJECT

private slots:
    void levelDueAt_data();
    void levelDueAt();
    void repeatRunsThePassAgain();
    void chainEndNotifiesTheFinalRole();
    void advanceFromALevelCatchesUp();
    void manualEscalationMovesToTheNextStepNow();
    void policyWithoutStepsGoesStraightToTheFinalRole();
    void recipientsFromUsersSchedulesAndRoles();
};

void TestEscalationPlanner::levelDueAt_data()
{
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<int>("level");
    QTest::addColumn<qint64>("startedAfter");
    QTest::addColumn<qint64>("nextAfter"); // -1: chain ended
    QTest::newRow("at trigger: step 1") << qint64(0) << 0 << qint64(0) << 10 * Minute;
    QTest::newRow("just before step 2") << 10 * Minute - 1 << 0 << qint64(0) << 10 * Minute;
    QTest::newRow("step 2 on time") << 10 * Minute << 1 << 10 * Minute << 30 * Minute;
    QTest::newRow("within step 2") << 25 * Minute << 1 << 10 * Minute << 30 * Minute;
    QTest::newRow("chain end") << 30 * Minute << 2 << 30 * Minute << qint64(-1);
    QTest::newRow("long after") << 1000 * Minute << 2 << 30 * Minute << qint64(-1);
}

void TestEscalationPlanner::levelDueAt()
{
    QFETCH(qint64, elapsed);
    QFETCH(int, level);
    QFETCH(qint64, startedAfter);
    QFETCH(qint64, nextAfter);
    const EscalationPlanner planner(twoSteps());
    QCOMPARE(planner.levelCount(), 3);
    const EscalationPlanner::Plan plan = planner.advance(EscalationPlanner::NotStarted, T0, T0 + elapsed);
    QCOMPARE(plan.fromLevel, EscalationPlanner::NotStarted);
    QVERIFY(plan.advanced());
    QCOMPARE(plan.level, level);
    QCOMPARE(plan.levelStartedAtMs, T0 + startedAfter);
    QCOMPARE(plan.nextEscalationAtMs, nextAfter < 0 ? -1 : T0 + nextAfter);
}

void TestEscalationPlanner::repeatRunsThePassAgain()
{
    const EscalationPlanner planner(twoSteps(2));
    QCOMPARE(planner.levelCount(), 7);
    QCOMPARE(planner.describe(2).step, 0);
    QCOMPARE(planner.describe(2).pass, 1);
    QCOMPARE(planner.describe(5).step, 1);
    QCOMPARE(planner.describe(5).pass, 2);
    QVERIFY(planner.describe(6).final);
    QCOMPARE(planner.targets(2), QVector<EscalationTarget>{userTarget("ana")});
    QCOMPARE(planner.advance(EscalationPlanner::NotStarted, T0, T0 + 35 * Minute).level, 2); // ana again
    QCOMPARE(planner.advance(EscalationPlanner::NotStarted, T0, T0 + 60 * Minute).level, 4); // third pass
    const EscalationPlanner::Plan end = planner.advance(EscalationPlanner::NotStarted, T0, T0 + 90 * Minute);
    QCOMPARE(end.level, 6);
    QCOMPARE(end.levelStartedAtMs, T0 + 90 * Minute);
    QCOMPARE(end.nextEscalationAtMs, -1);
}

void TestEscalationPlanner::chainEndNotifiesTheFinalRole()
{
    EscalationPolicy policy = twoSteps();
    QCOMPARE(EscalationPlanner(policy).targets(2).size(), 1);
    QCOMPARE(EscalationPlanner(policy).targets(2).first().kind, EscalationTarget::Kind::Role);
    QCOMPARE(EscalationPlanner(policy).targets(2).first().role, Role::Admin);
    policy.finalRole = Role::Operator;
    const EscalationPlanner planner(policy);
    QCOMPARE(planner.targets(planner.finalLevel()).first().role, Role::Operator);
    QCOMPARE(planner.delayMs(planner.finalLevel()), -1);
    // Nothing moves past the final level.
    const EscalationPlanner::Plan stay = planner.advance(2, T0, T0 + 1000 * Minute);
    QVERIFY(!stay.advanced());
    QCOMPARE(stay.levelStartedAtMs, T0);
}

void TestEscalationPlanner::advanceFromALevelCatchesUp()
{
    const EscalationPlanner planner(twoSteps());
    const EscalationPlanner::Plan waiting = planner.advance(0, T0, T0 + 9 * Minute);
    QVERIFY(!waiting.advanced());
    QCOMPARE(waiting.nextEscalationAtMs, T0 + 10 * Minute);
    // The escalator was away for an hour: both remaining levels passed, and it says from where.
    const EscalationPlanner::Plan late = planner.advance(0, T0, T0 + 60 * Minute);
    QCOMPARE(late.fromLevel, 0);
    QCOMPARE(late.level, 2);
    QCOMPARE(late.levelStartedAtMs, T0 + 30 * Minute);
}

void TestEscalationPlanner::manualEscalationMovesToTheNextStepNow()
{
    const EscalationPlanner planner(twoSteps());
    const EscalationPlanner::Plan manual = planner.escalateNow(0, T0, T0 + 2 * Minute);
    QCOMPARE(manual.level, 1);
    QCOMPARE(manual.levelStartedAtMs, T0 + 2 * Minute);
    QCOMPARE(manual.nextEscalationAtMs, T0 + 22 * Minute); // step 2's own delay, from now
    QCOMPARE(planner.escalateNow(EscalationPlanner::NotStarted, T0, T0 + Minute).level, 0);
    const EscalationPlanner::Plan atEnd = planner.escalateNow(2, T0, T0 + Minute);
    QVERIFY(!atEnd.advanced());
}

void TestEscalationPlanner::policyWithoutStepsGoesStraightToTheFinalRole()
{
    EscalationPolicy empty;
    empty.name = QStringLiteral("admins only");
    const EscalationPlanner planner(empty);
    QCOMPARE(planner.levelCount(), 1);
    const EscalationPlanner::Plan plan = planner.advance(EscalationPlanner::NotStarted, T0, T0);
    QCOMPARE(plan.level, 0);
    QVERIFY(planner.describe(0).final);
    QCOMPARE(plan.nextEscalationAtMs, -1);
}

void TestEscalationPlanner::recipientsFromUsersSchedulesAndRoles()
{
    const QVector<User> users = {user("ana", Role::Operator), user("bo", Role::Admin), user("cy", Role::Admin),
                                 user("dee", Role::Viewer)};
    vigia::OnCallSchedule primary;
    primary.name = QStringLiteral("primary");
    vigia::OnCallLayer layer;
    layer.rotation.participants = {QStringLiteral("cy")};
    layer.rotation.startDate = QDate(2020, 1, 1);
    primary.layers = {layer};
    vigia::OnCallSchedule empty;
    empty.name = QStringLiteral("empty");
    const QHash<QString, vigia::OnCallSchedule> schedules = {{primary.name, primary}, {empty.name, empty}};

    EscalationTarget onCall;
    onCall.kind = EscalationTarget::Kind::Schedule;
    onCall.name = QStringLiteral("primary");
    EscalationTarget admins;
    admins.kind = EscalationTarget::Kind::Role;
    admins.role = Role::Admin;
    EscalationTarget nobody = onCall;
    nobody.name = QStringLiteral("empty");
    QStringList unresolved;
    const QVector<vigia::Recipient> recipients =
        vigia::resolveRecipients({onCall, userTarget("ana"), admins, userTarget("ghost"), nobody},
                                 QStringLiteral("step 1"), users, schedules, T0, &unresolved);
    QCOMPARE(recipients.size(), 3); // cy once, though on call and admin
    QCOMPARE(recipients.at(0).user, QStringLiteral("cy"));
    QCOMPARE(recipients.at(0).reason, QStringLiteral("step 1: schedule primary"));
    QCOMPARE(recipients.at(1).user, QStringLiteral("ana"));
    QCOMPARE(recipients.at(2).user, QStringLiteral("bo"));
    QCOMPARE(recipients.at(2).reason, QStringLiteral("step 1: role admin"));
    QCOMPARE(unresolved, QStringList({QStringLiteral("step 1: user ghost: unknown user"),
                                      QStringLiteral("step 1: schedule empty: nobody is on call")}));
}

QTEST_GUILESS_MAIN(TestEscalationPlanner)
#include "tst_escalationplanner.moc"
