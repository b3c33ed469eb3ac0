// On-call on every Store backend (migration 8): schedules and escalation policies declared through
// applyDeclarations() (validated, idempotent, audited, pruned, read back), a job's escalation policy reaching its
// incidents, the escalator's guarded moves with their deliveries and timeline rows, and deliveries claimed once
// and their attempts recorded.
#include "storefixture.h"

#include "store/incidentcommand.h"
#include "store/oncallcodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
const Actor Operator{QStringLiteral("tester")};
constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Minute = 60'000;

OnCallSchedule primary()
{
    OnCallSchedule s;
    s.name = QStringLiteral("primary");
    s.description = QStringLiteral("first line");
    s.timeZone = QStringLiteral("Europe/Berlin");
    OnCallLayer weekly;
    weekly.name = QStringLiteral("weekly");
    weekly.rotation.participants = {QStringLiteral("alice"), QStringLiteral("bob")};
    weekly.rotation.unit = Rotation::Unit::Weeks;
    weekly.rotation.handoffMinute = 9 * 60;
    weekly.rotation.startDate = QDate(2026, 1, 5);
    weekly.rotation.timeZone = QStringLiteral("Europe/Berlin");
    OnCallLayer nights = weekly;
    nights.name = QStringLiteral("nights");
    nights.rotation.participants = {QStringLiteral("carol")};
    nights.restrictStartMinute = 22 * 60;
    nights.restrictEndMinute = 6 * 60;
    nights.restrictWeekdays = {1, 2, 3, 4, 5};
    s.layers = {weekly, nights};
    s.overrides = {OnCallOverride{QStringLiteral("dora"), T0, T0 + 60 * Minute}};
    return s;
}

EscalationPolicy ops()
{
    EscalationPolicy p;
    p.name = QStringLiteral("ops");
    p.description = QStringLiteral("page the on-call, then the team lead");
    EscalationStep first;
    first.delayMs = 10 * Minute;
    first.targets = {EscalationTarget{EscalationTarget::Kind::Schedule, QStringLiteral("primary"), Role::Admin}};
    EscalationStep second;
    second.delayMs = 20 * Minute;
    second.targets = {EscalationTarget{EscalationTarget::Kind::User, QStringLiteral("erin"), Role::Admin},
                      EscalationTarget{EscalationTarget::Kind::Role, {}, Role::Operator}};
    p.steps = {first, second};
    p.repeat = 2;
    p.finalRole = Role::Admin;
    return p;
}

JobDef job(const char *name, const QString &policy = {})
{
    JobDef j;
    j.name = QLatin1String(name);
    j.kind = QStringLiteral("noop");
    j.escalationPolicy = policy;
    return j;
}

Declarations declarations()
{
    Declarations d;
    d.jobs = {job("backup", QStringLiteral("ops"))};
    d.schedules = {primary()};
    d.escalationPolicies = {ops()};
    return d;
}

QStringList describe(const ApplyResult &result)
{
    QStringList lines;
    for (const DeclarationChange &c : result.changes) {
        const QString line = declarationActionName(c.action) + u' ' + declarationObjectName(c.object) + u' ' + c.name +
                             u' ' + c.fields.join(u',');
        lines << line.trimmed();
    }
    return lines;
}

QStringList auditActions(Store &store, int limit)
{
    QStringList actions;
    for (const AuditEntry &entry : store.auditLog(limit))
        actions.prepend(entry.action + u' ' + entry.target);
    return actions;
}

NotificationDelivery delivery(const char *recipient, ContactChannel::Kind channel,
                              NotificationDelivery::Status status = NotificationDelivery::Status::Pending)
{
    NotificationDelivery d;
    d.level = 0;
    d.recipient = QLatin1String(recipient);
    d.channel = channel;
    d.address = channel == ContactChannel::Kind::Webhook ? QStringLiteral("http://127.0.0.1:9/hook") : QString();
    d.format = channel == ContactChannel::Kind::Webhook ? QStringLiteral("slack") : QString();
    d.severity = QStringLiteral("high");
    d.status = status;
    d.message.subject = QStringLiteral("[high] backup failed");
    d.message.text = QStringLiteral("text");
    d.message.html = QStringLiteral("<p>html</p>");
    d.message.summary = QStringLiteral("backup failed");
    return d;
}

QStringList eventKinds(const QVector<IncidentEvent> &events)
{
    QStringList kinds;
    for (const IncidentEvent &e : events)
        kinds << incidentEventKindName(e.kind);
    return kinds;
}
} // namespace

