// The escalator and the notifier on a fake clock and a real SQLite database: steps fire exactly when their delays
// pass, the policy repeats, admins hear it when the chain ends, an acknowledgement stops it and an operator's
// escalation moves to the next step at once; schedules resolve through their rotation across a DST change in the
// schedule's zone, overrides and higher layers win; do-not-disturb in the user's zone silences unless a critical
// incident may break through; the notifier sends webhooks to a local receiver, retries a failing one with backoff
// until it is FAILED, and fails e-mail at once (no transport yet). Both duties live on the test's thread.
#include "engine/notifier.h"
#include "fakeclock.h"
#include "incidents/escalator.h"
#include "localhttpserver.h"
#include "store/incidentcommand.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
const Actor Admin{QStringLiteral("carol")};
using Status = NotificationDelivery::Status;

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

User user(const char *name, Role role, QVector<ContactChannel> channels = {{ContactChannel::Kind::Desktop, {}, {}}})
{
    User u;
    u.name = QLatin1String(name);
    u.email = u.name + QStringLiteral("@example.org");
    u.role = role;
    u.channels = std::move(channels);
    return u;
}

EscalationTarget userTarget(const char *name)
{
    return EscalationTarget{EscalationTarget::Kind::User, QLatin1String(name), Role::Admin};
}

EscalationTarget scheduleTarget(const char *name)
{
    return EscalationTarget{EscalationTarget::Kind::Schedule, QLatin1String(name), Role::Admin};
}

EscalationStep step(qint64 delayMs, QVector<EscalationTarget> targets)
{
    EscalationStep s;
    s.delayMs = delayMs;
    s.targets = std::move(targets);
    return s;
}

EscalationPolicy policy(const char *name, QVector<EscalationStep> steps, int repeat = 0)
{
    EscalationPolicy p;
    p.name = QLatin1String(name);
    p.steps = std::move(steps);
    p.repeat = repeat;
    return p;
}

// Daily at 09:00 in Berlin: alice from 2026-03-27, bob from the 28th, alice again on the 29th (the DST change).
OnCallSchedule berlinDaily()
{
    OnCallSchedule s;
    s.name = QStringLiteral("berlin");
    s.timeZone = QStringLiteral("Europe/Berlin");
    OnCallLayer daily;
    daily.name = QStringLiteral("daily");
    daily.rotation.participants = {QStringLiteral("alice"), QStringLiteral("bob")};
    daily.rotation.unit = Rotation::Unit::Days;
    daily.rotation.handoffMinute = 9 * 60;
    daily.rotation.startDate = QDate(2026, 3, 27);
    daily.rotation.timeZone = QStringLiteral("Europe/Berlin");
    s.layers = {daily};
    return s;
}
} // namespace

class TestEscalator : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void stepsFireWhenTheirDelaysPassThenAdminsAndTheChainEnds();
    void policyRepeatsBeforeTheAdminsHearIt();
    void acknowledgementStopsEscalation();
    void escalatingByHandRunsTheNextStepNow();
    void rotationHandsOffAtNineLocalAcrossTheDstChange();
    void overrideAndHigherLayerWin();
    void doNotDisturbSilencesUnlessCriticalBreaksThrough();
    void incidentsWithoutPolicyTakeTheDefault();
    void notifierSendsWebhooksRetriesAFailingOneThenFailsIt();

