// PostgresStore: job definitions and the scheduler's bookkeeping of fires.
#include "store/postgresstore.h"

#include "schedule/schedulerule.h"
#include "store/postgressession.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
#define VIGIA_PG_JOB_COLUMNS                                                                                           \
    "id, name, queue, kind, payload, priority, max_attempts, timeout_ms, backoff_base_ms, backoff_factor, "            \
    "backoff_max_ms, backoff_jitter, schedule_kind, cron, interval_ms, anchor_at, time_zone, window_start, "           \
    "window_end, window_days, postpone_until, paused, run_on_start, jitter_ms, misfire, next_fire_at, last_fire_at, "  \
    "sla_period_ms, sla_ms, sla_grace_ms, critical, incident_severity, auto_resolve, failure_rate_threshold, "         \
    "failure_rate_window, expected_duration_ms, escalation_policy"

JobDef readJob(const pqxx::row &row)
{
    JobDef job;
    job.id = qtInt(row[0]);
    job.name = qtText(row[1]);
    job.queue = qtText(row[2]);
    job.kind = qtText(row[3]);
    job.payload = qtBytes(row[4]);
    job.priority = static_cast<Priority>(qtInt(row[5]));
    job.maxAttempts = int(qtInt(row[6]));
    job.timeoutMs = qtInt(row[7]);
    job.retry.baseMs = qtInt(row[8]);
    job.retry.factor = row[9].as<double>();
    job.retry.maxMs = qtInt(row[10]);
    job.retry.jitter = RetryPolicy::jitterFromName(qtText(row[11])).value_or(RetryPolicy::Jitter::Full);
    Schedule &s = job.schedule;
    s.kind = scheduleKindFromName(qtText(row[12]));
    s.cron = qtText(row[13]);
    s.intervalMs = qtInt(row[14]);
    s.anchorAt = qtInt(row[15]);
    s.timeZone = qtText(row[16]);
    s.window.startMinute = int(qtInt(row[17]));
    s.window.endMinute = int(qtInt(row[18]));
    s.window.weekdays = quint8(qtInt(row[19]));
    s.postponeUntil = qtInt(row[20]);
    s.paused = qtBool(row[21]);
    s.runOnStart = qtBool(row[22]);
    s.jitterMs = qtInt(row[23]);
    s.misfire = misfirePolicyFromName(qtText(row[24]));
    job.nextFireAt = qtInt(row[25]);
    job.lastFireAt = qtInt(row[26]);
    job.sla.periodMs = qtInt(row[27]);
    job.sla.withinMs = qtInt(row[28]);
    job.sla.graceMs = qtInt(row[29]);
    job.critical = qtBool(row[30]);
    job.incidents.setSeverityText(qtText(row[31]));
    job.incidents.autoResolve = qtBool(row[32]);
    job.incidents.failureRateThreshold = row[33].as<double>();
    job.incidents.failureRateWindow = int(qtInt(row[34]));
    job.incidents.expectedDurationMs = qtInt(row[35]);
    job.escalationPolicy = qtText(row[36]);
    return job;
}

