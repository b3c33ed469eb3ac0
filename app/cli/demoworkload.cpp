#include "cli/demoworkload.h"

#include "config/configparser.h"
#include "engine/engine.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

namespace vigia::cli {

DemoWorkload::DemoWorkload(Engine &engine, const ExecutorRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_registry(registry)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DemoWorkload::tick);
}

void DemoWorkload::start()
{
    Store &store = m_engine.store();
    QFile file(QString::fromLatin1(DemoFile));
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(QCoreApplication::translate("Cli", "cannot read the demo workload %1").arg(file.fileName()));
    ConfigParseOptions options;
    options.fileName = file.fileName();
    options.registry = &m_registry;
    for (const Queue &queue : store.queues())
        options.existingQueues.append(queue.name);
    const ConfigParseResult parsed = ConfigParser::parse(file.readAll(), options);
    if (!parsed.ok()) {
        // Only a broken build gets here: tests apply the same file.
        QStringList problems;
        for (const ConfigError &error : parsed.errors)
            problems << error.toString();
        throw StoreError(problems.join(u'\n'), StoreError::Kind::Invalid);
    }
    const ApplyResult applied = store.applyDeclarations(
        parsed.declarations, false, false, Actor{QStringLiteral("demo")}, QDateTime::currentMSecsSinceEpoch());
    if (applied.hasChanges())
        m_engine.jobsChanged();
    qCInfo(lcCli) << "demo workload: applied" << file.fileName() << "and enqueueing a mix of runs every second";
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
    try {
        m_engine.enqueue(runs);
    } catch (const StoreError &error) {
        qCWarning(lcCli).noquote() << "demo workload could not enqueue:" << error.message();
    }
}

} // namespace vigia::cli
