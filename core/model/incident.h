#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace vigia {

// Something an operator must look at: opened by a dead run, a stale job, a failing SQL check or an external alert,
// deduplicated by key while it is open. States: triggered → acknowledged → resolved (an acknowledgement that times
// out, or a reopen, goes back to triggered). A resolved incident stays resolved: the same key opens a new one.
enum class IncidentState {
    Triggered,
    Acknowledged,
    Resolved
};

enum class IncidentSeverity {
    Critical,
    High,
    Warning,
    Info
};

enum class IncidentSource {
    DeadRun,
    Stale,
    TooLong,
    FailureRate,
    SqlCheck,
    External
};

enum class IncidentEventKind {
    Created,
    Occurrence,
    Notified,
    Escalated,
    Acknowledged,
    Snoozed,
    Unsnoozed,
    Note,
    Reassigned,
    Resolved,
    Reopened
};

// Names as the database, the CLI and configuration files spell them (snake_case: dead_run, sql_check, ...).
QString incidentStateName(IncidentState state);
std::optional<IncidentState> incidentStateFromName(const QString &name);
QString incidentSeverityName(IncidentSeverity severity);
std::optional<IncidentSeverity> incidentSeverityFromName(const QString &name);
QString incidentSourceName(IncidentSource source);
std::optional<IncidentSource> incidentSourceFromName(const QString &name);
QString incidentEventKindName(IncidentEventKind kind);
std::optional<IncidentEventKind> incidentEventKindFromName(const QString &name);

// Times are milliseconds since the Unix epoch (UTC); 0 means "not set".
struct Incident {
    qint64 id = 0;
    QString dedupKey;
    IncidentSource source = IncidentSource::External;
    QString title;
    IncidentSeverity severity = IncidentSeverity::High;
    IncidentState state = IncidentState::Triggered;
    qint64 jobId = 0;  // 0: not about a job
    qint64 runId = 0;  // the latest run that triggered it, 0: none
    QString queue;     // the run's queue, for statistics by queue; may be empty
    QByteArray detail; // JSON text from the latest trigger (e.g. a failing check's offending rows); may be empty
    QString assignee;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    int occurrences = 1;
    qint64 acknowledgedAt = 0; // the current acknowledgement; cleared when it times out
    QString acknowledgedBy;
    qint64 firstAcknowledgedAt = 0; // kept for MTTA when an acknowledgement times out
    qint64 resolvedAt = 0;
    QString resolvedBy;
    qint64 snoozedUntil = 0; // while in the future, nobody is paged (the escalator waits)
    // Escalation, advanced by the leader's escalator: the policy's name, the next step to run, how many times the
    // policy has been run through, and when the step is due (0: not escalating, e.g. acknowledged or resolved).
    QString escalationPolicy;
    int escalationStep = 0;
    int escalationRound = 0;
    qint64 nextEscalationAt = 0;
    // The escalator's position (see EscalationPlanner): the level last notified (-1: none yet) and when it began.
    int escalationLevel = -1;
    qint64 escalationLevelAt = 0;

    bool isOpen() const { return state != IncidentState::Resolved; }
};

// One line of an incident's timeline. `actor` is empty for the engine's own doings (created, auto-resolved, ...).
struct IncidentEvent {
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 at = 0;
    IncidentEventKind kind = IncidentEventKind::Note;
    QString actor;
    QByteArray detail; // JSON object text; may be empty
};

// What raises an incident; while one with the same dedup key is open, raising adds an occurrence to it instead.
struct IncidentTrigger {
    QString dedupKey; // e.g. dead:<job>, dead:run:<id>, sql:<job>, stale:<job>
    IncidentSource source = IncidentSource::External;
    QString title;
    IncidentSeverity severity = IncidentSeverity::High;
    qint64 jobId = 0;
    qint64 runId = 0;
    QString queue;
    QByteArray detail;        // JSON object text; may be empty
    QString escalationPolicy; // when set, a new incident is due for escalation at once (next_escalation_at = now)
};

struct IncidentTriggerResult {
    qint64 id = 0;
    bool created = false; // false: an occurrence was added to the open incident with the same key
};

struct IncidentFilter {
    std::optional<IncidentState> state;
    bool openOnly = false; // triggered or acknowledged
    std::optional<IncidentSeverity> severity;
    qint64 jobId = 0; // 0: all
    int limit = 100;  // newest first
};

// MTTA and MTTR over the incidents created since a time, grouped by job, queue or severity. Time to acknowledge
// counts from creation to the first acknowledgement (incidents never acknowledged are left out of it), time to
// resolve from creation to resolution (open incidents are left out of it).
enum class IncidentStatsGroup {
    Job,
    Queue,
    Severity
};
QString incidentStatsGroupName(IncidentStatsGroup group);
std::optional<IncidentStatsGroup> incidentStatsGroupFromName(const QString &name);

struct IncidentStats {
    QString group; // the job's name, the queue or the severity; empty for incidents without one
    int count = 0;
    int acknowledged = 0;
    int resolved = 0;
    qint64 meanAckMs = 0;
    qint64 medianAckMs = 0;
    qint64 meanResolveMs = 0;
    qint64 medianResolveMs = 0;
};

// One incident as the statistics read it.
struct IncidentTimes {
    QString group;
    qint64 createdAt = 0;
    qint64 firstAcknowledgedAt = 0;
    qint64 resolvedAt = 0;
};

// Groups sorted by name; means and medians in whole milliseconds (the median of an even count is the mean of the
// middle two).
QVector<IncidentStats> computeIncidentStats(const QVector<IncidentTimes> &incidents);

} // namespace vigia
