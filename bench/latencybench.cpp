#include "latencybench.h"

#include "enqueuebench.h"

#include <QMutexLocker>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace vigia::bench {

namespace {
constexpr int WarmUpMs = 200; // let the engine's first pass, heartbeat and scheduler start settle

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double> &sorted, double fraction)
{
    if (sorted.empty())
        return 0;
    const auto rank = size_t(std::ceil(fraction * double(sorted.size())));
    return sorted.at(std::clamp<size_t>(rank, 1, sorted.size()) - 1);
}
} // namespace

LatencyBench::LatencyBench(EngineSetup setup, int jobs, int intervalMs, QObject *parent)
    : EngineBench(std::move(setup), parent)
    , m_jobs(jobs)
    , m_startLog(std::make_shared<StartLog>())
{
    m_startLog->entries.reserve(size_t(jobs));
    m_enqueueTimes.reserve(size_t(jobs));
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(intervalMs);
    connect(&m_ticker, &QTimer::timeout, this, &LatencyBench::enqueueOne);
}

void LatencyBench::configure(EngineConfig &config)
{
    std::shared_ptr<StartLog> log = m_startLog;
    config.onRunStarted = [log](qint64 runId) {
        const qint64 now = steadyNs();
        QMutexLocker lock(&log->mutex);
        log->entries.emplace_back(runId, now);
    };
}

void LatencyBench::engineStarted()
{
    QTimer::singleShot(WarmUpMs, this, [this] {
        noteProgress();
        m_ticker.start();
        enqueueOne();
    });
}

void LatencyBench::enqueueOne()
{
    if (m_enqueued >= m_jobs) {
        m_ticker.stop();
        return;
    }
    const qint64 before = steadyNs();
    if (m_enqueued == 0)
        m_firstEnqueueNs = before;
    try {
        const QVector<EnqueueResult> ids = engine().enqueue({noopRun()});
        m_enqueueTimes.emplace(ids.constFirst().id, Enqueued{before, steadyNs()});
    } catch (const StoreError &error) {
        finish(BenchResult::failure(QStringLiteral("enqueue failed: ") + error.message()));
        return;
    }
    if (++m_enqueued >= m_jobs)
        m_ticker.stop();
}

void LatencyBench::handleRunEvents(const QVector<RunEvent> &events)
{
    for (const RunEvent &event : events) {
        if (event.state == RunState::Running) {
            continue;
        } else if (event.state == RunState::Succeeded) {
            ++m_succeeded;
            noteProgress();
        } else if (event.state != RunState::Available && event.state != RunState::Scheduled) {
            finish(BenchResult::failure(QStringLiteral("noop run %1 ended %2 instead of succeeded: %3")
                                            .arg(event.runId)
                                            .arg(runStateName(event.state), event.error)));
            return;
        }
    }
    if (m_succeeded >= m_jobs)
        complete();
}

void LatencyBench::complete()
{
    const double seconds = double(steadyNs() - m_firstEnqueueNs) / 1e9;
    std::unordered_map<qint64, qint64> startNs;
    {
        QMutexLocker lock(&m_startLog->mutex);
        for (const auto &[id, at] : m_startLog->entries)
            startNs.emplace(id, at); // the first start of a run counts
    }
    // Split at the enqueue call's return: before it, the durable commit; after it, waking the dispatcher, the claim
    // and the hand-off to a worker.
    std::vector<double> latenciesMs, callMs, afterCallMs;
    latenciesMs.reserve(m_enqueueTimes.size());
    for (const auto &[id, enqueued] : m_enqueueTimes) {
        const auto started = startNs.find(id);
        if (started == startNs.end()) {
            finish(BenchResult::failure(QStringLiteral("run %1 succeeded but its start was never seen").arg(id)));
            return;
        }
        latenciesMs.push_back(double(started->second - enqueued.callNs) / 1e6);
        callMs.push_back(double(enqueued.returnedNs - enqueued.callNs) / 1e6);
        afterCallMs.push_back(double(started->second - enqueued.returnedNs) / 1e6);
    }
    for (std::vector<double> *values : {&latenciesMs, &callMs, &afterCallMs})
        std::sort(values->begin(), values->end());
    std::fprintf(stderr,
                 "vigia-bench: latency: enqueue-to-start min %.3f ms, max %.3f ms; Engine::enqueue() call p50 %.3f "
                 "ms, p99 %.3f ms; from its return to the start p50 %.3f ms, p99 %.3f ms\n",
                 latenciesMs.front(), latenciesMs.back(), percentile(callMs, 0.5), percentile(callMs, 0.99),
                 percentile(afterCallMs, 0.5), percentile(afterCallMs, 0.99));

    BenchResult result;
    result.ok = true;
    result.jobs = m_jobs;
    result.seconds = seconds;
    result.p50Ms = percentile(latenciesMs, 0.50);
    result.p99Ms = percentile(latenciesMs, 0.99);
    finish(result);
}

QString LatencyBench::progress() const
{
    return QStringLiteral("%1 of %2 runs enqueued, %3 succeeded").arg(m_enqueued).arg(m_jobs).arg(m_succeeded);
}

} // namespace vigia::bench
