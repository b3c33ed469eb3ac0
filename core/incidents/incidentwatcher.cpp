#include "incidents/incidentwatcher.h"

#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace vigia {

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A batch that came back full ends somewhere inside the rows finished at its last instant: keep only the rows
// finished before that instant (all of which the batch holds) and return the instant up to which the pass is
// complete. When every row shares one instant, the whole batch counts.
template <typename Row, typename FinishedAt>
qint64 completeUpTo(QVector<Row> &rows, int batch, qint64 upTo, FinishedAt finishedAt)
{
    if (rows.size() < batch)
        return upTo;
    const qint64 last = finishedAt(rows.constLast());
    if (finishedAt(rows.constFirst()) == last)
        return last;
    return last - 1;
}

template <typename Row, typename FinishedAt> void dropAfter(QVector<Row> &rows, qint64 upTo, FinishedAt finishedAt)
{
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const Row &row) { return finishedAt(row) > upTo; }),
               rows.end());
}
} // namespace

IncidentWatcher::IncidentWatcher(StoreOpener opener, Clock *clock, IncidentWatcherConfig config, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_config(config)
    , m_alarm(new Alarm(clock, this))
{
    connect(m_alarm, &Alarm::rang, this, &IncidentWatcher::check);
}

IncidentWatcher::~IncidentWatcher() = default;

void IncidentWatcher::start()
{
    check();
}

const JobDef *IncidentWatcher::jobOf(qint64 jobId)
{
    if (jobId <= 0)
        return nullptr;
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end())
        it = m_jobs.insert(jobId, m_store->job(jobId));
    return it->has_value() ? &**it : nullptr;
}

void IncidentWatcher::check()
{
    const qint64 now = m_clock->nowMs();
    m_alarm->setDeadline(now + m_config.intervalMs);
    m_jobs.clear();
    try {
        if (!m_store)
            m_store = m_opener();
        int opened = 0;
        int resolved = 0;
        const qint64 upTo = now - m_config.commitSlackMs;
        qint64 from = m_store->watermark(WatermarkName);
        if (from == 0) {
            // The first pass ever starts from now: what went wrong before Vigia watched is history, not news.
            m_store->setWatermark(WatermarkName, upTo);
            from = upTo;
        }
        while (from < upTo) {
            QVector<Run> dead = m_store->deadRunsBetween(from, upTo, Batch);
            QVector<std::pair<Attempt, Run>> failed =
                m_store->failedAttemptsBetween(QStringLiteral("sql"), from, upTo, Batch);
            const auto runFinish = [](const Run &run) { return run.finishedAt; };
            const auto attemptFinish = [](const std::pair<Attempt, Run> &a) { return a.first.finishedAt; };
            const qint64 complete =
                std::min(completeUpTo(dead, Batch, upTo, runFinish), completeUpTo(failed, Batch, upTo, attemptFinish));
            dropAfter(dead, complete, runFinish);
            dropAfter(failed, complete, attemptFinish);
            opened += raiseForDeadRuns(dead, now);
            opened += raiseForFailedChecks(failed, now);
            m_store->setWatermark(WatermarkName, complete);
            from = complete;
        }
        resolved += resolveRecovered(now);
        int other = 0;
        if (m_config.ackTimeoutMs > 0)
            other += int(m_store->reopenAckTimedOut(m_config.ackTimeoutMs, now).size());
        other += int(m_store->expireIncidentSnoozes(now).size());
        if (opened + resolved + other > 0)
            emit incidentsChanged(opened, resolved);
    } catch (const StoreError &error) {
        qCWarning(lcEngine).noquote() << "incident watcher: database unavailable:" << error.message();
        emit failed(error.message());
    }
}

