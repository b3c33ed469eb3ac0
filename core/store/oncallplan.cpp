#include "store/oncallplan.h"

#include "incidents/oncallresolver.h"
#include "store/oncallcodec.h"
#include "store/store.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace vigia {

namespace {
constexpr int MaxRepeat = 100;

[[noreturn]] void invalid(const QString &message)
{
    throw StoreError(message, StoreError::Kind::Invalid);
}

void checkSchedules(const QVector<OnCallSchedule> &schedules)
{
    QSet<QString> names;
    for (const OnCallSchedule &schedule : schedules) {
        if (schedule.name.trimmed().isEmpty())
            invalid(OnCallPlan::tr("a declared schedule has no name"));
        if (names.contains(schedule.name))
            invalid(OnCallPlan::tr("schedule \"%1\" is declared twice").arg(schedule.name));
        names.insert(schedule.name);
        const QString problem = OnCallResolver::validate(schedule);
        if (!problem.isEmpty())
            invalid(OnCallPlan::tr("schedule \"%1\": %2").arg(schedule.name, problem));
    }
}

void checkPolicies(const QVector<EscalationPolicy> &policies, const QSet<QString> &schedulesAfter)
{
    QSet<QString> names;
    for (const EscalationPolicy &policy : policies) {
        if (policy.name.trimmed().isEmpty())
            invalid(OnCallPlan::tr("a declared escalation policy has no name"));
        if (names.contains(policy.name))
            invalid(OnCallPlan::tr("escalation policy \"%1\" is declared twice").arg(policy.name));
        names.insert(policy.name);
        if (policy.steps.isEmpty())
            invalid(OnCallPlan::tr("escalation policy \"%1\" has no steps").arg(policy.name));
        if (policy.repeat < 0 || policy.repeat > MaxRepeat)
            invalid(OnCallPlan::tr("escalation policy \"%1\": repeat must be between 0 and %2")
                        .arg(policy.name)
                        .arg(MaxRepeat));
        for (int i = 0; i < policy.steps.size(); ++i) {
            const EscalationStep &step = policy.steps.at(i);
            if (step.delayMs < 0)
                invalid(OnCallPlan::tr("escalation policy \"%1\", step %2: the delay cannot be negative")
                            .arg(policy.name)
                            .arg(i + 1));
            if (step.targets.isEmpty())
                invalid(OnCallPlan::tr("escalation policy \"%1\", step %2 has no targets").arg(policy.name).arg(i + 1));
            for (const EscalationTarget &target : step.targets) {
                if (target.kind != EscalationTarget::Kind::Role && target.name.trimmed().isEmpty())
                    invalid(OnCallPlan::tr("escalation policy \"%1\", step %2: a target has no name")
                                .arg(policy.name)
                                .arg(i + 1));
                if (target.kind == EscalationTarget::Kind::Schedule && !schedulesAfter.contains(target.name))
                    invalid(OnCallPlan::tr("escalation policy \"%1\", step %2: schedule \"%3\" is neither declared "
                                           "nor in the database")
                                .arg(policy.name)
                                .arg(i + 1)
                                .arg(target.name));
            }
        }
    }
}

template <typename T> QSet<QString> namesOf(const QVector<T> &items)
{
    QSet<QString> names;
    for (const T &item : items)
        names.insert(item.name);
    return names;
}

template <typename T> void byName(QVector<T> &items)
{
    std::sort(items.begin(), items.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

// Compares the declared objects with the current ones by name; with prune, what is not declared goes.
template <typename T, typename Same>
void plan(const QVector<T> &declared, const QVector<T> &current, bool prune, DeclarationChange::Object object,
          Same changed, QVector<T> &toCreate, QVector<T> &toUpdate, QStringList &toDelete,
          QVector<DeclarationChange> &changes)
{
    using Change = DeclarationChange;
    QHash<QString, T> now;
    for (const T &item : current)
        now.insert(item.name, item);
    QVector<Change> mine;
    for (const T &item : declared) {
        const auto found = now.constFind(item.name);
        if (found == now.cend()) {
            toCreate.append(item);
            mine.append({object, Change::Action::Create, item.name, {}});
            continue;
        }
        const QStringList fields = changed(*found, item);
        if (fields.isEmpty()) {
            mine.append({object, Change::Action::Unchanged, item.name, {}});
        } else {
            toUpdate.append(item);
            mine.append({object, Change::Action::Update, item.name, fields});
        }
    }
    if (prune) {
        const QSet<QString> declaredNames = namesOf(declared);
        for (const T &item : current) {
            if (!declaredNames.contains(item.name)) {
                toDelete.append(item.name);
                mine.append({object, Change::Action::Delete, item.name, {}});
            }
        }
    }
    byName(mine);
    byName(toCreate);
    byName(toUpdate);
    toDelete.sort();
    changes += mine;
}
} // namespace

QStringList OnCallPlan::changedFields(const OnCallSchedule &current, const OnCallSchedule &declared)
{
    QStringList fields;
    if (current.description != declared.description)
        fields << QStringLiteral("description");
    if (current.timeZone != declared.timeZone)
        fields << QStringLiteral("time_zone");
    if (onCallLayersToJson(current.layers) != onCallLayersToJson(declared.layers))
        fields << QStringLiteral("layers");
    if (onCallOverridesToJson(current.overrides) != onCallOverridesToJson(declared.overrides))
        fields << QStringLiteral("overrides");
    return fields;
}

QStringList OnCallPlan::changedFields(const EscalationPolicy &current, const EscalationPolicy &declared)
{
    QStringList fields;
    if (current.description != declared.description)
        fields << QStringLiteral("description");
    if (escalationStepsToJson(current.steps) != escalationStepsToJson(declared.steps))
        fields << QStringLiteral("steps");
    if (current.repeat != declared.repeat)
        fields << QStringLiteral("repeat");
    if (current.finalRole != declared.finalRole)
        fields << QStringLiteral("final_role");
    return fields;
}

OnCallPlan OnCallPlan::make(const Declarations &declarations, const QVector<JobDef> &currentJobs,
                            const QVector<OnCallSchedule> &currentSchedules,
                            const QVector<EscalationPolicy> &currentPolicies, bool prune)
{
    // Prune touches only the sections the file declares.
    const bool pruneSchedules = prune && declarations.declares(Declarations::Schedules);
    const bool prunePolicies = prune && declarations.declares(Declarations::EscalationPolicies);
    const bool pruneJobs = prune && declarations.declares(Declarations::Jobs);
    checkSchedules(declarations.schedules);
    QSet<QString> schedulesAfter = namesOf(declarations.schedules);
    if (!pruneSchedules)
        schedulesAfter.unite(namesOf(currentSchedules));
    checkPolicies(declarations.escalationPolicies, schedulesAfter);
    QSet<QString> policiesAfter = namesOf(declarations.escalationPolicies);
    if (!prunePolicies) {
        policiesAfter.unite(namesOf(currentPolicies));
        // The policies that stay as they are must still find their schedules.
        const QSet<QString> redeclared = namesOf(declarations.escalationPolicies);
        for (const EscalationPolicy &policy : currentPolicies) {
            if (redeclared.contains(policy.name))
                continue;
            for (const EscalationStep &step : policy.steps) {
                for (const EscalationTarget &target : step.targets) {
                    if (target.kind == EscalationTarget::Kind::Schedule && !schedulesAfter.contains(target.name))
                        invalid(OnCallPlan::tr("--prune cannot delete schedule \"%1\": escalation policy \"%2\", "
                                               "which this file does not declare, names it")
                                    .arg(target.name, policy.name));
                }
            }
        }
    }
    for (const JobDef &job : declarations.jobs) {
        if (!job.escalationPolicy.isEmpty() && !policiesAfter.contains(job.escalationPolicy))
            invalid(OnCallPlan::tr("job \"%1\" uses escalation policy \"%2\", which is neither declared nor in the "
                                   "database")
                        .arg(job.name, job.escalationPolicy));
    }
    if (!pruneJobs) {
        const QSet<QString> redeclared = namesOf(declarations.jobs);
        for (const JobDef &job : currentJobs) {
            if (!redeclared.contains(job.name) && !job.escalationPolicy.isEmpty() &&
                !policiesAfter.contains(job.escalationPolicy))
                invalid(OnCallPlan::tr("--prune cannot delete escalation policy \"%1\": job \"%2\", which this "
                                       "file does not declare, uses it")
                            .arg(job.escalationPolicy, job.name));
        }
    }

    OnCallPlan result;
    plan(
        declarations.schedules, currentSchedules, pruneSchedules, DeclarationChange::Object::Schedule,
        [](const OnCallSchedule &a, const OnCallSchedule &b) { return changedFields(a, b); }, result.schedulesToCreate,
        result.schedulesToUpdate, result.schedulesToDelete, result.changes);
    plan(
        declarations.escalationPolicies, currentPolicies, prunePolicies, DeclarationChange::Object::EscalationPolicy,
        [](const EscalationPolicy &a, const EscalationPolicy &b) { return changedFields(a, b); },
        result.policiesToCreate, result.policiesToUpdate, result.policiesToDelete, result.changes);
    return result;
}

} // namespace vigia
