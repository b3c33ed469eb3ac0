#pragma once

#include "enginebench.h"

namespace vigia::bench {

// The `cron-lag` scenario: `jobs` scheduled jobs, each firing every second with anchors spread over the second,
// for `fires` seconds; measures fire-to-enqueue lag (a run's created_at minus its fire time) of every fire.
class CronLagBench final : public EngineBench {
    Q_OBJECT
public:
    static constexpr int FiresPerJob = 10;

    // Creates the jobs in `store` (a connection of the calling thread, also read after the engine stopped).
    CronLagBench(EngineSetup setup, Store &store, int jobs, QObject *parent = nullptr);

protected:
    void engineStarted() override;
    void handleRunEvents(const QVector<RunEvent> &events) override;
    QString progress() const override;
    void verify(BenchResult &result) override;

private:
    Store &m_store;
    int m_jobs;
    qint64 m_succeeded = 0;
    qint64 m_startedAtMs = 0;
};

} // namespace vigia::bench
