// Jobs as code on every Store backend: applyDeclarations() validates everything first, writes in one transaction
// with an audit row per change, is idempotent, honours --dry-run, and prunes only what may go.
#include "storefixture.h"

#include "store/storeconnectiondirectory.h"

#include <QRegularExpression>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
const Actor Operator{QStringLiteral("tester")};
constexpr qint64 T0 = 1'700'000'000'000;

NewRun newRun(const QString &kind = QStringLiteral("noop"), const QString &queue = QStringLiteral("default"))
{
    NewRun run;
    run.kind = kind;
    run.queue = queue;
    return run;
}

JobDef declaredJob(const char *name, const char *queue = "default")
{
    JobDef job;
    job.name = QLatin1String(name);
    job.queue = QLatin1String(queue);
    job.kind = QStringLiteral("sleep");
    job.payload = QByteArrayLiteral(R"({"ms":5})");
    job.schedule.kind = Schedule::Kind::Cron;
    job.schedule.cron = QStringLiteral("*/5 * * * *");
    job.schedule.timeZone = QStringLiteral("America/Sao_Paulo");
    return job;
}

QStringList describeChanges(const ApplyResult &result)
{
    QStringList lines;
    for (const DeclarationChange &c : result.changes) {
        lines << declarationActionName(c.action) + u' ' + declarationObjectName(c.object) + u' ' + c.name + u' ' +
                     c.fields.join(u',');
    }
    return lines;
}
} // namespace

class TestStoreApply : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void applyDeclarationsCreatesThenUpdatesOnlyWhatDiffers();
    void applyDeclarationsDryRunWritesNothing();
    void applyDeclarationsPruneDeletesAndUnlinksRuns();
    void applyDeclarationsRefusesPruningQueueWithWaitingRuns();
    void applyDeclarationsRefusesPruningQueueWithUnhandledDeadRuns();
    void applyDeclarationsRejectsJobInMissingQueue();
    void applyDeclarationsRejectsInvalidDeclarationsWritingNothing();
    void applyDeclarationsComparesSlaCriticalAndIncidentPolicy();
    void applyDeclarationsCreatesUpdatesAndPrunesConnections();
    void applyDeclarationsRefusesLiteralConnectionPasswordsWritingNothing();
    void storeConnectionDirectoryFindsAppliedConnections();
    void applyDeclarationsCreatesUpdatesAndPrunesUsers();
    void applyDeclarationsPrunesOnlyTheDeclaredSections();

private:
    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;
};

void TestStoreApply::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : availableBackends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void TestStoreApply::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fixture = makeFixture(backend);
    m_store = m_fixture->open();
}

void TestStoreApply::cleanup()
{
    m_store.reset();
    m_fixture.reset();
}

