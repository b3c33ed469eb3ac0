#include "incidents/jobhealth.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace vigia {

namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;
constexpr qint64 WeekMs = 7 * DayMs;

// A lower bound for the next instant after `at` (a fire the window or postpone_until holds back) at which a fire may
// pass: postpone_until, the window's next start of day, or the next local midnight when only weekdays restrict.
// Jumping there instead of stepping fire by fire keeps a minutely job's weekend to a few steps.
qint64 nextOpeningAfter(const ScheduleRule &rule, qint64 at)
{
    const Schedule &schedule = rule.schedule();
    if (schedule.postponeUntil > at)
        return schedule.postponeUntil;
    const ExecutionWindow &window = schedule.window;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at, rule.zone());
    QDateTime opening;
    if (window.hasTimeOfDay()) {
        const QTime start(window.startMinute / 60, window.startMinute % 60);
        opening = QDateTime(local.date(), start, rule.zone());
        if (opening.toMSecsSinceEpoch() <= at)
            opening = QDateTime(local.date().addDays(1), start, rule.zone());
    } else {
        opening = QDateTime(local.date().addDays(1), QTime(0, 0), rule.zone());
    }
    return opening.isValid() ? opening.toMSecsSinceEpoch() : 0;
}

// `rule` is null for a job without a schedule, which has an SLA only through its SLA period.
void evaluateStale(JobHealth &health, const JobHealthPolicy &policy, const JobActivity &activity,
                   const ScheduleRule *rule, qint64 now)
{
    health.periodMs = policy.periodMs > 0 ? policy.periodMs
                      : rule              ? JobHealthEvaluator::expectedPeriodMs(*rule, now)
                                          : 0;
    if (health.periodMs <= 0)
        return;
    health.slaIsDefault = policy.slaMs <= 0;
    const qint64 sla = health.slaIsDefault ? JobHealthEvaluator::defaultSlaMs(health.periodMs) : policy.slaMs;
    health.slaMs = sla + std::max<qint64>(0, policy.slaGraceMs);
    const qint64 base = activity.lastSuccessAt > 0 ? activity.lastSuccessAt : activity.jobCreatedAt;
    health.staleAt = base + health.slaMs;
    if (rule) {
        const qint64 due = JobHealthEvaluator::firstExpectedFireAfter(*rule, base);
        if (due <= 0) {
            health.staleAt = 0;
            return; // nothing is expected of the job
        }
        health.staleAt = std::max(health.staleAt, due + std::max<qint64>(0, health.slaMs - health.periodMs));
    }
    health.stale = now > health.staleAt;
    if (health.stale)
        health.overdueMs = now - health.staleAt;
}

void evaluateTooLong(JobHealth &health, const JobHealthPolicy &policy, const JobActivity &activity, qint64 now)
{
    if (policy.expectedDurationMs > 0) {
        health.runLimitMs = policy.expectedDurationMs;
    } else {
        const QVector<qint64> samples = activity.recentDurationsMs.mid(0, JobHealthEvaluator::DurationSamples);
        if (samples.size() >= JobHealthEvaluator::MinDurationSamples) {
            health.runLimitMs =
                std::max(JobHealthEvaluator::DurationMultiple * JobHealthEvaluator::percentile95(samples),
                         JobHealthEvaluator::MinimumDerivedRunLimitMs);
            health.runLimitIsDerived = true;
        }
    }
    if (health.runLimitMs <= 0)
        return;
    for (const JobActivity::RunningRun &run : activity.running) {
        if (run.startedAt > 0 && now - run.startedAt > health.runLimitMs)
            health.tooLong.append(LongRun{run.runId, run.startedAt, now - run.startedAt, health.runLimitMs});
    }
}

void evaluateFailureRate(JobHealth &health, const JobHealthPolicy &policy, const JobActivity &activity)
{
    if (policy.failureRateWindow <= 0 || policy.failureRateThreshold <= 0)
        return;
    health.failureRateThreshold = policy.failureRateThreshold;
    health.failureWindow = policy.failureRateWindow;
    for (RunState state : activity.recentOutcomes) {
        if (health.finishedRuns == health.failureWindow)
            break;
        if (state != RunState::Succeeded && state != RunState::Dead)
            continue;
        ++health.finishedRuns;
        if (state == RunState::Dead)
            ++health.failures;
    }
    if (health.finishedRuns > 0)
        health.failureRate = double(health.failures) / health.finishedRuns;
    const int needed = std::min(health.failureWindow, JobHealthEvaluator::MinFailureRateRuns);
    health.failureRateBreached = health.finishedRuns >= needed && health.failureRate >= policy.failureRateThreshold;
}

} // namespace

