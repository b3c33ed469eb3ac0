#pragma once

#include <QString>

namespace vigia {

// A named queue; its concurrency limit and pause hold for every node sharing the database.
struct Queue {
    QString name;
    int concurrency = 10;
    bool paused = false;
};

// Live counts for dashboards and the engine's summary line.
struct QueueStats {
    QString name;
    int concurrency = 0;
    bool paused = false;
    qint64 available = 0; // due and waiting for a worker: the queue's depth
    qint64 scheduled = 0;
    qint64 running = 0;
    qint64 retryable = 0;
    qint64 dead = 0; // not yet discarded
};

} // namespace vigia
