#pragma once

#include "engine/dispatcher.h"
#include "store/storefactory.h"

#include <QMutex>
#include <QObject>

#include <memory>

namespace vigia {

class Store;

// Adds the queues' live counts to the dispatcher's counters, on a thread and a database connection of its own. The
// counts read every queued and running run (a tenth of a second with 80,000 queued on PostgreSQL); on the
// dispatcher's thread they held up claims and completions every second. Submissions made while a read is under way
// fold into one: a slow database gets the latest counters, not a backlog of reads.
class StatsReader : public QObject {
    Q_OBJECT
public:
    explicit StatsReader(StoreOpener opener, QObject *parent = nullptr);
    ~StatsReader() override;

    // Thread-safe: queue a read for these counters.
    void submit(const EngineStats &counters);

signals:
    void statsUpdated(const vigia::EngineStats &stats);

private:
    void read();

    StoreOpener m_opener;
    std::unique_ptr<Store> m_store; // opened on the first read, again after a failure
    QMutex m_mutex;
    EngineStats m_latest; // guarded by m_mutex
    bool m_pending = false;
};

} // namespace vigia