void TestStoreApply::applyDeclarationsCreatesThenUpdatesOnlyWhatDiffers()
{
    Declarations declarations{{Queue{QStringLiteral("reports"), 2, false}},
                              {declaredJob("nightly", "reports"), declaredJob("hourly")}};
    ApplyResult result = m_store->applyDeclarations(declarations, false, false, Operator, T0);
    QCOMPARE(describeChanges(result),
             QStringList({QStringLiteral("create queue reports "), QStringLiteral("create job hourly "),
                          QStringLiteral("create job nightly ")}));
    QCOMPARE(m_store->auditLog(100).size(), 3);
    QCOMPARE(m_store->auditLog(1).at(0).actor, Operator.name);
    const qint64 nightly = m_store->jobByName(QStringLiteral("nightly"))->id;
    const qint64 hourly = m_store->jobByName(QStringLiteral("hourly"))->id;
    QVERIFY(m_store->recordFires(nightly, 0, T0 + 60'000, {}, T0));
    QVERIFY(m_store->recordFires(hourly, 0, T0 + 60'000, {}, T0));
    const qint64 revision = m_store->jobsRevision();

    // The same declarations again: nothing written, not even an audit row.
    result = m_store->applyDeclarations(declarations, false, false, Operator, T0 + 1);
    QVERIFY(!result.hasChanges());
    QCOMPARE(result.count(DeclarationChange::Action::Unchanged), 3);
    QCOMPARE(m_store->auditLog(100).size(), 3);
    QCOMPARE(m_store->jobsRevision(), revision);

    // A new rule forgets the booked fire; a new window and payload keep it. Payloads compare as JSON.
    declarations.queues[0].concurrency = 3;
    declarations.jobs[0].schedule.cron = QStringLiteral("*/10 * * * *");
    declarations.jobs[1].schedule.window.weekdays = 0x1F;
    declarations.jobs[1].payload = QByteArrayLiteral(R"({ "ms" : 6 })");
    result = m_store->applyDeclarations(declarations, false, false, Operator, T0 + 2);
    QCOMPARE(describeChanges(result), QStringList({QStringLiteral("update queue reports concurrency"),
                                                   QStringLiteral("update job hourly spec,schedule.window"),
                                                   QStringLiteral("update job nightly schedule.cron")}));
    QCOMPARE(m_store->job(nightly)->nextFireAt, 0);
    QCOMPARE(m_store->job(hourly)->nextFireAt, T0 + 60'000);
    QCOMPARE(m_store->job(hourly)->schedule.window.weekdays, quint8(0x1F));
    QCOMPARE(m_store->queue(QStringLiteral("reports"))->concurrency, 3);
    const QVector<AuditEntry> audit = m_store->auditLog(3);
    QCOMPARE(audit.at(0).action, QStringLiteral("job.update"));
    QCOMPARE(audit.at(2).action, QStringLiteral("queue.update"));
    declarations.jobs[1].payload = QByteArrayLiteral(R"({"ms":6})");
    QVERIFY(!m_store->applyDeclarations(declarations, false, false, Operator, T0 + 3).hasChanges());
}

void TestStoreApply::applyDeclarationsDryRunWritesNothing()
{
    const Declarations declarations{{Queue{QStringLiteral("reports"), 2, true}}, {declaredJob("nightly", "reports")}};
    const ApplyResult dry = m_store->applyDeclarations(declarations, true, true, Operator, T0);
    QVERIFY(dry.dryRun);
    QCOMPARE(dry.count(DeclarationChange::Action::Create), 2);
    QVERIFY(!m_store->queue(QStringLiteral("reports")));
    QVERIFY(m_store->jobs().isEmpty());
    QVERIFY(m_store->auditLog(10).isEmpty());
    const ApplyResult real = m_store->applyDeclarations(declarations, true, false, Operator, T0);
    QCOMPARE(describeChanges(real), describeChanges(dry));
    QVERIFY(m_store->queue(QStringLiteral("reports"))->paused);
}

void TestStoreApply::applyDeclarationsPruneDeletesAndUnlinksRuns()
{
    m_store->applyDeclarations({{Queue{QStringLiteral("spare"), 1, false}}, {declaredJob("old"), declaredJob("kept")}},
                               false, false, Operator, T0);
    const JobDef old = *m_store->jobByName(QStringLiteral("old"));
    NewRun run = old.newRun();
    const qint64 runId = m_store->enqueue({run}, T0).at(0).id;
    const ApplyResult result = m_store->applyDeclarations({{}, {declaredJob("kept")}}, true, false, Operator, T0 + 1);
    QCOMPARE(describeChanges(result),
             QStringList({QStringLiteral("delete queue spare "), QStringLiteral("unchanged job kept "),
                          QStringLiteral("delete job old ")}));
    QVERIFY(!m_store->queue(QStringLiteral("spare")));
    QVERIFY(m_store->queue(QStringLiteral("default"))); // never pruned
    QVERIFY(!m_store->jobByName(QStringLiteral("old")));
    QCOMPARE(m_store->run(runId)->jobId, 0); // the run stays, unlinked
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("queue.delete"));
    QCOMPARE(m_store->auditLog(2).at(1).action, QStringLiteral("job.delete"));
}

void TestStoreApply::applyDeclarationsRefusesPruningQueueWithWaitingRuns()
{
    m_store->applyDeclarations({{Queue{QStringLiteral("busy"), 1, false}}, {}}, false, false, Operator, T0);
    m_store->enqueue({newRun(QStringLiteral("noop"), QStringLiteral("busy"))}, T0);
    const int auditRows = int(m_store->auditLog(100).size());
    for (bool dryRun : {true, false}) {
        try {
            m_store->applyDeclarations({{Queue{QStringLiteral("fresh"), 1, false}}, {}}, true, dryRun, Operator, T0);
            QFAIL("pruning a queue with a waiting run was not refused");
        } catch (const StoreError &error) {
            QCOMPARE(error.kind(), StoreError::Kind::Invalid);
            QVERIFY2(error.message().contains(QLatin1String("\"busy\"")), qPrintable(error.message()));
        }
    }
    QVERIFY(m_store->queue(QStringLiteral("busy")));
    QVERIFY(!m_store->queue(QStringLiteral("fresh")));
    QCOMPARE(int(m_store->auditLog(100).size()), auditRows);
}

void TestStoreApply::applyDeclarationsRejectsJobInMissingQueue()
{
    for (bool prune : {false, true}) {
        try {
            m_store->applyDeclarations({{}, {declaredJob("lost", "nowhere")}}, prune, false, Operator, T0);
            QFAIL("a job in a queue that does not exist was accepted");
        } catch (const StoreError &error) {
            QCOMPARE(error.kind(), StoreError::Kind::Invalid);
        }
    }
    QVERIFY(m_store->jobs().isEmpty());
}

void TestStoreApply::applyDeclarationsRefusesPruningQueueWithUnhandledDeadRuns()
{
    m_store->applyDeclarations({{Queue{QStringLiteral("graveyard"), 1, false}}, {}}, false, false, Operator, T0);
    NewRun run = newRun(QStringLiteral("fail"), QStringLiteral("graveyard"));
    run.maxAttempts = 1;
    const qint64 id = m_store->enqueue({run}, T0).at(0).id;
    const Run claimed = m_store->exchange({}, ClaimRequest{QStringLiteral("n1"), 1, T0, T0 + 30'000}).claimed.at(0);
    Completion dead;
    dead.runId = id;
    dead.attempt = claimed.attempt;
    dead.node = QStringLiteral("n1");
    dead.newState = RunState::Dead;
    dead.outcome = QStringLiteral("failed");
    dead.startedAt = claimed.startedAt;
    dead.finishedAt = T0 + 10;
    m_store->exchange({dead}, ClaimRequest{QStringLiteral("n1"), 0, T0 + 10, T0 + 30'000});
    QCOMPARE(m_store->run(id)->state, RunState::Dead);
    try {
        m_store->applyDeclarations({}, true, false, Operator, T0 + 20);
        QFAIL("pruning a queue with an unhandled dead run was not refused");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::Invalid);
        QVERIFY2(error.message().contains(QLatin1String("1 dead runs not yet handled")), qPrintable(error.message()));
    }
    QVERIFY(m_store->queue(QStringLiteral("graveyard")));
    // Once discarded, the dead run no longer holds the queue; it stays in the database for the record.
    m_store->discard(id, Operator, T0 + 30);
    const ApplyResult result = m_store->applyDeclarations({}, true, false, Operator, T0 + 40);
    QCOMPARE(describeChanges(result), QStringList{QStringLiteral("delete queue graveyard ")});
    QVERIFY(!m_store->queue(QStringLiteral("graveyard")));
    QVERIFY(m_store->run(id));
}

void TestStoreApply::applyDeclarationsRejectsInvalidDeclarationsWritingNothing()
{
    JobDef badCron = declaredJob("bad");
    badCron.schedule.cron = QStringLiteral("0 0 32 * *");
    const QVector<Declarations> invalid{
        {{Queue{QStringLiteral("ok"), 1, false}, Queue{QStringLiteral("ok"), 2, false}}, {}},
        {{Queue{QStringLiteral("zero"), 0, false}}, {}},
        {{Queue{QStringLiteral("ok"), 1, false}}, {declaredJob("twice"), declaredJob("twice")}},
        {{Queue{QStringLiteral("ok"), 1, false}}, {declaredJob("good"), badCron}},
    };
    for (const Declarations &declarations : invalid) {
        for (bool dryRun : {true, false}) {
            try {
                m_store->applyDeclarations(declarations, false, dryRun, Operator, T0);
                QFAIL("invalid declarations were accepted");
            } catch (const StoreError &error) {
                QCOMPARE(error.kind(), StoreError::Kind::Invalid);
            }
        }
    }
    QVERIFY(!m_store->queue(QStringLiteral("ok")));
    QVERIFY(m_store->jobs().isEmpty());
    QVERIFY(m_store->auditLog(10).isEmpty());
}

void TestStoreApply::applyDeclarationsComparesSlaCriticalAndIncidentPolicy()
{
    Declarations declarations{{}, {declaredJob("nightly")}};
    JobDef &job = declarations.jobs[0];
    job.sla = {0, 30 * 60'000, 5 * 60'000};
    job.critical = true;
    job.incidents.severity = IncidentSeverity::Warning;
    m_store->applyDeclarations(declarations, false, false, Operator, T0);
    const std::optional<JobDef> stored = m_store->jobByName(QStringLiteral("nightly"));
    QVERIFY(stored->sla == job.sla);
    QVERIFY(stored->critical);
    QVERIFY(stored->incidents == job.incidents);
    QVERIFY(!m_store->applyDeclarations(declarations, false, false, Operator, T0 + 1).hasChanges());

    job.sla.graceMs = 0;
    job.critical = false;
    job.incidents.enabled = false;
    job.incidents.autoResolve = false;
    job.incidents.failureRateThreshold = 0.5;
    job.incidents.failureRateWindow = 10;
    job.incidents.expectedDurationMs = 60'000;
    const ApplyResult result = m_store->applyDeclarations(declarations, false, false, Operator, T0 + 2);
    QCOMPARE(describeChanges(result),
             QStringList{QStringLiteral("update job nightly sla.grace,critical,incident_policy.severity,"
                                        "incident_policy.auto_resolve,incident_policy.failure_rate,"
                                        "incident_policy.expected_duration")});
    QVERIFY(m_store->jobByName(QStringLiteral("nightly"))->incidents == job.incidents);
    QVERIFY(!m_store->applyDeclarations(declarations, false, false, Operator, T0 + 3).hasChanges());
    // Invalid values are refused before anything is written.
    job.incidents.failureRateThreshold = 2;
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->applyDeclarations(declarations, false, false, Operator, T0 + 4));
}

void TestStoreApply::applyDeclarationsCreatesUpdatesAndPrunesConnections()
{
    const Connection reports{QStringLiteral("reports"), QStringLiteral("postgresql://reporter@db.internal/reports"),
                             QStringLiteral("${secret:REPORTS_DB}")};
    const Connection lite{QStringLiteral("lite"), QStringLiteral("sqlite:/srv/app.db"), {}};
    Declarations declarations;
    declarations.connections = {reports, lite};

    const ApplyResult dry = m_store->applyDeclarations(declarations, false, true, Operator, T0);
    QCOMPARE(describeChanges(dry),
             QStringList({QStringLiteral("create connection lite "), QStringLiteral("create connection reports ")}));
    QVERIFY(m_store->connections().isEmpty());
    QVERIFY(m_store->auditLog(10).isEmpty());

    QCOMPARE(describeChanges(m_store->applyDeclarations(declarations, false, false, Operator, T0)),
             describeChanges(dry));
    QCOMPARE(m_store->connections(), (QVector<Connection>{lite, reports})); // by name
    QCOMPARE(m_store->connection(QStringLiteral("reports")), std::optional<Connection>(reports));
    QVERIFY(!m_store->connection(QStringLiteral("nowhere")));
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("connection.create"));
    QCOMPARE(m_store->auditLog(1).at(0).target, QStringLiteral("connection:reports"));

    // Idempotent: not even an audit row.
    QVERIFY(!m_store->applyDeclarations(declarations, false, false, Operator, T0 + 1).hasChanges());
    QCOMPARE(m_store->auditLog(100).size(), 2);

    declarations.connections[0].url = QStringLiteral("postgresql://reporter@db2.internal/reports");
    declarations.connections[0].password = QStringLiteral("${secret:REPORTS_DB_2}");
    declarations.connections[1].url = QStringLiteral("sqlite:/srv/app2.db");
    QCOMPARE(describeChanges(m_store->applyDeclarations(declarations, false, false, Operator, T0 + 2)),
             QStringList({QStringLiteral("update connection lite url"),
                          QStringLiteral("update connection reports url,password")}));
    QCOMPARE(m_store->connection(QStringLiteral("reports"))->password, QStringLiteral("${secret:REPORTS_DB_2}"));
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("connection.update"));
    QVERIFY2(m_store->auditLog(1).at(0).detail.contains(QLatin1String(R"("fields":["url","password"])")),
             qPrintable(m_store->auditLog(1).at(0).detail));

    // Without prune an undeclared connection stays; with it, it goes.
    Declarations onlyLite;
    onlyLite.connections = {declarations.connections[1]};
    QVERIFY(!m_store->applyDeclarations(onlyLite, false, false, Operator, T0 + 3).hasChanges());
    QCOMPARE(m_store->connections().size(), 2);
    QCOMPARE(describeChanges(m_store->applyDeclarations(onlyLite, true, false, Operator, T0 + 4)),
             QStringList({QStringLiteral("unchanged connection lite "), QStringLiteral("delete connection reports ")}));
    QCOMPARE(m_store->connections().size(), 1);
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("connection.delete"));
}

void TestStoreApply::applyDeclarationsRefusesLiteralConnectionPasswordsWritingNothing()
{
    const Connection good{QStringLiteral("good"), QStringLiteral("sqlite:/srv/app.db"), {}};
    const QVector<Connection> bad{
        {QStringLiteral("literal"), QStringLiteral("postgresql://app@db/app"), QStringLiteral("hunter2")},
        {QStringLiteral("in-url"), QStringLiteral("postgresql://app:hunter2@db/app"), {}},
        {QStringLiteral("in-query"), QStringLiteral("postgresql://app@db/app?password=hunter2"), {}},
        {QStringLiteral("other"), QStringLiteral("mysql://db/app"), {}},
        {QStringLiteral(""), QStringLiteral("sqlite:/a.db"), {}},
        {QStringLiteral("good"), QStringLiteral("sqlite:/b.db"), {}}, // a duplicate name
    };
    for (const Connection &connection : bad) {
        for (bool dryRun : {true, false}) {
            try {
                Declarations declarations{{Queue{QStringLiteral("q"), 1, false}}, {}};
                declarations.connections = {good, connection};
                m_store->applyDeclarations(declarations, false, dryRun, Operator, T0);
                QFAIL(qPrintable(u"accepted the connection " + connection.name));
            } catch (const StoreError &error) {
                QCOMPARE(error.kind(), StoreError::Kind::Invalid);
                QVERIFY2(!error.message().contains(QLatin1String("hunter2")), qPrintable(error.message()));
            }
        }
    }
    QVERIFY(m_store->connections().isEmpty());
    QVERIFY(!m_store->queue(QStringLiteral("q")));
    QVERIFY(m_store->auditLog(10).isEmpty());
    // The table refuses a password that is not a reference even behind the store's back.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^cannot execute")));
    m_fixture->execute(QStringLiteral("INSERT INTO connections (name, url, password_ref, created_at, updated_at) "
                                      "VALUES ('x', 'sqlite:/x', 'hunter2', 0, 0)"));
    QVERIFY(m_store->connections().isEmpty());
}

void TestStoreApply::storeConnectionDirectoryFindsAppliedConnections()
{
    StoreFixture *fixture = m_fixture.get();
    const StoreConnectionDirectory directory([fixture] { return fixture->open(); }, QStringLiteral("sqlite:/own.db"));
    QCOMPARE(directory.localUrl(), QStringLiteral("sqlite:/own.db"));
    QString error = QStringLiteral("stale");
    QVERIFY(!directory.find(QStringLiteral("reports"), &error));
    QVERIFY(error.isEmpty()); // not declared, rather than unreadable
    const Connection reports{QStringLiteral("reports"), QStringLiteral("postgresql://reporter@db/reports"),
                             QStringLiteral("${secret:REPORTS_DB}")};
    Declarations declarations;
    declarations.connections = {reports};
    m_store->applyDeclarations(declarations, false, false, Operator, T0);
    // Applied while the directory exists: the next lookup finds it.
    QCOMPARE(directory.find(QStringLiteral("reports"), &error), std::optional<Connection>(reports));

    const StoreConnectionDirectory broken(
        []() -> std::unique_ptr<Store> { throw StoreError(QStringLiteral("database unreachable")); }, {});
    QVERIFY(!broken.find(QStringLiteral("reports"), &error));
    QCOMPARE(error, QStringLiteral("database unreachable"));
}

void TestStoreApply::applyDeclarationsCreatesUpdatesAndPrunesUsers()
{
    User alice;
    alice.name = QStringLiteral("alice");
    alice.email = QStringLiteral("alice@example.com");
    alice.role = Role::Operator;
    alice.timeZone = QStringLiteral("America/Sao_Paulo");
    alice.channels = {
        {ContactChannel::Kind::Email, QStringLiteral("alice@example.com"), {}},
        {ContactChannel::Kind::Webhook, QStringLiteral("https://hooks.example.com/a"), QStringLiteral("slack")}};
    DndWindow night;
    night.startMinute = 22 * 60;
    night.endMinute = 7 * 60;
    alice.doNotDisturb = {night};
    User bob;
    bob.name = QStringLiteral("bob");
    Declarations declarations;
    declarations.users = {alice, bob};

    const ApplyResult dry = m_store->applyDeclarations(declarations, false, true, Operator, T0);
    QCOMPARE(describeChanges(dry),
             QStringList({QStringLiteral("create user alice "), QStringLiteral("create user bob ")}));
    QVERIFY(m_store->users().isEmpty());
    QCOMPARE(describeChanges(m_store->applyDeclarations(declarations, false, false, Operator, T0)),
             describeChanges(dry));
    QCOMPARE(m_store->user(QStringLiteral("alice")), std::optional<User>(alice));
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("user.create"));
    QVERIFY(!m_store->applyDeclarations(declarations, false, false, Operator, T0 + 1).hasChanges());
    QCOMPARE(m_store->auditLog(100).size(), 2);

    declarations.users[0].role = Role::Admin;
    declarations.users[0].channels.removeFirst();
    declarations.users[0].doNotDisturb[0].weekdays = {6, 7};
    QCOMPARE(describeChanges(m_store->applyDeclarations(declarations, false, false, Operator, T0 + 2)),
             QStringList({QStringLiteral("update user alice role,channels,do_not_disturb"),
                          QStringLiteral("unchanged user bob ")}));
    QCOMPARE(m_store->user(QStringLiteral("alice")), std::optional<User>(declarations.users[0]));
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("user.update"));

    // A user made by other means is left alone without prune and deleted with it.
    User carol;
    carol.name = QStringLiteral("carol");
    m_store->upsertUser(carol, Operator, T0 + 3);
    QVERIFY(!m_store->applyDeclarations(declarations, false, false, Operator, T0 + 4).hasChanges());
    QCOMPARE(describeChanges(m_store->applyDeclarations(declarations, true, false, Operator, T0 + 5)),
             QStringList({QStringLiteral("unchanged user alice "), QStringLiteral("unchanged user bob "),
                          QStringLiteral("delete user carol ")}));
    QVERIFY(!m_store->user(QStringLiteral("carol")));
    QCOMPARE(m_store->auditLog(1).at(0).action, QStringLiteral("user.delete"));

    // Invalid users are refused before anything is written.
    declarations.users[1].timeZone = QStringLiteral("Mars/Olympus");
    declarations.queues = {Queue{QStringLiteral("q"), 1, false}};
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->applyDeclarations(declarations, false, false, Operator, T0 + 6));
    declarations.users[1] = alice;
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->applyDeclarations(declarations, false, false, Operator, T0 + 6));
    QVERIFY(!m_store->queue(QStringLiteral("q")));
    QCOMPARE(m_store->user(QStringLiteral("bob"))->timeZone, QStringLiteral("UTC"));
}