private:
    void declare(const QVector<EscalationPolicy> &policies, const QVector<OnCallSchedule> &schedules = {})
    {
        Declarations d;
        d.escalationPolicies = policies;
        d.schedules = schedules;
        m_store->applyDeclarations(d, false, false, Admin, m_clock->nowMs());
    }
    qint64 raise(const char *key, const QString &policyName, IncidentSeverity severity = IncidentSeverity::High)
    {
        IncidentTrigger t;
        t.dedupKey = QLatin1String(key);
        t.source = IncidentSource::External;
        t.title = QStringLiteral("disk full on ") + QLatin1String(key);
        t.severity = severity;
        t.escalationPolicy = policyName;
        return m_store->raiseIncident(t, m_clock->nowMs()).id;
    }
    Escalator *startEscalator(EscalatorConfig config = {})
    {
        m_escalator = std::make_unique<Escalator>(m_db->opener(), m_clock.get(), config);
        QSignalSpy failed(m_escalator.get(), &Escalator::failed);
        m_escalator->start();
        if (!failed.isEmpty())
            qFatal("escalator failed: %s", qPrintable(failed.at(0).at(0).toString()));
        return m_escalator.get();
    }
    // Moves the clock and runs a pass then (the alarm's own passes in between change nothing: they are idempotent).
    void passAt(qint64 at)
    {
        m_clock->setNowMs(at);
        m_escalator->check();
    }
    // Recipients of the incident's deliveries, oldest first.
    QStringList recipients(qint64 incidentId)
    {
        QStringList names;
        for (const NotificationDelivery &d : m_store->deliveries({incidentId, 1000}))
            names.prepend(d.recipient);
        return names;
    }

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Escalator> m_escalator;
};

void TestEscalator::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_clock = std::make_unique<FakeClock>(utc("2026-12-05T10:00:00Z"));
    m_store = m_db->open();
    m_store->upsertUser(user("alice", Role::Operator), Admin, m_clock->nowMs());
    m_store->upsertUser(user("bob", Role::Operator), Admin, m_clock->nowMs());
    m_store->upsertUser(user("carol", Role::Admin), Admin, m_clock->nowMs());
    m_store->upsertUser(user("dora", Role::Admin), Admin, m_clock->nowMs());
}

void TestEscalator::cleanup()
{
    m_escalator.reset();
    m_store.reset();
    m_clock.reset();
    m_db.reset();
}

void TestEscalator::stepsFireWhenTheirDelaysPassThenAdminsAndTheChainEnds()
{
    const qint64 t0 = m_clock->nowMs();
    declare({policy("ops", {step(10 * Minute, {userTarget("alice")}), step(20 * Minute, {userTarget("bob")})})});
    const qint64 id = raise("db1", QStringLiteral("ops"));
    startEscalator();
    QCOMPARE(recipients(id), QStringList({QStringLiteral("alice")}));
    Incident incident = *m_store->incident(id);
    QCOMPARE(incident.escalationLevel, 0);
    QCOMPARE(incident.nextEscalationAt, t0 + 10 * Minute);

    passAt(t0 + 10 * Minute - 1);
    QCOMPARE(recipients(id).size(), 1); // not a moment early
    passAt(t0 + 10 * Minute);
    QCOMPARE(recipients(id), QStringList({QStringLiteral("alice"), QStringLiteral("bob")}));
    QCOMPARE(m_store->incident(id)->escalationStep, 1);
    passAt(t0 + 30 * Minute - 1);
    QCOMPARE(recipients(id).size(), 2);
    passAt(t0 + 30 * Minute);
    // The chain ended: every admin, in name order.
    QCOMPARE(recipients(id), QStringList({QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                                          QStringLiteral("dora")}));
    incident = *m_store->incident(id);
    QCOMPARE(incident.escalationLevel, 2);
    QCOMPARE(incident.nextEscalationAt, 0);
    passAt(t0 + 5 * 60 * Minute);
    QCOMPARE(recipients(id).size(), 4);

    int escalated = 0;
    int notified = 0;
    for (const IncidentEvent &e : m_store->incidentEvents(id)) {
        escalated += e.kind == IncidentEventKind::Escalated ? 1 : 0;
        notified += e.kind == IncidentEventKind::Notified ? 1 : 0;
    }
    QCOMPARE(escalated, 3);
    QCOMPARE(notified, 4);
    const QVector<NotificationDelivery> deliveries = m_store->deliveries({id, 10});
    QCOMPARE(deliveries.at(0).status, Status::Pending);
    QCOMPARE(deliveries.at(0).level, 2);
    QVERIFY2(deliveries.at(0).message.text.contains(QStringLiteral("all admins")),
             qPrintable(deliveries.at(0).message.text));
    QVERIFY(deliveries.at(3).message.subject.contains(QStringLiteral("disk full on db1")));
}