class TestStoreOnCall : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void migrationAddsTheOnCallSchema();
    void applyCreatesReadsBackAndIsIdempotent();
    void applyUpdatesOnlyChangedFieldsAndPrunes();
    void applyDryRunWritesNothing();
    void applyRejectsInvalidOnCallWritingNothing_data();
    void applyRejectsInvalidOnCallWritingNothing();
    void incidentTakesItsJobsEscalationPolicy();
    void escalationIsRecordedOnceWithDeliveriesAndTimeline();
    void acknowledgedOrSnoozedIncidentsAreNotEscalated();
    void unassignedIncidentsAreAdoptedOnlyWhenAsked();
    void deliveriesAreClaimedOnceAndAttemptsRecorded();

private:
    qint64 raise(const char *key, qint64 jobId = 0);
    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;
};

void TestStoreOnCall::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : availableBackends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void TestStoreOnCall::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fixture = makeFixture(backend);
    m_store = m_fixture->open();
}

void TestStoreOnCall::cleanup()
{
    m_store.reset();
    m_fixture.reset();
}

qint64 TestStoreOnCall::raise(const char *key, qint64 jobId)
{
    IncidentTrigger t;
    t.dedupKey = QLatin1String(key);
    t.source = IncidentSource::DeadRun;
    t.title = QStringLiteral("run went dead");
    t.jobId = jobId;
    return m_store->raiseIncident(t, T0).id;
}

void TestStoreOnCall::migrationAddsTheOnCallSchema()
{
    QVERIFY(m_store->latestSchemaVersion() >= 8);
    QCOMPARE(m_store->schemaVersion(), m_store->latestSchemaVersion());
    QVERIFY(m_store->onCallSchedules().isEmpty());
    QVERIFY(m_store->escalationPolicies().isEmpty());
    QVERIFY(m_store->deliveries({}).isEmpty());
    QCOMPARE(m_store->nextDeliveryDueAt(), 0);
    const qint64 id = raise("dead:x");
    QCOMPARE(m_store->incident(id)->escalationLevel, -1);
    QCOMPARE(m_store->incident(id)->escalationLevelAt, 0);
}

void TestStoreOnCall::applyCreatesReadsBackAndIsIdempotent()
{
    const ApplyResult first = m_store->applyDeclarations(declarations(), false, false, Operator, T0);
    QCOMPARE(describe(first),
             QStringList({QStringLiteral("create job backup"), QStringLiteral("create schedule primary"),
                          QStringLiteral("create escalation_policy ops")}));
    const QVector<OnCallSchedule> schedules = m_store->onCallSchedules();
    QCOMPARE(schedules.size(), 1);
    QVERIFY(sameSchedule(schedules.at(0), primary()));
    QCOMPARE(schedules.at(0).layers.at(1).restrictWeekdays, QVector<int>({1, 2, 3, 4, 5}));
    QCOMPARE(schedules.at(0).overrides.at(0).endMs, T0 + 60 * Minute);
    const QVector<EscalationPolicy> policies = m_store->escalationPolicies();
    QCOMPARE(policies.size(), 1);
    QVERIFY(samePolicy(policies.at(0), ops()));
    QCOMPARE(policies.at(0).steps.at(1).targets.at(1).role, Role::Operator);
    QCOMPARE(m_store->jobByName(QStringLiteral("backup"))->escalationPolicy, QStringLiteral("ops"));
    QCOMPARE(auditActions(*m_store, 3),
             QStringList({QStringLiteral("job.create job:backup"), QStringLiteral("schedule.create schedule:primary"),
                          QStringLiteral("escalation_policy.create escalation_policy:ops")}));

    const int auditRows = m_store->auditLog(1000).size();
    const ApplyResult second = m_store->applyDeclarations(declarations(), false, false, Operator, T0 + 1);
    QVERIFY(!second.hasChanges());
    QCOMPARE(m_store->auditLog(1000).size(), auditRows);
}

