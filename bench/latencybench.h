#pragma once

#include "enginebench.h"

#include <QMutex>
#include <QTimer>

#include <memory>
#include <unordered_map>
#include <vector>

namespace vigia::bench {

// The `latency` scenario: an idle engine; `jobs` noop runs enqueued one at a time through Engine::enqueue,
// `intervalMs` apart; measures enqueue-to-start per run. The enqueue instant is taken just before
// Engine::enqueue() (so the insert transaction counts); the start instant is when a worker has started executing
// the run (EngineConfig::onRunStarted).
class LatencyBench final : public EngineBench {
    Q_OBJECT
public:
    LatencyBench(EngineSetup setup, int jobs, int intervalMs, QObject *parent = nullptr);

protected:
    void configure(EngineConfig &config) override;
    void engineStarted() override;
    void handleRunEvents(const QVector<RunEvent> &events) override;
    QString progress() const override;

private:
    // Start instants written by worker threads.
    struct StartLog {
        QMutex mutex;
        std::vector<std::pair<qint64, qint64>> entries; // run id, steady-clock ns
    };

    void enqueueOne();
    void complete();

    int m_jobs;
    std::shared_ptr<StartLog> m_startLog; // shared with the hook, which may outlive this object briefly
    struct Enqueued {
        qint64 callNs = 0;     // steady clock before Engine::enqueue()
        qint64 returnedNs = 0; // and when it returned (the commit is durable)
    };
    std::unordered_map<qint64, Enqueued> m_enqueueTimes; // by run id
    QTimer m_ticker;
    int m_enqueued = 0;
    int m_succeeded = 0;
    qint64 m_firstEnqueueNs = 0;
};

} // namespace vigia::bench
