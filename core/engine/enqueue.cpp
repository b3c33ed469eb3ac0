#include "engine/enqueue.h"

#include "executors/executorregistry.h"
#include "store/store.h"

#include <QCoreApplication>

namespace vigia {

QVector<EnqueueResult> enqueueRuns(Store &store, const ExecutorRegistry &registry, const QVector<NewRun> &runs,
                                   qint64 now, EnqueueAnnouncement announcement)
{
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QString problem = validateNewRun(runs.at(i), registry);
        if (problem.isEmpty())
            continue;
        if (runs.size() == 1)
            throw StoreError(problem, StoreError::Kind::Invalid);
        throw StoreError(
            QCoreApplication::translate("Enqueue", "run %1 of %2: %3").arg(i + 1).arg(runs.size()).arg(problem),
            StoreError::Kind::Invalid);
    }
    return announcement == EnqueueAnnouncement::Now ? store.enqueue(runs, now) : store.enqueueUnannounced(runs, now);
}

} // namespace vigia
