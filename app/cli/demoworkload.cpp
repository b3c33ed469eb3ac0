#include "cli/demoworkload.h"

#include "engine/engine.h"
#include "model/jobdef.h"
#include "util/logging.h"

#include <QDateTime>

namespace vigia::cli {

DemoWorkload::DemoWorkload(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DemoWorkload::tick);
}

void DemoWorkload::start()
{
    Store &store = m_engine.store();
    const Actor demo{QStringLiteral("demo")};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    store.ensureQueue({QStringLiteral("reports"), 2, false}, demo, now);
    store.ensureQueue({QStringLiteral("critical"), 4, false}, demo, now);

    auto job = [&](const char *name, const char *kind, const char *payload, int maxAttempts, qint64 timeoutMs) {
        JobDef def;
        def.name = QLatin1String(name);
        def.kind = QLatin1String(kind);
        def.payload = QByteArray(payload);
        def.maxAttempts = maxAttempts;
        def.timeoutMs = timeoutMs;
        // Short backoff so that the demo shows retries within seconds rather than minutes.
        def.retry.baseMs = 2000;
        def.retry.maxMs = 20000;
        return store.upsertJob(def, demo, now);
    };
    m_flakyJob = job("demo-flaky", "fail", R"({"times": 2, "message": "upstream returned 503"})", 4, 0);
    m_brokenJob = job("demo-broken", "fail", R"({"message": "certificate expired"})", 3, 0);
    m_slowJob = job("demo-slow", "sleep", R"({"ms": 4000})", 2, 1500);
    qCInfo(lcCli) << "demo workload: enqueueing a mix of runs every second";
    m_timer.start();
    tick();
}

void DemoWorkload::tick()
{
    ++m_tick;
    QVector<NewRun> runs;
    const int quick = 5 + int(m_random.bounded(20));
    for (int i = 0; i < quick; ++i) {
        NewRun run;
        run.kind = QStringLiteral("noop");
        run.priority = static_cast<Priority>(m_random.bounded(4));
        runs.append(run);
    }
    NewRun report;
    report.queue = QStringLiteral("reports");
    report.kind = QStringLiteral("sleep");
    report.payload = QStringLiteral(R"({"ms": %1})").arg(300 + m_random.bounded(1200)).toUtf8();
    runs.append(report);
    if (m_tick % 3 == 0) {
        NewRun alert;
        alert.queue = QStringLiteral("critical");
        alert.kind = QStringLiteral("sleep");
        alert.priority = Priority::Critical;
        alert.payload = QByteArrayLiteral(R"({"ms": 50})");
        runs.append(alert);
    }
    auto fromJob = [&](qint64 jobId, const char *kind, const char *payload, int maxAttempts, qint64 timeoutMs) {
        NewRun run;
        run.jobId = jobId;
        run.kind = QLatin1String(kind);
        run.payload = QByteArray(payload);
        run.maxAttempts = maxAttempts;
        run.timeoutMs = timeoutMs;
        runs.append(run);
    };
    if (m_tick % 5 == 0)
        fromJob(m_flakyJob, "fail", R"({"times": 2, "message": "upstream returned 503"})", 4, 0);
    if (m_tick % 15 == 0)
        fromJob(m_brokenJob, "fail", R"({"message": "certificate expired"})", 3, 0);
    if (m_tick % 20 == 0)
        fromJob(m_slowJob, "sleep", R"({"ms": 4000})", 2, 1500);
    try {
        m_engine.enqueue(runs);
    } catch (const StoreError &error) {
        qCWarning(lcCli).noquote() << "demo workload could not enqueue:" << error.message();
    }
}

} // namespace vigia::cli
