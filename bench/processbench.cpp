#include "processbench.h"

namespace vigia::bench {

ProcessBench::ProcessBench(EngineSetup setup, Store &verifyStore, int jobs, QObject *parent)
    : EngineBench(std::move(setup), parent)
    , m_verifyStore(verifyStore)
    , m_jobs(jobs)
{}

void ProcessBench::handleRunEvents(const QVector<RunEvent> &events)
{
    for (const RunEvent &event : events) {
        switch (event.state) {
        case RunState::Running:
            ++m_started;
            break;
        case RunState::Succeeded:
            ++m_succeeded;
            break;
        case RunState::Retryable:
        case RunState::Dead:
        case RunState::Cancelled:
            finish(BenchResult::failure(QStringLiteral("noop run %1 ended %2 instead of succeeded: %3")
                                            .arg(event.runId)
                                            .arg(runStateName(event.state), event.error)));
            return;
        case RunState::Scheduled:
        case RunState::Available:
            break; // handed back (not expected before finish): it comes round again
        }
    }
    noteProgress();
    if (m_succeeded < m_jobs)
        return;
    BenchResult result;
    result.ok = true;
    result.seconds = double(nsSinceStart()) / 1e9;
    result.jobs = m_jobs;
    finish(result);
}

QString ProcessBench::progress() const
{
    return QStringLiteral("%1 of %2 runs started, %3 succeeded").arg(m_started).arg(m_jobs).arg(m_succeeded);
}

void ProcessBench::verify(BenchResult &result)
{
    // Page through the succeeded runs rather than load them all: the peak RSS must stay the engine's.
    try {
        qint64 succeeded = 0;
        RunFilter filter;
        filter.state = RunState::Succeeded;
        filter.limit = 5000;
        for (;;) {
            const QVector<Run> page = m_verifyStore.runs(filter);
            succeeded += page.size();
            if (page.size() < filter.limit)
                break;
            filter.beforeId = page.constLast().id;
        }
        qint64 unfinished = 0;
        for (const QueueStats &queue : m_verifyStore.queueStats())
            unfinished += queue.available + queue.scheduled + queue.running + queue.retryable + queue.dead;
        if (succeeded != m_jobs || unfinished != 0) {
            result = BenchResult::failure(QStringLiteral("verification failed: the database holds %1 succeeded runs "
                                                         "(expected %2) and %3 runs not succeeded")
                                              .arg(succeeded)
                                              .arg(m_jobs)
                                              .arg(unfinished));
        }
    } catch (const StoreError &error) {
        result = BenchResult::failure(QStringLiteral("verification failed: ") + error.message());
    }
}

} // namespace vigia::bench