// A changed schedule forgets the fire it waited for, so the scheduler computes the next one from the new rule.
const char *const UpsertJobSql =
    "INSERT INTO jobs (name, queue, kind, payload, priority, max_attempts, timeout_ms, backoff_base_ms, "
    "backoff_factor, backoff_max_ms, backoff_jitter, schedule_kind, cron, interval_ms, anchor_at, time_zone, "
    "window_start, window_end, window_days, postpone_until, paused, run_on_start, jitter_ms, misfire, sla_period_ms, "
    "sla_ms, sla_grace_ms, critical, incident_severity, auto_resolve, failure_rate_threshold, failure_rate_window, "
    "expected_duration_ms, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
    "$14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $26, $27, $28, $29, $30, $31, $32, $33, $34, $25, $25) "
    "ON CONFLICT (name) DO UPDATE SET queue = excluded.queue, kind = excluded.kind, payload = excluded.payload, "
    "priority = excluded.priority, max_attempts = excluded.max_attempts, timeout_ms = excluded.timeout_ms, "
    "backoff_base_ms = excluded.backoff_base_ms, backoff_factor = excluded.backoff_factor, "
    "backoff_max_ms = excluded.backoff_max_ms, backoff_jitter = excluded.backoff_jitter, "
    "next_fire_at = CASE WHEN jobs.schedule_kind IS DISTINCT FROM excluded.schedule_kind "
    "OR jobs.cron IS DISTINCT FROM excluded.cron OR jobs.interval_ms IS DISTINCT FROM excluded.interval_ms "
    "OR jobs.anchor_at IS DISTINCT FROM excluded.anchor_at OR jobs.time_zone IS DISTINCT FROM excluded.time_zone "
    "THEN NULL ELSE jobs.next_fire_at END, "
    "schedule_kind = excluded.schedule_kind, cron = excluded.cron, interval_ms = excluded.interval_ms, "
    "anchor_at = excluded.anchor_at, time_zone = excluded.time_zone, window_start = excluded.window_start, "
    "window_end = excluded.window_end, window_days = excluded.window_days, "
    "postpone_until = excluded.postpone_until, paused = excluded.paused, run_on_start = excluded.run_on_start, "
    "jitter_ms = excluded.jitter_ms, misfire = excluded.misfire, sla_period_ms = excluded.sla_period_ms, "
    "sla_ms = excluded.sla_ms, sla_grace_ms = excluded.sla_grace_ms, critical = excluded.critical, "
    "incident_severity = excluded.incident_severity, auto_resolve = excluded.auto_resolve, "
    "failure_rate_threshold = excluded.failure_rate_threshold, failure_rate_window = excluded.failure_rate_window, "
    "expected_duration_ms = excluded.expected_duration_ms, updated_at = excluded.updated_at "
    "RETURNING id";
} // namespace

QVector<JobDef> PostgresStore::selectJobs(pqxx::transaction_base &tx, const char *where,
                                          const std::optional<std::string> &key)
{
    const std::string sql = std::string("SELECT " VIGIA_PG_JOB_COLUMNS " FROM jobs ") + where;
    const pqxx::result rows = key ? tx.exec_params(sql, *key) : tx.exec(sql);
    QVector<JobDef> result;
    for (const pqxx::row &row : rows)
        result.append(readJob(row));
    return result;
}

QVector<JobDef> PostgresStore::selectJobs(const char *where, const std::optional<std::string> &key)
{
    return guarded("list jobs", [&] {
        pqxx::nontransaction tx(m_session->connection);
        return selectJobs(tx, where, key);
    });
}

qint64 PostgresStore::writeJob(pqxx::transaction_base &tx, const JobDef &job, qint64 now)
{
    const Schedule &s = job.schedule;
    const pqxx::result rows = tx.exec_params(
        UpsertJobSql, pgText(job.name), pgText(job.queue), pgText(job.kind), job.payload.toStdString(),
        int(job.priority), job.maxAttempts, job.timeoutMs, job.retry.baseMs, job.retry.factor, job.retry.maxMs,
        pgText(RetryPolicy::jitterName(job.retry.jitter)), pgText(scheduleKindName(s.kind)), pgNullable(s.cron),
        s.intervalMs, s.anchorAt, pgText(s.timeZone), s.window.startMinute, s.window.endMinute, int(s.window.weekdays),
        s.postponeUntil, s.paused, s.runOnStart, s.jitterMs, pgText(misfirePolicyName(s.misfire)), now,
        job.sla.periodMs, job.sla.withinMs, job.sla.graceMs, job.critical, pgText(job.incidents.severityText()),
        job.incidents.autoResolve, job.incidents.failureRateThreshold, job.incidents.failureRateWindow,
        job.incidents.expectedDurationMs);
    const qint64 id = qtInt(rows[0][0]);
    // A statement of its own, so that the on-call column stays out of the long upsert above.
    tx.exec_params("UPDATE jobs SET escalation_policy = $1 WHERE id = $2 AND escalation_policy IS DISTINCT FROM $1",
                   pgNullable(job.escalationPolicy), static_cast<long long>(id));
    return id;
}

