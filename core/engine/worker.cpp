#include "engine/worker.h"

#include "engine/completioninbox.h"
#include "executors/executorregistry.h"
#include "secrets/secretreferences.h"
#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <algorithm>

namespace vigia {

class Worker::Context final : public ExecutionContext {
public:
    Context(Worker &worker, const Run &run, QJsonObject payload)
        : m_worker(worker)
        , m_run(run)
        , m_payload(std::move(payload))
    {}

    const Run &run() const override { return m_run; }
    const QJsonObject &payload() const override { return m_payload; }
    qint64 nowMs() const override { return m_worker.m_clock->nowMs(); }
    void wakeAt(qint64 atMs, std::function<void()> callback) override
    {
        m_worker.addTimer(atMs, Timer{m_run.id, TimerKind::Wake, std::move(callback)});
    }
    QObject *threadContext() override { return &m_worker; }
    QNetworkAccessManager *network() override { return m_worker.network(); }
    const ConnectionDirectory *connections() const override { return m_worker.m_connections.get(); }
    void resolveSecrets(const QStringList &texts, SecretsResolved done) override
    {
        m_worker.resolveSecrets(m_run.id, texts, std::move(done));
    }
    QString redacted(const QString &text) const override;
    void succeed(const QByteArray &resultJson) override
    {
        m_worker.finish(m_run.id, RunResult::Outcome::Succeeded, {}, resultJson);
    }
    void fail(const QString &reason) override { m_worker.finish(m_run.id, RunResult::Outcome::Failed, reason, {}); }

private:
    Worker &m_worker;
    const Run &m_run;
    QJsonObject m_payload;
};

struct Worker::Active {
    Run run;
    qint64 startedAt = 0;
    std::unique_ptr<Execution> execution;
    std::unique_ptr<Context> context;
    std::vector<TimerMap::iterator> timers; // removed when the run ends, so no timer outlives its run
    SecretRedactor redactor;                // the secret values this run was given, masked in what it reports
    bool done = false;

    void abort()
    {
        if (execution) // null while its secrets are still being read
            execution->abort();
    }
};

QString Worker::Context::redacted(const QString &text) const
{
    auto it = m_worker.m_active.find(m_run.id);
    return it == m_worker.m_active.end() ? text : it->second->redactor.redact(text);
}

Worker::Worker(const ExecutorRegistry &registry, Clock *clock, CompletionInbox &inbox, qint64 defaultTimeoutMs,
               std::function<void(qint64)> onRunStarted, SecretStore *secrets,
               std::shared_ptr<const ConnectionDirectory> connections)
    : m_registry(registry)
    , m_clock(clock)
    , m_inbox(inbox)
    , m_defaultTimeoutMs(defaultTimeoutMs)
    , m_onRunStarted(std::move(onRunStarted))
    , m_secrets(secrets)
    , m_connections(std::move(connections))
    , m_alarm(new Alarm(clock, this))
{
    connect(m_alarm, &Alarm::rang, this, &Worker::onAlarm);
}

Worker::~Worker()
{
    // Executions may own Qt objects parented to this worker; abort them before QObject tears children down.
    for (auto &entry : m_active) {
        if (!entry.second->done)
            entry.second->abort();
    }
}

void Worker::startRuns(const QVector<Run> &runs)
{
    m_reapPending = true; // reaped below, without a posted event
    m_starting = true;
    for (const Run &run : runs)
        startOne(run);
    runHandedOver();
    m_starting = false;
    reap();
}

void Worker::startHandedOver()
{
    m_handOverPending = false;
    if (m_starting)
        return;
    m_reapPending = true;
    m_starting = true;
    runHandedOver();
    m_starting = false;
    reap();
}

void Worker::runHandedOver()
{
    // Runs that finish at once (noop) hand over the next one at once: this loop, not recursion, carries them.
    while (!m_handedOver.empty()) {
        const Run run = std::move(m_handedOver.front());
        m_handedOver.pop_front();
        startOne(run);
        m_finished.clear(); // nothing of a finished run is on the stack here
    }
}

void Worker::startOne(const Run &run)
{
    auto active = std::make_unique<Active>();
    active->run = run;
    active->startedAt = m_clock->nowMs();
    Active *raw = active.get();
    m_active.emplace(run.id, std::move(active));
    const Executor *executor = m_registry.find(run.kind);
    if (!executor) {
        finish(run.id, RunResult::Outcome::Failed,
               QCoreApplication::translate("Worker", "no executor for kind \"%1\" on this node").arg(run.kind), {});
        return;
    }
    raw->execution = executor->create();
    // The timeout counts from the start of the attempt, reading its secrets included.
    const qint64 timeout = run.timeoutMs > 0 ? run.timeoutMs : m_defaultTimeoutMs;
    addTimer(raw->startedAt + timeout, Timer{run.id, TimerKind::Timeout, {}});
    const QJsonObject payload = run.payload.size() > 2 ? QJsonDocument::fromJson(run.payload).object() : QJsonObject();
    const QStringList names = secrets::referencedNames(payload);
    if (names.isEmpty()) {
        execute(*raw, payload);
        return;
    }
    if (!m_secrets) {
        finish(run.id, RunResult::Outcome::Failed,
               QCoreApplication::translate("Worker", "the run refers to secrets (%1) but no secret store is configured")
                   .arg(names.join(QLatin1String(", "))),
               {});
        return;
    }
    const qint64 runId = run.id;
    secrets::resolve(*m_secrets, names, this,
                     [this, runId, payload](const QHash<QString, QString> &values, const QString &error) {
                         auto it = m_active.find(runId);
                         if (it == m_active.end() || it->second->done)
                             return; // timed out or cancelled while the secrets were read
                         if (!error.isEmpty()) {
                             finish(runId, RunResult::Outcome::Failed, error, {});
                         } else {
                             for (const QString &value : values)
                                 it->second->redactor.add(value);
                             execute(*it->second, secrets::substitute(payload, values));
                         }
                         reap();
                     });
}

void Worker::resolveSecrets(qint64 runId, const QStringList &texts, ExecutionContext::SecretsResolved done)
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
        done({},
             QCoreApplication::translate("Worker", "the run refers to secrets (%1) but no secret store is configured")
                 .arg(names.join(QLatin1String(", "))));
        return;
    }
    secrets::resolve(*m_secrets, names, this,
                     [this, runId, texts, done](const QHash<QString, QString> &values, const QString &error) {
                         auto it = m_active.find(runId);
                         if (it == m_active.end() || it->second->done)
                             return; // the run ended while the secrets were read
                         if (!error.isEmpty()) {
                             done({}, error);
                         } else {
                             for (const QString &value : values)
                                 it->second->redactor.add(value);
                             QStringList resolved;
                             for (const QString &text : texts)
                                 resolved.append(secrets::substitute(text, values));
                             done(resolved, {});
                         }
                         reap();
                     });
}

