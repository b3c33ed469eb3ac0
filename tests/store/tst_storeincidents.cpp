// Incidents, users and the job fields of SLA and incident policy on every backend: raising deduplicates by key while
// an incident is open, each operator command changes the state, writes its timeline event and its audit row, roles
// are enforced by the store (a viewer cannot acknowledge; nothing is written), acknowledgements time out, snoozes
// end, and MTTA / MTTR come out of hand-built data.
#include "storefixture.h"
#include "testsupport.h"

#include "model/escalationpolicy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Minute = 60'000;
const Actor Alice{QStringLiteral("alice")}; // operator
const Actor Bob{QStringLiteral("bob")};     // viewer
const Actor Carol{QStringLiteral("carol")}; // admin

IncidentTrigger trigger(const char *key, IncidentSeverity severity = IncidentSeverity::High)
{
    IncidentTrigger t;
    t.dedupKey = QLatin1String(key);
    t.source = IncidentSource::DeadRun;
    t.title = QStringLiteral("run went dead: ") + QLatin1String(key);
    t.severity = severity;
    return t;
}

User user(const char *name, Role role)
{
    User u;
    u.name = QLatin1String(name);
    u.email = QLatin1String(name) + QStringLiteral("@example.org");
    u.role = role;
    return u;
}

QStringList eventKinds(const QVector<IncidentEvent> &events)
{
    QStringList kinds;
    for (const IncidentEvent &e : events)
        kinds << incidentEventKindName(e.kind);
    return kinds;
}

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestStoreIncidents : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void usersRoundTripWithChannelsAndDoNotDisturb();
    void jobSlaAndIncidentPolicyRoundTrip();
    void raisingAnOpenKeyAddsAnOccurrence();
    void onlyOneOpenIncidentPerKey();
    void resolvedKeyOpensANewIncident();
    void acknowledgeWritesStateTimelineAndAuditTogether();
    void resolveSnoozeNoteReassignAndEscalate();
    void viewerCannotAcknowledgeAndNothingIsWritten();
    void unknownActorIsForbidden();
    void withoutUsersOnlyTheOsUserActsAsAdmin();
    void commandsOnAResolvedIncidentAreRefused();
    void acknowledgementTimesOutBackToTriggered();
    void snoozeEndsWhenItsTimeComes();
    void filtersBySeverityStateAndJob();
    void statsGiveMeanAndMedianTimesToAcknowledgeAndResolve();
    void watermarksAreKeptByName();
    void deadRunsFailedAttemptsAndRecoveryAreReadByFinishTime();

private:
    void addUsers();
    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;
};

void TestStoreIncidents::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : availableBackends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void TestStoreIncidents::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fixture = makeFixture(backend);
    m_store = m_fixture->open();
}

void TestStoreIncidents::cleanup()
{
    m_store.reset();
    m_fixture.reset();
}

void TestStoreIncidents::addUsers()
{
    m_store->upsertUser(user("alice", Role::Operator), Carol, T0);
    m_store->upsertUser(user("bob", Role::Viewer), Carol, T0);
    m_store->upsertUser(user("carol", Role::Admin), Carol, T0);
}

void TestStoreIncidents::usersRoundTripWithChannelsAndDoNotDisturb()
{
    User u = user("dora", Role::Operator);
    u.timeZone = QStringLiteral("America/Sao_Paulo");
    u.channels = {
        {ContactChannel::Kind::Email, QStringLiteral("dora@example.org"), {}},
        {ContactChannel::Kind::Webhook, QStringLiteral("https://hooks.example.org/x"), QStringLiteral("slack")},
        {ContactChannel::Kind::Desktop, {}, {}}};
    DndWindow night;
    night.weekdays = {1, 2, 3, 4, 5};
    night.startMinute = 22 * 60;
    night.endMinute = 7 * 60;
    u.doNotDisturb = {night};
    m_store->upsertUser(u, Carol, T0);
    m_store->upsertUser(user("abel", Role::Viewer), Carol, T0);
    const QVector<User> users = m_store->users();
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(0).name, QStringLiteral("abel"));
    QVERIFY(users.at(1) == u);
    QVERIFY(*m_store->user(QStringLiteral("dora")) == u);
    QVERIFY(!m_store->user(QStringLiteral("nobody")));
    u.role = Role::Admin;
    m_store->upsertUser(u, Carol, T0 + 1);
    QCOMPARE(m_store->user(QStringLiteral("dora"))->role, Role::Admin);
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("user.save"));
}

