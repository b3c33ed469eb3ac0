// The incident watcher on a real database and a fake clock: a dead run opens an incident keyed by its job (or by
// the run when ad-hoc) with the job's severity, repeats add occurrences, a later success resolves it; a failing sql
// check opens sql:<job> with its offending rows and a passing one resolves it; a policy turned off opens nothing;
// history from before the first pass and completions inside the commit slack are handled as documented; the
// watermark carries over to the next leader; acknowledgements time out and snoozes end on the watcher's passes.
#include "engine/engine.h"
#include "executors/executorregistry.h"
#include "fakeclock.h"
#include "incidents/incidentwatcher.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {
const Actor Operator{QStringLiteral("tester")};
constexpr qint64 Slack = 5'000;
constexpr qint64 Minute = 60'000;

IncidentWatcherConfig config()
{
    IncidentWatcherConfig c;
    c.intervalMs = 5'000;
    c.commitSlackMs = Slack;
    c.ackTimeoutMs = 30 * Minute;
    return c;
}
} // namespace

class TestIncidentWatcher : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void deadJobRunOpensAnIncidentAndALaterSuccessResolvesIt();
    void adHocDeadRunOpensAnIncidentOfItsOwn();
    void jobPolicySetsTheSeverityOrTurnsIncidentsOff();
    void successBeforeTheDeathDoesNotResolve();
    void failingSqlCheckOpensAnIncidentWithTheOffendingRows();
    void historyBeforeTheFirstPassIsNotNews();
    void completionsInsideTheCommitSlackWaitForTheNextPass();
    void watermarkCarriesOverToTheNextLeader();
    void moreDeadRunsThanABatchAreAllSeen();
    void acknowledgementTimeoutAndSnoozeRunOnEachPass();
    void alarmRunsPassesOnTheFakeClock();
    void engineRunsTheWatcherAsALeaderDuty();

private:
    qint64 addJob(const char *name, const char *kind, const std::function<void(JobDef &)> &edit = {});
    // A run of `jobId` (0: ad-hoc) that ends in `state` at `finishedAt`, with one attempt of `outcome`.
    qint64 finishRun(qint64 jobId, const char *kind, RunState state, qint64 finishedAt, const QString &error = {},
                     qint64 runId = 0);
    std::unique_ptr<IncidentWatcher> watcher();
    QVector<Incident> openIncidents();

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store;
};

void TestIncidentWatcher::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_clock = std::make_unique<FakeClock>();
    m_store = m_db->open();
}

void TestIncidentWatcher::cleanup()
{
    m_store.reset();
    m_clock.reset();
    m_db.reset();
}

qint64 TestIncidentWatcher::addJob(const char *name, const char *kind, const std::function<void(JobDef &)> &edit)
{
    JobDef job;
    job.name = QLatin1String(name);
    job.kind = QLatin1String(kind);
    if (edit)
        edit(job);
    return m_store->upsertJob(job, Operator, m_clock->nowMs());
}

