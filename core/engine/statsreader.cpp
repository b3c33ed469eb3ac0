#include "engine/statsreader.h"

#include "store/store.h"
#include "util/logging.h"

namespace vigia {

StatsReader::StatsReader(StoreOpener opener, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
{
    qRegisterMetaType<vigia::EngineStats>();
}

StatsReader::~StatsReader() = default;

void StatsReader::submit(const EngineStats &counters)
{
    QMutexLocker lock(&m_mutex);
    m_latest = counters;
    if (m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(this, &StatsReader::read, Qt::QueuedConnection);
}

void StatsReader::read()
{
    EngineStats stats;
    {
        QMutexLocker lock(&m_mutex);
        stats = m_latest;
        m_pending = false;
    }
    try {
        if (!m_store)
            m_store = m_opener();
        stats.queues = m_store->queueStats();
    } catch (const StoreError &error) {
        m_store.reset(); // a fresh connection next time
        qCDebug(lcEngine).noquote() << "statistics unavailable:" << error.message();
    }
    emit statsUpdated(stats);
}

} // namespace vigia
