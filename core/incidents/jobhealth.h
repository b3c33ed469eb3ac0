#pragma once

#include "model/jobactivity.h"
#include "model/jobdef.h"
#include "schedule/schedulerule.h"

#include <QCoreApplication>

namespace vigia {

// A job's health settings, as JobHealthEvaluator::policyOf() reads them from its definition (JobDef::sla, critical,
// incidents). Zero means "use the default" as documented on JobHealthEvaluator.
struct JobHealthPolicy {
    qint64 periodMs = 0;             // 0: the schedule's expected period
    qint64 slaMs = 0;                // 0: defaultSlaMs(period)
    qint64 slaGraceMs = 0;           // added to the SLA, override or default
    bool critical = false;           // a stale critical job makes the system critical
    qint64 expectedDurationMs = 0;   // 0: derived from the job's recent durations
    double failureRateThreshold = 0; // fraction of failed runs, 0 < t <= 1; 0: not watched
    int failureRateWindow = 0;       // the last N finished runs; 0: not watched
};

// A run that has been running for longer than its job's limit.
struct LongRun {
    qint64 runId = 0;
    qint64 startedAt = 0;
    qint64 runningMs = 0;
    qint64 limitMs = 0;
};

// The verdict on one job at one instant.
struct JobHealth {
    qint64 jobId = 0;
    QString name;
    bool critical = false;
    bool paused = false;
    qint64 lastFinishedAt = 0; // the latest end of one of its runs (a new one changes it)
    QString problem;           // why the SLA could not be evaluated (an invalid schedule), empty otherwise

    // SLA; all 0 for paused jobs, schedules that never fire and jobs on demand without an SLA period.
    qint64 periodMs = 0;
    qint64 slaMs = 0; // the effective SLA: the override or the default, plus the grace
    bool slaIsDefault = true;
    qint64 lastSuccessAt = 0;
    qint64 staleAt = 0; // the instant the job is (or was) stale from, unless it succeeds first
    bool stale = false;
    qint64 overdueMs = 0; // now - staleAt while stale

    // Too long.
    qint64 runLimitMs = 0; // 0: no limit known (no expected duration and too few successful runs)
    bool runLimitIsDerived = false;
    QVector<LongRun> tooLong;

    // Failure rate over the last failureWindow finished runs.
    int failureWindow = 0;
    int finishedRuns = 0; // how many of the window's runs there are (at most failureWindow)
    int failures = 0;
    double failureRate = 0;
    double failureRateThreshold = 0;
    bool failureRateBreached = false;