void Worker::execute(Active &active, const QJsonObject &payload)
{
    active.context = std::make_unique<Context>(*this, active.run, payload);
    const qint64 runId = active.run.id;
    active.execution->start(*active.context);
    if (m_onRunStarted)
        m_onRunStarted(runId);
}

void Worker::cancelRun(qint64 runId)
{
    auto it = m_active.find(runId);
    if (it == m_active.end() || it->second->done)
        return;
    it->second->abort();
    finish(runId, RunResult::Outcome::Cancelled, QCoreApplication::translate("Worker", "cancelled by an operator"), {});
    reap();
}

void Worker::interruptAll()
{
    QVector<qint64> ids;
    for (const auto &entry : m_active) {
        if (!entry.second->done)
            ids.append(entry.first);
    }
    for (qint64 id : ids) {
        m_active.at(id)->abort();
        finish(id, RunResult::Outcome::Interrupted,
               QCoreApplication::translate("Worker", "interrupted by engine shutdown"), {});
    }
    // Runs taken over but not started yet go back unstarted.
    while (!m_handedOver.empty()) {
        RunResult report;
        report.run = std::move(m_handedOver.front());
        m_handedOver.pop_front();
        report.outcome = RunResult::Outcome::Interrupted;
        report.error = QCoreApplication::translate("Worker", "interrupted by engine shutdown");
        report.startedAt = report.finishedAt = m_clock->nowMs();
        if (std::optional<Run> next = m_inbox.post(std::move(report)))
            m_handedOver.push_back(std::move(*next));
    }
    reap();
}

void Worker::finish(qint64 runId, RunResult::Outcome outcome, const QString &error, const QByteArray &result)
{
    auto it = m_active.find(runId);
    if (it == m_active.end() || it->second->done)
        return; // a late call after a timeout or cancel: the first verdict stands
    Active &active = *it->second;
    active.done = true;
    for (TimerMap::iterator timer : active.timers)
        m_timers.erase(timer);
    active.timers.clear();
    RunResult report;
    report.run = active.run;
    report.outcome = outcome;
    report.error = active.redactor.redact(error);
    report.result = active.redactor.redact(result);
    report.startedAt = active.startedAt;
    report.finishedAt = m_clock->nowMs();
    m_finished.push_back(std::move(it->second));
    m_active.erase(it);
    if (std::optional<Run> next = m_inbox.post(std::move(report))) {
        m_handedOver.push_back(std::move(*next));
        if (!m_starting && !m_handOverPending) {
            m_handOverPending = true;
            QMetaObject::invokeMethod(this, &Worker::startHandedOver, Qt::QueuedConnection);
        }
    }
    if (!m_reapPending) {
        m_reapPending = true;
        QMetaObject::invokeMethod(this, &Worker::reap, Qt::QueuedConnection);
    }
}

void Worker::addTimer(qint64 atMs, Timer timer)
{
    auto active = m_active.find(timer.runId);
    if (active == m_active.end() || active->second->done)
        return;
    active->second->timers.push_back(m_timers.emplace(atMs, std::move(timer)));
    m_alarm->setDeadlineIfEarlier(atMs);
}

void Worker::onAlarm()
{
    const qint64 now = m_clock->nowMs();
    while (!m_timers.empty() && m_timers.begin()->first <= now) {
        const TimerMap::iterator first = m_timers.begin();
        Timer timer = std::move(first->second);
        auto it = m_active.find(timer.runId);
        if (it != m_active.end()) {
            auto &owned = it->second->timers;
            owned.erase(std::remove(owned.begin(), owned.end(), first), owned.end());
        }
        m_timers.erase(first);
        if (it == m_active.end() || it->second->done)
            continue;
        if (timer.kind == TimerKind::Timeout) {
            it->second->abort();
            const qint64 limit = it->second->run.timeoutMs > 0 ? it->second->run.timeoutMs : m_defaultTimeoutMs;
            finish(timer.runId, RunResult::Outcome::TimedOut,
                   QCoreApplication::translate("Worker", "timeout: still running after %1 ms").arg(limit), {});
        } else {
            timer.callback();
        }
    }
    if (!m_timers.empty())
        m_alarm->setDeadline(m_timers.begin()->first);
    reap();
}

void Worker::reap()
{
    m_reapPending = false;
    m_finished.clear();
}

QNetworkAccessManager *Worker::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

} // namespace vigia
