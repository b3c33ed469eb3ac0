#include "store/declarationplan.h"

#include "schedule/schedulerule.h"
#include "store/store.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace vigia {

namespace {
const QString DefaultQueue = QStringLiteral("default");

bool sameJson(const QByteArray &a, const QByteArray &b)
{
    return a == b || QJsonDocument::fromJson(a) == QJsonDocument::fromJson(b);
}

void scheduleChanges(const Schedule &current, const Schedule &declared, QStringList &fields)
{
    if (!current.isScheduled() && !declared.isScheduled())
        return; // nothing fires either way: pause, window and the rest mean nothing yet
    if (!current.isScheduled() || !declared.isScheduled()) {
        fields << QStringLiteral("schedule");
        return;
    }
    const auto add = [&fields](bool changed, const char *name) {
        if (changed)
            fields << QLatin1String(name);
    };
    const bool cron = declared.kind == Schedule::Kind::Cron;
    add(current.kind != declared.kind || (cron && current.cron != declared.cron), "schedule.cron");
    add(current.kind != declared.kind || (!cron && current.intervalMs != declared.intervalMs), "schedule.every");
    add(current.anchorAt != declared.anchorAt, "schedule.anchor");
    add(current.timeZone != declared.timeZone, "schedule.time_zone");
    add(current.window.startMinute != declared.window.startMinute ||
            current.window.endMinute != declared.window.endMinute ||
            (current.window.weekdays & 0x7F) != (declared.window.weekdays & 0x7F),
        "schedule.window");
    add(current.misfire != declared.misfire, "schedule.misfire");
    add(current.jitterMs != declared.jitterMs, "schedule.jitter");
    add(current.runOnStart != declared.runOnStart, "schedule.run_on_start");
    add(current.paused != declared.paused, "schedule.paused");
    add(current.postponeUntil != declared.postponeUntil, "schedule.postpone_until");
}

[[noreturn]] void invalid(const QString &message)
{
    throw StoreError(message, StoreError::Kind::Invalid);
}

void check(const Declarations &declarations)
{
    QSet<QString> names;
    for (const Queue &queue : declarations.queues) {
        if (queue.name.trimmed().isEmpty())
            invalid(DeclarationPlan::tr("a declared queue has no name"));
        if (names.contains(queue.name))
            invalid(DeclarationPlan::tr("queue \"%1\" is declared twice").arg(queue.name));
        if (queue.concurrency < 1)
            invalid(DeclarationPlan::tr("queue \"%1\": concurrency must be at least 1").arg(queue.name));
        names.insert(queue.name);
    }
    names.clear();
    for (const JobDef &job : declarations.jobs) {
        if (job.name.trimmed().isEmpty())
            invalid(DeclarationPlan::tr("a declared job has no name"));
        if (names.contains(job.name))
            invalid(DeclarationPlan::tr("job \"%1\" is declared twice").arg(job.name));
        if (job.kind.isEmpty())
            invalid(DeclarationPlan::tr("job \"%1\" has no kind").arg(job.name));
        if (job.maxAttempts < 1 || job.maxAttempts > 1000)
            invalid(DeclarationPlan::tr("job \"%1\": max attempts must be between 1 and 1000").arg(job.name));
        QString scheduleError;
        if (!ScheduleRule::compile(job.schedule, &scheduleError))
            invalid(DeclarationPlan::tr("job \"%1\": %2").arg(job.name, scheduleError));
        if (job.sla.periodMs < 0 || job.sla.withinMs < 0 || job.sla.graceMs < 0)
            invalid(DeclarationPlan::tr("job \"%1\": SLA durations cannot be negative").arg(job.name));
        const IncidentPolicy &policy = job.incidents;
        if (policy.failureRateThreshold < 0 || policy.failureRateThreshold > 1)
            invalid(
                DeclarationPlan::tr("job \"%1\": the failure rate threshold must be between 0 and 1").arg(job.name));
        if (policy.failureRateWindow < 0 || policy.failureRateWindow > 10000)
            invalid(DeclarationPlan::tr("job \"%1\": the failure rate window must be between 0 and 10000 runs")
                        .arg(job.name));
        if (policy.expectedDurationMs < 0)
            invalid(DeclarationPlan::tr("job \"%1\": the expected duration cannot be negative").arg(job.name));
        names.insert(job.name);
    }
}

template <typename T> void byName(QVector<T> &items)
{
    std::sort(items.begin(), items.end(), [](const T &a, const T &b) { return a.name < b.name; });
}
} // namespace

