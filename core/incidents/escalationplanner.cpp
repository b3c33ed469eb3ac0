#include "incidents/escalationplanner.h"

#include "incidents/oncallresolver.h"

#include <QCoreApplication>
#include <QSet>

#include <utility>

namespace vigia {

EscalationPlanner::EscalationPlanner(EscalationPolicy policy)
    : m_policy(std::move(policy))
{
    m_policy.repeat = qMax(0, m_policy.repeat);
}

int EscalationPlanner::levelCount() const
{
    return int(m_policy.steps.size()) * (m_policy.repeat + 1) + 1;
}

EscalationPlanner::Level EscalationPlanner::describe(int level) const
{
    Level described;
    described.level = level;
    if (level < 0)
        return described;
    const int stepCount = int(m_policy.steps.size());
    if (level >= finalLevel()) {
        described.level = finalLevel();
        described.final = true;
        described.pass = m_policy.repeat;
        return described;
    }
    described.step = level % stepCount;
    described.pass = level / stepCount;
    return described;
}

qint64 EscalationPlanner::delayMs(int level) const
{
    const Level described = describe(level);
    if (described.final || described.step < 0)
        return -1;
    return qMax<qint64>(0, m_policy.steps.at(described.step).delayMs);
}

QVector<EscalationTarget> EscalationPlanner::targets(int level) const
{
    const Level described = describe(level);
    if (described.final) {
        EscalationTarget everyone;
        everyone.kind = EscalationTarget::Kind::Role;
        everyone.role = m_policy.finalRole;
        return {everyone};
    }
    if (described.step < 0)
        return {};
    return m_policy.steps.at(described.step).targets;
}

qint64 EscalationPlanner::nextAt(int level, qint64 startedAtMs) const
{
    const qint64 delay = delayMs(level);
    return delay < 0 ? -1 : startedAtMs + delay;
}

EscalationPlanner::Plan EscalationPlanner::advance(int level, qint64 levelStartedAtMs, qint64 nowMs) const
{
    Plan plan;
    plan.fromLevel = level;
    int current = qMin(level, finalLevel());
    qint64 since = levelStartedAtMs;
    if (current < 0)
        current = 0;
    while (current < finalLevel()) {
        const qint64 next = nextAt(current, since);
        if (next > nowMs)
            break;
        ++current;
        since = next;
    }
    plan.level = current;
    plan.levelStartedAtMs = since;
    plan.nextEscalationAtMs = nextAt(current, since);
    return plan;
}

EscalationPlanner::Plan EscalationPlanner::escalateNow(int level, qint64 levelStartedAtMs, qint64 nowMs) const
{
    Plan plan;
    plan.fromLevel = level;
    if (level >= finalLevel()) {
        plan.level = finalLevel();
        plan.levelStartedAtMs = levelStartedAtMs;
    } else {
        plan.level = level < 0 ? 0 : level + 1;
        plan.levelStartedAtMs = nowMs;
    }
    plan.nextEscalationAtMs = nextAt(plan.level, plan.levelStartedAtMs);
    return plan;
}

QVector<Recipient> resolveRecipients(const QVector<EscalationTarget> &targets, const QString &why,
                                     const QVector<User> &users, const QHash<QString, OnCallSchedule> &schedules,
                                     qint64 atMs, QStringList *unresolved)
{
    QVector<Recipient> recipients;
    QSet<QString> seen;
    QHash<QString, const User *> byName;
    for (const User &user : users)
        byName.insert(user.name, &user);
    auto add = [&](const QString &name, const QString &reason) {
        if (!byName.contains(name)) {
            if (unresolved)
                unresolved->append(QCoreApplication::translate("EscalationPlanner", "%1: unknown user").arg(reason));
            return;
        }
        if (seen.contains(name))
            return;
        seen.insert(name);
        recipients.append(Recipient{name, reason});
    };
    for (const EscalationTarget &target : targets) {
        const QString prefix = why.isEmpty() ? QString() : why + QStringLiteral(": ");
        switch (target.kind) {
        case EscalationTarget::Kind::User:
            add(target.name, prefix + QStringLiteral("user ") + target.name);
            break;
        case EscalationTarget::Kind::Schedule: {
            const QString reason = prefix + QStringLiteral("schedule ") + target.name;
            const auto found = schedules.constFind(target.name);
            if (found == schedules.constEnd()) {
                if (unresolved)
                    unresolved->append(
                        QCoreApplication::translate("EscalationPlanner", "%1: unknown schedule").arg(reason));
                break;
            }
            const OnCallResolver::Answer answer = OnCallResolver(*found).at(atMs);
            if (answer.covered())
                add(answer.user, reason);
            else if (unresolved)
                unresolved->append(
                    QCoreApplication::translate("EscalationPlanner", "%1: nobody is on call").arg(reason));
            break;
        }
        case EscalationTarget::Kind::Role:
            for (const User &user : users) {
                if (user.role == target.role)
                    add(user.name, prefix + QStringLiteral("role ") + escalationRoleName(target.role));
            }
            break;
        }
    }
    return recipients;
}

} // namespace vigia