void TestEscalator::policyRepeatsBeforeTheAdminsHearIt()
{
    const qint64 t0 = m_clock->nowMs();
    declare({policy("loop", {step(5 * Minute, {userTarget("alice")})}, 2)});
    const qint64 id = raise("db2", QStringLiteral("loop"));
    startEscalator();
    for (int pass = 1; pass <= 3; ++pass)
        passAt(t0 + pass * 5 * Minute);
    QCOMPARE(recipients(id), QStringList({QStringLiteral("alice"), QStringLiteral("alice"), QStringLiteral("alice"),
                                          QStringLiteral("carol"), QStringLiteral("dora")}));
    passAt(t0 + 60 * Minute);
    QCOMPARE(recipients(id).size(), 5);
}

void TestEscalator::acknowledgementStopsEscalation()
{
    const qint64 t0 = m_clock->nowMs();
    declare({policy("ops", {step(10 * Minute, {userTarget("alice")}), step(10 * Minute, {userTarget("bob")})})});
    const qint64 id = raise("db3", QStringLiteral("ops"));
    startEscalator();
    m_clock->setNowMs(t0 + Minute);
    m_store->acknowledgeIncident(id, Actor{QStringLiteral("alice")}, t0 + Minute);
    passAt(t0 + 2 * 60 * Minute);
    QCOMPARE(recipients(id), QStringList({QStringLiteral("alice")}));
}

void TestEscalator::escalatingByHandRunsTheNextStepNow()
{
    const qint64 t0 = m_clock->nowMs();
    declare({policy("ops", {step(10 * Minute, {userTarget("alice")}), step(20 * Minute, {userTarget("bob")})})});
    const qint64 id = raise("db4", QStringLiteral("ops"));
    startEscalator();
    m_store->escalateIncident(id, Admin, t0 + Minute);
    passAt(t0 + Minute);
    QCOMPARE(recipients(id), QStringList({QStringLiteral("alice"), QStringLiteral("bob")}));
    QCOMPARE(m_store->incident(id)->nextEscalationAt, t0 + 21 * Minute); // step 2's own delay, from now
}

void TestEscalator::rotationHandsOffAtNineLocalAcrossTheDstChange()
{
    // 2026-03-29: Berlin moves from UTC+1 to UTC+2 at 02:00. The 09:00 handoff is 07:00 UTC that day.
    m_clock->setNowMs(utc("2026-03-27T12:00:00Z"));
    declare({policy("follow", {step(60 * Minute, {scheduleTarget("berlin")})})}, {berlinDaily()});
    startEscalator();
    struct Case {
        const char *at;
        const char *who;
    };
    const Case cases[] = {
        {"2026-03-28T07:59:00Z", "alice"}, // 08:59 CET: the 27th's shift
        {"2026-03-28T08:00:00Z", "bob"},   // 09:00 CET
        {"2026-03-29T06:59:00Z", "bob"},   // 08:59 CEST
        {"2026-03-29T07:00:00Z", "alice"}, // 09:00 CEST: an hour earlier in UTC than the day before
        {"2026-03-29T07:30:00Z", "alice"},
    };
    int n = 0;
    for (const Case &c : cases) {
        m_clock->setNowMs(utc(c.at));
        const qint64 id = raise(qPrintable(QStringLiteral("dst%1").arg(++n)), QStringLiteral("follow"));
        passAt(utc(c.at));
        QCOMPARE(recipients(id), QStringList({QLatin1String(c.who)}));
    }
}

