#include "engine/rescuer.h"

#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QCoreApplication>

namespace vigia {

Rescuer::Rescuer(StoreOpener opener, Clock *clock, qint64 runLeaseMs, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_intervalMs(std::max<qint64>(1, runLeaseMs / 3))
    , m_alarm(new Alarm(clock, this))
{
    connect(m_alarm, &Alarm::rang, this, &Rescuer::check);
}

Rescuer::~Rescuer() = default;

void Rescuer::start()
{
    check();
}

void Rescuer::check()
{
    const qint64 now = m_clock->nowMs();
    m_alarm->setDeadline(now + m_intervalMs);
    try {
        if (!m_store)
            m_store = m_opener();
        int total = 0;
        for (;;) {
            QVector<Completion> completions;
            for (const Run &run : m_store->expiredLeases(now, Batch)) {
                Completion c;
                c.runId = run.id;
                c.attempt = run.attempt;
                c.node = run.leaseOwner;
                c.guard = Completion::Guard::ExpiredLease;
                c.startedAt = run.startedAt;
                c.finishedAt = now;
                c.outcome = QStringLiteral("lease-expired");
                c.error = QCoreApplication::translate("Dispatcher", "lease expired: node %1 stopped renewing it")
                              .arg(run.leaseOwner);
                c.rescued = true;
                c.newState = run.attempt >= run.maxAttempts ? RunState::Dead : RunState::Retryable;
                c.nextRunAt = now;
                qCInfo(lcEngine).noquote() << "rescuing run" << run.id << "of node" << run.leaseOwner;
                completions.append(c);
            }
            if (completions.isEmpty())
                break;
            // The guard (lease still expired) makes a run that its node renewed meanwhile stay with that node.
            const ExchangeResult written = m_store->exchange(completions, ClaimRequest{});
            total += int(written.finished.size());
            if (completions.size() < Batch || written.finished.isEmpty())
                break;
        }
        if (total > 0)
            emit rescued(total);
        m_failing = false;
    } catch (const StoreError &error) {
        if (!m_failing)
            qCWarning(lcEngine).noquote() << "rescuer: database unreachable, retrying:" << error.message();
        m_failing = true;
    }
}

} // namespace vigia
