// SlaMonitor on a fake clock and a real SQLite database: a job goes stale exactly when its SLA passes and gets one
// incident however many passes follow (occurrences only as it misses further periods), resolved after a success;
// critical jobs raise critical incidents, a policy that is off raises none, one without auto-resolve stays open;
// too-long runs and failure rates raise and resolve their own incidents; a new leadership term resolves what an
// earlier one raised. The monitor lives on the test's thread, so each clock jump runs at most one pass, at once.
#include "engine/slamonitor.h"
#include "fakeclock.h"
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
const Actor Operator{QStringLiteral("operator")};

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

// Every 5 minutes: SLA 15 min.
JobDef fiveMinuteJob(const char *name)
{
    JobDef job;
    job.name = QLatin1String(name);
    job.kind = QStringLiteral("noop");
    job.schedule.kind = Schedule::Kind::Cron;
    job.schedule.cron = QStringLiteral("*/5 * * * *");
    return job;
}

JobDef onDemandJob(const char *name)
{
    JobDef job;
    job.name = QLatin1String(name);
    job.kind = QStringLiteral("noop");
    return job;
}
} // namespace

class TestSlaMonitor : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void staleJobRaisesOneIncidentWhenItsSlaPassesAndResolvesAfterASuccess();
    void criticalJobsRaiseCriticalIncidentsAndPolicyOffRaisesNone();
    void withoutAutoResolveTheIncidentStaysOpen();
    void tooLongRunRaisesAnIncidentUntilItFinishes();
    void failureRateOverItsThresholdRaisesAnIncidentUntilItRecovers();
    void newTermResolvesWhatAnEarlierLeaderRaised();

private:
    SlaMonitor *startMonitor()
    {
        m_monitor = std::make_unique<SlaMonitor>(m_db->opener(), m_clock.get());
        m_passes = std::make_unique<QSignalSpy>(m_monitor.get(), &SlaMonitor::checked);
        QSignalSpy failed(m_monitor.get(), &SlaMonitor::failed);
        m_monitor->start();
        if (m_passes->size() != 1 || !failed.isEmpty())
            qFatal("the monitor's first pass failed");
        return m_monitor.get();
    }
    // Moves the fake clock; the monitor's alarm runs a pass at once when one is due.
    void setNow(qint64 at) { m_clock->setNowMs(at); }
    Run startRun(qint64 jobId, qint64 at)
    {
        NewRun run;
        run.kind = QStringLiteral("noop");
        run.jobId = jobId;
        run.runAt = at;
        m_store->enqueue({run}, at);
        const ExchangeResult r = m_store->exchange({}, ClaimRequest{QStringLiteral("n1"), 1, at, at + 3600 * Second});
        if (r.claimed.size() != 1)
            qFatal("expected to claim one run");
        return r.claimed.constFirst();
    }
    void finishRun(const Run &run, RunState state, qint64 at)
    {
        Completion c;
        c.runId = run.id;
        c.attempt = run.attempt;
        c.node = QStringLiteral("n1");
        c.newState = state;
        c.outcome = state == RunState::Succeeded ? QStringLiteral("succeeded") : QStringLiteral("failed");
        c.startedAt = run.startedAt;
        c.finishedAt = at;
        m_store->exchange({c}, ClaimRequest{});
    }
    void runOnce(qint64 jobId, RunState state, qint64 at) { finishRun(startRun(jobId, at), state, at + Second); }
    QVector<Incident> incidentsWithKey(const QString &key)
    {
        IncidentFilter all;
        all.limit = 1000;
        QVector<Incident> found;
        for (const Incident &incident : m_store->incidents(all)) {
            if (incident.dedupKey == key)
                found.append(incident);
        }
        return found;
    }

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SlaMonitor> m_monitor;
    std::unique_ptr<QSignalSpy> m_passes;
};

void TestSlaMonitor::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_clock = std::make_unique<FakeClock>(utc("2026-12-05T10:00:00Z"));
    m_store = m_db->open();
}

void TestSlaMonitor::cleanup()
{
    m_passes.reset();
    m_monitor.reset();
    m_store.reset();
    m_clock.reset();
    m_db.reset();
}

