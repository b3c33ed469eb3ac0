#include "store/declarationplan.h"

#include "schedule/schedulerule.h"
#include "store/store.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

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

template <typename T> void byName(QVector<T> &items)
{
    std::sort(items.begin(), items.end(), [](const T &a, const T &b) { return a.name < b.name; });
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
    names.clear();
    for (const Connection &connection : declarations.connections) {
        if (connection.name.trimmed().isEmpty())
            invalid(DeclarationPlan::tr("a declared connection has no name"));
        if (names.contains(connection.name))
            invalid(DeclarationPlan::tr("connection \"%1\" is declared twice").arg(connection.name));
        const QVector<ConnectionProblem> problems = connectionProblems(connection);
        if (!problems.isEmpty()) {
            invalid(DeclarationPlan::tr("connection \"%1\": %2: %3")
                        .arg(connection.name, problems.first().field, problems.first().message));
        }
        names.insert(connection.name);
    }
    names.clear();
    for (const User &user : declarations.users) {
        if (user.name.trimmed().isEmpty())
            invalid(DeclarationPlan::tr("a declared user has no name"));
        if (names.contains(user.name))
            invalid(DeclarationPlan::tr("user \"%1\" is declared twice").arg(user.name));
        if (!QTimeZone(user.timeZone.toUtf8()).isValid())
            invalid(DeclarationPlan::tr("user \"%1\": unknown time zone \"%2\"").arg(user.name, user.timeZone));
        names.insert(user.name);
    }
}

// What the database identifies an object by besides its name survives an update.
template <typename T> void keepStoredIdentity(const T &, T &)
{}
void keepStoredIdentity(const JobDef &stored, JobDef &declared)
{
    declared.id = stored.id;
}

