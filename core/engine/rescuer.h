#pragma once

#include "store/storefactory.h"

#include <QObject>

#include <memory>

namespace vigia {

class Alarm;
class Clock;

// Returns runs of dead nodes to the queue: a running run whose lease expired (its node crashed, hung or lost the
// database for longer than a lease) becomes retryable, or dead when its attempts are used up, with a lease-expired
// attempt and its rescue count raised. A leader duty: one node of the cluster does it, every third of a run lease.
class Rescuer : public QObject {
    Q_OBJECT
public:
    static constexpr int Batch = 500;

    Rescuer(StoreOpener opener, Clock *clock, qint64 runLeaseMs, QObject *parent = nullptr);
    ~Rescuer() override;

public slots:
    // On the rescuer's thread.
    void start();

signals:
    // Runs went back to the queue: the dispatcher should look for work.
    void rescued(int count);

private:
    void check();

    StoreOpener m_opener;
    Clock *m_clock;
    qint64 m_intervalMs;
    std::unique_ptr<Store> m_store;
    bool m_failing = false; // the database is unreachable (logged once)
    Alarm *m_alarm;
};

} // namespace vigia