void TestStoreIncidents::jobSlaAndIncidentPolicyRoundTrip()
{
    JobDef job;
    job.name = QStringLiteral("nightly");
    job.kind = QStringLiteral("noop");
    QCOMPARE(m_store->job(m_store->upsertJob(job, Alice, T0))->incidents, IncidentPolicy{}); // defaults
    job.sla = {3'600'000, 30 * Minute, 5 * Minute};
    job.critical = true;
    job.incidents.severity = IncidentSeverity::Critical;
    job.incidents.autoResolve = false;
    job.incidents.failureRateThreshold = 0.5;
    job.incidents.failureRateWindow = 10;
    job.incidents.expectedDurationMs = 10 * Minute;
    const qint64 revision = m_store->jobsRevision();
    const qint64 id = m_store->upsertJob(job, Alice, T0);
    QVERIFY(m_store->jobsRevision() > revision); // an edit of these fields wakes the schedulers' caches too
    std::optional<JobDef> stored = m_store->job(id);
    QVERIFY(stored);
    QVERIFY(stored->sla == job.sla);
    QVERIFY(stored->critical);
    QVERIFY(stored->incidents == job.incidents);
    job.incidents.enabled = false;
    m_store->upsertJob(job, Alice, T0);
    stored = m_store->jobByName(job.name);
    QVERIFY(!stored->incidents.enabled);
    QCOMPARE(stored->incidents.severityText(), QStringLiteral("off"));
}

void TestStoreIncidents::raisingAnOpenKeyAddsAnOccurrence()
{
    IncidentTrigger t = trigger("dead:nightly");
    t.runId = 7;
    t.queue = QStringLiteral("default");
    t.detail = QByteArrayLiteral(R"({"error":"boom"})");
    const IncidentTriggerResult first = m_store->raiseIncident(t, T0);
    QVERIFY(first.created);
    t.runId = 9;
    t.detail = QByteArrayLiteral(R"({"error":"boom again"})");
    const IncidentTriggerResult second = m_store->raiseIncident(t, T0 + Minute);
    QVERIFY(!second.created);
    QCOMPARE(second.id, first.id);
    const Incident incident = *m_store->incident(first.id);
    QCOMPARE(incident.occurrences, 2);
    QCOMPARE(incident.createdAt, T0);
    QCOMPARE(incident.lastSeenAt, T0 + Minute);
    QCOMPARE(incident.runId, 9);
    QCOMPARE(incident.state, IncidentState::Triggered);
    QCOMPARE(incident.severity, IncidentSeverity::High);
    QCOMPARE(incident.source, IncidentSource::DeadRun);
    QCOMPARE(object(incident.detail).value(QLatin1String("error")).toString(), QStringLiteral("boom again"));
    const QVector<IncidentEvent> events = m_store->incidentEvents(first.id);
    QCOMPARE(eventKinds(events), (QStringList{QStringLiteral("created"), QStringLiteral("occurrence")}));
    QCOMPARE(events.at(1).at, T0 + Minute);
    QCOMPARE(object(events.at(1).detail).value(QLatin1String("occurrences")).toInt(), 2);
    QCOMPARE(object(events.at(1).detail).value(QLatin1String("run_id")).toInteger(), 9);
    QVERIFY(events.at(0).actor.isEmpty());
    QVERIFY(m_store->auditLog(10).isEmpty()); // the engine's triggers are not operator actions
}

void TestStoreIncidents::onlyOneOpenIncidentPerKey()
{
    const qint64 a = m_store->raiseIncident(trigger("dead:a"), T0).id;
    const qint64 b = m_store->raiseIncident(trigger("dead:b"), T0).id;
    QVERIFY(a != b);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_store->raiseIncident(trigger("dead:a"), T0 + i).id, a);
    IncidentFilter open;
    open.openOnly = true;
    QCOMPARE(m_store->incidents(open).size(), 2);
    QCOMPARE(m_store->incident(a)->occurrences, 4);
    // The database itself refuses a second open incident with the key, whatever writes it.
    m_fixture->execute(QStringLiteral("INSERT INTO incidents (dedup_key, source, title, severity, state, created_at, "
                                      "last_seen_at) VALUES ('dead:a', 'dead_run', 'dup', 'high', 'triggered', 1, 1)"));
    QCOMPARE(m_store->incidents(open).size(), 2);
}

