#pragma once

#include "model/run.h"

#include <QSqlQuery>
#include <QVariant>

// The columns readRun() expects, in order; used in SELECT and RETURNING clauses.
#define VIGIA_SQLITE_RUN_COLUMNS                                                                                       \
    "id, queue, kind, payload, priority, state, attempt, max_attempts, timeout_ms, job_id, replay_of, unique_key, "    \
    "created_at, scheduled_at, started_at, finished_at, duration_ms, lease_owner, lease_expires_at, "                  \
    "cancel_requested, rescue_count, result, error, dlq_handling, dlq_handled_at"

// The finished_seq of a run that reaches a final state now: one more than any seq yet (the watermark counts too,
// for when the runs that had the largest seqs were pruned). Writers take turns on SQLite, so seqs grow in commit
// order; runs finished by one statement share one.
#define VIGIA_SQLITE_NEXT_FINISHED_SEQ                                                                                 \
    "(SELECT max(coalesce((SELECT max(finished_seq) FROM runs WHERE finished_seq IS NOT NULL), 0), "                   \
    "(SELECT last_seq FROM retention_state WHERE name = 'rollup')) + 1)"

namespace vigia {

inline Run readRun(const QSqlQuery &q)
{
    Run run;
    run.id = q.value(0).toLongLong();
    run.queue = q.value(1).toString();
    run.kind = q.value(2).toString();
    run.payload = q.value(3).toString().toUtf8();
    run.priority = static_cast<Priority>(q.value(4).toInt());
    run.state = runStateFromName(q.value(5).toString()).value_or(RunState::Available);
    run.attempt = q.value(6).toInt();
    run.maxAttempts = q.value(7).toInt();
    run.timeoutMs = q.value(8).toLongLong();
    run.jobId = q.value(9).toLongLong();
    run.replayOf = q.value(10).toLongLong();
    run.uniqueKey = q.value(11).toString();
    run.createdAt = q.value(12).toLongLong();
    run.scheduledAt = q.value(13).toLongLong();
    run.startedAt = q.value(14).toLongLong();
    run.finishedAt = q.value(15).toLongLong();
    run.durationMs = q.value(16).toLongLong();
    run.leaseOwner = q.value(17).toString();
    run.leaseExpiresAt = q.value(18).toLongLong();
    run.cancelRequested = q.value(19).toInt() != 0;
    run.rescueCount = q.value(20).toInt();
    run.result = q.value(21).toString().toUtf8();
    run.error = q.value(22).toString();
    run.dlqHandling = q.value(23).toString();
    run.dlqHandledAt = q.value(24).toLongLong();
    return run;
}

} // namespace vigia
