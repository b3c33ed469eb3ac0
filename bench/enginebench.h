#pragma once

#include "benchresult.h"
#include "engine/engine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace vigia {
class Clock;
class ExecutorRegistry;
} // namespace vigia

namespace vigia::bench {

// What an engine scenario needs to build its engine; the registry and clock must outlive the scenario.
struct EngineSetup {
    StoreOpener opener;
    Clock *clock = nullptr;
    const ExecutorRegistry *registry = nullptr;
    int concurrency = 8;
    int maxPrefetch = -1;    // -1: the engine's default
    bool asyncClaims = true; // EngineConfig::asyncClaims
};

// The life of a scenario that drives a real Engine from the main thread's event loop: builds and starts the engine,
// forwards its run events, fails a scenario that stops making progress, and on finish() stops the engine (no
// drain) before emitting finished(). Subclasses only measure.
class EngineBench : public QObject {
    Q_OBJECT
public:
    explicit EngineBench(EngineSetup setup, QObject *parent = nullptr);
    ~EngineBench() override;

    // Builds and starts the engine. Call from the event loop's thread; finished() follows, always.
    void start();
    const BenchResult &result() const { return m_result; }

    // A scenario fails when no progress was noted for this long.
    static constexpr qint64 StallTimeoutMs = 30'000;

signals:
    void finished();

protected:
    // Adjusts the engine's configuration before the engine is built (concurrency is already set).
    virtual void configure(EngineConfig &config);
    virtual void engineStarted() = 0;
    virtual void handleRunEvents(const QVector<RunEvent> &events) = 0;
    // Where the scenario stands, for the message of a stalled run.
    virtual QString progress() const = 0;
    // After the engine stopped, for a scenario that finished successfully: verify what the database holds and turn
    // `result` into a failure when it disagrees.
    virtual void verify(BenchResult &result);

    Engine &engine() { return *m_engine; }
    // Nanoseconds since start() was called (just before Engine::start()).
    qint64 nsSinceStart() const { return m_sinceStart.nsecsElapsed(); }
    void noteProgress() { m_sinceProgress.restart(); }
    // Ends the scenario with `result` (the first call counts).
    void finish(BenchResult result);

private:
    void checkStall();
    void engineStopped();

    EngineSetup m_setup;
    std::unique_ptr<Engine> m_engine;
    BenchResult m_result;
    QTimer m_watchdog;
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceProgress;
    bool m_finishing = false;
    bool m_done = false;
};

// Starts `bench` and runs the application's event loop until it finishes; returns its result.
BenchResult runEngineBench(EngineBench &bench);

} // namespace vigia::bench
