#include "engine/pruner.h"

#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

namespace vigia {

Pruner::Pruner(StoreOpener opener, Clock *clock, RetentionPolicy policy, qint64 intervalMs, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_policy(policy)
    , m_intervalMs(std::max<qint64>(1, intervalMs))
    , m_alarm(new Alarm(clock, this))
{
    connect(m_alarm, &Alarm::rang, this, &Pruner::prune);
}

Pruner::~Pruner() = default;

void Pruner::start()
{
    prune();
}

void Pruner::prune()
{
    const qint64 now = m_clock->nowMs();
    m_alarm->setDeadline(now + m_intervalMs);
    try {
        if (!m_store)
            m_store = m_opener();
        const RetentionResult result = m_store->rollupAndPrune(now, m_policy);
        if (result.prunedFinished + result.prunedDead > 0) {
            qCInfo(lcEngine).noquote() << "retention: rolled up" << result.rolledUp << "runs, deleted"
                                       << result.prunedFinished << "finished and" << result.prunedDead << "dead runs";
        }
        emit pruned(result.rolledUp, result.prunedFinished, result.prunedDead);
        // Only while passes get somewhere: more runs kept in the walk (the dead-letter queue) than a pass looks at
        // would otherwise keep the thread busy for nothing; the next interval looks again.
        if (result.more && result.rolledUp + result.prunedFinished + result.prunedDead > 0)
            QMetaObject::invokeMethod(this, &Pruner::prune, Qt::QueuedConnection);
    } catch (const StoreError &error) {
        qCWarning(lcEngine).noquote() << "pruner: database unavailable:" << error.message();
        m_store.reset(); // a fresh connection next time
        emit failed(error.message());
    }
}

} // namespace vigia