void TestEscalator::overrideAndHigherLayerWin()
{
    const qint64 t0 = utc("2026-12-07T12:00:00Z"); // a Monday
    m_clock->setNowMs(t0);
    OnCallSchedule s;
    s.name = QStringLiteral("layered");
    OnCallLayer base;
    base.name = QStringLiteral("base");
    base.rotation.participants = {QStringLiteral("alice")};
    base.rotation.startDate = QDate(2026, 11, 30);
    OnCallLayer nights = base;
    nights.name = QStringLiteral("nights");
    nights.rotation.participants = {QStringLiteral("bob")};
    nights.restrictStartMinute = 22 * 60;
    nights.restrictEndMinute = 6 * 60;
    s.layers = {base, nights};
    s.overrides = {OnCallOverride{QStringLiteral("dora"), t0 + 60 * Minute, t0 + 120 * Minute}};
    declare({policy("follow", {step(60 * Minute, {scheduleTarget("layered")})})}, {s});
    startEscalator();
    const struct {
        qint64 at;
        const char *who;
    } cases[] = {
        {t0, "alice"},                  // the base layer
        {t0 + 90 * Minute, "dora"},     // the override
        {t0 + 11 * 60 * Minute, "bob"}, // 23:00 UTC: the night layer is higher
    };
    int n = 0;
    for (const auto &c : cases) {
        m_clock->setNowMs(c.at);
        const qint64 id = raise(qPrintable(QStringLiteral("layer%1").arg(++n)), QStringLiteral("follow"));
        passAt(c.at);
        QCOMPARE(recipients(id), QStringList({QLatin1String(c.who)}));
    }
}

void TestEscalator::doNotDisturbSilencesUnlessCriticalBreaksThrough()
{
    // 02:00 in São Paulo (UTC-3), inside alice's 22:00-07:00 window.
    const qint64 night = utc("2026-12-08T05:00:00Z");
    m_clock->setNowMs(night);
    User alice = user("alice", Role::Operator);
    alice.timeZone = QStringLiteral("America/Sao_Paulo");
    DndWindow window;
    window.startMinute = 22 * 60;
    window.endMinute = 7 * 60;
    alice.doNotDisturb = {window};
    m_store->upsertUser(alice, Admin, night);
    declare({policy("ops", {step(10 * Minute, {userTarget("alice")})})});

    const qint64 high = raise("dnd-high", QStringLiteral("ops"));
    const qint64 critical = raise("dnd-critical", QStringLiteral("ops"), IncidentSeverity::Critical);
    startEscalator(); // critical does not break through by default
    NotificationDelivery d = m_store->deliveries({high, 1}).at(0);
    QCOMPARE(d.status, Status::Silenced);
    QVERIFY2(d.error.contains(QStringLiteral("do not disturb until 2026-12-08 07:00")), qPrintable(d.error));
    QCOMPARE(m_store->deliveries({critical, 1}).at(0).status, Status::Silenced);

    EscalatorConfig breaks;
    breaks.criticalBreaksDnd = true;
    const qint64 critical2 = raise("dnd-critical-2", QStringLiteral("ops"), IncidentSeverity::Critical);
    const qint64 high2 = raise("dnd-high-2", QStringLiteral("ops"));
    startEscalator(breaks);
    QCOMPARE(m_store->deliveries({critical2, 1}).at(0).status, Status::Pending);
    QCOMPARE(m_store->deliveries({high2, 1}).at(0).status, Status::Silenced);

    // Outside the window (08:00 local) a high incident goes out.
    m_clock->setNowMs(utc("2026-12-08T11:00:00Z"));
    const qint64 day = raise("dnd-day", QStringLiteral("ops"));
    passAt(m_clock->nowMs());
    QCOMPARE(m_store->deliveries({day, 1}).at(0).status, Status::Pending);
}

void TestEscalator::incidentsWithoutPolicyTakeTheDefault()
{
    declare({policy("fallback", {step(10 * Minute, {userTarget("bob")})})});
    const qint64 id = raise("nopolicy", QString());
    startEscalator();
    QVERIFY(recipients(id).isEmpty()); // no default: it does not escalate
    EscalatorConfig config;
    config.defaultPolicy = QStringLiteral("fallback");
    startEscalator(config);
    QCOMPARE(recipients(id), QStringList({QStringLiteral("bob")}));
    QCOMPARE(m_store->incident(id)->escalationPolicy, QStringLiteral("fallback"));
}

