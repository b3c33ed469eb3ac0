#pragma once

#include "model/run.h"

namespace vigia {

class ExecutorRegistry;
class Store;

// Validates every run first (kind, payload, limits), then enqueues all of them in one transaction: a batch with
// one bad run writes nothing. Throws StoreError (Kind::Invalid names the bad run and what is wrong with it).
QVector<EnqueueResult> enqueueRuns(Store &store, const ExecutorRegistry &registry, const QVector<NewRun> &runs,
                                   qint64 now);

} // namespace vigia
