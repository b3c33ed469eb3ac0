#include "model/rollup.h"

#include <QMap>

#include <algorithm>

namespace vigia {

PruneVerdict pruneVerdict(RunState state, qint64 finishedAt, bool dlqHandled, qint64 dlqHandledAt, qint64 now,
                          const RetentionPolicy &policy)
{
    if (finishedAt >= now - std::min(policy.succeededAgeMs, policy.deadAgeMs))
        return PruneVerdict::Stop;
    switch (state) {
    case RunState::Succeeded:
    case RunState::Cancelled:
        return finishedAt < now - policy.succeededAgeMs ? PruneVerdict::Prune : PruneVerdict::Keep;
    case RunState::Dead:
        // Unhandled dead runs are the dead-letter queue: an operator still has to replay or discard them.
        return dlqHandled && dlqHandledAt < now - policy.deadAgeMs ? PruneVerdict::Prune : PruneVerdict::Keep;
    default:
        return PruneVerdict::Keep;
    }
}

void RunRollup::add(qint64 finishedAt, qint64 durationMs)
{
    ++runs;
    lastFinishedAt = std::max(lastFinishedAt, finishedAt);
    if (durationMs < 0)
        return;
    totalMs += durationMs;
    maxMs = std::max(maxMs, durationMs);
    histogram.add(durationMs);
}

void RunRollup::merge(const RunRollup &other)
{
    runs += other.runs;
    totalMs += other.totalMs;
    maxMs = std::max(maxMs, other.maxMs);
    lastFinishedAt = std::max(lastFinishedAt, other.lastFinishedAt);
    histogram.merge(other.histogram);
}

QString rollupKey(qint64 bucketAt, const QString &queue, const QString &job, RunState state)
{
    // \x1f cannot appear in a queue or job name the config accepts; it only has to keep the parts apart.
    return QString::number(bucketAt) + QChar(0x1f) + queue + QChar(0x1f) + job + QChar(0x1f) + runStateName(state);
}

QVector<RollupStats> mergeRollups(const QVector<RunRollup> &rows, const RollupFilter &filter)
{
    QMap<std::pair<QString, QString>, RollupStats> groups;
    for (const RunRollup &row : rows) {
        const QString job = filter.byJob ? row.job : QString();
        const QString queue = filter.byQueue ? row.queue : QString();
        RollupStats &stats = groups[{job, queue}];
        stats.job = job;
        stats.queue = queue;
        switch (row.state) {
        case RunState::Succeeded:
            stats.succeeded += row.runs;
            stats.lastSuccessAt = std::max(stats.lastSuccessAt, row.lastFinishedAt);
            stats.durations.merge(row.histogram);
            break;
        case RunState::Dead:
            stats.dead += row.runs;
            stats.durations.merge(row.histogram);
            break;
        default:
            stats.cancelled += row.runs;
            break;
        }
        if (row.state != RunState::Cancelled) {
            stats.totalMs += row.totalMs;
            stats.maxMs = std::max(stats.maxMs, row.maxMs);
        }
    }
    return QVector<RollupStats>(groups.cbegin(), groups.cend());
}

} // namespace vigia
