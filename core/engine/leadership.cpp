#include "engine/leadership.h"

#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QHostInfo>

namespace vigia {

Leadership::Leadership(Config config, StoreOpener opener, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_alarm(new Alarm(clock, this))
{
    connect(m_alarm, &Alarm::rang, this, &Leadership::tick);
}

Leadership::~Leadership() = default;

void Leadership::start()
{
    m_startedAt = m_clock->nowMs();
    tick();
}

void Leadership::tick()
{
    if (m_resigned)
        return;
    const qint64 now = m_clock->nowMs();
    m_alarm->setDeadline(now + renewIntervalMs());
    try {
        if (!m_store)
            m_store = m_opener();
        const bool registering = !m_registered;
        if (registering) {
            NodeInfo node;
            node.id = m_config.nodeId;
            node.host = QHostInfo::localHostName();
            node.pid = QCoreApplication::applicationPid();
            node.version = m_config.version;
            node.startedAt = m_startedAt;
            node.heartbeatAt = now;
            node.state = QStringLiteral("running");
            m_store->registerNode(node);
            m_registered = true;
        }
        const qint64 expiresAt = now + m_config.leaseMs;
        if (m_store->acquireLeadership(m_config.nodeId, now, expiresAt)) {
            m_heldUntil = expiresAt;
            if (!m_leader.exchange(true)) {
                qCInfo(lcEngine).noquote() << "node" << m_config.nodeId << "leads the cluster";
                emit gained();
            }
        } else if (m_leader) {
            stepDown("another node took the leader lease");
        }
        // The heartbeat comes last, so a heartbeat at a time says the node's turn for that time is done, its lease
        // included (tests wait on it; registration wrote the first one).
        if (!registering)
            m_store->heartbeatNode(m_config.nodeId, QStringLiteral("running"), now);
        if (m_failing) {
            m_failing = false;
            qCInfo(lcEngine) << "leadership: database reachable again";
        }
    } catch (const StoreError &error) {
        if (!m_failing)
            qCWarning(lcEngine).noquote() << "leadership: database unreachable, retrying:" << error.message();
        m_failing = true;
        // Without a renewal the lease runs out at m_heldUntil; step down while there is still a margin.
        if (m_leader && now + renewIntervalMs() >= m_heldUntil)
            stepDown("could not renew the leader lease");
    }
}

void Leadership::stepDown(const char *why)
{
    if (!m_leader.exchange(false))
        return;
    qCInfo(lcEngine).noquote() << "node" << m_config.nodeId << "no longer leads:" << QLatin1String(why);
    emit lost();
}

void Leadership::resign()
{
    if (m_resigned)
        return;
    m_resigned = true;
    m_alarm->clear();
    const bool wasLeader = m_leader.exchange(false);
    if (wasLeader)
        emit lost();
    if (!m_store)
        return;
    try {
        if (wasLeader)
            m_store->releaseLeadership(m_config.nodeId);
        if (m_registered)
            m_store->heartbeatNode(m_config.nodeId, QStringLiteral("stopped"), m_clock->nowMs());
    } catch (const StoreError &error) {
        qCWarning(lcEngine).noquote() << "leadership: could not resign cleanly:" << error.message();
    }
}

} // namespace vigia
