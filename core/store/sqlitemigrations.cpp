#include "store/migration.h"

namespace vigia {

// Times are INTEGER milliseconds since the Unix epoch (UTC). States and priorities follow model/run.h.
const QVector<Migration> &sqliteMigrations()
{
    static const QVector<Migration> migrations{
        {1,
         "queues, jobs, runs, attempts, audit log",
         {
             QStringLiteral(R"(CREATE TABLE queues (
                name TEXT PRIMARY KEY,
                concurrency INTEGER NOT NULL DEFAULT 10 CHECK (concurrency > 0),
                paused INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
             QStringLiteral("INSERT INTO queues (name, concurrency, paused, created_at, updated_at) "
                            "VALUES ('default', 10, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), "
                            "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"),
             QStringLiteral(R"(CREATE TABLE jobs (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                queue TEXT NOT NULL REFERENCES queues(name),
                kind TEXT NOT NULL,
                payload TEXT NOT NULL DEFAULT '{}',
                priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 3),
                max_attempts INTEGER NOT NULL DEFAULT 4 CHECK (max_attempts > 0),
                timeout_ms INTEGER NOT NULL DEFAULT 0,
                backoff_base_ms INTEGER NOT NULL DEFAULT 60000,
                backoff_factor REAL NOT NULL DEFAULT 2,
                backoff_max_ms INTEGER NOT NULL DEFAULT 3600000,
                backoff_jitter TEXT NOT NULL DEFAULT 'full',
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
             QStringLiteral(R"(CREATE TABLE runs (
                id INTEGER PRIMARY KEY,
                queue TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
                state TEXT NOT NULL CHECK (state IN
                    ('scheduled','available','running','succeeded','retryable','dead','cancelled')),
                attempt INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL CHECK (max_attempts > 0),
                timeout_ms INTEGER NOT NULL DEFAULT 0,
                job_id INTEGER,
                replay_of INTEGER,
                unique_key TEXT UNIQUE,
                created_at INTEGER NOT NULL,
                scheduled_at INTEGER NOT NULL,
                started_at INTEGER,
                finished_at INTEGER,
                duration_ms INTEGER,
                lease_owner TEXT,
                lease_expires_at INTEGER,
                cancel_requested INTEGER NOT NULL DEFAULT 0,
                rescue_count INTEGER NOT NULL DEFAULT 0,
                result TEXT,
                error TEXT,
                dlq_handling TEXT,
                dlq_handled_at INTEGER))"),
             // Partial indexes keep each hot query small: claims read only available runs, promotion only
             // waiting ones, lease checks only running ones, the DLQ only unhandled dead ones.
             QStringLiteral("CREATE INDEX runs_claim ON runs (queue, priority, scheduled_at, id) "
                            "WHERE state = 'available'"),
             QStringLiteral("CREATE INDEX runs_due ON runs (scheduled_at) WHERE state IN ('scheduled', 'retryable')"),
             QStringLiteral("CREATE INDEX runs_running ON runs (queue, lease_owner, lease_expires_at) "
                            "WHERE state = 'running'"),
             QStringLiteral("CREATE INDEX runs_dlq ON runs (queue, id) WHERE state = 'dead' AND dlq_handling IS NULL"),
             QStringLiteral("CREATE INDEX runs_replay_of ON runs (replay_of) WHERE replay_of IS NOT NULL"),
             QStringLiteral(R"(CREATE TABLE attempts (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL,
                attempt INTEGER NOT NULL,
                node TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                finished_at INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                error TEXT))"),
             QStringLiteral("CREATE INDEX attempts_run ON attempts (run_id, attempt)"),
             QStringLiteral(R"(CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT))"),
         }},
        {2,
         "job schedules: cron or interval in a time zone, windows, pause, postpone, misfire policy",
         {
             QStringLiteral("ALTER TABLE jobs ADD COLUMN schedule_kind TEXT NOT NULL DEFAULT 'none' "
                            "CHECK (schedule_kind IN ('none', 'cron', 'interval'))"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN cron TEXT"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN interval_ms INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN anchor_at INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN window_start INTEGER NOT NULL DEFAULT -1"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN window_end INTEGER NOT NULL DEFAULT -1"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN window_days INTEGER NOT NULL DEFAULT 127"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN postpone_until INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN paused INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN run_on_start INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN jitter_ms INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN misfire TEXT NOT NULL DEFAULT 'coalesce' "
                            "CHECK (misfire IN ('coalesce', 'run-all', 'skip'))"),
             // The fire the scheduler waits for; NULL until it is first computed (and again after an edit).
             QStringLiteral("ALTER TABLE jobs ADD COLUMN next_fire_at INTEGER"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN last_fire_at INTEGER"),
             // A counter bumped by every change to jobs, so schedulers in other processes notice edits cheaply.
             QStringLiteral("CREATE TABLE revisions (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
             QStringLiteral("INSERT INTO revisions (name, value) VALUES ('jobs', 0)"),
             QStringLiteral("CREATE TRIGGER jobs_revision_insert AFTER INSERT ON jobs BEGIN "
                            "UPDATE revisions SET value = value + 1 WHERE name = 'jobs'; END"),
             QStringLiteral("CREATE TRIGGER jobs_revision_delete AFTER DELETE ON jobs BEGIN "
                            "UPDATE revisions SET value = value + 1 WHERE name = 'jobs'; END"),
             // Only edits count: the scheduler's own bookkeeping (next/last fire) must not wake every scheduler.
             QStringLiteral("CREATE TRIGGER jobs_revision_update AFTER UPDATE OF name, queue, kind, payload, priority, "
                            "max_attempts, timeout_ms, schedule_kind, cron, interval_ms, anchor_at, time_zone, "
                            "window_start, window_end, window_days, postpone_until, paused, run_on_start, jitter_ms, "
                            "misfire ON jobs BEGIN UPDATE revisions SET value = value + 1 WHERE name = 'jobs'; END"),
             QStringLiteral("CREATE INDEX runs_job ON runs (job_id, id) WHERE job_id IS NOT NULL"),
         }},
        {3,
         "connections: the named databases of sql jobs",
         {
             // password_ref holds a ${secret:NAME} reference (or nothing), never a password: the CHECK is the last
             // line of defence behind jobs as code's validation.
             QStringLiteral(R"(CREATE TABLE connections (
                name TEXT PRIMARY KEY,
                url TEXT NOT NULL,
                password_ref TEXT NOT NULL DEFAULT '' CHECK (password_ref = '' OR password_ref LIKE '${secret:%}'),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
         }},
        {4,
         "retention: finished_seq on runs, per-minute run rollups, the rollup watermark",
         {
             // Set when a run reaches a final state, from a counter that only grows (the largest seq yet, or the
             // watermark once those runs are pruned, plus one). SQLite's writers take turns, so a later commit
             // always has a larger seq and the rollup watermark never passes a run it has not seen.
             QStringLiteral("ALTER TABLE runs ADD COLUMN finished_seq INTEGER"),
             QStringLiteral("UPDATE runs SET finished_seq = 1 WHERE state IN ('succeeded', 'dead', 'cancelled')"),
             QStringLiteral("CREATE INDEX runs_finished_seq ON runs (finished_seq, id) WHERE finished_seq IS NOT NULL"),
             // One row per minute, queue, job name ('' for none) and final state; histogram: DurationHistogram.
             QStringLiteral(R"(CREATE TABLE run_rollups (
                bucket_at INTEGER NOT NULL,
                queue TEXT NOT NULL,
                job TEXT NOT NULL,
                state TEXT NOT NULL,
                runs INTEGER NOT NULL,
                total_ms INTEGER NOT NULL,
                max_ms INTEGER NOT NULL,
                last_finished_at INTEGER NOT NULL,
                histogram TEXT NOT NULL,
                PRIMARY KEY (bucket_at, queue, job, state)) WITHOUT ROWID)"),
             // A job's last success once its runs were pruned (the SLA), and its history for `stats`.
             QStringLiteral("CREATE INDEX run_rollups_job ON run_rollups (job, state, last_finished_at)"),
             // The last run rolled up, by (finished_seq, id).
             QStringLiteral(R"(CREATE TABLE retention_state (
                name TEXT PRIMARY KEY,
                last_seq INTEGER NOT NULL,
                last_id INTEGER NOT NULL))"),
             QStringLiteral("INSERT INTO retention_state (name, last_seq, last_id) VALUES ('rollup', 0, 0)"),
         }},
        {5,
         "nodes and the leader lease",
         {
             QStringLiteral(R"(CREATE TABLE nodes (
                id TEXT PRIMARY KEY,
                host TEXT NOT NULL,
                pid INTEGER NOT NULL,
                version TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                heartbeat_at INTEGER NOT NULL,
                state TEXT NOT NULL))"),
             // One row; its holder leads the cluster until expires_at unless it renews.
             QStringLiteral(R"(CREATE TABLE leader_lease (
                name TEXT PRIMARY KEY,
                holder TEXT,
                expires_at INTEGER NOT NULL DEFAULT 0,
                since INTEGER NOT NULL DEFAULT 0))"),
             QStringLiteral("INSERT INTO leader_lease (name, holder, expires_at, since) VALUES ('leader', NULL, 0, 0)"),
         }},
        {6,
         "users; job SLA, criticality and incident policy; incidents with their timeline; watermarks",
         {
             QStringLiteral(R"(CREATE TABLE users (
                name TEXT PRIMARY KEY,
                email TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL DEFAULT 'viewer' CHECK (role IN ('viewer', 'operator', 'admin')),
                time_zone TEXT NOT NULL DEFAULT 'UTC',
                channels TEXT NOT NULL DEFAULT '[]',
                do_not_disturb TEXT NOT NULL DEFAULT '[]',
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
             // SLA: 0 takes the default from the period (the schedule's, or sla_period_ms); severity 'off' opens none.
             QStringLiteral("ALTER TABLE jobs ADD COLUMN sla_period_ms INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN sla_ms INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN sla_grace_ms INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN critical INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN incident_severity TEXT NOT NULL DEFAULT 'high' "
                            "CHECK (incident_severity IN ('critical', 'high', 'warning', 'info', 'off'))"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN auto_resolve INTEGER NOT NULL DEFAULT 1"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN failure_rate_threshold REAL NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN failure_rate_window INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE jobs ADD COLUMN expected_duration_ms INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("DROP TRIGGER jobs_revision_update"),
             QStringLiteral("CREATE TRIGGER jobs_revision_update AFTER UPDATE OF name, queue, kind, payload, priority, "
                            "max_attempts, timeout_ms, schedule_kind, cron, interval_ms, anchor_at, time_zone, "
                            "window_start, window_end, window_days, postpone_until, paused, run_on_start, jitter_ms, "
                            "misfire, sla_period_ms, sla_ms, sla_grace_ms, critical, incident_severity, auto_resolve, "
                            "failure_rate_threshold, failure_rate_window, expected_duration_ms ON jobs BEGIN "
                            "UPDATE revisions SET value = value + 1 WHERE name = 'jobs'; END"),
             QStringLiteral(R"(CREATE TABLE incidents (
                id INTEGER PRIMARY KEY,
                dedup_key TEXT NOT NULL,
                source TEXT NOT NULL,
                title TEXT NOT NULL,
                severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'warning', 'info')),
                state TEXT NOT NULL DEFAULT 'triggered' CHECK (state IN ('triggered', 'acknowledged', 'resolved')),
                job_id INTEGER,
                run_id INTEGER,
                queue TEXT,
                detail TEXT,
                assignee TEXT,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                occurrences INTEGER NOT NULL DEFAULT 1,
                acknowledged_at INTEGER,
                acknowledged_by TEXT,
                first_acknowledged_at INTEGER,
                resolved_at INTEGER,
                resolved_by TEXT,
                snoozed_until INTEGER,
                escalation_policy TEXT,
                escalation_step INTEGER NOT NULL DEFAULT 0,
                escalation_round INTEGER NOT NULL DEFAULT 0,
                next_escalation_at INTEGER))"),
             // At most one open incident per dedup key: raising again adds an occurrence to it.
             QStringLiteral(
                 "CREATE UNIQUE INDEX incidents_open_key ON incidents (dedup_key) WHERE state <> 'resolved'"),
             QStringLiteral("CREATE INDEX incidents_created ON incidents (created_at)"),
             QStringLiteral("CREATE INDEX incidents_job ON incidents (job_id, id) WHERE job_id IS NOT NULL"),
             QStringLiteral("CREATE INDEX incidents_acknowledged ON incidents (acknowledged_at) "
                            "WHERE state = 'acknowledged'"),
             QStringLiteral(
                 "CREATE INDEX incidents_snoozed ON incidents (snoozed_until) WHERE snoozed_until IS NOT NULL"),
             QStringLiteral("CREATE INDEX incidents_escalation ON incidents (next_escalation_at) "
                            "WHERE next_escalation_at IS NOT NULL"),
             QStringLiteral(R"(CREATE TABLE incident_events (
                id INTEGER PRIMARY KEY,
                incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
                at INTEGER NOT NULL,
                kind TEXT NOT NULL,
                actor TEXT,
                detail TEXT))"),
             QStringLiteral("CREATE INDEX incident_events_incident ON incident_events (incident_id, id)"),
             QStringLiteral("CREATE TABLE watermarks (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
             // The incident watcher follows dead runs and failed attempts by finish time; both are rare, so these
             // partial indexes cost the dispatcher's completions next to nothing.
             QStringLiteral("CREATE INDEX runs_dead_finished ON runs (finished_at) WHERE state = 'dead'"),
             QStringLiteral("CREATE INDEX attempts_failed_finished ON attempts (finished_at) "
                            "WHERE outcome IN ('failed', 'timeout')"),
         }},
        {8,
         "on-call: schedules, escalation policies, a job's policy, incidents' escalation level, notification "
         "deliveries",
         {
             // Layers and overrides are JSON text (store/oncallcodec.h): a schedule is read and written whole.
             QStringLiteral(R"(CREATE TABLE oncall_schedules (
                name TEXT PRIMARY KEY,
                description TEXT NOT NULL DEFAULT '',
                time_zone TEXT NOT NULL DEFAULT 'UTC',
                layers TEXT NOT NULL DEFAULT '[]',
                overrides TEXT NOT NULL DEFAULT '[]',
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
             QStringLiteral(R"(CREATE TABLE escalation_policies (
                name TEXT PRIMARY KEY,
                description TEXT NOT NULL DEFAULT '',
                steps TEXT NOT NULL DEFAULT '[]',
                repeat_count INTEGER NOT NULL DEFAULT 0 CHECK (repeat_count >= 0),
                final_role TEXT NOT NULL DEFAULT 'admin' CHECK (final_role IN ('viewer', 'operator', 'admin')),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
             // NULL: the engine's default policy.
             QStringLiteral("ALTER TABLE jobs ADD COLUMN escalation_policy TEXT"),
             // The level last notified (-1: none yet) and when it began; see incidents/escalationplanner.h.
             QStringLiteral("ALTER TABLE incidents ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT -1"),
             QStringLiteral("ALTER TABLE incidents ADD COLUMN escalation_level_at INTEGER"),
             QStringLiteral(R"(CREATE TABLE notification_deliveries (
                id INTEGER PRIMARY KEY,
                incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
                level INTEGER NOT NULL DEFAULT -1,
                recipient TEXT NOT NULL,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook', 'desktop')),
                address TEXT NOT NULL DEFAULT '',
                format TEXT NOT NULL DEFAULT '',
                severity TEXT NOT NULL,
                critical INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'silenced')),
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                message TEXT NOT NULL DEFAULT '{}',
                created_at INTEGER NOT NULL,
                next_attempt_at INTEGER,
                finished_at INTEGER,
                updated_at INTEGER NOT NULL))"),
             QStringLiteral("CREATE INDEX deliveries_due ON notification_deliveries (next_attempt_at) "
                            "WHERE status = 'pending'"),
             QStringLiteral("CREATE INDEX deliveries_incident ON notification_deliveries (incident_id, id)"),
         }},
        // PostgreSQL only: its claim function (SQLite claims in one process under BEGIN IMMEDIATE) and its partial
        // unique-key index (SQLite would have to rebuild the table to drop the column's UNIQUE).
        {9, "hot path: the claim as one function call; unique keys indexed only where a run has one", {}},
        {10,
         "a run's successful last attempt kept on its row; attempt_history shows every attempt",
         {
             // See the PostgreSQL migration 10 and Completion::attemptOnRunRow().
             QStringLiteral("ALTER TABLE runs ADD COLUMN final_attempt_node TEXT"),
             QStringLiteral(R"(CREATE VIEW attempt_history AS
                SELECT id AS seq, run_id, attempt, node, started_at, finished_at, outcome, error FROM attempts
                UNION ALL
                SELECT NULL, id, attempt, final_attempt_node, started_at, finished_at, 'succeeded', NULL
                FROM runs WHERE final_attempt_node IS NOT NULL)"),
         }},
    };
    return migrations;
}

} // namespace vigia