QStringList DeclarationPlan::changedFields(const JobDef &current, const JobDef &declared)
{
    QStringList fields;
    const auto add = [&fields](bool changed, const char *name) {
        if (changed)
            fields << QLatin1String(name);
    };
    add(current.queue != declared.queue, "queue");
    add(current.kind != declared.kind, "kind");
    add(!sameJson(current.payload, declared.payload), "spec");
    add(current.priority != declared.priority, "priority");
    add(current.timeoutMs != declared.timeoutMs, "timeout");
    add(current.maxAttempts != declared.maxAttempts, "retry.max_attempts");
    add(current.retry.baseMs != declared.retry.baseMs, "retry.base");
    add(current.retry.factor != declared.retry.factor, "retry.factor");
    add(current.retry.maxMs != declared.retry.maxMs, "retry.max");
    add(current.retry.jitter != declared.retry.jitter, "retry.jitter");
    scheduleChanges(current.schedule, declared.schedule, fields);
    add(current.sla.periodMs != declared.sla.periodMs, "sla.period");
    add(current.sla.withinMs != declared.sla.withinMs, "sla.within");
    add(current.sla.graceMs != declared.sla.graceMs, "sla.grace");
    add(current.critical != declared.critical, "critical");
    const IncidentPolicy &a = current.incidents;
    const IncidentPolicy &b = declared.incidents;
    add(a.enabled != b.enabled || (a.enabled && a.severity != b.severity), "incident_policy.severity");
    add(a.autoResolve != b.autoResolve, "incident_policy.auto_resolve");
    add(a.failureRateThreshold != b.failureRateThreshold || a.failureRateWindow != b.failureRateWindow,
        "incident_policy.failure_rate");
    add(a.expectedDurationMs != b.expectedDurationMs, "incident_policy.expected_duration");
    add(current.escalationPolicy != declared.escalationPolicy, "escalation_policy");
    return fields;
}

QStringList DeclarationPlan::changedFields(const Queue &current, const Queue &declared)
{
    QStringList fields;
    if (current.concurrency != declared.concurrency)
        fields << QStringLiteral("concurrency");
    if (current.paused != declared.paused)
        fields << QStringLiteral("paused");
    return fields;
}

DeclarationPlan DeclarationPlan::make(const Declarations &declarations, const QVector<Queue> &currentQueues,
                                      const QVector<JobDef> &currentJobs, bool prune)
{
    check(declarations);
    DeclarationPlan plan;
    using Change = DeclarationChange;
    QVector<Change> queueChanges;
    QVector<Change> jobChanges;

    QHash<QString, Queue> queuesNow;
    for (const Queue &queue : currentQueues)
        queuesNow.insert(queue.name, queue);
    QSet<QString> queuesAfter; // what the database holds once the plan is written
    QSet<QString> declaredQueues;
    for (const Queue &queue : declarations.queues) {
        declaredQueues.insert(queue.name);
        queuesAfter.insert(queue.name);
        const auto now = queuesNow.constFind(queue.name);
        if (now == queuesNow.cend()) {
            plan.queuesToCreate.append(queue);
            queueChanges.append({Change::Object::Queue, Change::Action::Create, queue.name, {}});
            continue;
        }
        const QStringList fields = changedFields(*now, queue);
        if (fields.isEmpty()) {
            queueChanges.append({Change::Object::Queue, Change::Action::Unchanged, queue.name, {}});
        } else {
            plan.queuesToUpdate.append(queue);
            queueChanges.append({Change::Object::Queue, Change::Action::Update, queue.name, fields});
        }
    }
    for (const Queue &queue : currentQueues) {
        if (declaredQueues.contains(queue.name))
            continue;
        if (prune && queue.name != DefaultQueue) {
            plan.queuesToDelete.append(queue);
            queueChanges.append({Change::Object::Queue, Change::Action::Delete, queue.name, {}});
        } else {
            queuesAfter.insert(queue.name);
        }
    }

    QHash<QString, JobDef> jobsNow;
    for (const JobDef &job : currentJobs)
        jobsNow.insert(job.name, job);
    QSet<QString> declaredJobs;
    for (const JobDef &job : declarations.jobs) {
        declaredJobs.insert(job.name);
        if (!queuesAfter.contains(job.queue)) {
            invalid(
                queuesNow.contains(job.queue)
                    ? DeclarationPlan::tr("job \"%1\" uses queue \"%2\", which --prune would delete; declare the queue")
                          .arg(job.name, job.queue)
                    : DeclarationPlan::tr("job \"%1\" uses queue \"%2\", which is neither declared nor in the database")
                          .arg(job.name, job.queue));
        }
        const auto now = jobsNow.constFind(job.name);
        if (now == jobsNow.cend()) {
            plan.jobsToCreate.append(job);
            jobChanges.append({Change::Object::Job, Change::Action::Create, job.name, {}});
            continue;
        }
        const QStringList fields = changedFields(*now, job);
        if (fields.isEmpty()) {
            jobChanges.append({Change::Object::Job, Change::Action::Unchanged, job.name, {}});
        } else {
            JobDef updated = job;
            updated.id = now->id;
            plan.jobsToUpdate.append(updated);
            jobChanges.append({Change::Object::Job, Change::Action::Update, job.name, fields});
        }
    }
    if (prune) {
        for (const JobDef &job : currentJobs) {
            if (declaredJobs.contains(job.name))
                continue;
            plan.jobsToDelete.append(job);
            jobChanges.append({Change::Object::Job, Change::Action::Delete, job.name, {}});
        }
    }
    // Without prune no queue is deleted; with it, every job left in the database is declared and was checked above.
    byName(queueChanges);
    byName(jobChanges);
    byName(plan.queuesToCreate);
    byName(plan.queuesToUpdate);
    byName(plan.queuesToDelete);
    byName(plan.jobsToCreate);
    byName(plan.jobsToUpdate);
    plan.result.changes = queueChanges + jobChanges;
    return plan;
}

} // namespace vigia