void TestStoreIncidents::resolvedKeyOpensANewIncident()
{
    const qint64 first = m_store->raiseIncident(trigger("sql:check"), T0).id;
    QVERIFY(!m_store->resolveIncidentByKey(QStringLiteral("sql:other"), {}, {}, T0 + 1));
    QVERIFY(m_store->resolveIncidentByKey(QStringLiteral("sql:check"), {}, QStringLiteral("check passes"), T0 + 2));
    QVERIFY(!m_store->resolveIncidentByKey(QStringLiteral("sql:check"), {}, {}, T0 + 3)); // nothing open any more
    const Incident resolved = *m_store->incident(first);
    QCOMPARE(resolved.state, IncidentState::Resolved);
    QCOMPARE(resolved.resolvedAt, T0 + 2);
    QVERIFY(resolved.resolvedBy.isEmpty());
    const QVector<IncidentEvent> events = m_store->incidentEvents(first);
    QCOMPARE(eventKinds(events), (QStringList{QStringLiteral("created"), QStringLiteral("resolved")}));
    QVERIFY(object(events.at(1).detail).value(QLatin1String("auto")).toBool());
    QCOMPARE(object(events.at(1).detail).value(QLatin1String("note")).toString(), QStringLiteral("check passes"));

    const IncidentTriggerResult again = m_store->raiseIncident(trigger("sql:check"), T0 + 4);
    QVERIFY(again.created);
    QVERIFY(again.id != first);
    QCOMPARE(m_store->incident(again.id)->occurrences, 1);
    QCOMPARE(m_store->incident(first)->occurrences, 1);
}

void TestStoreIncidents::acknowledgeWritesStateTimelineAndAuditTogether()
{
    addUsers();
    IncidentTrigger t = trigger("dead:nightly");
    t.escalationPolicy = QStringLiteral("ops");
    const qint64 id = m_store->raiseIncident(t, T0).id;
    QCOMPARE(m_store->incident(id)->nextEscalationAt, T0); // due for its first step at once
    QCOMPARE(m_store->incident(id)->escalationPolicy, QStringLiteral("ops"));
    m_store->acknowledgeIncident(id, Alice, T0 + 5 * Minute);
    const Incident incident = *m_store->incident(id);
    QCOMPARE(incident.state, IncidentState::Acknowledged);
    QCOMPARE(incident.acknowledgedAt, T0 + 5 * Minute);
    QCOMPARE(incident.acknowledgedBy, QStringLiteral("alice"));
    QCOMPARE(incident.firstAcknowledgedAt, T0 + 5 * Minute);
    QCOMPARE(incident.nextEscalationAt, 0); // acknowledged: escalation stops
    const QVector<IncidentEvent> events = m_store->incidentEvents(id);
    QCOMPARE(events.constLast().kind, IncidentEventKind::Acknowledged);
    QCOMPARE(events.constLast().actor, QStringLiteral("alice"));
    QCOMPARE(events.constLast().at, T0 + 5 * Minute);
    const AuditEntry audit = m_store->auditLog(1).at(0);
    QCOMPARE(audit.action, QStringLiteral("incident.ack"));
    QCOMPARE(audit.actor, QStringLiteral("alice"));
    QCOMPARE(audit.target, QStringLiteral("incident:%1").arg(id));
    QCOMPARE(audit.at, T0 + 5 * Minute);
    QCOMPARE(object(audit.detail.toUtf8()).value(QLatin1String("to")).toString(), QStringLiteral("acknowledged"));
    // Twice is refused and writes nothing.
    const int auditRows = int(m_store->auditLog(100).size());
    try {
        m_store->acknowledgeIncident(id, Carol, T0 + 6 * Minute);
        QFAIL("a second acknowledgement was accepted");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::Invalid);
    }
    QCOMPARE(m_store->auditLog(100).size(), auditRows);
    QCOMPARE(m_store->incidentEvents(id).size(), events.size());
}

