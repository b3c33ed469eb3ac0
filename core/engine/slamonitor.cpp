#include "engine/slamonitor.h"

#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace vigia {

namespace {
QString instant(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

// "1h 05m", "3d 2h", "45s": how long, for titles.
QString span(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m").arg(s / 60);
    if (s < 86400)
        return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1d %2h").arg(s / 86400).arg((s % 86400) / 3600);
}

bool isOurs(IncidentSource source)
{
    return source == IncidentSource::Stale || source == IncidentSource::TooLong ||
           source == IncidentSource::FailureRate;
}
} // namespace

SlaMonitor::SlaMonitor(StoreOpener opener, Clock *clock, qint64 intervalMs, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_intervalMs(std::max<qint64>(1, intervalMs))
    , m_alarm(new Alarm(clock, this))
{
    connect(m_alarm, &Alarm::rang, this, &SlaMonitor::check);
}

SlaMonitor::~SlaMonitor() = default;

void SlaMonitor::start()
{
    check();
}

void SlaMonitor::loadOpenIncidents()
{
    IncidentFilter filter;
    filter.openOnly = true;
    filter.limit = 100'000;
    for (const Incident &incident : m_store->incidents(filter)) {
        if (isOurs(incident.source))
            m_open.insert(incident.dedupKey, QString());
    }
    m_loaded = true;
}

void SlaMonitor::check()
{
    const qint64 now = m_clock->nowMs();
    m_alarm->setDeadline(now + m_intervalMs);
    int stale = 0;
    int raised = 0;
    int resolved = 0;
    try {
        if (!m_store)
            m_store = m_opener();
        if (!m_loaded)
            loadOpenIncidents();
        const HealthReport report = m_check.run(*m_store, now, HealthCheck::JobsOnly);
        for (qsizetype i = 0; i < report.jobs.size(); ++i) {
            const JobDef &job = report.jobs.at(i);
            const JobHealth &health = report.system.jobs.at(i);
            if (health.stale)
                ++stale;

            Condition staleness;
            staleness.key = staleKey(job.name);
            staleness.source = IncidentSource::Stale;
            staleness.active = health.stale;
            if (health.stale) {
                // Another period overdue is another missed fire: one occurrence each.
                const qint64 periods = health.periodMs > 0 ? health.overdueMs / health.periodMs : 0;
                staleness.fingerprint = QStringLiteral("%1/%2").arg(health.staleAt).arg(periods);
                staleness.title = health.lastSuccessAt > 0
                                      ? tr("Job %1 is stale: no success since %2 (SLA %3)")
                                            .arg(job.name, instant(health.lastSuccessAt), span(health.slaMs))
                                      : tr("Job %1 is stale: no success since it was created (SLA %2)")
                                            .arg(job.name, span(health.slaMs));
                staleness.detail = QJsonObject{
                    {QStringLiteral("last_success_at"), instant(health.lastSuccessAt)},
                    {QStringLiteral("period_ms"), health.periodMs},
                    {QStringLiteral("sla_ms"), health.slaMs},
                    {QStringLiteral("stale_at"), instant(health.staleAt)},
                    {QStringLiteral("overdue_ms"), health.overdueMs},
                };
            }
            staleness.resolveNote = tr("the job succeeded again");
            apply(job, staleness, now, raised, resolved);

            Condition tooLong;
            tooLong.key = tooLongKey(job.name);
            tooLong.source = IncidentSource::TooLong;
            tooLong.active = !health.tooLong.isEmpty();
            if (tooLong.active) {
                qint64 newest = 0;
                qint64 longest = 0;
                QJsonArray runs;
                for (const LongRun &run : health.tooLong) {
                    newest = std::max(newest, run.runId);
                    longest = std::max(longest, run.runningMs);
                    runs.append(QJsonObject{{QStringLiteral("run_id"), run.runId},
                                            {QStringLiteral("started_at"), instant(run.startedAt)},
                                            {QStringLiteral("running_ms"), run.runningMs}});
                }
                tooLong.fingerprint = QString::number(newest); // another run going too long adds an occurrence
                tooLong.title =
                    tr("Job %1 runs too long: %2 (limit %3)").arg(job.name, span(longest), span(health.runLimitMs));
                tooLong.detail = QJsonObject{{QStringLiteral("limit_ms"), health.runLimitMs},
                                             {QStringLiteral("limit_derived"), health.runLimitIsDerived},
                                             {QStringLiteral("runs"), runs}};
            }
            tooLong.resolveNote = tr("no run of the job runs too long any more");
            apply(job, tooLong, now, raised, resolved);

            Condition failureRate;
            failureRate.key = failureRateKey(job.name);
            failureRate.source = IncidentSource::FailureRate;
            failureRate.active = health.failureRateBreached;
            if (failureRate.active) {
                // Another run finishing while the rate stays over adds an occurrence.
                failureRate.fingerprint = QString::number(health.lastFinishedAt);
                failureRate.title = tr("Job %1 fails too often: %2 of its last %3 runs (threshold %4%)")
                                        .arg(job.name)
                                        .arg(health.failures)
                                        .arg(health.finishedRuns)
                                        .arg(health.failureRateThreshold * 100, 0, 'g', 3);
                failureRate.detail = QJsonObject{{QStringLiteral("failures"), health.failures},
                                                 {QStringLiteral("runs"), health.finishedRuns},
                                                 {QStringLiteral("rate"), health.failureRate},
                                                 {QStringLiteral("threshold"), health.failureRateThreshold}};
            }
            failureRate.resolveNote = tr("the job's failure rate is back under its threshold");
            apply(job, failureRate, now, raised, resolved);
        }
        emit checked(stale, raised, resolved);
    } catch (const StoreError &error) {
        qCWarning(lcEngine).noquote() << "SLA monitor: database unavailable:" << error.message();
        m_store.reset(); // a fresh connection next time
        emit failed(error.message());
    }
}

void SlaMonitor::apply(const JobDef &job, const Condition &condition, qint64 now, int &raised, int &resolved)
{
    const auto open = m_open.constFind(condition.key);
    if (!condition.active) {
        if (open == m_open.constEnd() || !job.incidents.autoResolve)
            return;
        if (m_store->resolveIncidentByKey(condition.key, Actor{}, condition.resolveNote, now)) {
            ++resolved;
            qCInfo(lcEngine).noquote() << "resolved incident" << condition.key;
        }
        m_open.remove(condition.key);
        return;
    }
    if (!job.incidents.enabled || (open != m_open.constEnd() && *open == condition.fingerprint))
        return;
    IncidentTrigger trigger;
    trigger.dedupKey = condition.key;
    trigger.source = condition.source;
    trigger.title = condition.title;
    trigger.severity = job.critical ? IncidentSeverity::Critical : job.incidents.severity;
    trigger.jobId = job.id;
    trigger.queue = job.queue;
    trigger.detail = QJsonDocument(condition.detail).toJson(QJsonDocument::Compact);
    const IncidentTriggerResult result = m_store->raiseIncident(trigger, now);
    ++raised;
    m_open.insert(condition.key, condition.fingerprint);
    if (result.created)
        qCInfo(lcEngine).noquote() << "opened incident" << result.id << condition.key;
}

} // namespace vigia
