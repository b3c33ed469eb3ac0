#pragma once

#include "engine/completioninbox.h"
#include "engine/runresult.h"
#include "engine/worker.h"
#include "executors/execution.h"
#include "executors/executorregistry.h"
#include "secrets/secretreferences.h"
#include "util/clock.h"
#include "util/ownedthread.h"

#include <QObject>

namespace vigia::test {

// Hosts one execution of a kind on the calling thread's event loop as a worker would (same ownership, same
// first-verdict-wins rule, abort then end on a timeout or cancel), so executors can be tested without an engine.
// Time is real: wakeAt() uses an OS timer.
class ExecutionHarness : public QObject, public ExecutionContext {
    Q_OBJECT
public:
    ExecutionHarness(const Executor &executor, const QJsonObject &payload, qint64 runId = 1);
    // Like a worker going away: an execution still running is aborted, then Qt objects it parented here are deleted.
    ~ExecutionHarness() override;

    // Before start(): where ${secret:NAME} references outside the payload are read (values are then redacted from
    // the error and result, as a worker does), and the databases `sql` runs query. Both must outlive the harness.
    void setSecretStore(SecretStore *secrets) { m_secrets = secrets; }
    void setConnections(const ConnectionDirectory *connections) { m_connections = connections; }
    void start();
    // Like a timeout or cancel: the execution is aborted and the attempt counts as ended.
    void abort();
    // Waits (processing events) until the execution ends; false after timeoutMs.
    bool waitFinished(int timeoutMs = 15000);

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && m_succeeded; }
    QString error() const { return m_error; }
    QString errorReason() const { return m_error.section(u'\n', 0, 0); }
    QString errorDetail() const { return m_error.section(u'\n', 1); }
    QByteArray result() const { return m_result; }
    QJsonObject resultObject() const;
    // Calls of succeed() or fail(); more than one, or any after abort(), break the execution contract.
    int verdicts() const { return m_verdicts; }
    bool aborted() const { return m_aborted; }

    // ExecutionContext
    const Run &run() const override { return m_run; }
    const QJsonObject &payload() const override { return m_payload; }
    qint64 nowMs() const override;
    void wakeAt(qint64 atMs, std::function<void()> callback) override;
    QObject *threadContext() override { return this; }
    QNetworkAccessManager *network() override;
    const ConnectionDirectory *connections() const override { return m_connections; }
    void resolveSecrets(const QStringList &texts, SecretsResolved done) override;
    QString redacted(const QString &text) const override { return m_redactor.redact(text); }
    void succeed(const QByteArray &resultJson) override;
    using ExecutionContext::fail;
    void fail(const QString &reason) override;

signals:
    void finished();

private:
    void end(bool succeeded, const QString &error, const QByteArray &result);

    Run m_run;
    QJsonObject m_payload;
    std::unique_ptr<Execution> m_execution;
    QNetworkAccessManager *m_network = nullptr;
    SecretStore *m_secrets = nullptr;
    const ConnectionDirectory *m_connections = nullptr;
    SecretRedactor m_redactor;
    bool m_started = false;
    bool m_finished = false;
    bool m_succeeded = false;
    bool m_aborted = false;
    int m_verdicts = 0;
    QString m_error;
    QByteArray m_result;
};

// A real Worker on its own thread with the system clock and an inbox: for what only a worker provides (its shared
// network manager, run timeouts, teardown).
class WorkerHarness {
public:
    explicit WorkerHarness(ExecutorRegistry registry, qint64 defaultTimeoutMs = 60000,
                           std::shared_ptr<const ConnectionDirectory> connections = {});
    ~WorkerHarness();
    WorkerHarness(const WorkerHarness &) = delete;
    WorkerHarness &operator=(const WorkerHarness &) = delete;

    // Posts the runs to the worker, as the pool does.
    void start(const QVector<Run> &runs);
    // Waits (processing events) until `count` results have arrived in all; false after timeoutMs.
    bool waitResults(int count, int timeoutMs = 15000);
    QVector<RunResult> results() const { return m_results; }
    QThread *thread() const { return m_thread->thread(); }
    // Stops the thread; the worker is destroyed in it, aborting what still runs.
    void stop() { m_thread.reset(); }

private:
    ExecutorRegistry m_registry;
    SystemClock m_clock;
    CompletionInbox m_inbox;
    std::unique_ptr<OwnedThread<Worker>> m_thread;
    QVector<RunResult> m_results;
};

// A run as claimed: attempt 1 of 1, the payload as JSON text.
Run claimedRun(qint64 id, const QString &kind, const QJsonObject &payload, qint64 timeoutMs = 0);

} // namespace vigia::test