void TestSlaMonitor::staleJobRaisesOneIncidentWhenItsSlaPassesAndResolvesAfterASuccess()
{
    const qint64 id = m_store->upsertJob(fiveMinuteJob("etl"), Operator, m_clock->nowMs());
    const QString key = SlaMonitor::staleKey(QStringLiteral("etl"));
    startMonitor();
    QVERIFY(incidentsWithKey(key).isEmpty());

    // Never succeeded: stale from creation + 15 min (the first fire at 10:05 + 10 min is the same instant).
    setNow(utc("2026-12-05T10:15:00Z"));
    QCOMPARE(m_passes->size(), 2);
    QVERIFY2(incidentsWithKey(key).isEmpty(), "exactly at the SLA is not stale yet");
    setNow(utc("2026-12-05T10:15:00.001Z"));
    QCOMPARE(m_passes->size(), 2); // the next pass is due at 10:15:30
    m_monitor->check();
    QCOMPARE(m_passes->last().at(0).toInt(), 1); // one stale job
    QVector<Incident> found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1);
    const Incident incident = found.constFirst();
    QCOMPARE(incident.source, IncidentSource::Stale);
    QCOMPARE(incident.severity, IncidentSeverity::High);
    QCOMPARE(incident.jobId, id);
    QCOMPARE(incident.occurrences, 1);
    QCOMPARE(incident.createdAt, utc("2026-12-05T10:15:00.001Z"));
    QVERIFY2(incident.title.contains(QStringLiteral("etl")), qPrintable(incident.title));
    QCOMPARE(QJsonDocument::fromJson(incident.detail).object().value(QStringLiteral("sla_ms")).toInteger(),
             15 * Minute);

    // Passes every 30 s for four more minutes: still one incident, no new occurrence.
    for (int i = 1; i <= 8; ++i)
        setNow(utc("2026-12-05T10:15:00.001Z") + i * 30 * Second);
    QCOMPARE(m_passes->size(), 11);
    found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().occurrences, 1);
    // A further period overdue is another missed fire: an occurrence on the same incident.
    setNow(utc("2026-12-05T10:20:01Z"));
    found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().occurrences, 2);
    QVERIFY(found.constFirst().isOpen());

    // A success resolves it at the next pass.
    runOnce(id, RunState::Succeeded, utc("2026-12-05T10:20:10Z"));
    setNow(utc("2026-12-05T10:20:31Z"));
    QCOMPARE(m_passes->last().at(2).toInt(), 1); // resolved
    found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().state, IncidentState::Resolved);
    QCOMPARE(found.constFirst().resolvedAt, utc("2026-12-05T10:20:31Z"));
    // And it stays resolved while the job keeps up.
    setNow(utc("2026-12-05T10:21:01Z"));
    QCOMPARE(m_passes->last().at(1).toInt(), 0);
    QCOMPARE(incidentsWithKey(key).size(), 1);
}

void TestSlaMonitor::criticalJobsRaiseCriticalIncidentsAndPolicyOffRaisesNone()
{
    JobDef critical = fiveMinuteJob("billing");
    critical.critical = true;
    m_store->upsertJob(critical, Operator, m_clock->nowMs());
    JobDef quiet = fiveMinuteJob("quiet");
    quiet.incidents.enabled = false;
    m_store->upsertJob(quiet, Operator, m_clock->nowMs());
    JobDef warning = fiveMinuteJob("reports");
    warning.incidents.severity = IncidentSeverity::Warning;
    m_store->upsertJob(warning, Operator, m_clock->nowMs());
    startMonitor();
    setNow(utc("2026-12-05T10:16:00Z"));
    QCOMPARE(m_passes->last().at(0).toInt(), 3); // all three are stale
    QCOMPARE(incidentsWithKey(SlaMonitor::staleKey(QStringLiteral("billing"))).value(0).severity,
             IncidentSeverity::Critical);
    QCOMPARE(incidentsWithKey(SlaMonitor::staleKey(QStringLiteral("reports"))).value(0).severity,
             IncidentSeverity::Warning);
    QVERIFY(incidentsWithKey(SlaMonitor::staleKey(QStringLiteral("quiet"))).isEmpty());
}

void TestSlaMonitor::withoutAutoResolveTheIncidentStaysOpen()
{
    JobDef job = fiveMinuteJob("manual");
    job.incidents.autoResolve = false;
    const qint64 id = m_store->upsertJob(job, Operator, m_clock->nowMs());
    startMonitor();
    setNow(utc("2026-12-05T10:16:00Z"));
    QCOMPARE(incidentsWithKey(SlaMonitor::staleKey(QStringLiteral("manual"))).size(), 1);
    runOnce(id, RunState::Succeeded, utc("2026-12-05T10:16:10Z"));
    setNow(utc("2026-12-05T10:16:31Z"));
    QCOMPARE(m_passes->last().at(0).toInt(), 0); // no longer stale...
    const QVector<Incident> found = incidentsWithKey(SlaMonitor::staleKey(QStringLiteral("manual")));
    QCOMPARE(found.size(), 1);
    QVERIFY(found.constFirst().isOpen()); // ...but an operator resolves the incident
}