void TestStoreOnCall::applyUpdatesOnlyChangedFieldsAndPrunes()
{
    Declarations d = declarations();
    OnCallSchedule spare;
    spare.name = QStringLiteral("spare");
    m_store->applyDeclarations(d, false, false, Operator, T0);
    d.schedules.append(spare);
    m_store->applyDeclarations(d, false, false, Operator, T0);

    d = declarations();
    d.schedules[0].overrides.clear();
    d.schedules[0].timeZone = QStringLiteral("UTC");
    d.escalationPolicies[0].repeat = 0;
    d.jobs[0].escalationPolicy.clear();
    const ApplyResult changed = m_store->applyDeclarations(d, true, false, Operator, T0 + 1);
    QCOMPARE(describe(changed), QStringList({QStringLiteral("update job backup escalation_policy"),
                                             QStringLiteral("update schedule primary time_zone,overrides"),
                                             QStringLiteral("delete schedule spare"),
                                             QStringLiteral("update escalation_policy ops repeat")}));
    QCOMPARE(m_store->onCallSchedules().size(), 1);
    QVERIFY(m_store->onCallSchedules().at(0).overrides.isEmpty());
    QCOMPARE(m_store->escalationPolicies().at(0).repeat, 0);
    QVERIFY(m_store->jobByName(QStringLiteral("backup"))->escalationPolicy.isEmpty());
    QVERIFY(auditActions(*m_store, 4).contains(QStringLiteral("schedule.delete schedule:spare")));

    d.escalationPolicies.clear();
    d.schedules.clear();
    m_store->applyDeclarations(d, true, false, Operator, T0 + 2);
    QVERIFY(m_store->onCallSchedules().isEmpty());
    QVERIFY(m_store->escalationPolicies().isEmpty());
}

void TestStoreOnCall::applyDryRunWritesNothing()
{
    const ApplyResult dry = m_store->applyDeclarations(declarations(), false, true, Operator, T0);
    QVERIFY(dry.dryRun);
    QCOMPARE(dry.count(DeclarationChange::Action::Create), 3);
    QVERIFY(m_store->onCallSchedules().isEmpty());
    QVERIFY(m_store->escalationPolicies().isEmpty());
    QVERIFY(m_store->auditLog(10).isEmpty());
}

void TestStoreOnCall::applyRejectsInvalidOnCallWritingNothing_data()
{
    QTest::addColumn<int>("breakage");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown zone") << 0 << QStringLiteral("unknown time zone \"Mars/Olympus\"");
    QTest::newRow("no participants") << 1 << QStringLiteral("needs at least one participant");
    QTest::newRow("unknown schedule target") << 2 << QStringLiteral("schedule \"secondary\" is neither declared");
    QTest::newRow("no steps") << 3 << QStringLiteral("has no steps");
    QTest::newRow("unknown policy on a job") << 4 << QStringLiteral("escalation policy \"nope\"");
    QTest::newRow("negative delay") << 5 << QStringLiteral("the delay cannot be negative");
    QTest::newRow("duplicate schedule") << 6 << QStringLiteral("declared twice");
    QTest::newRow("repeat too high") << 7 << QStringLiteral("repeat must be between 0 and 100");
}

