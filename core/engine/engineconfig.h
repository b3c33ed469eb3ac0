#pragma once

#include "engine/retrypolicy.h"

#include <QString>

namespace vigia {

struct EngineConfig {
    QString nodeId;                        // unique per process; empty: host:pid
    int concurrency = 8;                   // runs executing at once on this node, all queues together
    int workerThreads = 0;                 // 0: one per core, at most `concurrency`
    qint64 leaseMs = 30'000;               // a running run's lease; renewed every third of it
    qint64 pollIntervalMs = 250;           // look for runs enqueued by other processes
    qint64 defaultTimeoutMs = 30 * 60'000; // for runs that set none
    qint64 statsIntervalMs = 1'000;        // how often statistics are published
    RetryPolicy defaultRetry;              // for runs without a job definition
    quint32 randomSeed = 0;                // for jitter; 0: seeded from the system
    bool runScheduler = true;              // fire scheduled jobs (a leader duty)
};

QString defaultNodeId();

} // namespace vigia