void TestSlaMonitor::tooLongRunRaisesAnIncidentUntilItFinishes()
{
    JobDef job = onDemandJob("import");
    job.incidents.expectedDurationMs = 2 * Minute;
    const qint64 id = m_store->upsertJob(job, Operator, m_clock->nowMs());
    const QString key = SlaMonitor::tooLongKey(QStringLiteral("import"));
    startMonitor();
    const Run run = startRun(id, utc("2026-12-05T10:00:10Z"));
    setNow(utc("2026-12-05T10:02:10Z"));
    QVERIFY(incidentsWithKey(key).isEmpty());
    setNow(utc("2026-12-05T10:02:41Z"));
    QVector<Incident> found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().source, IncidentSource::TooLong);
    setNow(utc("2026-12-05T10:03:11Z"));
    QCOMPARE(incidentsWithKey(key).constFirst().occurrences, 1);
    // A second run going too long is another occurrence.
    const Run second = startRun(id, utc("2026-12-05T10:03:20Z"));
    setNow(utc("2026-12-05T10:05:41Z"));
    QCOMPARE(incidentsWithKey(key).constFirst().occurrences, 2);
    finishRun(run, RunState::Succeeded, utc("2026-12-05T10:05:50Z"));
    finishRun(second, RunState::Succeeded, utc("2026-12-05T10:05:55Z"));
    setNow(utc("2026-12-05T10:06:11Z"));
    found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().state, IncidentState::Resolved);
}

void TestSlaMonitor::failureRateOverItsThresholdRaisesAnIncidentUntilItRecovers()
{
    JobDef job = onDemandJob("flaky");
    job.incidents.failureRateThreshold = 0.5;
    job.incidents.failureRateWindow = 4;
    const qint64 id = m_store->upsertJob(job, Operator, m_clock->nowMs());
    const QString key = SlaMonitor::failureRateKey(QStringLiteral("flaky"));
    startMonitor();
    runOnce(id, RunState::Succeeded, utc("2026-12-05T10:00:01Z"));
    runOnce(id, RunState::Succeeded, utc("2026-12-05T10:00:02Z"));
    runOnce(id, RunState::Dead, utc("2026-12-05T10:00:03Z"));
    setNow(utc("2026-12-05T10:00:30Z"));
    QVERIFY(incidentsWithKey(key).isEmpty()); // 1 of 3: too few runs, and under the threshold
    runOnce(id, RunState::Dead, utc("2026-12-05T10:00:31Z"));
    setNow(utc("2026-12-05T10:01:00Z"));
    QVector<Incident> found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1); // 2 of 4 reaches 50 %
    QCOMPARE(found.constFirst().source, IncidentSource::FailureRate);
    setNow(utc("2026-12-05T10:01:30Z"));
    QCOMPARE(incidentsWithKey(key).constFirst().occurrences, 1);
    runOnce(id, RunState::Succeeded, utc("2026-12-05T10:01:31Z")); // 2 of 4 still
    setNow(utc("2026-12-05T10:02:00Z"));
    QCOMPARE(incidentsWithKey(key).constFirst().occurrences, 2);
    runOnce(id, RunState::Succeeded, utc("2026-12-05T10:02:01Z")); // 2 of 4 still
    runOnce(id, RunState::Succeeded, utc("2026-12-05T10:02:03Z")); // 1 of 4
    setNow(utc("2026-12-05T10:02:30Z"));
    found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().state, IncidentState::Resolved);
}

void TestSlaMonitor::newTermResolvesWhatAnEarlierLeaderRaised()
{
    const qint64 id = m_store->upsertJob(fiveMinuteJob("etl"), Operator, m_clock->nowMs());
    const QString key = SlaMonitor::staleKey(QStringLiteral("etl"));
    startMonitor();
    setNow(utc("2026-12-05T10:16:00Z"));
    QCOMPARE(incidentsWithKey(key).size(), 1);
    // Leadership moves: a fresh monitor knows nothing but what the database says.
    m_passes.reset();
    m_monitor.reset();
    runOnce(id, RunState::Succeeded, utc("2026-12-05T10:16:10Z"));
    setNow(utc("2026-12-05T10:16:30Z"));
    startMonitor();
    const QVector<Incident> found = incidentsWithKey(key);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().state, IncidentState::Resolved);
}

QTEST_GUILESS_MAIN(TestSlaMonitor)
#include "tst_slamonitor.moc"
