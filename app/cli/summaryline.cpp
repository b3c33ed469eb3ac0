#include "cli/summaryline.h"

#include <QCoreApplication>

namespace vigia::cli {

SummaryLine::SummaryLine(QTextStream &out, bool terminal, int plainEverySeconds, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_terminal(terminal)
    , m_plainEvery(plainEverySeconds)
{}

QString SummaryLine::format(const EngineStats &stats, double runsPerSecond)
{
    const EngineCounters &c = stats.counters;
    qint64 retrying = 0;
    qint64 dead = 0;
    QStringList depths;
    for (const QueueStats &q : stats.queues) {
        retrying += q.retryable;
        dead += q.dead;
        depths.append(QStringLiteral("%1 %2/%3%4")
                          .arg(q.name)
                          .arg(q.available)
                          .arg(q.running)
                          .arg(q.paused ? QCoreApplication::translate("SummaryLine", " (paused)") : QString()));
    }
    return QCoreApplication::translate("SummaryLine", "%1 runs/s | succeeded %2 | retrying %3 | dead %4 | running %5 | "
                                                      "queues (waiting/running): %6")
        .arg(runsPerSecond, 0, 'f', 1)
        .arg(c.succeeded)
        .arg(retrying)
        .arg(dead)
        .arg(c.running)
        .arg(depths.join(QLatin1String(", ")));
}

void SummaryLine::update(const EngineStats &stats)
{
    const EngineCounters &c = stats.counters;
    const qint64 finished = c.succeeded + c.retried + c.dead + c.cancelled;
    double rate = 0;
    if (m_lastAt > 0 && stats.at > m_lastAt)
        rate = double(finished - m_lastFinished) * 1000.0 / double(stats.at - m_lastAt);
    m_lastAt = stats.at;
    m_lastFinished = finished;
    const QString line = format(stats, rate);
    if (m_terminal) {
        m_out << "\r\x1b[K" << line;
        m_drawn = true;
    } else if (stats.at - m_lastPlainAt >= qint64(m_plainEvery) * 1000) {
        m_lastPlainAt = stats.at;
        m_out << line << '\n';
    }
    m_out.flush();
}

void SummaryLine::finish()
{
    if (m_drawn)
        m_out << '\n';
    m_out.flush();
}

} // namespace vigia::cli
