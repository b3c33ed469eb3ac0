#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace vigia {
class Engine;
class ExecutorRegistry;
} // namespace vigia

namespace vigia::cli {

// A small steady workload for `serve --demo`. The queues and scheduled jobs come from resources/demo/demo.yaml
// (embedded as :/demo/demo.yaml), applied like `vigia-engine apply`: successes on cron and interval schedules, a flaky
// job that succeeds after retries, one that ends in the dead-letter queue, one that times out, one inside business
// hours. On top of them, a stream of ad-hoc noop and sleep runs every second keeps the queues moving.
class DemoWorkload : public QObject {
    Q_OBJECT
public:
    DemoWorkload(Engine &engine, const ExecutorRegistry &registry, QObject *parent = nullptr);
    // Applies the demo file (never pruning: other jobs in the database stay), then enqueues a batch every second.
    // Throws StoreError.
    void start();

    static constexpr const char *DemoFile = ":/demo/demo.yaml";

private:
    void tick();

    Engine &m_engine;
    const ExecutorRegistry &m_registry;
    QTimer m_timer;
    QRandomGenerator m_random{20261122};
    int m_tick = 0;
};

} // namespace vigia::cli
