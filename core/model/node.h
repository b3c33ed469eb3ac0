#pragma once

#include <QString>

namespace vigia {

// One engine process sharing the database, as it registered itself and last reported (nodes table).
struct NodeInfo {
    QString id; // the engine's node id (host:pid unless named)
    QString host;
    qint64 pid = 0;
    QString version;
    qint64 startedAt = 0;
    qint64 heartbeatAt = 0;
    QString state; // "running" or "stopped"; a running node whose heartbeat stopped is dead
};

// The cluster's leader lease: one row that a node takes or renews by compare-and-set.
struct LeaderLease {
    QString holder; // empty: nobody
    qint64 expiresAt = 0;
    qint64 since = 0; // when the current holder took it
};

} // namespace vigia