std::optional<JobDef> PostgresStore::job(qint64 id)
{
    const QVector<JobDef> found = selectJobs("WHERE id = $1::bigint", std::to_string(id));
    return found.isEmpty() ? std::nullopt : std::optional<JobDef>(found.constFirst());
}

std::optional<JobDef> PostgresStore::jobByName(const QString &name)
{
    const QVector<JobDef> found = selectJobs("WHERE name = $1", pgText(name));
    return found.isEmpty() ? std::nullopt : std::optional<JobDef>(found.constFirst());
}

QVector<JobDef> PostgresStore::jobs()
{
    return selectJobs("ORDER BY name", std::nullopt);
}

qint64 PostgresStore::jobsRevision()
{
    return guarded("jobs revision", [&] {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_prepared(
            m_session->prepared("vigia_jobs_revision", "SELECT value FROM revisions WHERE name = 'jobs'"));
        return rows.empty() ? qint64(0) : qtInt(rows[0][0]);
    });
}

qint64 PostgresStore::upsertJob(const JobDef &job, const Actor &actor, qint64 now)
{
    QString scheduleError;
    if (!ScheduleRule::compile(job.schedule, &scheduleError))
        throw StoreError(PostgresStore::tr("job \"%1\": %2").arg(job.name, scheduleError), StoreError::Kind::Invalid);
    return guarded("save job", [&] {
        pqxx::work tx(m_session->connection);
        requireQueue(tx, job.queue);
        const qint64 id = writeJob(tx, job, now);
        audit(tx, actor, now, QStringLiteral("job.edit"), u"job:" + job.name, {});
        tx.commit();
        return id;
    });
}

void PostgresStore::setJobPaused(const QString &name, bool paused, const Actor &actor, qint64 now)
{
    guarded("pause job", [&] {
        pqxx::work tx(m_session->connection);
        const pqxx::result updated =
            tx.exec_params("UPDATE jobs SET paused = $1, updated_at = $2 WHERE name = $3", paused, now, pgText(name));
        if (updated.affected_rows() != 1)
            throw StoreError(PostgresStore::tr("unknown job \"%1\"").arg(name), StoreError::Kind::NotFound);
        audit(tx, actor, now, paused ? QStringLiteral("job.pause") : QStringLiteral("job.resume"), u"job:" + name, {});
        tx.commit();
    });
}

void PostgresStore::postponeJob(const QString &name, qint64 until, const Actor &actor, qint64 now)
{
    guarded("postpone job", [&] {
        pqxx::work tx(m_session->connection);
        const pqxx::result updated = tx.exec_params(
            "UPDATE jobs SET postpone_until = $1, updated_at = $2 WHERE name = $3", until, now, pgText(name));
        if (updated.affected_rows() != 1)
            throw StoreError(PostgresStore::tr("unknown job \"%1\"").arg(name), StoreError::Kind::NotFound);
        audit(tx, actor, now, QStringLiteral("job.postpone"), u"job:" + name,
              QString::fromUtf8(
                  QJsonDocument(QJsonObject{{QStringLiteral("until"), until}}).toJson(QJsonDocument::Compact)));
        tx.commit();
    });
}

bool PostgresStore::recordFires(qint64 jobId, qint64 expectedNextFireAt, qint64 nextFireAt, const QVector<NewRun> &runs,
                                qint64 now)
{
    return guarded("record fires", [&] {
        pqxx::work tx(m_session->connection);
        qint64 lastFire = 0;
        for (const NewRun &run : runs)
            lastFire = std::max(lastFire, run.runAt);
        // Compare and set: a scheduler on another node that moved the fire first makes this one write nothing.
        const pqxx::result advanced = tx.exec_prepared(
            m_session->prepared("vigia_advance_job",
                                "UPDATE jobs SET next_fire_at = $1, last_fire_at = CASE WHEN $2::bigint > 0 THEN "
                                "$2::bigint ELSE last_fire_at END WHERE id = $3 AND coalesce(next_fire_at, 0) = $4"),
            pgNullable(nextFireAt), lastFire, jobId, expectedNextFireAt);
        if (advanced.affected_rows() != 1)
            return false;
        insertRuns(tx, runs, now);
        tx.commit();
        return true;
    });
}

} // namespace vigia