QString healthStateName(HealthState state)
{
    switch (state) {
    case HealthState::Ok:
        return QStringLiteral("ok");
    case HealthState::Degraded:
        return QStringLiteral("degraded");
    case HealthState::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

qint64 JobHealthEvaluator::expectedPeriodMs(const ScheduleRule &rule, qint64 now)
{
    const Schedule &schedule = rule.schedule();
    if (schedule.kind == Schedule::Kind::Interval)
        return schedule.intervalMs;
    if (schedule.kind != Schedule::Kind::Cron)
        return 0;
    QVector<qint64> gaps;
    qint64 previous = rule.nextFireAfter(now);
    for (int i = 0; previous > 0 && i < PeriodSampleGaps; ++i) {
        const qint64 next = rule.nextFireAfter(previous);
        if (next <= 0)
            break;
        gaps.append(next - previous);
        previous = next;
    }
    if (gaps.isEmpty())
        return 0;
    std::sort(gaps.begin(), gaps.end());
    return gaps[(gaps.size() - 1) / 2];
}

qint64 JobHealthEvaluator::defaultSlaMs(qint64 periodMs)
{
    qint64 sla = 0;
    if (periodMs <= DayMs)
        sla = std::min(3 * periodMs, periodMs + HourMs);
    else if (periodMs <= WeekMs)
        sla = periodMs + HourMs + (periodMs - DayMs) * 23 / 144;
    else
        sla = periodMs + DayMs;
    return std::max(sla, MinimumDefaultSlaMs);
}

qint64 JobHealthEvaluator::firstExpectedFireAfter(const ScheduleRule &rule, qint64 after)
{
    qint64 at = after;
    for (int i = 0; i < ExpectedFireSearchLimit; ++i) {
        at = rule.nextFireAfter(at);
        if (at <= 0)
            return 0;
        if (rule.mayFireAt(at))
            return at;
        const qint64 opening = nextOpeningAfter(rule, at);
        if (opening - 1 > at)
            at = opening - 1; // the next fire after it may be the opening itself
    }
    return 0;
}

qint64 JobHealthEvaluator::percentile95(QVector<qint64> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(0.95 * double(values.size())));
    return values[std::max<qsizetype>(rank, 1) - 1];
}

JobHealthPolicy JobHealthEvaluator::policyOf(const JobDef &job)
{
    JobHealthPolicy policy;
    policy.periodMs = job.sla.periodMs;
    policy.slaMs = job.sla.withinMs;
    policy.slaGraceMs = job.sla.graceMs;
    policy.critical = job.critical;
    policy.expectedDurationMs = job.incidents.expectedDurationMs;
    policy.failureRateThreshold = job.incidents.failureRateThreshold;
    policy.failureRateWindow = job.incidents.failureRateWindow;
    return policy;
}

JobHealth JobHealthEvaluator::evaluate(const JobDef &job, const JobHealthPolicy &policy, const JobActivity &activity,
                                       qint64 now, const ScheduleRule *rule)
{
    JobHealth health;
    health.jobId = job.id;
    health.name = job.name;
    health.critical = policy.critical;
    health.paused = job.schedule.paused;
    health.lastSuccessAt = activity.lastSuccessAt;
    health.lastFinishedAt = activity.lastFinishedAt;
    if (job.schedule.isScheduled() && !job.schedule.paused) {
        std::optional<ScheduleRule> compiled;
        if (!rule) {
            QString error;
            compiled = ScheduleRule::compile(job.schedule, &error);
            if (compiled)
                rule = &*compiled;
            else
                health.problem = error;
        }
        if (rule)
            evaluateStale(health, policy, activity, rule, now);
    } else if (!job.schedule.isScheduled()) {
        evaluateStale(health, policy, activity, nullptr, now);
    }
    evaluateTooLong(health, policy, activity, now);
    evaluateFailureRate(health, policy, activity);
    return health;
}

SystemHealth JobHealthEvaluator::summarize(QVector<JobHealth> jobs, const OpenIncidentCounts &incidents)
{
    SystemHealth system;
    system.incidents = incidents;
    for (const JobHealth &job : jobs) {
        if (job.stale) {
            if (job.critical)
                ++system.criticalStaleJobs;
            else
                ++system.staleJobs;
        }
        system.tooLongRuns += int(job.tooLong.size());
        if (job.failureRateBreached)
            ++system.failureRateBreaches;
    }
    system.jobs = std::move(jobs);
    if (system.criticalStaleJobs > 0)
        system.state = HealthState::Critical;
    else if (system.staleJobs > 0 || system.tooLongRuns > 0 || system.failureRateBreaches > 0 || incidents.total() > 0)
        system.state = HealthState::Degraded;
    const qint64 penalty =
        qint64(StaleCriticalPenalty) * system.criticalStaleJobs + qint64(StalePenalty) * system.staleJobs +
        qint64(FailureRatePenalty) * system.failureRateBreaches + qint64(TooLongPenalty) * system.tooLongRuns +
        qint64(CriticalIncidentPenalty) * incidents.critical + qint64(HighIncidentPenalty) * incidents.high +
        qint64(WarningIncidentPenalty) * incidents.warning + qint64(InfoIncidentPenalty) * incidents.info;
    system.score = int(std::max<qint64>(0, 100 - penalty));
    if (system.state == HealthState::Critical)
        system.score = std::min(system.score, CriticalScoreCeiling);
    return system;
}

} // namespace vigia