    bool isHealthy() const { return !stale && tooLong.isEmpty() && !failureRateBreached; }
};

// Open incidents by severity.
struct OpenIncidentCounts {
    int critical = 0;
    int high = 0;
    int warning = 0;
    int info = 0;
    int total() const { return critical + high + warning + info; }
};

enum class HealthState {
    Ok,
    Degraded,
    Critical
};
// How JSON and the exit code spell a state: ok, degraded, critical.
QString healthStateName(HealthState state);

struct SystemHealth {
    HealthState state = HealthState::Ok;
    int score = 100;
    QVector<JobHealth> jobs; // every job evaluated, in the order given
    int staleJobs = 0;
    int criticalStaleJobs = 0;
    int tooLongRuns = 0;
    int failureRateBreaches = 0;
    OpenIncidentCounts incidents;
};

// The SLA and health rules, as pure functions: no database, no clock (the caller passes `now`).
//
// Expected period. The job's SLA period when it sets one (a job enqueued from outside on a known rhythm), else for
// interval jobs the interval, and for cron jobs the lower median of the PeriodSampleGaps gaps between the next
// fires after `now`, in the job's zone. The median ignores the occasional long gap (a night or weekend outside the
// cron's hours, a shorter month) and the occasional short one (a 23-hour day at a DST change) that a minimum or a
// mean would take for the cadence; the lower median of an even count keeps a two-value alternation such as
// "0 9,17 * * *" (8 h, 16 h) at the shorter gap whatever `now` is.
//
// Default SLA for a period p (DESIGN.md: 1 min → 3 min, 5 → 15, 10 → 30, 15 → 45, hourly → 2 h, daily → 25 h,
// weekly → 8 days), continuous between the points:
//   p ≤ 1 day:           min(3p, p + 1 h)      (3p up to 30 min, then p + 1 h: 1 h → 2 h, 1 day → 25 h)
//   1 day < p ≤ 7 days:  p + 1 h + (p − 1 day) · 23/144   (the slack grows linearly from 1 h to 1 day)
//   p > 7 days:          p + 1 day
// and at least MinimumDefaultSlaMs (one minute), since the monitor looks every 30 s. A job's override replaces the
// default; the grace is added to either.
//
// Stale. A job is stale at `now` when now > staleAt, where
//   staleAt = max(base + SLA, firstExpectedFireAfter(base) + max(0, SLA − period))
// and `base` is its last success (finished_at of its newest succeeded run) or, if it never succeeded, its creation.
// The first term is the rule "last success older than the SLA"; the second keeps a job that simply had nothing to
// do from going stale: after a success on Friday 19:55, a "*/5 8-19 * * MON-FRI" job (SLA 15 min) is due at
// Monday 08:00 and stale from 08:10, not from Friday 20:10. Expected fires honour the execution window and
// postpone_until. Paused jobs, jobs without a schedule and schedules with no expected fire (say, a window
// that never meets the cron's times) are never stale.
//
// Too long. A running run is too long when it has run for more than the job's expected duration or, without one,
// than max(DurationMultiple × p95, MinimumDerivedRunLimitMs) where p95 is the nearest-rank 95th percentile of the
// durations of the job's last DurationSamples succeeded runs (needs MinDurationSamples of them; fewer: no limit).
//
// Failure rate, watched when the job's policy sets both a window N and a threshold: over its last N finished runs
// (succeeded and dead runs count, cancelled ones do not), failures / runs at or above the threshold breaches, once
// at least min(N, MinFailureRateRuns) runs finished, so that one early failure is not a 100 % rate.
//
// System state: critical when a critical job is stale; degraded when another job is stale, a run is too long, a
// failure rate is breached or an incident is open; ok otherwise.
//
// Health score: 100 minus penalties, floored at 0, and at most 49 while the state is critical:
//   40 per stale critical job, 15 per other stale job, 10 per failure-rate breach, 5 per too-long run,
//   20 / 10 / 5 / 1 per open critical / high / warning / info incident.
// So 100 means nothing to look at, and a critical state always scores below 50.
class JobHealthEvaluator {
    Q_DECLARE_TR_FUNCTIONS(JobHealthEvaluator)

public:
    static constexpr int PeriodSampleGaps = 12;
    static constexpr qint64 MinimumDefaultSlaMs = 60'000;
    static constexpr int ExpectedFireSearchLimit = 1'000;
    static constexpr int DurationSamples = 20;
    static constexpr int MinDurationSamples = 5;
    static constexpr int DurationMultiple = 3;
    static constexpr qint64 MinimumDerivedRunLimitMs = 60'000;
    static constexpr int MinFailureRateRuns = 5;

    static constexpr int StaleCriticalPenalty = 40;
    static constexpr int StalePenalty = 15;
    static constexpr int FailureRatePenalty = 10;
    static constexpr int TooLongPenalty = 5;
    static constexpr int CriticalIncidentPenalty = 20;
    static constexpr int HighIncidentPenalty = 10;
    static constexpr int WarningIncidentPenalty = 5;
    static constexpr int InfoIncidentPenalty = 1;
    static constexpr int CriticalScoreCeiling = 49;

    // The job's typical gap between fires around `now`; 0 for a schedule that does not fire.
    static qint64 expectedPeriodMs(const ScheduleRule &rule, qint64 now);
    static qint64 defaultSlaMs(qint64 periodMs);
    // The first fire strictly after `after` that the execution window and postpone_until let through; 0 when
    // none within ExpectedFireSearchLimit steps (a step is a fire, or a jump to the window's next opening).
    static qint64 firstExpectedFireAfter(const ScheduleRule &rule, qint64 after);
    // Nearest-rank 95th percentile; 0 for no values.
    static qint64 percentile95(QVector<qint64> values);

    // The health settings a job's definition holds.
    static JobHealthPolicy policyOf(const JobDef &job);
    // One job's verdict. `rule` is the job's compiled schedule when the caller keeps one; without it the schedule
    // is compiled here.
    static JobHealth evaluate(const JobDef &job, const JobHealthPolicy &policy, const JobActivity &activity, qint64 now,
                              const ScheduleRule *rule = nullptr);
    // The system's state and score from its jobs' verdicts and its open incidents.
    static SystemHealth summarize(QVector<JobHealth> jobs, const OpenIncidentCounts &incidents);
};

} // namespace vigia
