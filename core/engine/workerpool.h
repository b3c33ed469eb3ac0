#pragma once

#include "engine/worker.h"
#include "util/ownedthread.h"

#include <vector>

namespace vigia {

// The worker threads of one engine. Runs are spread round-robin; each worker hosts many asynchronous executions.
class WorkerPool {
public:
    WorkerPool(int threads, const ExecutorRegistry &registry, Clock *clock, CompletionInbox &inbox,
               qint64 defaultTimeoutMs, const std::function<void(qint64)> &onRunStarted = {},
               SecretStore *secrets = nullptr, const std::shared_ptr<const ConnectionDirectory> &connections = {});

    int size() const { return int(m_threads.size()); }
    Worker *worker(int index) const { return m_threads.at(size_t(index))->object(); }
    // Posts the runs to the workers, in order, spread round-robin.
    void start(const QVector<Run> &runs);
    void cancel(qint64 runId);
    void interruptAll();

private:
    std::vector<std::unique_ptr<OwnedThread<Worker>>> m_threads;
    int m_next = 0;
};

} // namespace vigia