void TestStoreOnCall::applyRejectsInvalidOnCallWritingNothing()
{
    QFETCH(int, breakage);
    QFETCH(QString, message);
    Declarations d = declarations();
    switch (breakage) {
    case 0:
        d.schedules[0].layers[0].rotation.timeZone = QStringLiteral("Mars/Olympus");
        break;
    case 1:
        d.schedules[0].layers[1].rotation.participants.clear();
        break;
    case 2:
        d.escalationPolicies[0].steps[0].targets[0].name = QStringLiteral("secondary");
        break;
    case 3:
        d.escalationPolicies[0].steps.clear();
        break;
    case 4:
        d.jobs[0].escalationPolicy = QStringLiteral("nope");
        break;
    case 5:
        d.escalationPolicies[0].steps[1].delayMs = -1;
        break;
    case 6:
        d.schedules.append(primary());
        break;
    case 7:
        d.escalationPolicies[0].repeat = 101;
        break;
    }
    try {
        m_store->applyDeclarations(d, false, false, Operator, T0);
        QFAIL("applied invalid declarations");
    } catch (const StoreError &e) {
        QCOMPARE(e.kind(), StoreError::Kind::Invalid);
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    QVERIFY(m_store->jobs().isEmpty());
    QVERIFY(m_store->onCallSchedules().isEmpty());
    QVERIFY(m_store->escalationPolicies().isEmpty());
    QVERIFY(m_store->auditLog(10).isEmpty());
}

void TestStoreOnCall::incidentTakesItsJobsEscalationPolicy()
{
    Declarations d = declarations();
    d.jobs.append(job("plain"));
    m_store->applyDeclarations(d, false, false, Operator, T0);
    const qint64 withPolicy = raise("dead:backup", m_store->jobByName(QStringLiteral("backup"))->id);
    const qint64 without = raise("dead:plain", m_store->jobByName(QStringLiteral("plain"))->id);
    QCOMPARE(m_store->incident(withPolicy)->escalationPolicy, QStringLiteral("ops"));
    QCOMPARE(m_store->incident(withPolicy)->nextEscalationAt, T0);
    QVERIFY(m_store->incident(without)->escalationPolicy.isEmpty());
    QCOMPARE(m_store->incident(without)->nextEscalationAt, 0);
}

void TestStoreOnCall::escalationIsRecordedOnceWithDeliveriesAndTimeline()
{
    m_store->applyDeclarations(declarations(), false, false, Operator, T0);
    const qint64 id = raise("dead:backup", m_store->jobByName(QStringLiteral("backup"))->id);
    QVERIFY(m_store->escalationsDue(T0 - 1, false, 10).isEmpty());
    const QVector<Incident> due = m_store->escalationsDue(T0, false, 10);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.at(0).id, id);

    EscalationUpdate update;
    update.incidentId = id;
    update.expectedLevel = -1;
    update.expectedNextEscalationAt = T0;
    update.policy = QStringLiteral("ops");
    update.level = 0;
    update.levelStartedAt = T0;
    update.nextEscalationAt = T0 + 10 * Minute;
    update.events = {{IncidentEventKind::Escalated, QByteArrayLiteral(R"({"level":0})")}};
    update.deliveries = {delivery("alice", ContactChannel::Kind::Webhook),
                         delivery("bob", ContactChannel::Kind::Desktop, NotificationDelivery::Status::Silenced)};
    update.deliveries[1].error = QStringLiteral("do not disturb");
    QVERIFY(m_store->recordEscalation(update, T0));
    QVERIFY(!m_store->recordEscalation(update, T0)); // the guard: another escalator already moved it

    const Incident after = *m_store->incident(id);
    QCOMPARE(after.escalationLevel, 0);
    QCOMPARE(after.escalationLevelAt, T0);
    QCOMPARE(after.nextEscalationAt, T0 + 10 * Minute);
    QVERIFY(m_store->escalationsDue(T0 + 10 * Minute - 1, false, 10).isEmpty());
    QCOMPARE(m_store->escalationsDue(T0 + 10 * Minute, false, 10).size(), 1);

    const QVector<NotificationDelivery> deliveries = m_store->deliveries({id, 10});
    QCOMPARE(deliveries.size(), 2);
    QCOMPARE(deliveries.at(0).recipient, QStringLiteral("bob")); // newest first
    QCOMPARE(deliveries.at(0).status, NotificationDelivery::Status::Silenced);
    QCOMPARE(deliveries.at(0).finishedAtMs, T0);
    QCOMPARE(deliveries.at(0).error, QStringLiteral("do not disturb"));
    QCOMPARE(deliveries.at(1).status, NotificationDelivery::Status::Pending);
    QCOMPARE(deliveries.at(1).channel, ContactChannel::Kind::Webhook);
    QCOMPARE(deliveries.at(1).format, QStringLiteral("slack"));
    QCOMPARE(deliveries.at(1).nextAttemptAtMs, T0);
    QCOMPARE(deliveries.at(1).message.subject, QStringLiteral("[high] backup failed"));
    QCOMPARE(deliveries.at(1).message.summary, QStringLiteral("backup failed"));
    QCOMPARE(m_store->deliveries({0, 1}).size(), 1);
    QCOMPARE(m_store->nextDeliveryDueAt(), T0);

    const QVector<IncidentEvent> events = m_store->incidentEvents(id);
    QCOMPARE(eventKinds(events), QStringList({QStringLiteral("created"), QStringLiteral("escalated"),
                                              QStringLiteral("notified"), QStringLiteral("notified")}));
    const QJsonObject notified = QJsonDocument::fromJson(events.at(2).detail).object();
    QCOMPARE(notified.value(QStringLiteral("recipient")).toString(), QStringLiteral("alice"));
    QCOMPARE(notified.value(QStringLiteral("channel")).toString(), QStringLiteral("webhook"));
    QCOMPARE(notified.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
}

void TestStoreOnCall::acknowledgedOrSnoozedIncidentsAreNotEscalated()
{
    m_store->applyDeclarations(declarations(), false, false, Operator, T0);
    const qint64 acked = raise("dead:a", m_store->jobByName(QStringLiteral("backup"))->id);
    const qint64 snoozed = raise("dead:b", m_store->jobByName(QStringLiteral("backup"))->id);
    m_store->acknowledgeIncident(acked, Actor{osUserName()}, T0);
    m_store->snoozeIncident(snoozed, T0 + 30 * Minute, Actor{osUserName()}, T0);
    QVERIFY(m_store->escalationsDue(T0 + Minute, true, 10).isEmpty());
    EscalationUpdate update;
    update.incidentId = acked;
    update.expectedNextEscalationAt = T0;
    update.level = 0;
    QVERIFY(!m_store->recordEscalation(update, T0 + Minute));
    QCOMPARE(m_store->incident(acked)->escalationLevel, -1);
    QVERIFY(m_store->deliveries({}).isEmpty());
}

void TestStoreOnCall::unassignedIncidentsAreAdoptedOnlyWhenAsked()
{
    const qint64 id = raise("dead:adhoc");
    QVERIFY(m_store->escalationsDue(T0, false, 10).isEmpty());
    QCOMPARE(m_store->escalationsDue(T0, true, 10).size(), 1);
    EscalationUpdate update;
    update.incidentId = id;
    update.policy = QStringLiteral("default");
    update.level = 0;
    update.levelStartedAt = T0;
    update.nextEscalationAt = T0 + Minute;
    QVERIFY(m_store->recordEscalation(update, T0));
    QCOMPARE(m_store->incident(id)->escalationPolicy, QStringLiteral("default"));
    QVERIFY(m_store->escalationsDue(T0, true, 10).isEmpty()); // adopted once: now it waits for its next step
}

void TestStoreOnCall::deliveriesAreClaimedOnceAndAttemptsRecorded()
{
    const qint64 id = raise("dead:x");
    EscalationUpdate update;
    update.incidentId = id;
    update.policy = QStringLiteral("default");
    update.level = 0;
    update.deliveries = {delivery("alice", ContactChannel::Kind::Webhook),
                         delivery("bob", ContactChannel::Kind::Email)};
    QVERIFY(m_store->recordEscalation(update, T0));

    const QVector<NotificationDelivery> claimed = m_store->claimDueDeliveries(T0, T0 + 5 * Minute, 10);
    QCOMPARE(claimed.size(), 2);
    QVERIFY(m_store->claimDueDeliveries(T0 + Minute, T0 + 6 * Minute, 10).isEmpty()); // leased
    QCOMPARE(m_store->nextDeliveryDueAt(), T0 + 5 * Minute);

    NotificationDelivery retry = claimed.at(0);
    retry.attempts = 1;
    retry.error = QStringLiteral("HTTP 503");
    retry.nextAttemptAtMs = T0 + 30'000;
    m_store->recordDeliveryAttempt(retry, T0 + 1000);
    NotificationDelivery failed = claimed.at(1);
    failed.attempts = 1;
    failed.status = NotificationDelivery::Status::Failed;
    failed.error = QStringLiteral("e-mail transport not available");
    failed.finishedAtMs = T0 + 1000;
    m_store->recordDeliveryAttempt(failed, T0 + 1000);

    QCOMPARE(m_store->nextDeliveryDueAt(), T0 + 30'000);
    const QVector<NotificationDelivery> again = m_store->claimDueDeliveries(T0 + 30'000, T0 + 10 * Minute, 10);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.at(0).recipient, QStringLiteral("alice"));
    QCOMPARE(again.at(0).attempts, 1);
    QCOMPARE(again.at(0).error, QStringLiteral("HTTP 503"));
    NotificationDelivery sent = again.at(0);
    sent.attempts = 2;
    sent.status = NotificationDelivery::Status::Sent;
    sent.error.clear();
    sent.finishedAtMs = T0 + 31'000;
    m_store->recordDeliveryAttempt(sent, T0 + 31'000);

    const QVector<NotificationDelivery> all = m_store->deliveries({id, 10});
    QCOMPARE(all.at(1).status, NotificationDelivery::Status::Sent);
    QCOMPARE(all.at(1).attempts, 2);
    QCOMPARE(all.at(1).finishedAtMs, T0 + 31'000);
    QVERIFY(all.at(1).error.isEmpty());
    QCOMPARE(all.at(0).status, NotificationDelivery::Status::Failed);
    QCOMPARE(all.at(0).error, QStringLiteral("e-mail transport not available"));
    QCOMPARE(m_store->nextDeliveryDueAt(), 0);
    // Final outcomes are on the timeline: created, 2 x notified (pending), failed, sent.
    const QVector<IncidentEvent> events = m_store->incidentEvents(id);
    QCOMPARE(events.size(), 5);
    QCOMPARE(QJsonDocument::fromJson(events.at(3).detail).object().value(QStringLiteral("status")).toString(),
             QStringLiteral("failed"));
    QCOMPARE(QJsonDocument::fromJson(events.at(4).detail).object().value(QStringLiteral("status")).toString(),
             QStringLiteral("sent"));
}

QTEST_GUILESS_MAIN(TestStoreOnCall)
#include "tst_storeoncall.moc"
