#include "engine/workerpool.h"

namespace vigia {

WorkerPool::WorkerPool(int threads, const ExecutorRegistry &registry, Clock *clock, CompletionInbox &inbox,
                       qint64 defaultTimeoutMs, const std::function<void(qint64)> &onRunStarted, SecretStore *secrets,
                       const std::shared_ptr<const ConnectionDirectory> &connections)
{
    for (int i = 0; i < std::max(1, threads); ++i) {
        m_threads.push_back(std::make_unique<OwnedThread<Worker>>(
            QStringLiteral("vigia-worker-%1").arg(i),
            std::make_unique<Worker>(registry, clock, inbox, defaultTimeoutMs, onRunStarted, secrets, connections)));
    }
}

void WorkerPool::start(const QVector<Run> &runs)
{
    if (runs.isEmpty())
        return;
    // Small batches go whole to the next worker: one posted event, and one wake-up of the dispatcher when they
    // finish. Large batches are spread so that every thread has work.
    const int n = size();
    const int perWorker = runs.size() < 2 * n ? int(runs.size()) : int((runs.size() + n - 1) / n);
    for (qsizetype start = 0; start < runs.size(); start += perWorker) {
        Worker *target = worker(m_next);
        m_next = (m_next + 1) % n;
        QMetaObject::invokeMethod(
            target, [target, batch = runs.mid(start, perWorker)] { target->startRuns(batch); }, Qt::QueuedConnection);
    }
}

void WorkerPool::cancel(qint64 runId)
{
    // The dispatcher does not track which worker holds a run; a worker that does not hold it ignores the call.
    for (int i = 0; i < size(); ++i) {
        Worker *target = worker(i);
        QMetaObject::invokeMethod(
            target, [target, runId] { target->cancelRun(runId); }, Qt::QueuedConnection);
    }
}

void WorkerPool::interruptAll()
{
    for (int i = 0; i < size(); ++i) {
        Worker *target = worker(i);
        QMetaObject::invokeMethod(
            target, [target] { target->interruptAll(); }, Qt::QueuedConnection);
    }
}

} // namespace vigia
