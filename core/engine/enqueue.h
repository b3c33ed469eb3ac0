#pragma once

#include "model/run.h"

namespace vigia {

class ExecutorRegistry;
class Store;

// Whether the enqueue wakes the other processes listening (Store::enqueue()), or leaves that to the caller
// (Store::enqueueUnannounced()).
enum class EnqueueAnnouncement {
    Now,
    Deferred
};

// Validates every run first (kind, payload, limits), then enqueues all of them in one transaction: a batch with
// one bad run writes nothing. Throws StoreError (Kind::Invalid names the bad run and what is wrong with it).
QVector<EnqueueResult> enqueueRuns(Store &store, const ExecutorRegistry &registry, const QVector<NewRun> &runs,
                                   qint64 now, EnqueueAnnouncement announcement = EnqueueAnnouncement::Now);

} // namespace vigia
