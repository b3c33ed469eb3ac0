#pragma once

#include "engine/runresult.h"
#include "executors/execution.h"

#include <QJsonObject>
#include <QObject>

#include <deque>
#include <map>
#include <memory>
#include <unordered_map>

class QNetworkAccessManager;

namespace vigia {

class Alarm;
class Clock;
class CompletionInbox;
class ConnectionDirectory;
class ExecutorRegistry;
class SecretStore;

// Hosts executions on one thread's event loop. Executions are asynchronous, so one worker thread can hold many
// runs at once (HTTP calls, sleeps); the dispatcher decides how many run in total.
class Worker : public QObject {
    Q_OBJECT
public:
    // `secrets` (may be null: runs that refer to secrets then fail) must outlive the worker. `connections` (may be
    // null) are the databases `sql` runs query.
    Worker(const ExecutorRegistry &registry, Clock *clock, CompletionInbox &inbox, qint64 defaultTimeoutMs,
           std::function<void(qint64)> onRunStarted = {}, SecretStore *secrets = nullptr,
           std::shared_ptr<const ConnectionDirectory> connections = {});
    ~Worker() override;

    // Called through queued invocations from the dispatcher.
    void startRuns(const QVector<vigia::Run> &runs);
    void cancelRun(qint64 runId);
    // Shutdown: every run still executing is aborted and reported as interrupted.
    void interruptAll();

private:
    class Context;
    struct Active;
    enum class TimerKind {
        Timeout,
        Wake
    };
    struct Timer {
        qint64 runId;
        TimerKind kind;
        std::function<void()> callback;
    };

    using TimerMap = std::multimap<qint64, Timer>;

    void startOne(const Run &run);
    // Starts the runs this worker took over from the waiting ones, one after the other (not nested in the finish()
    // of the run before), until none is handed over any more.
    void startHandedOver();
    void runHandedOver();
    void execute(Active &active, const QJsonObject &payload);
    void resolveSecrets(qint64 runId, const QStringList &texts, ExecutionContext::SecretsResolved done);
    void finish(qint64 runId, RunResult::Outcome outcome, const QString &error, const QByteArray &result);
    void addTimer(qint64 atMs, Timer timer);
    void onAlarm();
    void reap();
    QNetworkAccessManager *network();

    const ExecutorRegistry &m_registry;
    Clock *m_clock;
    CompletionInbox &m_inbox;
    qint64 m_defaultTimeoutMs;
    std::function<void(qint64)> m_onRunStarted;
    SecretStore *m_secrets;
    std::shared_ptr<const ConnectionDirectory> m_connections;
    Alarm *m_alarm;
    std::unordered_map<qint64, std::unique_ptr<Active>> m_active;
    std::vector<std::unique_ptr<Active>> m_finished; // destroyed outside the execution's own call stack
    TimerMap m_timers;
    bool m_reapPending = false;
    std::deque<Run> m_handedOver; // waiting runs this worker took into a slot it freed, not started yet
    bool m_starting = false;      // in a loop that starts m_handedOver
    bool m_handOverPending = false;
    QNetworkAccessManager *m_network = nullptr; // a child, created on first use: most workers never make a request
};

} // namespace vigia