qint64 TestIncidentWatcher::finishRun(qint64 jobId, const char *kind, RunState state, qint64 finishedAt,
                                      const QString &error, qint64 runId)
{
    if (runId == 0) {
        NewRun run;
        run.kind = QLatin1String(kind);
        run.jobId = jobId;
        run.maxAttempts = state == RunState::Retryable ? 3 : 1;
        run.runAt = finishedAt - 2'000;
        runId = m_store->enqueue({run}, finishedAt - 2'000).at(0).id;
    }
    const ExchangeResult claimed =
        m_store->exchange({}, {QStringLiteral("node-1"), 1, finishedAt - 1'000, finishedAt + 30'000});
    if (claimed.claimed.size() != 1 || claimed.claimed.at(0).id != runId)
        qFatal("run %lld was not claimed", runId);
    Completion c;
    c.runId = runId;
    c.attempt = claimed.claimed.at(0).attempt;
    c.node = QStringLiteral("node-1");
    c.newState = state;
    c.outcome = state == RunState::Succeeded ? QStringLiteral("succeeded") : QStringLiteral("failed");
    c.error = error;
    c.startedAt = finishedAt - 1'000;
    c.finishedAt = finishedAt;
    c.nextRunAt = state == RunState::Retryable ? finishedAt + 1'000 : 0;
    if (m_store->exchange({c}, {QStringLiteral("node-1"), 0, finishedAt, finishedAt + 30'000}).finished.size() != 1)
        qFatal("run %lld did not finish", runId);
    return runId;
}

std::unique_ptr<IncidentWatcher> TestIncidentWatcher::watcher()
{
    return std::make_unique<IncidentWatcher>(m_db->opener(), m_clock.get(), config());
}

QVector<Incident> TestIncidentWatcher::openIncidents()
{
    IncidentFilter filter;
    filter.openOnly = true;
    return m_store->incidents(filter);
}

void TestIncidentWatcher::deadJobRunOpensAnIncidentAndALaterSuccessResolvesIt()
{
    const qint64 jobId = addJob("nightly", "noop");
    auto w = watcher();
    const qint64 t0 = m_clock->nowMs();
    w->check(); // the first pass only sets the watermark
    const qint64 first = finishRun(jobId, "noop", RunState::Dead, t0 + 1'000, QStringLiteral("disk full"));
    m_clock->setNowMs(t0 + 1'000 + Slack);
    w->check();
    QVector<Incident> open = openIncidents();
    QCOMPARE(open.size(), 1);
    const Incident incident = open.at(0);
    QCOMPARE(incident.dedupKey, QStringLiteral("dead:nightly"));
    QCOMPARE(incident.source, IncidentSource::DeadRun);
    QCOMPARE(incident.severity, IncidentSeverity::High);
    QCOMPARE(incident.jobId, jobId);
    QCOMPARE(incident.runId, first);
    QCOMPARE(incident.queue, QStringLiteral("default"));
    QVERIFY2(incident.title.contains(QLatin1String("nightly")), qPrintable(incident.title));
    QCOMPARE(QJsonDocument::fromJson(incident.detail).object().value(QLatin1String("error")).toString(),
             QStringLiteral("disk full"));

    // Another dead run of the job adds an occurrence; a pass with nothing new changes nothing.
    const qint64 second = finishRun(jobId, "noop", RunState::Dead, t0 + 10'000);
    m_clock->setNowMs(t0 + 20'000);
    w->check();
    w->check();
    open = openIncidents();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).occurrences, 2);
    QCOMPARE(open.at(0).runId, second);

    // A later run that succeeds resolves it.
    finishRun(jobId, "noop", RunState::Succeeded, t0 + 25'000);
    m_clock->setNowMs(t0 + 26'000);
    w->check();
    QVERIFY(openIncidents().isEmpty());
    const Incident resolved = *m_store->incident(incident.id);
    QCOMPARE(resolved.state, IncidentState::Resolved);
    QCOMPARE(resolved.resolvedAt, t0 + 26'000);
    const IncidentEvent last = m_store->incidentEvents(incident.id).constLast();
    QCOMPARE(last.kind, IncidentEventKind::Resolved);
    QVERIFY(QJsonDocument::fromJson(last.detail).object().value(QLatin1String("auto")).toBool());

    // Dying again opens a new incident.
    finishRun(jobId, "noop", RunState::Dead, t0 + 30'000);
    m_clock->setNowMs(t0 + 40'000);
    w->check();
    open = openIncidents();
    QCOMPARE(open.size(), 1);
    QVERIFY(open.at(0).id != incident.id);
}

void TestIncidentWatcher::adHocDeadRunOpensAnIncidentOfItsOwn()
{
    auto w = watcher();
    const qint64 t0 = m_clock->nowMs();
    w->check();
    const qint64 a = finishRun(0, "noop", RunState::Dead, t0 + 1'000);
    const qint64 b = finishRun(0, "noop", RunState::Dead, t0 + 2'000);
    finishRun(0, "noop", RunState::Succeeded, t0 + 3'000);
    m_clock->setNowMs(t0 + 3'000 + Slack);
    w->check();
    const QVector<Incident> open = openIncidents();
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(0).dedupKey, QStringLiteral("dead:run:%1").arg(b));
    QCOMPARE(open.at(1).dedupKey, QStringLiteral("dead:run:%1").arg(a));
    QCOMPARE(open.at(1).severity, IncidentSeverity::High);
    QCOMPARE(open.at(1).jobId, 0);
}

void TestIncidentWatcher::jobPolicySetsTheSeverityOrTurnsIncidentsOff()
{
    const qint64 quiet = addJob("quiet", "noop", [](JobDef &job) { job.incidents.enabled = false; });
    const qint64 loud = addJob("loud", "noop", [](JobDef &job) {
        job.incidents.severity = IncidentSeverity::Critical;
        job.incidents.autoResolve = false;
    });
    auto w = watcher();
    const qint64 t0 = m_clock->nowMs();
    w->check();
    finishRun(quiet, "noop", RunState::Dead, t0 + 1'000);
    finishRun(loud, "noop", RunState::Dead, t0 + 1'000);
    finishRun(loud, "noop", RunState::Succeeded, t0 + 2'000);
    m_clock->setNowMs(t0 + 2'000 + Slack);
    w->check();
    const QVector<Incident> open = openIncidents();
    QCOMPARE(open.size(), 1); // auto_resolve off: the success leaves it open
    QCOMPARE(open.at(0).dedupKey, QStringLiteral("dead:loud"));
    QCOMPARE(open.at(0).severity, IncidentSeverity::Critical);
}

void TestIncidentWatcher::successBeforeTheDeathDoesNotResolve()
{
    const qint64 jobId = addJob("slow", "noop");
    auto w = watcher();
    const qint64 t0 = m_clock->nowMs();
    w->check();
    // The older run kept retrying while a newer one succeeded; the older one then died.
    NewRun older;
    older.kind = QStringLiteral("noop");
    older.jobId = jobId;
    older.maxAttempts = 1;
    older.runAt = t0 + 100;
    const qint64 olderId = m_store->enqueue({older}, t0 + 100).at(0).id;
    const qint64 newer = finishRun(jobId, "noop", RunState::Succeeded, t0 + 500);
    QVERIFY(newer > olderId);
    finishRun(jobId, "noop", RunState::Dead, t0 + 2'000, {}, olderId);
    m_clock->setNowMs(t0 + 2'000 + Slack);
    w->check();
    QCOMPARE(openIncidents().size(), 1);
}

void TestIncidentWatcher::failingSqlCheckOpensAnIncidentWithTheOffendingRows()
{
    const qint64 jobId = addJob("no-stuck-runs", "sql");
    auto w = watcher();
    const qint64 t0 = m_clock->nowMs();
    w->check();
    const QString error = QStringLiteral("2 rows returned; at most 0 allowed\nid | state\n7 | running\n9 | running");
    const qint64 runId = finishRun(jobId, "sql", RunState::Retryable, t0 + 1'000, error);
    m_clock->setNowMs(t0 + 1'000 + Slack);
    w->check();
    QVector<Incident> open = openIncidents();
    QCOMPARE(open.size(), 1);
    const Incident incident = open.at(0);
    QCOMPARE(incident.dedupKey, QStringLiteral("sql:no-stuck-runs"));
    QCOMPARE(incident.source, IncidentSource::SqlCheck);
    QCOMPARE(incident.runId, runId);
    QVERIFY2(incident.title.contains(QLatin1String("at most 0 allowed")), qPrintable(incident.title));
    const QJsonObject detail = QJsonDocument::fromJson(incident.detail).object();
    QCOMPARE(detail.value(QLatin1String("rows")).toString(), QStringLiteral("id | state\n7 | running\n9 | running"));
    QCOMPARE(detail.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));

    // The retry of the same run passes: resolved.
    finishRun(jobId, "sql", RunState::Succeeded, t0 + 10'000, {}, runId);
    m_clock->setNowMs(t0 + 10'000 + Slack);
    w->check();
    QVERIFY(openIncidents().isEmpty());
    QCOMPARE(m_store->incident(incident.id)->state, IncidentState::Resolved);
}

void TestIncidentWatcher::historyBeforeTheFirstPassIsNotNews()
{
    const qint64 t0 = m_clock->nowMs();
    finishRun(0, "noop", RunState::Dead, t0 - 60 * Minute);
    auto w = watcher();
    w->check();
    QVERIFY(openIncidents().isEmpty());
    QCOMPARE(m_store->watermark(IncidentWatcher::WatermarkName), t0 - Slack);
}

void TestIncidentWatcher::completionsInsideTheCommitSlackWaitForTheNextPass()
{
    auto w = watcher();
    const qint64 t0 = m_clock->nowMs();
    w->check();
    m_clock->setNowMs(t0 + 10'000);
    finishRun(0, "noop", RunState::Dead, t0 + 9'000);
    w->check();
    QVERIFY(openIncidents().isEmpty());
    m_clock->setNowMs(t0 + 9'000 + Slack);
    w->check();
    QCOMPARE(openIncidents().size(), 1);
}

void TestIncidentWatcher::watermarkCarriesOverToTheNextLeader()
{
    const qint64 jobId = addJob("nightly", "noop");
    const qint64 t0 = m_clock->nowMs();
    watcher()->check();
    finishRun(jobId, "noop", RunState::Dead, t0 + 1'000);
    m_clock->setNowMs(t0 + 10'000);
    watcher()->check(); // one leader's term
    m_clock->setNowMs(t0 + 20'000);
    watcher()->check(); // the next leader's
    const QVector<Incident> open = openIncidents();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).occurrences, 1);
    QCOMPARE(m_store->watermark(IncidentWatcher::WatermarkName), t0 + 20'000 - Slack);
}

void TestIncidentWatcher::moreDeadRunsThanABatchAreAllSeen()
{
    auto w = watcher();
    const qint64 t0 = m_clock->nowMs();
    w->check();
    // Three runs per millisecond, so that a batch ends inside a group sharing one finish time.
    constexpr int Runs = IncidentWatcher::Batch + 100;
    QVector<NewRun> runs(Runs);
    for (NewRun &run : runs) {
        run.kind = QStringLiteral("noop");
        run.maxAttempts = 1;
    }
    m_store->setQueueConcurrency(QStringLiteral("default"), Runs, Operator, t0);
    const QVector<EnqueueResult> ids = m_store->enqueue(runs, t0);
    const ExchangeResult claimed = m_store->exchange({}, {QStringLiteral("node-1"), Runs, t0, t0 + 60'000});
    QCOMPARE(claimed.claimed.size(), Runs);
    QVector<Completion> completions;
    for (int i = 0; i < Runs; ++i) {
        Completion c;
        c.runId = ids.at(i).id;
        c.attempt = 1;
        c.node = QStringLiteral("node-1");
        c.newState = RunState::Dead;
        c.outcome = QStringLiteral("failed");
        c.startedAt = t0;
        c.finishedAt = t0 + 1 + i / 3;
        completions.append(c);
    }
    QCOMPARE(m_store->exchange(completions, {QStringLiteral("node-1"), 0, t0, t0}).finished.size(), Runs);
    m_clock->setNowMs(t0 + 1'000 + Slack);
    w->check();
    IncidentFilter filter;
    filter.limit = -1;
    QCOMPARE(m_store->incidents(filter).size(), Runs);
    for (const Incident &incident : m_store->incidents(filter))
        QCOMPARE(incident.occurrences, 1);
}

void TestIncidentWatcher::acknowledgementTimeoutAndSnoozeRunOnEachPass()
{
    const qint64 t0 = m_clock->nowMs();
    const qint64 acked = m_store
                             ->raiseIncident({QStringLiteral("ext:a"),
                                              IncidentSource::External,
                                              QStringLiteral("a"),
                                              IncidentSeverity::Info,
                                              0,
                                              0,
                                              {},
                                              {},
                                              {}},
                                             t0)
                             .id;
    const qint64 snoozed = m_store
                               ->raiseIncident({QStringLiteral("ext:b"),
                                                IncidentSource::External,
                                                QStringLiteral("b"),
                                                IncidentSeverity::Info,
                                                0,
                                                0,
                                                {},
                                                {},
                                                {}},
                                               t0)
                               .id;
    m_store->acknowledgeIncident(acked, Actor{osUser()}, t0);
    m_store->snoozeIncident(snoozed, t0 + 10 * Minute, Actor{osUser()}, t0);
    auto w = watcher();
    QSignalSpy changed(w.get(), &IncidentWatcher::incidentsChanged);
    w->check();
    QCOMPARE(changed.size(), 0);
    m_clock->setNowMs(t0 + 10 * Minute);
    w->check();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_store->incident(snoozed)->snoozedUntil, 0);
    QCOMPARE(m_store->incident(acked)->state, IncidentState::Acknowledged);
    m_clock->setNowMs(t0 + 30 * Minute);
    w->check();
    QCOMPARE(m_store->incident(acked)->state, IncidentState::Triggered);
    QCOMPARE(m_store->incidentEvents(acked).constLast().kind, IncidentEventKind::Reopened);
}

void TestIncidentWatcher::alarmRunsPassesOnTheFakeClock()
{
    auto w = watcher();
    const qint64 t0 = m_clock->nowMs();
    w->start();
    finishRun(0, "noop", RunState::Dead, t0 + 1'000);
    QSignalSpy changed(w.get(), &IncidentWatcher::incidentsChanged);
    // Passes every 5 s: at t0 + 5 s the run is still inside the commit slack, at t0 + 10 s it is seen.
    m_clock->setNowMs(t0 + 5'000);
    m_clock->setNowMs(t0 + 10'000 - 1);
    QCOMPARE(changed.size(), 0);
    QVERIFY(openIncidents().isEmpty());
    m_clock->setNowMs(t0 + 10'000);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(openIncidents().size(), 1);
}

void TestIncidentWatcher::engineRunsTheWatcherAsALeaderDuty()
{
    EngineConfig engineConfig;
    engineConfig.nodeId = QStringLiteral("node-a");
    engineConfig.runScheduler = false;
    engineConfig.runRescuer = false;
    engineConfig.incidentWatch = config();
    const ExecutorRegistry registry = ExecutorRegistry::withBuiltins();
    Engine engine(engineConfig, m_db->opener(), m_clock.get(), registry);
    QSignalSpy gained(&engine, &Engine::leadershipGained);
    engine.start();
    QTRY_COMPARE(gained.size(), 1);
    QVERIFY(engine.leaderDuty(QStringLiteral("incident-watcher")) != nullptr);
    // Its first pass set the watermark in the database.
    QTRY_COMPARE(m_store->watermark(IncidentWatcher::WatermarkName), m_clock->nowMs() - Slack);
    QSignalSpy stopped(&engine, &Engine::stopped);
    engine.stop(0);
    QTRY_COMPARE(stopped.size(), 1);
}

QTEST_GUILESS_MAIN(TestIncidentWatcher)
#include "tst_incidentwatcher.moc"
