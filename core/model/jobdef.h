#pragma once

#include "engine/retrypolicy.h"
#include "model/incident.h"
#include "model/run.h"
#include "model/schedule.h"

namespace vigia {

// When a job counts as stale: its last success is older than `withinMs` + `graceMs`. A `withinMs` of 0 takes the
// default from the expected period (DESIGN.md: 1 min -> 3 min ... weekly -> 8 days); the period is the schedule's,
// or `periodMs` for a job enqueued from outside on a known rhythm (0: from the schedule).
struct JobSla {
    qint64 periodMs = 0;
    qint64 withinMs = 0;
    qint64 graceMs = 0;

    bool operator==(const JobSla &other) const
    {
        return periodMs == other.periodMs && withinMs == other.withinMs && graceMs == other.graceMs;
    }
    bool operator!=(const JobSla &other) const { return !(*this == other); }
};

// What the job's trouble opens: incidents of `severity` (none when `enabled` is false), resolved by themselves when
// the job recovers (`autoResolve`); a failure rate over the last `failureRateWindow` runs at or above
// `failureRateThreshold` (0-1) is trouble too (window 0: not watched); a run past `expectedDurationMs` runs too long
// (0: no expectation).
struct IncidentPolicy {
    bool enabled = true;
    IncidentSeverity severity = IncidentSeverity::High;
    bool autoResolve = true;
    double failureRateThreshold = 0;
    int failureRateWindow = 0;
    qint64 expectedDurationMs = 0;

    bool operator==(const IncidentPolicy &other) const
    {
        return enabled == other.enabled && (!enabled || severity == other.severity) &&
               autoResolve == other.autoResolve && failureRateThreshold == other.failureRateThreshold &&
               failureRateWindow == other.failureRateWindow && expectedDurationMs == other.expectedDurationMs;
    }
    bool operator!=(const IncidentPolicy &other) const { return !(*this == other); }
    // As the jobs table stores the severity: a severity name, or "off" when disabled.
    QString severityText() const;
    // Reads severityText(); false for anything else.
    bool setSeverityText(const QString &text);
};

// A named, reusable definition of work; runs created from it inherit its settings and its retry policy.
struct JobDef {
    qint64 id = 0;
    QString name;
    QString queue = QStringLiteral("default");
    QString kind;
    QByteArray payload = QByteArrayLiteral("{}");
    Priority priority = Priority::Normal;
    int maxAttempts = 4;
    qint64 timeoutMs = 0;
    RetryPolicy retry;
    Schedule schedule;
    qint64 nextFireAt = 0; // the fire the scheduler waits for; 0 until computed
    qint64 lastFireAt = 0;
    JobSla sla;
    bool critical = false; // a critical job that goes stale makes the whole system critical
    IncidentPolicy incidents;
    QString escalationPolicy; // empty: the engine's default policy

    // A run of this job: its settings, its id for the retry policy.
    NewRun newRun() const;
};

} // namespace vigia
