#pragma once

#include "store/storefactory.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace vigia {

class Alarm;
class Clock;

// This node's membership of the cluster, on its own thread with its own connection: registers the node in the nodes
// table and heartbeats it, and takes or renews the leader lease by compare-and-set every third of the lease. It
// emits gained() when this node becomes the leader and lost() when it stops being one: the lease was taken by another
// node, or the database could not be reached in time to renew it (it steps down a third of a lease before the lease
// runs out, so two nodes never both believe they lead). A dead leader's lease runs out after at most one lease, and
// another node notices within a third of one more, so takeover takes less than two lease periods.
class Leadership : public QObject {
    Q_OBJECT
public:
    struct Config {
        QString nodeId;
        qint64 leaseMs = 15'000;
        QString version; // reported in the nodes table
    };

    Leadership(Config config, StoreOpener opener, Clock *clock, QObject *parent = nullptr);
    ~Leadership() override;

    bool isLeader() const { return m_leader; }
    qint64 renewIntervalMs() const { return std::max<qint64>(1, m_config.leaseMs / 3); }

public slots:
    // On the leadership's thread. start() registers the node and tries for the lease at once.
    void start();
    // Graceful exit: gives the lease up (another node can lead at once) and marks the node stopped.
    void resign();

signals:
    void gained();
    void lost();

private:
    void tick();
    void stepDown(const char *why);

    Config m_config;
    StoreOpener m_opener;
    Clock *m_clock;
    std::unique_ptr<Store> m_store;
    Alarm *m_alarm;
    std::atomic<bool> m_leader{false};
    bool m_registered = false;
    bool m_resigned = false;
    bool m_failing = false; // the database is unreachable (logged once)
    qint64 m_startedAt = 0;
    qint64 m_heldUntil = 0; // the lease this node last wrote, while it leads
};

} // namespace vigia