void TestStoreApply::applyDeclarationsPrunesOnlyTheDeclaredSections()
{
    User alice;
    alice.name = QStringLiteral("alice");
    alice.role = Role::Admin;
    Declarations all;
    all.queues = {Queue{QStringLiteral("reports"), 1, false}};
    all.jobs = {declaredJob("nightly", "reports"), declaredJob("hourly")};
    all.users = {alice};
    m_store->applyDeclarations(all, false, false, Operator, T0);

    // Jobs only (as a file with just a jobs: key): the other job goes, the queue it used and the admin stay.
    Declarations jobsOnly;
    jobsOnly.jobs = {declaredJob("hourly")};
    jobsOnly.sections = Declarations::Jobs;
    QCOMPARE(describeChanges(m_store->applyDeclarations(jobsOnly, true, false, Operator, T0 + 1)),
             QStringList({QStringLiteral("unchanged job hourly "), QStringLiteral("delete job nightly ")}));
    QCOMPARE(m_store->users().size(), 1);
    QVERIFY(m_store->queue(QStringLiteral("reports")));

    // An empty users section: exactly no users.
    Declarations noUsers;
    noUsers.sections = Declarations::Users;
    QCOMPARE(describeChanges(m_store->applyDeclarations(noUsers, true, false, Operator, T0 + 2)),
             QStringList{QStringLiteral("delete user alice ")});
    QCOMPARE(m_store->jobs().size(), 1);

    // A queues section that leaves out a queue a staying job uses is refused, writing nothing.
    m_store->applyDeclarations(all, false, false, Operator, T0 + 3);
    Declarations queuesOnly;
    queuesOnly.sections = Declarations::Queues;
    QVERIFY_THROWS_EXCEPTION(StoreError, m_store->applyDeclarations(queuesOnly, true, false, Operator, T0 + 4));
    QVERIFY(m_store->queue(QStringLiteral("reports")));
    QCOMPARE(m_store->jobs().size(), 2);
}

QTEST_GUILESS_MAIN(TestStoreApply)
#include "tst_storeapply.moc"
