#include "engine/scheduler.h"

#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

namespace vigia {

namespace {
constexpr qint64 MaxRetryMs = 10'000;
}

Scheduler::Scheduler(StoreOpener opener, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_fireAlarm(new Alarm(clock, this))
    , m_revisionAlarm(new Alarm(clock, this))
{
    connect(m_fireAlarm, &Alarm::rang, this, &Scheduler::tick);
    connect(m_revisionAlarm, &Alarm::rang, this, &Scheduler::checkRevision);
}

Scheduler::~Scheduler() = default;

QString Scheduler::uniqueKeyFor(qint64 jobId, qint64 fireAt)
{
    return QStringLiteral("fire:%1:%2").arg(jobId).arg(fireAt);
}

void Scheduler::start()
{
    const qint64 now = m_clock->nowMs();
    try {
        m_store = m_opener();
        m_revision = m_store->jobsRevision();
        runOnStart(m_store->jobs(), now);
    } catch (const StoreError &error) {
        // Try again later (the database may be restarting); tick() comes back here while there is no connection.
        m_store.reset();
        m_retryMs = std::clamp<qint64>(m_retryMs * 2, 100, MaxRetryMs);
        m_fireAlarm->setDeadline(now + m_retryMs);
        emit failed(error.message());
        return;
    }
    tick();
    emit started(); // after the first tick: every job knows its next fire
}

void Scheduler::wake()
{
    if (m_store)
        tick();
}

void Scheduler::runOnStart(const QVector<JobDef> &jobs, qint64 now)
{
    QVector<NewRun> runs;
    for (const JobDef &job : jobs) {
        if (!job.schedule.isScheduled() || !job.schedule.runOnStart || job.schedule.paused)
            continue;
        NewRun run = job.newRun();
        run.runAt = now;
        // One start run per job and scheduler start, even if two schedulers start together.
        run.uniqueKey = QStringLiteral("start:%1:%2").arg(job.id).arg(now / 1000);
        runs.append(run);
    }
    if (runs.isEmpty())
        return;
    m_store->enqueue(runs, now);
    emit firesEnqueued(int(runs.size()));
}

void Scheduler::checkRevision()
{
    m_revisionAlarm->setDeadline(m_clock->nowMs() + RevisionPollMs);
    try {
        const qint64 revision = m_store->jobsRevision();
        if (revision == m_revision)
            return;
    } catch (const StoreError &error) {
        qCWarning(lcEngine).noquote() << "scheduler cannot read job changes:" << error.message();
        return;
    }
    tick();
}

void Scheduler::tick()
{
    if (!m_store) {
        start();
        return;
    }
    const qint64 now = m_clock->nowMs();
    qint64 earliest = 0;
    int enqueued = 0;
    try {
        m_revision = m_store->jobsRevision();
        if (m_revision != m_rulesRevision) {
            m_rules.clear();
            m_rulesRevision = m_revision;
        }
        for (const JobDef &job : m_store->jobs()) {
            if (job.schedule.isScheduled())
                enqueued += fireJob(job, now, earliest);
        }
        m_retryMs = 0;
    } catch (const StoreError &error) {
        if (m_retryMs == 0)
            qCWarning(lcEngine).noquote() << "scheduler: database unreachable, retrying:" << error.message();
        m_retryMs = std::clamp<qint64>(m_retryMs * 2, 500, MaxRetryMs);
        m_fireAlarm->setDeadline(now + m_retryMs);
        return;
    }
    if (enqueued > 0)
        emit firesEnqueued(enqueued);
    m_revisionAlarm->setDeadline(now + RevisionPollMs);
    if (earliest > 0)
        m_fireAlarm->setDeadline(earliest);
    else
        m_fireAlarm->clear();
}

int Scheduler::fireJob(const JobDef &job, qint64 now, qint64 &earliest)
{
    auto cached = m_rules.find(job.id);
    if (cached == m_rules.end()) {
        QString error;
        std::optional<ScheduleRule> compiled = ScheduleRule::compile(job.schedule, &error);
        if (!compiled) {
            // Jobs are validated when written; this guards against rows edited by hand or a zone the system lost.
            qCWarning(lcEngine).noquote() << "job" << job.name << "has an invalid schedule:" << error;
            return 0;
        }
        cached = m_rules.emplace(job.id, std::move(*compiled)).first;
    }
    const ScheduleRule *rule = &cached->second;
    const FirePlan plan = rule->plan(job.nextFireAt, now);
    if (plan.missed > 0) {
        qCInfo(lcEngine).noquote() << "job" << job.name << "missed" << plan.missed << "fire(s); misfire policy"
                                   << misfirePolicyName(job.schedule.misfire) << "enqueues" << plan.fires.size();
    }
    int enqueued = 0;
    if (!plan.fires.isEmpty() || plan.nextFireAt != job.nextFireAt) {
        QVector<NewRun> runs;
        for (qint64 fireAt : plan.fires) {
            NewRun run = job.newRun();
            run.runAt = fireAt + rule->jitterFor(job.id, fireAt);
            run.uniqueKey = uniqueKeyFor(job.id, fireAt);
            runs.append(run);
        }
        if (m_store->recordFires(job.id, job.nextFireAt, plan.nextFireAt, runs, now))
            enqueued = int(runs.size());
        // Lost the race: another scheduler booked this fire; the next tick reads its result.
    }
    if (!job.schedule.paused && plan.nextFireAt > 0)
        earliest = earliest == 0 ? plan.nextFireAt : std::min(earliest, plan.nextFireAt);
    return enqueued;
}

} // namespace vigia
