// SqliteStore: job definitions and the scheduler's bookkeeping of fires.
#include "store/sqlitestore.h"

#include "schedule/schedulerule.h"
#include "store/sqlitetransaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {

#define VIGIA_SQLITE_JOB_COLUMNS                                                                                       \
    "id, name, queue, kind, payload, priority, max_attempts, timeout_ms, backoff_base_ms, backoff_factor, "            \
    "backoff_max_ms, backoff_jitter, schedule_kind, cron, interval_ms, anchor_at, time_zone, window_start, "           \
    "window_end, window_days, postpone_until, paused, run_on_start, jitter_ms, misfire, next_fire_at, last_fire_at, "  \
    "sla_period_ms, sla_ms, sla_grace_ms, critical, incident_severity, auto_resolve, failure_rate_threshold, "         \
    "failure_rate_window, expected_duration_ms, escalation_policy"

JobDef readJob(const QSqlQuery &q)
{
    JobDef job;
    job.id = q.value(0).toLongLong();
    job.name = q.value(1).toString();
    job.queue = q.value(2).toString();
    job.kind = q.value(3).toString();
    job.payload = q.value(4).toString().toUtf8();
    job.priority = static_cast<Priority>(q.value(5).toInt());
    job.maxAttempts = q.value(6).toInt();
    job.timeoutMs = q.value(7).toLongLong();
    job.retry.baseMs = q.value(8).toLongLong();
    job.retry.factor = q.value(9).toDouble();
    job.retry.maxMs = q.value(10).toLongLong();
    job.retry.jitter = RetryPolicy::jitterFromName(q.value(11).toString()).value_or(RetryPolicy::Jitter::Full);
    Schedule &s = job.schedule;
    s.kind = scheduleKindFromName(q.value(12).toString());
    s.cron = q.value(13).toString();
    s.intervalMs = q.value(14).toLongLong();
    s.anchorAt = q.value(15).toLongLong();
    s.timeZone = q.value(16).toString();
    s.window.startMinute = q.value(17).toInt();
    s.window.endMinute = q.value(18).toInt();
    s.window.weekdays = quint8(q.value(19).toInt());
    s.postponeUntil = q.value(20).toLongLong();
    s.paused = q.value(21).toInt() != 0;
    s.runOnStart = q.value(22).toInt() != 0;
    s.jitterMs = q.value(23).toLongLong();
    s.misfire = misfirePolicyFromName(q.value(24).toString());
    job.nextFireAt = q.value(25).toLongLong();
    job.lastFireAt = q.value(26).toLongLong();
    job.sla.periodMs = q.value(27).toLongLong();
    job.sla.withinMs = q.value(28).toLongLong();
    job.sla.graceMs = q.value(29).toLongLong();
    job.critical = q.value(30).toInt() != 0;
    job.incidents.setSeverityText(q.value(31).toString());
    job.incidents.autoResolve = q.value(32).toInt() != 0;
    job.incidents.failureRateThreshold = q.value(33).toDouble();
    job.incidents.failureRateWindow = q.value(34).toInt();
    job.incidents.expectedDurationMs = q.value(35).toLongLong();
    job.escalationPolicy = q.value(36).toString();
    return job;
}
} // namespace

QVector<JobDef> SqliteStore::selectJobs(const QString &where, const QVariantList &binds)
{
    QSqlQuery query = exec(QStringLiteral("SELECT " VIGIA_SQLITE_JOB_COLUMNS " FROM jobs ") + where, binds);
    QVector<JobDef> result;
    while (query.next())
        result.append(readJob(query));
    return result;
}

