#pragma once

#include "model/run.h"

namespace vigia {

// What a worker reports when an attempt ends; the dispatcher turns it into a Completion.
struct RunResult {
    enum class Outcome {
        Succeeded,
        Failed,
        TimedOut,
        Cancelled,
        Interrupted
    };
    Run run; // as claimed, attempt already counted
    Outcome outcome = Outcome::Succeeded;
    QString error;
    QByteArray result;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
};

// A run changed state; published in batches for dashboards, without a database round trip.
struct RunEvent {
    qint64 runId = 0;
    QString queue;
    QString kind;
    RunState state = RunState::Available;
    int attempt = 0;
    qint64 at = 0;
    QString error;
};

// Totals since the engine started, for the summary line and dashboards.
struct EngineCounters {
    qint64 started = 0;
    qint64 succeeded = 0;
    qint64 retried = 0;
    qint64 dead = 0;
    qint64 cancelled = 0;
    qint64 timedOut = 0;
    qint64 rescued = 0;
    int running = 0;
};

} // namespace vigia

Q_DECLARE_METATYPE(vigia::RunEvent)
