#pragma once

#include "engine/runresult.h"

#include <QMutex>
#include <QVector>

#include <functional>

namespace vigia {

// Where worker threads drop finished attempts. The first result after a drain wakes the dispatcher once, so a
// burst of results costs one cross-thread wake-up, not one per run.
class CompletionInbox {
public:
    // Set before workers start and cleared before the dispatcher goes away; called under the lock so that a
    // worker never wakes a dispatcher that is being destroyed.
    void setWake(std::function<void()> wake)
    {
        QMutexLocker lock(&m_mutex);
        m_wake = std::move(wake);
    }

    void post(RunResult result)
    {
        QMutexLocker lock(&m_mutex);
        const bool wake = m_results.isEmpty();
        m_results.append(std::move(result));
        if (wake && m_wake)
            m_wake();
    }

    QVector<RunResult> take()
    {
        QMutexLocker lock(&m_mutex);
        QVector<RunResult> taken;
        taken.swap(m_results);
        return taken;
    }

private:
    QMutex m_mutex;
    QVector<RunResult> m_results;
    std::function<void()> m_wake;
};

} // namespace vigia
