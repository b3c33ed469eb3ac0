// PostgresStore: what the SLA monitor reads about every job's runs.
#include "store/postgresstore.h"

#include "store/postgressession.h"

#include <QHash>

#include <algorithm>

namespace vigia {

// Three statements in one read-only transaction (one snapshot), each a short index walk per job: LATERAL reads a
// job's newest runs backwards through runs_job (job_id, id) without touching its older history, and runs_running
// holds only running runs.
QVector<JobActivity> PostgresStore::jobActivity(int recentRuns)
{
    return guarded("job activity", [&] {
        pqxx::read_transaction tx(m_session->connection);
        QVector<JobActivity> result;
        QHash<qint64, qsizetype> index;
        for (const pqxx::row &row :
             tx.exec("SELECT j.id, j.created_at, (SELECT r.finished_at FROM runs r WHERE r.job_id = j.id "
                     "AND r.state = 'succeeded' ORDER BY r.id DESC LIMIT 1), (SELECT max(u.last_finished_at) "
                     "FROM run_rollups u WHERE u.job = j.name AND u.state = 'succeeded') FROM jobs j ORDER BY j.id")) {
            JobActivity activity;
            activity.jobId = qtInt(row[0]);
            activity.jobCreatedAt = qtInt(row[1]);
            // The rollups keep a job's last success once retention pruned its runs.
            activity.lastSuccessAt = std::max(qtInt(row[2]), qtInt(row[3]));
            index.insert(activity.jobId, result.size());
            result.append(activity);
        }
        for (const pqxx::row &row :
             tx.exec_params("SELECT j.id, r.state, r.finished_at, r.duration_ms FROM jobs j CROSS JOIN LATERAL "
                            "(SELECT state, finished_at, duration_ms, id FROM runs WHERE job_id = j.id "
                            "AND state IN ('succeeded', 'dead', 'cancelled') ORDER BY id DESC LIMIT $1) r "
                            "ORDER BY j.id, r.id DESC",
                            std::max(recentRuns, 1))) {
            const auto it = index.constFind(qtInt(row[0]));
            if (it == index.constEnd())
                continue;
            JobActivity &activity = result[*it];
            const RunState state = runStateFromName(qtText(row[1])).value_or(RunState::Dead);
            const qint64 finishedAt = qtInt(row[2]);
            if (finishedAt > activity.lastFinishedAt) {
                activity.lastFinishedAt = finishedAt;
                activity.lastFinishedState = state;
            }
            activity.recentOutcomes.append(state);
            if (state == RunState::Succeeded) {
                activity.recentDurationsMs.append(qtInt(row[3]));
                // An older run that retried may finish after a newer one succeeded.
                activity.lastSuccessAt = std::max(activity.lastSuccessAt, finishedAt);
            }
        }
        for (const pqxx::row &row : tx.exec("SELECT job_id, id, started_at FROM runs WHERE state = 'running' "
                                            "AND job_id IS NOT NULL ORDER BY job_id, id")) {
            const auto it = index.constFind(qtInt(row[0]));
            if (it != index.constEnd())
                result[*it].running.append({qtInt(row[1]), qtInt(row[2])});
        }
        tx.commit();
        return result;
    });
}

} // namespace vigia
