#pragma once

#include "model/escalationpolicy.h"
#include "model/oncallschedule.h"

#include <QHash>

namespace vigia {

// Where an incident stands in its policy. Levels number the steps of every pass in order (pass 2 of a two-step
// policy starts at level 2); the last level notifies the policy's final role and ends the chain. Pure.
class EscalationPlanner {
public:
    static constexpr int NotStarted = -1;

    struct Level {
        int level = NotStarted;
        int step = -1; // index in the policy's steps; -1 for the final level
        int pass = 0;  // 0-based
        bool final = false;
    };
    struct Plan {
        int fromLevel = NotStarted; // the level the incident was at
        int level = NotStarted;     // the level it is at now
        qint64 levelStartedAtMs = 0;
        qint64 nextEscalationAtMs = -1; // -1: the chain has ended
        bool advanced() const { return level != fromLevel; }
    };

    explicit EscalationPlanner(EscalationPolicy policy);

    int levelCount() const;
    int finalLevel() const { return levelCount() - 1; }
    Level describe(int level) const;
    // How long a level waits before the next; -1 for the final level.
    qint64 delayMs(int level) const;
    QVector<EscalationTarget> targets(int level) const;

    // Advances through every level whose delay has passed by nowMs. A new incident is NotStarted with
    // levelStartedAtMs = its trigger time, so that level 0 is due at once.
    Plan advance(int level, qint64 levelStartedAtMs, qint64 nowMs) const;
    // An operator's escalation: the next level now (the final level stays where it is).
    Plan escalateNow(int level, qint64 levelStartedAtMs, qint64 nowMs) const;

    const EscalationPolicy &policy() const { return m_policy; }

private:
    qint64 nextAt(int level, qint64 startedAtMs) const;

    EscalationPolicy m_policy;
};

// A person to notify and why ("step 1: schedule primary").
struct Recipient {
    QString user;
    QString reason;
};

// The users a level's targets name at an instant: schedules resolved to whoever is on call, roles to every user with
// that role; each user once, in target order. Unknown users and schedules are skipped with a reason in `unresolved`.
QVector<Recipient> resolveRecipients(const QVector<EscalationTarget> &targets, const QString &why,
                                     const QVector<User> &users, const QHash<QString, OnCallSchedule> &schedules,
                                     qint64 atMs, QStringList *unresolved = nullptr);

} // namespace vigia
