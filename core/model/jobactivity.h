#pragma once

#include "model/run.h"

#include <QVector>

namespace vigia {

// What a job's runs say about its health, as Store::jobActivity() reads it: the inputs of the SLA evaluator
// (incidents/jobhealth.h). Times are ms since the epoch, 0 when there is none.
struct JobActivity {
    struct RunningRun {
        qint64 runId = 0;
        qint64 startedAt = 0; // when its current attempt started
    };

    qint64 jobId = 0;
    qint64 jobCreatedAt = 0;
    qint64 lastSuccessAt = 0;  // the latest finished_at of a succeeded run (from the rollups once pruned)
    qint64 lastFinishedAt = 0; // the latest finished_at among the recent runs (succeeded, dead, cancelled)
    RunState lastFinishedState = RunState::Succeeded; // meaningful when lastFinishedAt > 0
    QVector<RunningRun> running;                      // by run id
    // Newest first: the end states (succeeded or dead; cancelled runs say nothing about the job) of the newest
    // finished runs, and the durations of the newest succeeded runs, each at most as many as the caller asked for.
    QVector<RunState> recentOutcomes;
    QVector<qint64> recentDurationsMs;
};

} // namespace vigia
