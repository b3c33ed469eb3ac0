#pragma once

#include "engine/runresult.h"

#include <QMutex>
#include <QSet>
#include <QVector>

#include <algorithm>
#include <deque>
#include <functional>
#include <optional>

namespace vigia {

// What the dispatcher and the worker threads share: finished attempts on their way to the database, and the runs
// claimed ahead (prefetched) waiting for a free slot. A worker that finishes a run takes the next waiting run into
// the freed slot itself, so workers keep going while the dispatcher is in the database; the dispatcher learns what
// they started from take(). The first result after a take wakes the dispatcher once, so a burst of results costs one
// cross-thread wake-up, not one per run.
class CompletionInbox {
public:
    // Set before workers start and cleared before the dispatcher goes away; called under the lock so that a
    // worker never wakes a dispatcher that is being destroyed.
    void setWake(std::function<void()> wake)
    {
        QMutexLocker lock(&m_mutex);
        m_wake = std::move(wake);
    }

    // Slots: at most this many runs execute at once (started by the dispatcher or handed over by a worker).
    void setConcurrency(int concurrency)
    {
        QMutexLocker lock(&m_mutex);
        m_concurrency = concurrency;
    }

    // A worker reports a finished attempt. Returns the waiting run it must start in the freed slot, if any.
    std::optional<Run> post(RunResult result)
    {
        QMutexLocker lock(&m_mutex);
        const bool wake = m_results.isEmpty();
        m_results.append(std::move(result));
        m_running = std::max(0, m_running - 1);
        std::optional<Run> next;
        if (!m_closed && !m_ready.empty() && m_running < m_concurrency) {
            next = std::move(m_ready.front());
            m_ready.pop_front();
            ++m_running;
            m_handedOut.append(*next);
        }
        if (wake && m_wake)
            m_wake();
        return next;
    }

    // The results posted since the last take and, in *started, the runs workers started from the waiting ones since
    // then (a run's start always comes in the same or an earlier take than its result).
    QVector<RunResult> take(QVector<Run> *started = nullptr)
    {
        QMutexLocker lock(&m_mutex);
        QVector<RunResult> taken;
        taken.swap(m_results);
        if (started) {
            started->clear();
            started->swap(m_handedOut);
        } else {
            m_handedOut.clear();
        }
        return taken;
    }

    // The dispatcher adds claimed runs, in claim order, behind those already waiting.
    void addReady(const QVector<Run> &runs)
    {
        QMutexLocker lock(&m_mutex);
        m_ready.insert(m_ready.end(), runs.cbegin(), runs.cend());
    }

    // Waiting runs for the free slots, in order; the caller starts them.
    QVector<Run> startReady()
    {
        QMutexLocker lock(&m_mutex);
        QVector<Run> starting;
        while (!m_ready.empty() && m_running < m_concurrency) {
            starting.append(std::move(m_ready.front()));
            m_ready.pop_front();
            ++m_running;
        }
        return starting;
    }

    // Shutdown: all waiting runs (to hand them back); from now on workers take over none.
    QVector<Run> takeReady()
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        QVector<Run> all(std::make_move_iterator(m_ready.begin()), std::make_move_iterator(m_ready.end()));
        m_ready.clear();
        return all;
    }

    // Removes the waiting runs of these queues (they were paused), in order; workers go on with the others.
    QVector<Run> takeReadyOf(const QSet<QString> &queues)
    {
        QMutexLocker lock(&m_mutex);
        QVector<Run> taken;
        for (auto it = m_ready.begin(); it != m_ready.end();) {
            if (queues.contains(it->queue)) {
                taken.append(std::move(*it));
                it = m_ready.erase(it);
            } else {
                ++it;
            }
        }
        return taken;
    }

    // Removes a waiting run (an operator cancelled it); nullopt when it is not waiting (any more).
    std::optional<Run> removeReady(qint64 runId)
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_ready.begin(); it != m_ready.end(); ++it) {
            if (it->id == runId) {
                Run run = std::move(*it);
                m_ready.erase(it);
                return run;
            }
        }
        return std::nullopt;
    }

    // Whether the run is waiting here, was started by a worker since the last take, or has a result not yet taken.
    bool holds(qint64 runId)
    {
        QMutexLocker lock(&m_mutex);
        const auto is = [runId](const Run &run) { return run.id == runId; };
        return std::any_of(m_ready.cbegin(), m_ready.cend(), is) ||
               std::any_of(m_handedOut.cbegin(), m_handedOut.cend(), is) ||
               std::any_of(m_results.cbegin(), m_results.cend(),
                           [runId](const RunResult &result) { return result.run.id == runId; });
    }

    int running()
    {
        QMutexLocker lock(&m_mutex);
        return m_running;
    }

    int waiting()
    {
        QMutexLocker lock(&m_mutex);
        return int(m_ready.size());
    }

private:
    QMutex m_mutex;
    QVector<RunResult> m_results;
    std::deque<Run> m_ready;
    QVector<Run> m_handedOut;
    int m_concurrency = 1;
    int m_running = 0;
    bool m_closed = false;
    std::function<void()> m_wake;
};

} // namespace vigia