// The comparison every kind of declared object shares: matched by name, created when new, updated when a field
// differs, left alone when equal and, with prune, deleted when no longer declared (unless `kept` says it stays).
template <typename T, typename Kept>
NamedPlan<T> compareByName(DeclarationChange::Object object, const QVector<T> &declared, const QVector<T> &current,
                           bool prune, Kept kept)
{
    using Change = DeclarationChange;
    NamedPlan<T> plan;
    QHash<QString, const T *> stored;
    for (const T &item : current)
        stored.insert(item.name, &item);
    QSet<QString> declaredNames;
    for (const T &item : declared) {
        declaredNames.insert(item.name);
        const T *now = stored.value(item.name);
        if (!now) {
            plan.create.append(item);
            plan.changes.append({object, Change::Action::Create, item.name, {}});
            continue;
        }
        const QStringList fields = DeclarationPlan::changedFields(*now, item);
        if (fields.isEmpty()) {
            plan.changes.append({object, Change::Action::Unchanged, item.name, {}});
            continue;
        }
        T updated = item;
        keepStoredIdentity(*now, updated);
        plan.update.append(updated);
        plan.changes.append({object, Change::Action::Update, item.name, fields});
    }
    if (prune) {
        for (const T &item : current) {
            if (declaredNames.contains(item.name) || kept(item))
                continue;
            plan.remove.append(item);
            plan.changes.append({object, Change::Action::Delete, item.name, {}});
        }
    }
    byName(plan.create);
    byName(plan.update);
    byName(plan.remove);
    byName(plan.changes);
    return plan;
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

QStringList DeclarationPlan::changedFields(const Connection &current, const Connection &declared)
{
    QStringList fields;
    if (current.url != declared.url)
        fields << QStringLiteral("url");
    if (current.password != declared.password)
        fields << QStringLiteral("password");
    return fields;
}

QStringList DeclarationPlan::changedFields(const User &current, const User &declared)
{
    QStringList fields;
    const auto add = [&fields](bool changed, const char *name) {
        if (changed)
            fields << QLatin1String(name);
    };
    add(current.email != declared.email, "email");
    add(current.role != declared.role, "role");
    add(current.timeZone != declared.timeZone, "time_zone");
    add(current.channels != declared.channels, "channels");
    add(current.doNotDisturb != declared.doNotDisturb, "do_not_disturb");
    return fields;
}

QStringList DeclarationPlan::updatedFields(const QString &target) const
{
    for (const DeclarationChange &change : result.changes) {
        if (change.action == DeclarationChange::Action::Update &&
            declarationObjectName(change.object) + u':' + change.name == target)
            return change.fields;
    }
    return {};
}

DeclarationPlan DeclarationPlan::make(const Declarations &declarations, const Declarations &current, bool prune)
{
    check(declarations);
    DeclarationPlan plan;
    using Object = DeclarationChange::Object;
    const auto never = [](const auto &) { return false; };
    // Prune touches only the sections the file declares.
    const auto pruning = [&](Declarations::Section section) { return prune && declarations.declares(section); };
    plan.queues = compareByName(Object::Queue, declarations.queues, current.queues, pruning(Declarations::Queues),
                                [](const Queue &queue) { return queue.name == DefaultQueue; });
    plan.jobs = compareByName(Object::Job, declarations.jobs, current.jobs, pruning(Declarations::Jobs), never);
    plan.connections = compareByName(Object::Connection, declarations.connections, current.connections,
                                     pruning(Declarations::Connections), never);
    plan.users = compareByName(Object::User, declarations.users, current.users, pruning(Declarations::Users), never);

    // Every job must find its queue and its connection once the plan is written: the declared jobs, and the jobs in
    // the database that stay because the file has no jobs: section (or no prune).
    QVector<JobDef> staying;
    {
        QSet<QString> leaving;
        for (const JobDef &job : declarations.jobs)
            leaving.insert(job.name);
        for (const JobDef &job : std::as_const(plan.jobs.remove))
            leaving.insert(job.name);
        for (const JobDef &job : current.jobs) {
            if (!leaving.contains(job.name))
                staying.append(job);
        }
    }
    QSet<QString> connectionsRemoved;
    for (const Connection &connection : std::as_const(plan.connections.remove))
        connectionsRemoved.insert(connection.name);
    for (const JobDef &job : declarations.jobs + staying) {
        if (job.kind != QLatin1String("sql"))
            continue;
        const QString connection =
            QJsonDocument::fromJson(job.payload).object().value(QLatin1String("connection")).toString();
        if (connectionsRemoved.contains(connection))
            invalid(DeclarationPlan::tr("--prune cannot delete connection \"%1\": job \"%2\" uses it; declare the "
                                        "connection, or the job's new connection")
                        .arg(connection, job.name));
    }
    QSet<QString> queuesNow;
    for (const Queue &queue : current.queues)
        queuesNow.insert(queue.name);
    QSet<QString> queuesAfter = queuesNow;
    for (const Queue &queue : std::as_const(plan.queues.remove))
        queuesAfter.remove(queue.name);
    for (const Queue &queue : declarations.queues)
        queuesAfter.insert(queue.name);
    for (const JobDef &job : declarations.jobs) {
        if (queuesAfter.contains(job.queue))
            continue;
        invalid(queuesNow.contains(job.queue)
                    ? DeclarationPlan::tr("job \"%1\" uses queue \"%2\", which --prune would delete; declare the queue")
                          .arg(job.name, job.queue)
                    : DeclarationPlan::tr("job \"%1\" uses queue \"%2\", which is neither declared nor in the database")
                          .arg(job.name, job.queue));
    }
    for (const JobDef &job : std::as_const(staying)) {
        if (!queuesAfter.contains(job.queue))
            invalid(DeclarationPlan::tr("--prune cannot delete queue \"%1\": job \"%2\", which this file does not "
                                        "declare, stays in it; declare the queue, or the jobs: section")
                        .arg(job.queue, job.name));
    }
    plan.result.changes = plan.queues.changes + plan.jobs.changes + plan.connections.changes + plan.users.changes;
    return plan;
}

} // namespace vigia
