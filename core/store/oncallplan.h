#pragma once

#include "model/declarations.h"

#include <QCoreApplication>

namespace vigia {

// The on-call half of Store::applyDeclarations(), shared by every backend as DeclarationPlan is: checks the declared
// schedules and escalation policies (and the policies jobs name), and compares them with what the database holds.
struct OnCallPlan {
    Q_DECLARE_TR_FUNCTIONS(OnCallPlan)

public:
    QVector<DeclarationChange> changes; // schedules by name, then policies by name
    QVector<OnCallSchedule> schedulesToCreate;
    QVector<OnCallSchedule> schedulesToUpdate;
    QStringList schedulesToDelete;
    QVector<EscalationPolicy> policiesToCreate;
    QVector<EscalationPolicy> policiesToUpdate;
    QStringList policiesToDelete;

    // Throws StoreError (Invalid) for what no database may hold: an empty or duplicate name, a schedule the resolver
    // refuses, a policy without steps or targets, a negative delay, a repeat outside 0-100, a schedule target or a
    // job's escalation_policy naming nothing that will exist.
    // With prune, only the sections `declarations` declares lose what they do not list, and a schedule or policy
    // that something staying (a policy, a job of `currentJobs`) still names is not deleted.
    static OnCallPlan make(const Declarations &declarations, const QVector<JobDef> &currentJobs,
                           const QVector<OnCallSchedule> &currentSchedules,
                           const QVector<EscalationPolicy> &currentPolicies, bool prune);

    static QStringList changedFields(const OnCallSchedule &current, const OnCallSchedule &declared);
    static QStringList changedFields(const EscalationPolicy &current, const EscalationPolicy &declared);
};

} // namespace vigia