void TestStoreIncidents::resolveSnoozeNoteReassignAndEscalate()
{
    addUsers();
    const qint64 id = m_store->raiseIncident(trigger("dead:nightly"), T0).id;

    m_store->snoozeIncident(id, T0 + 60 * Minute, Alice, T0 + Minute);
    QCOMPARE(m_store->incident(id)->snoozedUntil, T0 + 60 * Minute);
    m_store->addIncidentNote(id, QStringLiteral("looking at the disk"), Bob, T0 + 2 * Minute); // viewers may note
    m_store->reassignIncident(id, QStringLiteral("carol"), Alice, T0 + 3 * Minute);
    QCOMPARE(m_store->incident(id)->assignee, QStringLiteral("carol"));
    m_store->escalateIncident(id, Carol, T0 + 4 * Minute);
    QCOMPARE(m_store->incident(id)->nextEscalationAt, T0 + 4 * Minute);
    m_store->resolveIncident(id, Carol, QStringLiteral("disk replaced"), T0 + 10 * Minute);
    const Incident incident = *m_store->incident(id);
    QCOMPARE(incident.state, IncidentState::Resolved);
    QCOMPARE(incident.resolvedBy, QStringLiteral("carol"));
    QCOMPARE(incident.resolvedAt, T0 + 10 * Minute);
    QCOMPARE(incident.nextEscalationAt, 0);
    QCOMPARE(incident.snoozedUntil, 0);

    const QVector<IncidentEvent> events = m_store->incidentEvents(id);
    QCOMPARE(eventKinds(events),
             (QStringList{QStringLiteral("created"), QStringLiteral("snoozed"), QStringLiteral("note"),
                          QStringLiteral("reassigned"), QStringLiteral("escalated"), QStringLiteral("resolved")}));
    QCOMPARE(object(events.at(1).detail).value(QLatin1String("until")).toInteger(), T0 + 60 * Minute);
    QCOMPARE(object(events.at(2).detail).value(QLatin1String("text")).toString(),
             QStringLiteral("looking at the disk"));
    QCOMPARE(events.at(2).actor, QStringLiteral("bob"));
    QCOMPARE(object(events.at(3).detail).value(QLatin1String("to")).toString(), QStringLiteral("carol"));
    QCOMPARE(object(events.at(5).detail).value(QLatin1String("note")).toString(), QStringLiteral("disk replaced"));

    QStringList actions;
    for (const AuditEntry &entry : m_store->auditLog(100)) {
        if (entry.target == QStringLiteral("incident:%1").arg(id))
            actions.prepend(entry.action);
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("incident.snooze"), QStringLiteral("incident.note"),
                                   QStringLiteral("incident.reassign"), QStringLiteral("incident.escalate"),
                                   QStringLiteral("incident.resolve")}));

    // Bad input is refused naming what is wrong.
    const qint64 other = m_store->raiseIncident(trigger("dead:other"), T0).id;
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->snoozeIncident(other, T0, Alice, T0 + Minute));
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->reassignIncident(other, QStringLiteral("zed"), Alice, T0));
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->addIncidentNote(other, QStringLiteral("  "), Alice, T0));
    try {
        m_store->acknowledgeIncident(4242, Alice, T0);
        QFAIL("an unknown incident was acknowledged");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::NotFound);
    }
}

void TestStoreIncidents::viewerCannotAcknowledgeAndNothingIsWritten()
{
    addUsers();
    const qint64 id = m_store->raiseIncident(trigger("dead:nightly"), T0).id;
    const int auditRows = int(m_store->auditLog(100).size());
    const auto refused = [&](const std::function<void()> &command) {
        try {
            command();
        } catch (const StoreError &error) {
            if (error.kind() != StoreError::Kind::Forbidden)
                qWarning().noquote() << error.message();
            return error.kind() == StoreError::Kind::Forbidden && error.message().contains(QLatin1String("viewer"));
        }
        return false;
    };
    QVERIFY(refused([&] { m_store->acknowledgeIncident(id, Bob, T0 + 1); }));
    QVERIFY(refused([&] { m_store->resolveIncident(id, Bob, {}, T0 + 1); }));
    QVERIFY(refused([&] { m_store->snoozeIncident(id, T0 + Minute, Bob, T0 + 1); }));
    QVERIFY(refused([&] { m_store->escalateIncident(id, Bob, T0 + 1); }));
    QVERIFY(refused([&] { m_store->reassignIncident(id, QStringLiteral("bob"), Bob, T0 + 1); }));
    const Incident incident = *m_store->incident(id);
    QCOMPARE(incident.state, IncidentState::Triggered);
    QCOMPARE(incident.acknowledgedAt, 0);
    QVERIFY(incident.assignee.isEmpty());
    QCOMPARE(incident.snoozedUntil, 0);
    QCOMPARE(eventKinds(m_store->incidentEvents(id)), QStringList{QStringLiteral("created")});
    QCOMPARE(m_store->auditLog(100).size(), auditRows);
}

