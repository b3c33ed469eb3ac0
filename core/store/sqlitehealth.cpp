// SqliteStore: what the SLA monitor reads about every job's runs.
#include "store/sqlitestore.h"

#include <QHash>
#include <QVariant>

#include <algorithm>

namespace vigia {

// Three statements, each a short index walk per job: the runs_job index (job_id, id) read backwards finds a job's
// newest runs without touching its older history, and runs_running holds only running runs. They are separate
// reads, so a run that finishes between them may show in both lists or in neither; the next evaluation sees it
// right.
QVector<JobActivity> SqliteStore::jobActivity(int recentRuns)
{
    QVector<JobActivity> result;
    QHash<qint64, qsizetype> index;
    // The rollups keep a job's last success once retention pruned its runs (run_rollups_job finds it directly).
    QSqlQuery &jobs = prepared("SELECT j.id, j.created_at, (SELECT r.finished_at FROM runs r "
                               "WHERE r.job_id = j.id AND r.state = 'succeeded' ORDER BY r.id DESC LIMIT 1), "
                               "(SELECT max(u.last_finished_at) FROM run_rollups u WHERE u.job = j.name AND "
                               "u.state = 'succeeded') FROM jobs j ORDER BY j.id");
    execOrThrow(jobs, "job activity");
    while (jobs.next()) {
        JobActivity activity;
        activity.jobId = jobs.value(0).toLongLong();
        activity.jobCreatedAt = jobs.value(1).toLongLong();
        activity.lastSuccessAt = std::max(jobs.value(2).toLongLong(), jobs.value(3).toLongLong());
        index.insert(activity.jobId, result.size());
        result.append(activity);
    }
    jobs.finish();

    QSqlQuery &recent =
        prepared("SELECT r.job_id, r.state, r.finished_at, r.duration_ms FROM jobs j JOIN runs r ON r.id IN "
                 "(SELECT id FROM runs WHERE job_id = j.id AND state IN ('succeeded', 'dead', 'cancelled') "
                 "ORDER BY id DESC LIMIT ?) ORDER BY r.job_id, r.id DESC");
    recent.addBindValue(std::max(recentRuns, 1));
    execOrThrow(recent, "job activity");
    while (recent.next()) {
        const auto it = index.constFind(recent.value(0).toLongLong());
        if (it == index.constEnd())
            continue;
        JobActivity &activity = result[*it];
        const RunState state = runStateFromName(recent.value(1).toString()).value_or(RunState::Dead);
        const qint64 finishedAt = recent.value(2).toLongLong();
        if (finishedAt > activity.lastFinishedAt) {
            activity.lastFinishedAt = finishedAt;
            activity.lastFinishedState = state;
        }
        activity.recentOutcomes.append(state);
        if (state == RunState::Succeeded) {
            activity.recentDurationsMs.append(recent.value(3).toLongLong());
            // An older run that retried may finish after a newer one succeeded.
            activity.lastSuccessAt = std::max(activity.lastSuccessAt, finishedAt);
        }
    }
    recent.finish();

    // Exactly the partial index's condition: with `job_id IS NOT NULL` or an ORDER BY, SQLite walks runs_job over
    // every run of every job instead.
    QSqlQuery &running = prepared("SELECT job_id, id, started_at FROM runs WHERE state = 'running'");
    execOrThrow(running, "job activity");
    while (running.next()) {
        const auto it = index.constFind(running.value(0).toLongLong());
        if (it != index.constEnd())
            result[*it].running.append({running.value(1).toLongLong(), running.value(2).toLongLong()});
    }
    running.finish();
    for (JobActivity &activity : result) {
        std::sort(activity.running.begin(), activity.running.end(),
                  [](const JobActivity::RunningRun &a, const JobActivity::RunningRun &b) { return a.runId < b.runId; });
    }
    return result;
}

} // namespace vigia
