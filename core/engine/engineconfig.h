#pragma once

#include "engine/notifier.h"
#include "engine/retrypolicy.h"
#include "incidents/escalator.h"
#include "incidents/incidentwatcher.h"
#include "model/rollup.h"

#include <QString>

#include <functional>

namespace vigia {

struct EngineConfig {
    QString nodeId;        // unique per process; empty: host:pid
    int concurrency = 8;   // runs executing at once on this node, all queues together
    int workerThreads = 0; // 0: one per core, at most `concurrency`
    // Runs claimed ahead of free worker slots, so that a worker never waits for the database: a worker that finishes
    // a run starts the next waiting one itself. They count as running against their queue's limit while they wait
    // and hold a lease like running runs; shutdown hands them back. The dispatcher keeps about what the workers get
    // through in two round trips, at least `prefetch` and at most `maxPrefetch`: long runs keep it at the floor.
    int prefetch = -1; // -1: as many as `concurrency`
    int maxPrefetch = 1024;
    bool asyncClaims = true;               // see ClaimRequest::asyncClaims; serve --sync-claims turns it off
    qint64 leaseMs = 30'000;               // a running run's lease; renewed every third of it
    qint64 pollIntervalMs = 250;           // look for runs enqueued by other processes (a fallback for wake-ups)
    bool listenForWakes = true;            // wake when another process enqueues (PostgreSQL LISTEN/NOTIFY)
    qint64 wakeDebounceMs = 5;             // more wake-ups for one queue within this fold into one
    qint64 defaultTimeoutMs = 30 * 60'000; // for runs that set none
    qint64 statsIntervalMs = 1'000;        // how often statistics are published
    RetryPolicy defaultRetry;              // for runs without a job definition
    quint32 randomSeed = 0;                // for jitter; 0: seeded from the system
    qint64 leaderLeaseMs = 15'000;         // the leader lease; renewed every third of it
    bool runScheduler = true;              // fire scheduled jobs (a leader duty)
    bool runRescuer = true;                // rescue runs of dead nodes (a leader duty)
    bool runSlaMonitor = true;             // watch jobs against their SLA, open incidents (a leader duty)
    qint64 slaCheckIntervalMs = 30'000;    // how often the SLA monitor looks
    bool runIncidentWatcher = true;        // open and resolve incidents for dead runs and failing checks (leader)
    IncidentWatcherConfig incidentWatch;
    bool runEscalator = true; // run escalation policies: write who is notified (a leader duty)
    EscalatorConfig escalation;
    bool runNotifier = true; // send the notifications the escalator writes (a leader duty)
    NotifierConfig notifications;
    bool runPruner = true;           // roll up and delete old runs (a leader duty)
    qint64 pruneIntervalMs = 60'000; // how often the pruner looks
    RetentionPolicy retention{};     // its ages
    // Measurement hook (vigia-bench, tests): called on the worker thread right after an execution was started.
    std::function<void(qint64 runId)> onRunStarted;
};

QString defaultNodeId();

} // namespace vigia