void TestStoreIncidents::unknownActorIsForbidden()
{
    addUsers();
    const qint64 id = m_store->raiseIncident(trigger("dead:nightly"), T0).id;
    for (const Actor &stranger : {Actor{QStringLiteral("mallory")}, Actor{osUser()}}) {
        try {
            m_store->acknowledgeIncident(id, stranger, T0 + 1);
            QFAIL("an unknown user acknowledged");
        } catch (const StoreError &error) {
            QCOMPARE(error.kind(), StoreError::Kind::Forbidden);
            QVERIFY2(error.message().contains(stranger.name), qPrintable(error.message()));
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, m_store->addIncidentNote(id, QStringLiteral("hi"), stranger, T0 + 1));
    }
    QCOMPARE(m_store->incidentEvents(id).size(), 1);
}

void TestStoreIncidents::withoutUsersOnlyTheOsUserActsAsAdmin()
{
    const qint64 id = m_store->raiseIncident(trigger("dead:nightly"), T0).id;
    try {
        m_store->acknowledgeIncident(id, Actor{QStringLiteral("not-%1").arg(osUser())}, T0 + 1);
        QFAIL("another name acted while no users are declared");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::Forbidden);
    }
    m_store->acknowledgeIncident(id, Actor{osUser()}, T0 + 2);
    m_store->reassignIncident(id, QStringLiteral("anyone"), Actor{osUser()}, T0 + 3); // no users to check against
    QCOMPARE(m_store->incident(id)->acknowledgedBy, osUser());
    QCOMPARE(m_store->incident(id)->assignee, QStringLiteral("anyone"));
}

void TestStoreIncidents::commandsOnAResolvedIncidentAreRefused()
{
    addUsers();
    const qint64 id = m_store->raiseIncident(trigger("dead:nightly"), T0).id;
    m_store->resolveIncident(id, Alice, {}, T0 + 1);
    for (const std::function<void()> &command :
         std::vector<std::function<void()>>{[&] { m_store->acknowledgeIncident(id, Alice, T0 + 2); },
                                            [&] { m_store->resolveIncident(id, Alice, {}, T0 + 2); },
                                            [&] { m_store->snoozeIncident(id, T0 + Minute, Alice, T0 + 2); },
                                            [&] { m_store->escalateIncident(id, Alice, T0 + 2); }}) {
        try {
            command();
            QFAIL("a command on a resolved incident was accepted");
        } catch (const StoreError &error) {
            QCOMPARE(error.kind(), StoreError::Kind::Invalid);
            QVERIFY2(error.message().contains(QLatin1String("resolved")), qPrintable(error.message()));
        }
    }
    m_store->addIncidentNote(id, QStringLiteral("post-mortem on Monday"), Alice, T0 + 3); // notes still allowed
    QCOMPARE(m_store->incidentEvents(id).constLast().kind, IncidentEventKind::Note);
}