void TestEscalator::notifierSendsWebhooksRetriesAFailingOneThenFailsIt()
{
    LocalHttpServer good;
    LocalHttpServer bad;
    bad.setHandler([](const LocalHttpServer::Request &) {
        LocalHttpServer::Response response;
        response.status = 503;
        return response;
    });
    QVERIFY(good.isListening() && bad.isListening());
    m_store->upsertUser(
        user("alice", Role::Operator,
             {{ContactChannel::Kind::Webhook, good.url(QStringLiteral("/alice")).toString(), QStringLiteral("slack")},
              {ContactChannel::Kind::Email, QStringLiteral("alice@example.org"), {}}}),
        Admin, m_clock->nowMs());
    m_store->upsertUser(
        user("bob", Role::Operator,
             {{ContactChannel::Kind::Webhook, bad.url(QStringLiteral("/bob")).toString(), QStringLiteral("generic")}}),
        Admin, m_clock->nowMs());
    declare({policy("ops", {step(10 * Minute, {userTarget("alice"), userTarget("bob")})})});
    const qint64 id = raise("hooks", QStringLiteral("ops"));
    startEscalator();
    QCOMPARE(recipients(id).size(), 3);

    NotifierConfig config;
    config.retry.baseMs = 30 * Second;
    config.retry.maxAttempts = 3;
    Notifier notifier(m_db->opener(), m_clock.get(), config);
    QSignalSpy attempts(&notifier, &Notifier::attempted);
    notifier.start();
    QTRY_COMPARE(attempts.count(), 3); // alice's webhook and e-mail, bob's first try
    QCOMPARE(good.requests().size(), 1);
    QCOMPARE(bad.requests().size(), 1);

    const auto byChannel = [this, id](const QString &recipient, ContactChannel::Kind kind) {
        for (const NotificationDelivery &d : m_store->deliveries({id, 10})) {
            if (d.recipient == recipient && d.channel == kind)
                return d;
        }
        return NotificationDelivery{};
    };
    QCOMPARE(byChannel(QStringLiteral("alice"), ContactChannel::Kind::Webhook).status, Status::Sent);
    const NotificationDelivery email = byChannel(QStringLiteral("alice"), ContactChannel::Kind::Email);
    QCOMPARE(email.status, Status::Failed);
    QCOMPARE(email.attempts, 1);
    QVERIFY2(email.error.contains(QStringLiteral("e-mail transport not available")), qPrintable(email.error));
    NotificationDelivery hook = byChannel(QStringLiteral("bob"), ContactChannel::Kind::Webhook);
    QCOMPARE(hook.status, Status::Pending);
    QCOMPARE(hook.attempts, 1);
    QCOMPARE(hook.nextAttemptAtMs, m_clock->nowMs() + 30 * Second);
    QVERIFY2(hook.error.contains(QStringLiteral("503")), qPrintable(hook.error));

    m_clock->advanceMs(30 * Second - 1);
    QCoreApplication::processEvents();
    QCOMPARE(bad.requests().size(), 1); // not a moment early
    m_clock->advanceMs(1);
    QTRY_COMPARE(attempts.count(), 4);
    m_clock->advanceMs(60 * Second);
    QTRY_COMPARE(attempts.count(), 5);
    hook = byChannel(QStringLiteral("bob"), ContactChannel::Kind::Webhook);
    QCOMPARE(hook.status, Status::Failed);
    QCOMPARE(hook.attempts, 3);
    QCOMPARE(bad.requests().size(), 3);

    QStringList outcomes;
    for (const IncidentEvent &e : m_store->incidentEvents(id)) {
        if (e.kind != IncidentEventKind::Notified)
            continue;
        const QJsonObject detail = QJsonDocument::fromJson(e.detail).object();
        outcomes << detail.value(QStringLiteral("recipient")).toString() + u'/' +
                        detail.value(QStringLiteral("channel")).toString() + u'/' +
                        detail.value(QStringLiteral("status")).toString();
    }
    QVERIFY2(outcomes.contains(QStringLiteral("alice/webhook/sent")), qPrintable(outcomes.join(u' ')));
    QVERIFY(outcomes.contains(QStringLiteral("alice/email/failed")));
    QVERIFY(outcomes.contains(QStringLiteral("bob/webhook/failed")));
}

QTEST_GUILESS_MAIN(TestEscalator)
#include "tst_escalator.moc"
