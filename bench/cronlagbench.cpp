#include "cronlagbench.h"

#include "model/jobdef.h"

#include <QDateTime>

#include <algorithm>
#include <vector>

namespace vigia::bench {

namespace {
double percentileOf(std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
    return sorted.at(index);
}
} // namespace

CronLagBench::CronLagBench(EngineSetup setup, Store &store, int jobs, QObject *parent)
    : EngineBench(std::move(setup), parent)
    , m_store(store)
    , m_jobs(jobs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < jobs; ++i) {
        JobDef job;
        job.name = QStringLiteral("lag-%1").arg(i);
        job.kind = QStringLiteral("noop");
        job.schedule.kind = Schedule::Kind::Interval;
        job.schedule.intervalMs = 1000;
        job.schedule.anchorAt = (i * 1000) / std::max(1, jobs); // spread over the second, as real schedules are
        m_store.upsertJob(job, Actor{QStringLiteral("vigia-bench")}, now);
    }
}

void CronLagBench::engineStarted()
{
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
}

void CronLagBench::handleRunEvents(const QVector<RunEvent> &events)
{
    for (const RunEvent &event : events) {
        if (event.state == RunState::Succeeded)
            ++m_succeeded;
    }
    noteProgress();
    if (m_succeeded < qint64(m_jobs) * FiresPerJob)
        return;
    BenchResult result;
    result.ok = true;
    result.seconds = double(QDateTime::currentMSecsSinceEpoch() - m_startedAtMs) / 1000.0;
    result.jobs = m_succeeded;
    finish(result);
}

QString CronLagBench::progress() const
{
    return QStringLiteral("%1 of %2 fires ran").arg(m_succeeded).arg(qint64(m_jobs) * FiresPerJob);
}

void CronLagBench::verify(BenchResult &result)
{
    try {
        RunFilter all;
        all.limit = m_jobs * FiresPerJob * 2;
        std::vector<double> lags;
        for (const Run &run : m_store.runs(all)) {
            if (run.jobId > 0 && run.uniqueKey.startsWith(QLatin1String("fire:")))
                lags.push_back(double(run.createdAt - run.scheduledAt)); // no jitter: scheduled_at is the fire
        }
        if (lags.size() < size_t(m_jobs) * FiresPerJob) {
            result = BenchResult::failure(QStringLiteral("verification failed: %1 fires recorded, expected %2")
                                              .arg(lags.size())
                                              .arg(m_jobs * FiresPerJob));
            return;
        }
        std::sort(lags.begin(), lags.end());
        result.jobs = qint64(lags.size());
        result.p50Ms = percentileOf(lags, 0.50);
        result.p99Ms = percentileOf(lags, 0.99);
    } catch (const StoreError &error) {
        result = BenchResult::failure(QStringLiteral("verification failed: ") + error.message());
    }
}

} // namespace vigia::bench