void TestStoreIncidents::acknowledgementTimesOutBackToTriggered()
{
    addUsers();
    IncidentTrigger t = trigger("dead:nightly");
    t.escalationPolicy = QStringLiteral("ops");
    const qint64 id = m_store->raiseIncident(t, T0).id;
    const qint64 quiet = m_store->raiseIncident(trigger("dead:quiet"), T0).id;
    m_store->acknowledgeIncident(id, Alice, T0 + Minute);
    m_store->acknowledgeIncident(quiet, Alice, T0 + 20 * Minute);
    const qint64 timeout = 30 * Minute;
    QVERIFY(m_store->reopenAckTimedOut(timeout, T0 + 31 * Minute - 1).isEmpty());
    QCOMPARE(m_store->reopenAckTimedOut(timeout, T0 + 31 * Minute), QVector<qint64>{id});
    const Incident incident = *m_store->incident(id);
    QCOMPARE(incident.state, IncidentState::Triggered);
    QCOMPARE(incident.acknowledgedAt, 0);
    QVERIFY(incident.acknowledgedBy.isEmpty());
    QCOMPARE(incident.firstAcknowledgedAt, T0 + Minute);   // MTTA keeps the first acknowledgement
    QCOMPARE(incident.nextEscalationAt, T0 + 31 * Minute); // escalation resumes
    const IncidentEvent reopened = m_store->incidentEvents(id).constLast();
    QCOMPARE(reopened.kind, IncidentEventKind::Reopened);
    QCOMPARE(object(reopened.detail).value(QLatin1String("reason")).toString(), QStringLiteral("ack_timeout"));
    QCOMPARE(object(reopened.detail).value(QLatin1String("acknowledged_by")).toString(), QStringLiteral("alice"));
    QCOMPARE(m_store->incident(quiet)->state, IncidentState::Acknowledged);
    // Reopened, it can be acknowledged again.
    m_store->acknowledgeIncident(id, Carol, T0 + 40 * Minute);
    QCOMPARE(m_store->incident(id)->firstAcknowledgedAt, T0 + Minute);
    QCOMPARE(m_store->reopenAckTimedOut(timeout, T0 + 51 * Minute), QVector<qint64>{quiet});
}

void TestStoreIncidents::snoozeEndsWhenItsTimeComes()
{
    addUsers();
    IncidentTrigger t = trigger("dead:nightly");
    t.escalationPolicy = QStringLiteral("ops");
    const qint64 id = m_store->raiseIncident(t, T0).id;
    m_store->snoozeIncident(id, T0 + 60 * Minute, Alice, T0 + Minute);
    QCOMPARE(m_store->incident(id)->nextEscalationAt, 0); // nobody is paged while snoozed
    QVERIFY(m_store->expireIncidentSnoozes(T0 + 60 * Minute - 1).isEmpty());
    QCOMPARE(m_store->expireIncidentSnoozes(T0 + 60 * Minute), QVector<qint64>{id});
    QVERIFY(m_store->expireIncidentSnoozes(T0 + 61 * Minute).isEmpty());
    const Incident incident = *m_store->incident(id);
    QCOMPARE(incident.snoozedUntil, 0);
    QCOMPARE(incident.state, IncidentState::Triggered);
    QCOMPARE(incident.nextEscalationAt, T0 + 60 * Minute);
    QCOMPARE(m_store->incidentEvents(id).constLast().kind, IncidentEventKind::Unsnoozed);
}

void TestStoreIncidents::filtersBySeverityStateAndJob()
{
    addUsers();
    JobDef job;
    job.name = QStringLiteral("nightly");
    job.kind = QStringLiteral("noop");
    const qint64 jobId = m_store->upsertJob(job, Alice, T0);
    IncidentTrigger jobTrigger = trigger("dead:nightly", IncidentSeverity::Critical);
    jobTrigger.jobId = jobId;
    const qint64 a = m_store->raiseIncident(jobTrigger, T0).id;
    const qint64 b = m_store->raiseIncident(trigger("dead:run:5", IncidentSeverity::Warning), T0).id;
    const qint64 c = m_store->raiseIncident(trigger("dead:run:6", IncidentSeverity::Warning), T0).id;
    m_store->resolveIncident(c, Alice, {}, T0 + 1);
    m_store->acknowledgeIncident(b, Alice, T0 + 1);
    const auto ids = [&](const IncidentFilter &filter) {
        QVector<qint64> result;
        for (const Incident &i : m_store->incidents(filter))
            result.append(i.id);
        return result;
    };
    QCOMPARE(ids({}), (QVector<qint64>{c, b, a}));
    IncidentFilter filter;
    filter.openOnly = true;
    QCOMPARE(ids(filter), (QVector<qint64>{b, a}));
    filter.severity = IncidentSeverity::Warning;
    QCOMPARE(ids(filter), (QVector<qint64>{b}));
    filter = {};
    filter.state = IncidentState::Resolved;
    QCOMPARE(ids(filter), (QVector<qint64>{c}));
    filter = {};
    filter.jobId = jobId;
    QCOMPARE(ids(filter), (QVector<qint64>{a}));
    filter = {};
    filter.limit = 1;
    QCOMPARE(ids(filter), (QVector<qint64>{c}));
}

