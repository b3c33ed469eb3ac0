#include "engine/workerpool.h"

namespace vigia {

WorkerPool::WorkerPool(int threads, const ExecutorRegistry &registry, Clock *clock, CompletionInbox &inbox,
                       qint64 defaultTimeoutMs)
{
    for (int i = 0; i < std::max(1, threads); ++i) {
        m_threads.push_back(
            std::make_unique<OwnedThread<Worker>>(QStringLiteral("vigia-worker-%1").arg(i),
                                                  std::make_unique<Worker>(registry, clock, inbox, defaultTimeoutMs)));
    }
}

void WorkerPool::start(const QVector<Run> &runs)
{
    const int n = size();
    if (runs.isEmpty())
        return;
    // One posted batch per worker instead of one event per run.
    std::vector<QVector<Run>> batches(static_cast<size_t>(n));
    for (const Run &run : runs) {
        batches[size_t(m_next)].append(run);
        m_next = (m_next + 1) % n;
    }
    for (int i = 0; i < n; ++i) {
        if (batches[size_t(i)].isEmpty())
            continue;
        Worker *target = worker(i);
        QMetaObject::invokeMethod(
            target, [target, batch = std::move(batches[size_t(i)])] { target->startRuns(batch); },
            Qt::QueuedConnection);
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