int IncidentWatcher::raiseForDeadRuns(const QVector<Run> &runs, qint64 now)
{
    int raised = 0;
    for (const Run &run : runs) {
        const JobDef *job = jobOf(run.jobId);
        if (job && !job->incidents.enabled)
            continue;
        IncidentTrigger trigger;
        trigger.source = IncidentSource::DeadRun;
        trigger.severity = job ? job->incidents.severity : IncidentSeverity::High;
        trigger.jobId = job ? job->id : 0;
        trigger.runId = run.id;
        trigger.queue = run.queue;
        if (job) {
            trigger.dedupKey = u"dead:" + job->name;
            trigger.title = tr("Job %1: run %2 went dead").arg(job->name).arg(run.id);
        } else {
            trigger.dedupKey = QStringLiteral("dead:run:%1").arg(run.id);
            trigger.title = tr("Run %1 (%2, queue %3) went dead").arg(run.id).arg(run.kind, run.queue);
        }
        trigger.detail = json({{QStringLiteral("run_id"), run.id},
                               {QStringLiteral("kind"), run.kind},
                               {QStringLiteral("queue"), run.queue},
                               {QStringLiteral("attempts"), run.attempt},
                               {QStringLiteral("finished_at"), run.finishedAt},
                               {QStringLiteral("error"), run.error}});
        const IncidentTriggerResult result = m_store->raiseIncident(trigger, now);
        qCInfo(lcEngine).noquote() << "incident" << result.id << (result.created ? "opened:" : "occurrence:")
                                   << trigger.dedupKey;
        ++raised;
    }
    return raised;
}

int IncidentWatcher::raiseForFailedChecks(const QVector<std::pair<Attempt, Run>> &attempts, qint64 now)
{
    int raised = 0;
    for (const auto &[attempt, run] : attempts) {
        const JobDef *job = jobOf(run.jobId);
        if (!job || !job->incidents.enabled)
            continue; // an ad-hoc check has nothing to recover; its dead run opens an incident of its own
        IncidentTrigger trigger;
        trigger.source = IncidentSource::SqlCheck;
        trigger.severity = job->incidents.severity;
        trigger.jobId = job->id;
        trigger.runId = run.id;
        trigger.queue = run.queue;
        trigger.dedupKey = u"sql:" + job->name;
        // The sql executor's error is the problem on its first line and the offending rows after it.
        const QString problem = attempt.error.section(u'\n', 0, 0);
        trigger.title = tr("Check %1 failed: %2").arg(job->name, problem);
        trigger.detail = json({{QStringLiteral("run_id"), run.id},
                               {QStringLiteral("attempt"), attempt.attempt},
                               {QStringLiteral("outcome"), attempt.outcome},
                               {QStringLiteral("finished_at"), attempt.finishedAt},
                               {QStringLiteral("error"), problem},
                               {QStringLiteral("rows"), attempt.error.section(u'\n', 1)}});
        const IncidentTriggerResult result = m_store->raiseIncident(trigger, now);
        qCInfo(lcEngine).noquote() << "incident" << result.id << (result.created ? "opened:" : "occurrence:")
                                   << trigger.dedupKey;
        ++raised;
    }
    return raised;
}

int IncidentWatcher::resolveRecovered(qint64 now)
{
    IncidentFilter filter;
    filter.openOnly = true;
    filter.limit = -1;
    int resolved = 0;
    for (const Incident &incident : m_store->incidents(filter)) {
        const bool dead = incident.source == IncidentSource::DeadRun && incident.dedupKey.startsWith(u"dead:");
        const bool check = incident.source == IncidentSource::SqlCheck && incident.dedupKey.startsWith(u"sql:");
        if ((!dead && !check) || incident.jobId == 0)
            continue;
        const JobDef *job = jobOf(incident.jobId);
        if (!job || !job->incidents.autoResolve)
            continue;
        // Recovered: a run at or after the failing one succeeded after the failure (a run that succeeded while an
        // older one was still retrying towards its death does not count).
        const qint64 failedAt =
            QJsonDocument::fromJson(incident.detail).object().value(QLatin1String("finished_at")).toInteger();
        if (!m_store->jobSucceededAfter(job->id, incident.runId, failedAt))
            continue;
        const QString note =
            dead ? tr("a later run of %1 succeeded").arg(job->name) : tr("check %1 passes again").arg(job->name);
        if (m_store->resolveIncidentByKey(incident.dedupKey, Actor{}, note, now)) {
            qCInfo(lcEngine).noquote() << "incident" << incident.id << "resolved:" << incident.dedupKey << "recovered";
            ++resolved;
        }
    }
    return resolved;
}

} // namespace vigia
