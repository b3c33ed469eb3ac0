#include "enginebench.h"

#include "peakrss.h"

#include <QCoreApplication>

namespace vigia::bench {

EngineBench::EngineBench(EngineSetup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
{
    m_watchdog.setInterval(1000);
    connect(&m_watchdog, &QTimer::timeout, this, &EngineBench::checkStall);
}

EngineBench::~EngineBench() = default; // the engine joins its threads here

void EngineBench::configure(EngineConfig &)
{}

void EngineBench::verify(BenchResult &)
{}

void EngineBench::start()
{
    EngineConfig config;
    config.concurrency = m_setup.concurrency;
    if (m_setup.maxPrefetch >= 0)
        config.maxPrefetch = m_setup.maxPrefetch;
    config.asyncClaims = m_setup.asyncClaims;
    configure(config);
    m_engine = std::make_unique<Engine>(config, m_setup.opener, m_setup.clock, *m_setup.registry);
    connect(m_engine.get(), &Engine::started, this, [this] {
        if (!m_finishing)
            engineStarted();
    });
    connect(m_engine.get(), &Engine::failed, this,
            [this](const QString &message) { finish(BenchResult::failure(QStringLiteral("engine: ") + message)); });
    connect(m_engine.get(), &Engine::runEvents, this, [this](const QVector<RunEvent> &events) {
        if (!m_finishing)
            handleRunEvents(events);
    });
    connect(m_engine.get(), &Engine::stopped, this, &EngineBench::engineStopped);
    m_sinceProgress.start();
    m_watchdog.start();
    m_sinceStart.start();
    m_engine->start();
}

void EngineBench::finish(BenchResult result)
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_watchdog.stop();
    m_result = std::move(result);
    if (m_result.ok && m_result.peakRssMb == 0)
        m_result.peakRssMb = peakRssMb();
    // Everything measured is done: nothing is left to drain.
    m_engine->stop(0);
}

void EngineBench::engineStopped()
{
    if (m_done)
        return;
    if (!m_finishing) {
        finish(BenchResult::failure(QStringLiteral("the engine stopped unexpectedly; ") + progress()));
        return;
    }
    m_done = true;
    if (m_result.ok)
        verify(m_result);
    emit finished();
}

void EngineBench::checkStall()
{
    if (m_sinceProgress.elapsed() < StallTimeoutMs)
        return;
    finish(BenchResult::failure(QStringLiteral("no progress for %1 s; %2").arg(StallTimeoutMs / 1000).arg(progress())));
}

BenchResult runEngineBench(EngineBench &bench)
{
    QObject::connect(&bench, &EngineBench::finished, &bench, [] { QCoreApplication::exit(0); });
    // Started from the event loop, so that finished() can never come before exec().
    QMetaObject::invokeMethod(&bench, &EngineBench::start, Qt::QueuedConnection);
    QCoreApplication::exec();
    return bench.result();
}

} // namespace vigia::bench
