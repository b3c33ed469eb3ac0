#include "executionharness.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace vigia::test {

ExecutionHarness::ExecutionHarness(const Executor &executor, const QJsonObject &payload, qint64 runId)
    : m_payload(payload)
    , m_execution(executor.create())
{
    m_run.id = runId;
    m_run.kind = executor.kind();
    m_run.attempt = 1;
    m_run.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

ExecutionHarness::~ExecutionHarness()
{
    if (m_started && !m_finished)
        m_execution->abort();
    m_execution.reset(); // before QObject deletes the children it may have parented here, as in a worker
}

void ExecutionHarness::start()
{
    m_started = true;
    m_execution->start(*this);
}

void ExecutionHarness::abort()
{
    if (m_finished)
        return;
    m_execution->abort();
    m_aborted = true;
    m_finished = true;
    emit finished();
}

bool ExecutionHarness::waitFinished(int timeoutMs)
{
    if (m_finished)
        return true;
    QSignalSpy spy(this, &ExecutionHarness::finished);
    return spy.wait(timeoutMs);
}

QJsonObject ExecutionHarness::resultObject() const
{
    return QJsonDocument::fromJson(m_result).object();
}

qint64 ExecutionHarness::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void ExecutionHarness::wakeAt(qint64 atMs, std::function<void()> callback)
{
    QTimer::singleShot(std::max<qint64>(0, atMs - nowMs()), this, [this, callback = std::move(callback)] {
        if (!m_finished)
            callback();
    });
}

QNetworkAccessManager *ExecutionHarness::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

void ExecutionHarness::resolveSecrets(const QStringList &texts, SecretsResolved done)
{
    QStringList names;
    for (const QString &text : texts)
        names += secrets::referencedNames(text);
    names.removeDuplicates();
    if (names.isEmpty()) {
        done(texts, {});
        return;
    }
    if (!m_secrets) {
        done({}, QStringLiteral("no secret store"));
        return;
    }
    secrets::resolve(*m_secrets, names, this,
                     [this, texts, done](const QHash<QString, QString> &values, const QString &error) {
                         if (m_finished)
                             return;
                         if (!error.isEmpty())
                             return done({}, error);
                         for (const QString &value : values)
                             m_redactor.add(value);
                         QStringList resolved;
                         for (const QString &text : texts)
                             resolved.append(secrets::substitute(text, values));
                         done(resolved, {});
                     });
}

void ExecutionHarness::succeed(const QByteArray &resultJson)
{
    end(true, {}, resultJson);
}

void ExecutionHarness::fail(const QString &reason)
{
    end(false, reason, {});
}

void ExecutionHarness::end(bool succeeded, const QString &error, const QByteArray &result)
{
    ++m_verdicts;
    if (m_finished)
        return; // the first verdict stands
    m_finished = true;
    m_succeeded = succeeded;
    m_error = m_redactor.redact(error);
    m_result = m_redactor.redact(result);
    emit finished();
}

WorkerHarness::WorkerHarness(ExecutorRegistry registry, qint64 defaultTimeoutMs,
                             std::shared_ptr<const ConnectionDirectory> connections)
    : m_registry(std::move(registry))
    , m_thread(std::make_unique<OwnedThread<Worker>>(
          QStringLiteral("vigia-test-worker"),
          std::make_unique<Worker>(m_registry, &m_clock, m_inbox, defaultTimeoutMs, std::function<void(qint64)>(),
                                   nullptr, std::move(connections))))
{}

WorkerHarness::~WorkerHarness() = default;

void WorkerHarness::start(const QVector<Run> &runs)
{
    Worker *worker = m_thread->object();
    QMetaObject::invokeMethod(
        worker, [worker, runs] { worker->startRuns(runs); }, Qt::QueuedConnection);
}

bool WorkerHarness::waitResults(int count, int timeoutMs)
{
    return QTest::qWaitFor(
        [this, count] {
            m_results += m_inbox.take();
            return m_results.size() >= count;
        },
        timeoutMs);
}

Run claimedRun(qint64 id, const QString &kind, const QJsonObject &payload, qint64 timeoutMs)
{
    Run run;
    run.id = id;
    run.queue = QStringLiteral("default");
    run.kind = kind;
    run.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    run.state = RunState::Running;
    run.attempt = 1;
    run.maxAttempts = 1;
    run.timeoutMs = timeoutMs;
    return run;
}

} // namespace vigia::test