void TestStoreIncidents::statsGiveMeanAndMedianTimesToAcknowledgeAndResolve()
{
    addUsers();
    JobDef job;
    job.name = QStringLiteral("backup");
    job.kind = QStringLiteral("noop");
    const qint64 backup = m_store->upsertJob(job, Alice, T0);
    const auto raise = [&](const char *key, IncidentSeverity severity, qint64 jobId, const char *queue, qint64 at) {
        IncidentTrigger t = trigger(key, severity);
        t.jobId = jobId;
        t.queue = QLatin1String(queue);
        return m_store->raiseIncident(t, at).id;
    };
    // high: acknowledged after 1, 2 and 5 minutes; two resolved after 5 and 10 minutes.
    const qint64 a = raise("a", IncidentSeverity::High, backup, "ops", T0);
    const qint64 b = raise("b", IncidentSeverity::High, backup, "ops", T0);
    const qint64 c = raise("c", IncidentSeverity::High, 0, "default", T0);
    m_store->acknowledgeIncident(a, Alice, T0 + Minute);
    m_store->acknowledgeIncident(b, Alice, T0 + 2 * Minute);
    m_store->acknowledgeIncident(c, Alice, T0 + 5 * Minute);
    m_store->resolveIncident(a, Alice, {}, T0 + 5 * Minute);
    m_store->resolveIncident(b, Alice, {}, T0 + 10 * Minute);
    // warning: resolved after 1000 s, never acknowledged.
    const qint64 d = raise("d", IncidentSeverity::Warning, 0, "default", T0);
    m_store->resolveIncident(d, Alice, {}, T0 + 1'000'000);
    // Before the window: left out.
    const qint64 old = raise("old", IncidentSeverity::High, backup, "ops", T0 - 1);
    m_store->acknowledgeIncident(old, Alice, T0 + 100 * Minute);

    const QVector<IncidentStats> bySeverity = m_store->incidentStats(IncidentStatsGroup::Severity, T0);
    QCOMPARE(bySeverity.size(), 2);
    const IncidentStats &high = bySeverity.at(0);
    QCOMPARE(high.group, QStringLiteral("high"));
    QCOMPARE(high.count, 3);
    QCOMPARE(high.acknowledged, 3);
    QCOMPARE(high.meanAckMs, (1 + 2 + 5) * Minute / 3);
    QCOMPARE(high.medianAckMs, 2 * Minute);
    QCOMPARE(high.resolved, 2);
    QCOMPARE(high.meanResolveMs, qint64(7.5 * Minute));
    QCOMPARE(high.medianResolveMs, qint64(7.5 * Minute));
    const IncidentStats &warning = bySeverity.at(1);
    QCOMPARE(warning.group, QStringLiteral("warning"));
    QCOMPARE(warning.count, 1);
    QCOMPARE(warning.acknowledged, 0);
    QCOMPARE(warning.meanAckMs, 0);
    QCOMPARE(warning.meanResolveMs, 1'000'000);

    const QVector<IncidentStats> byJob = m_store->incidentStats(IncidentStatsGroup::Job, T0);
    QCOMPARE(byJob.size(), 2);
    QCOMPARE(byJob.at(0).group, QString()); // incidents of no job
    QCOMPARE(byJob.at(0).count, 2);
    QCOMPARE(byJob.at(1).group, QStringLiteral("backup"));
    QCOMPARE(byJob.at(1).count, 2);
    QCOMPARE(byJob.at(1).meanAckMs, qint64(1.5 * Minute));
    QCOMPARE(byJob.at(1).medianResolveMs, qint64(7.5 * Minute));

    const QVector<IncidentStats> byQueue = m_store->incidentStats(IncidentStatsGroup::Queue, T0 - 1);
    QCOMPARE(byQueue.size(), 2);
    QCOMPARE(byQueue.at(0).group, QStringLiteral("default"));
    QCOMPARE(byQueue.at(0).count, 2);
    QCOMPARE(byQueue.at(1).group, QStringLiteral("ops"));
    QCOMPARE(byQueue.at(1).count, 3);
    QCOMPARE(byQueue.at(1).medianAckMs, 2 * Minute);
}