std::optional<JobDef> SqliteStore::job(qint64 id)
{
    const QVector<JobDef> found = selectJobs(QStringLiteral("WHERE id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<JobDef>(found.constFirst());
}

std::optional<JobDef> SqliteStore::jobByName(const QString &name)
{
    const QVector<JobDef> found = selectJobs(QStringLiteral("WHERE name = ?"), {name});
    return found.isEmpty() ? std::nullopt : std::optional<JobDef>(found.constFirst());
}

QVector<JobDef> SqliteStore::jobs()
{
    return selectJobs(QStringLiteral("ORDER BY name"), {});
}

qint64 SqliteStore::jobsRevision()
{
    QSqlQuery &query = prepared("SELECT value FROM revisions WHERE name = 'jobs'");
    execOrThrow(query, "jobs revision");
    const qint64 value = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return value;
}

qint64 SqliteStore::upsertJob(const JobDef &job, const Actor &actor, qint64 now)
{
    QString scheduleError;
    if (!ScheduleRule::compile(job.schedule, &scheduleError))
        throw StoreError(SqliteStore::tr("job \"%1\": %2").arg(job.name, scheduleError), StoreError::Kind::Invalid);
    SqliteWriteTransaction tx(*this);
    requireQueue(job.queue);
    const qint64 id = writeJob(job, now);
    audit(actor, now, QStringLiteral("job.edit"), u"job:" + job.name, {});
    tx.commit();
    return id;
}

qint64 SqliteStore::writeJob(const JobDef &job, qint64 now)
{
    const Schedule &s = job.schedule;
    // A changed schedule forgets the fire it waited for, so the scheduler computes the next one from the new rule.
    QSqlQuery upsert = exec(
        QStringLiteral(
            "INSERT INTO jobs (name, queue, kind, payload, priority, max_attempts, timeout_ms, backoff_base_ms, "
            "backoff_factor, backoff_max_ms, backoff_jitter, schedule_kind, cron, interval_ms, anchor_at, time_zone, "
            "window_start, window_end, window_days, postpone_until, paused, run_on_start, jitter_ms, misfire, "
            "sla_period_ms, sla_ms, sla_grace_ms, critical, incident_severity, auto_resolve, failure_rate_threshold, "
            "failure_rate_window, expected_duration_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET queue = excluded.queue, kind = excluded.kind, payload = "
            "excluded.payload, "
            "priority = excluded.priority, max_attempts = excluded.max_attempts, timeout_ms = excluded.timeout_ms, "
            "backoff_base_ms = excluded.backoff_base_ms, backoff_factor = excluded.backoff_factor, "
            "backoff_max_ms = excluded.backoff_max_ms, backoff_jitter = excluded.backoff_jitter, "
            "next_fire_at = CASE WHEN schedule_kind IS NOT excluded.schedule_kind OR cron IS NOT excluded.cron OR "
            "interval_ms IS NOT excluded.interval_ms OR anchor_at IS NOT excluded.anchor_at OR "
            "time_zone IS NOT excluded.time_zone THEN NULL ELSE next_fire_at END, "
            "schedule_kind = excluded.schedule_kind, cron = excluded.cron, interval_ms = excluded.interval_ms, "
            "anchor_at = excluded.anchor_at, time_zone = excluded.time_zone, window_start = excluded.window_start, "
            "window_end = excluded.window_end, window_days = excluded.window_days, "
            "postpone_until = excluded.postpone_until, paused = excluded.paused, run_on_start = excluded.run_on_start, "
            "jitter_ms = excluded.jitter_ms, misfire = excluded.misfire, sla_period_ms = excluded.sla_period_ms, "
            "sla_ms = excluded.sla_ms, sla_grace_ms = excluded.sla_grace_ms, critical = excluded.critical, "
            "incident_severity = excluded.incident_severity, auto_resolve = excluded.auto_resolve, "
            "failure_rate_threshold = excluded.failure_rate_threshold, "
            "failure_rate_window = excluded.failure_rate_window, "
            "expected_duration_ms = excluded.expected_duration_ms, updated_at = excluded.updated_at "
            "RETURNING id"),
        {job.name,
         job.queue,
         job.kind,
         QString::fromUtf8(job.payload),
         static_cast<int>(job.priority),
         job.maxAttempts,
         job.timeoutMs,
         job.retry.baseMs,
         job.retry.factor,
         job.retry.maxMs,
         RetryPolicy::jitterName(job.retry.jitter),
         scheduleKindName(s.kind),
         s.cron.isEmpty() ? QVariant() : QVariant(s.cron),
         s.intervalMs,
         s.anchorAt,
         s.timeZone,
         s.window.startMinute,
         s.window.endMinute,
         int(s.window.weekdays),
         s.postponeUntil,
         s.paused ? 1 : 0,
         s.runOnStart ? 1 : 0,
         s.jitterMs,
         misfirePolicyName(s.misfire),
         job.sla.periodMs,
         job.sla.withinMs,
         job.sla.graceMs,
         job.critical ? 1 : 0,
         job.incidents.severityText(),
         job.incidents.autoResolve ? 1 : 0,
         job.incidents.failureRateThreshold,
         job.incidents.failureRateWindow,
         job.incidents.expectedDurationMs,
         now,
         now});
    upsert.next();
    const qint64 id = upsert.value(0).toLongLong();
    upsert.finish();
    // A statement of its own, so that the on-call column stays out of the long upsert above.
    exec(QStringLiteral("UPDATE jobs SET escalation_policy = ? WHERE id = ? AND escalation_policy IS NOT ?"),
         {job.escalationPolicy.isEmpty() ? QVariant() : QVariant(job.escalationPolicy), id,
          job.escalationPolicy.isEmpty() ? QVariant() : QVariant(job.escalationPolicy)});
    return id;
}

void SqliteStore::setJobPaused(const QString &name, bool paused, const Actor &actor, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    QSqlQuery update =
        exec(QStringLiteral("UPDATE jobs SET paused = ?, updated_at = ? WHERE name = ?"), {paused ? 1 : 0, now, name});
    if (update.numRowsAffected() != 1)
        throw StoreError(SqliteStore::tr("unknown job \"%1\"").arg(name), StoreError::Kind::NotFound);
    audit(actor, now, paused ? QStringLiteral("job.pause") : QStringLiteral("job.resume"), u"job:" + name, {});
    tx.commit();
}

void SqliteStore::postponeJob(const QString &name, qint64 until, const Actor &actor, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    QSqlQuery update =
        exec(QStringLiteral("UPDATE jobs SET postpone_until = ?, updated_at = ? WHERE name = ?"), {until, now, name});
    if (update.numRowsAffected() != 1)
        throw StoreError(SqliteStore::tr("unknown job \"%1\"").arg(name), StoreError::Kind::NotFound);
    audit(
        actor, now, QStringLiteral("job.postpone"), u"job:" + name,
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("until"), until}}).toJson(QJsonDocument::Compact)));
    tx.commit();
}

bool SqliteStore::recordFires(qint64 jobId, qint64 expectedNextFireAt, qint64 nextFireAt, const QVector<NewRun> &runs,
                              qint64 now)
{
    SqliteWriteTransaction tx(*this);
    QSqlQuery &advance =
        prepared("UPDATE jobs SET next_fire_at = ?, last_fire_at = CASE WHEN ? > 0 THEN ? ELSE last_fire_at END "
                 "WHERE id = ? AND coalesce(next_fire_at, 0) = ?");
    qint64 lastFire = 0;
    for (const NewRun &run : runs)
        lastFire = std::max(lastFire, run.runAt);
    advance.addBindValue(nextFireAt > 0 ? QVariant(nextFireAt) : QVariant());
    advance.addBindValue(lastFire);
    advance.addBindValue(lastFire);
    advance.addBindValue(jobId);
    advance.addBindValue(expectedNextFireAt);
    execOrThrow(advance, "advance job schedule");
    const bool won = advance.numRowsAffected() == 1;
    advance.finish();
    if (!won)
        return false;
    insertRuns(runs, now);
    tx.commit();
    return true;
}

} // namespace vigia
