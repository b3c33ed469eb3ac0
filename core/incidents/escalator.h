#pragma once

#include "incidents/escalationplanner.h"
#include "store/storefactory.h"

#include <QObject>

#include <memory>

namespace vigia {

class Alarm;
class Clock;

struct EscalatorConfig {
    qint64 intervalMs = 15'000; // how often the escalator looks for due steps
    // The policy of incidents that name none (their job has none, or they are not about a job); empty: they do not
    // escalate.
    QString defaultPolicy;
    // A critical incident reaches people inside their do-not-disturb windows (serve --critical-breaks-dnd).
    bool criticalBreaksDnd = false;
};

// Runs escalation policies as a leader duty on the injected clock. Each pass takes the triggered, unsnoozed incidents
// whose next step is due (Store::escalationsDue), moves each to the level its policy has reached (EscalationPlanner:
// the delays since the level began, or at once when an operator escalated by hand), resolves that level's targets at
// this instant (schedules through OnCallResolver, roles to their users), and writes one delivery per recipient and
// contact channel (SILENCED inside the recipient's do-not-disturb window unless critical breaks through), its
// "escalated" and "notified" timeline rows and the next due time, in one guarded transaction (Store::
// recordEscalation: an acknowledgement meanwhile wins). The policy runs 1 + repeat times; then everyone with its
// final role (admins) is notified and the chain ends. Sending is the notifier's job: this never waits on a network.
class Escalator : public QObject {
    Q_OBJECT
public:
    static constexpr int BatchSize = 100;

    Escalator(StoreOpener opener, Clock *clock, EscalatorConfig config = {}, QObject *parent = nullptr);
    ~Escalator() override;

public slots:
    // On the escalator's thread.
    void start();
    // One pass now (start() runs one and arms the alarm for the next).
    void check();

signals:
    // After every pass: incidents moved and pending deliveries written (they wait for the notifier).
    void checked(int escalated, int deliveries);
    // Pending deliveries were written: the notifier should look now.
    void deliveriesWritten();
    void failed(const QString &message);

private:
    // Returns the deliveries written for the incident, or -1 when it was not moved (guards failed).
    int escalate(const Incident &incident, qint64 now);

    StoreOpener m_opener;
    Clock *m_clock;
    EscalatorConfig m_config;
    std::unique_ptr<Store> m_store;
    Alarm *m_alarm;
    // Read once per pass.
    QHash<QString, EscalationPolicy> m_policies;
    QHash<QString, OnCallSchedule> m_schedules;
    QVector<User> m_users;
};

} // namespace vigia