void TestStoreIncidents::watermarksAreKeptByName()
{
    QCOMPARE(m_store->watermark(QStringLiteral("incident-watcher")), 0);
    m_store->setWatermark(QStringLiteral("incident-watcher"), T0);
    m_store->setWatermark(QStringLiteral("other"), 5);
    m_store->setWatermark(QStringLiteral("incident-watcher"), T0 + 10);
    QCOMPARE(m_store->watermark(QStringLiteral("incident-watcher")), T0 + 10);
    QCOMPARE(m_store->watermark(QStringLiteral("other")), 5);
}

void TestStoreIncidents::deadRunsFailedAttemptsAndRecoveryAreReadByFinishTime()
{
    JobDef job;
    job.name = QStringLiteral("check");
    job.kind = QStringLiteral("sql");
    const qint64 jobId = m_store->upsertJob(job, Alice, T0);
    // Runs finishing at T0 + 1 s .. T0 + 4 s: dead noop, failed sql attempt (retryable), dead sql, succeeded sql.
    struct Plan {
        const char *kind;
        RunState state;
        const char *outcome;
    };
    const Plan plans[] = {{"noop", RunState::Dead, "failed"},
                          {"sql", RunState::Retryable, "failed"},
                          {"sql", RunState::Dead, "timeout"},
                          {"sql", RunState::Succeeded, "succeeded"}};
    QVector<qint64> ids;
    qint64 at = T0;
    for (const Plan &plan : plans) {
        at += 1'000;
        NewRun run;
        run.kind = QLatin1String(plan.kind);
        run.jobId = run.kind == QLatin1String("sql") ? jobId : 0;
        run.maxAttempts = plan.state == RunState::Retryable ? 3 : 1;
        const qint64 id = m_store->enqueue({run}, at - 500).at(0).id;
        const ExchangeResult claimed = m_store->exchange({}, {QStringLiteral("n"), 1, at - 500, at + 30'000});
        QCOMPARE(claimed.claimed.size(), 1);
        Completion c;
        c.runId = id;
        c.attempt = 1;
        c.node = QStringLiteral("n");
        c.newState = plan.state;
        c.outcome = QLatin1String(plan.outcome);
        c.error = QStringLiteral("problem\nrow 1");
        c.startedAt = at - 500;
        c.finishedAt = at;
        c.nextRunAt = at + 60'000;
        QCOMPARE(m_store->exchange({c}, {QStringLiteral("n"), 0, at, at}).finished.size(), 1);
        ids.append(id);
    }
    const QVector<Run> dead = m_store->deadRunsBetween(T0, T0 + 10'000, 10);
    QCOMPARE(dead.size(), 2);
    QCOMPARE(dead.at(0).id, ids.at(0));
    QCOMPARE(dead.at(1).id, ids.at(2));
    QCOMPARE(dead.at(1).finishedAt, T0 + 3'000);
    QCOMPARE(m_store->deadRunsBetween(T0 + 1'000, T0 + 3'000, 10).size(), 1); // (after, upTo]
    QCOMPARE(m_store->deadRunsBetween(T0, T0 + 10'000, 1).size(), 1);

    const QVector<std::pair<Attempt, Run>> failed =
        m_store->failedAttemptsBetween(QStringLiteral("sql"), T0, T0 + 10'000, 10);
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.at(0).first.runId, ids.at(1));
    QCOMPARE(failed.at(0).first.outcome, QStringLiteral("failed"));
    QCOMPARE(failed.at(0).first.error, QStringLiteral("problem\nrow 1"));
    QCOMPARE(failed.at(0).first.finishedAt, T0 + 2'000);
    QCOMPARE(failed.at(0).second.jobId, jobId);
    QCOMPARE(failed.at(1).first.outcome, QStringLiteral("timeout"));
    QVERIFY(m_store->failedAttemptsBetween(QStringLiteral("noop"), T0, T0 + 10'000, 10).size() == 1);

    QVERIFY(m_store->jobSucceededAfter(jobId, ids.at(2), T0 + 3'000));
    QVERIFY(!m_store->jobSucceededAfter(jobId, ids.at(2), T0 + 4'000));
    QVERIFY(!m_store->jobSucceededAfter(jobId, ids.at(3) + 1, 0));
}

QTEST_GUILESS_MAIN(TestStoreIncidents)
#include "tst_storeincidents.moc"
