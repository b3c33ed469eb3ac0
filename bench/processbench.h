#pragma once

#include "enginebench.h"

namespace vigia::bench {

// The `process` scenario: the database already holds `jobs` available noop runs; times an engine from start until
// it reports all of them succeeded, then checks the database agrees.
class ProcessBench final : public EngineBench {
    Q_OBJECT
public:
    // `verifyStore` is a connection of the calling thread, read after the engine stopped.
    ProcessBench(EngineSetup setup, Store &verifyStore, int jobs, QObject *parent = nullptr);

protected:
    void engineStarted() override {}
    void handleRunEvents(const QVector<RunEvent> &events) override;
    QString progress() const override;
    void verify(BenchResult &result) override;

private:
    Store &m_verifyStore;
    int m_jobs;
    qint64 m_started = 0;
    qint64 m_succeeded = 0;
};

} // namespace vigia::bench
