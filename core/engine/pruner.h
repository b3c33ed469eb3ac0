#pragma once

#include "model/rollup.h"
#include "store/storefactory.h"

#include <QObject>

#include <memory>

namespace vigia {

class Alarm;
class Clock;

// Retention as a leader duty on the injected clock: every interval (a minute) it rolls the runs finished since the
// last pass up into per-minute rollups and deletes the runs the policy lets go (Store::rollupAndPrune). A pass that
// stopped with work left (a backlog after an upgrade, a long outage) and got somewhere is followed by the next one at
// once, after the event loop had its turn.
class Pruner : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 DefaultIntervalMs = 60'000;

    Pruner(StoreOpener opener, Clock *clock, RetentionPolicy policy = {}, qint64 intervalMs = DefaultIntervalMs,
           QObject *parent = nullptr);
    ~Pruner() override;

public slots:
    // On the pruner's thread.
    void start();
    // One pass now (start() runs one and arms the timer for the next).
    void prune();

signals:
    // After every pass: runs rolled up, succeeded or cancelled runs deleted, dead runs deleted.
    void pruned(qint64 rolledUp, qint64 prunedFinished, qint64 prunedDead);
    void failed(const QString &message);

private:
    StoreOpener m_opener;
    Clock *m_clock;
    RetentionPolicy m_policy;
    qint64 m_intervalMs;
    std::unique_ptr<Store> m_store;
    Alarm *m_alarm;
};

} // namespace vigia
