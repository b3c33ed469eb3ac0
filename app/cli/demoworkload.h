#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace vigia {
class Engine;
}

namespace vigia::cli {

// A small steady workload for `serve --demo`: quick successes, slow reports, a flaky job that succeeds after
// retries, one that always fails and ends in the dead-letter queue, and one that times out.
class DemoWorkload : public QObject {
    Q_OBJECT
public:
    explicit DemoWorkload(Engine &engine, QObject *parent = nullptr);
    // Creates the demo queues and jobs, then enqueues a batch every second. Throws StoreError.
    void start();

private:
    void tick();

    Engine &m_engine;
    QTimer m_timer;
    QRandomGenerator m_random{20261122};
    qint64 m_flakyJob = 0;
    qint64 m_brokenJob = 0;
    qint64 m_slowJob = 0;
    int m_tick = 0;
};

} // namespace vigia::cli
