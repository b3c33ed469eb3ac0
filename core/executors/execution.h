#pragma once

#include "model/run.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace vigia {

class ConnectionDirectory;

// What an execution may ask of the worker that hosts it. Everything happens on the worker's thread.
class ExecutionContext {
public:
    virtual ~ExecutionContext() = default;
    virtual const Run &run() const = 0;
    virtual const QJsonObject &payload() const = 0;
    virtual qint64 nowMs() const = 0;
    // Calls `callback` on the worker thread once the engine clock reaches `atMs`, unless the run ended first.
    virtual void wakeAt(qint64 atMs, std::function<void()> callback) = 0;
    // Parent for Qt objects the execution creates (network replies, processes): lives on the worker thread.
    virtual QObject *threadContext() = 0;
    // The worker thread's network access manager, shared by every execution on that thread (one connection pool,
    // no thread per request). Created on first use; lives on the worker thread.
    virtual QNetworkAccessManager *network() = 0;
    // The databases `sql` runs may query; null when the host provides none.
    virtual const ConnectionDirectory *connections() const { return nullptr; }
    // Resolves ${secret:NAME} references in texts that come from outside the payload (a named connection's URL or
    // password) through the host's secret store; the values are then masked in what the run reports, like the
    // payload's. `done` runs on the worker thread (at once when there is nothing to resolve), and not at all when the
    // run ended first.
    using SecretsResolved = std::function<void(const QStringList &resolved, const QString &error)>;
    virtual void resolveSecrets(const QStringList &texts, SecretsResolved done) = 0;
    // `text` with the secret values this run was given replaced by ***: for log lines.
    virtual QString redacted(const QString &text) const = 0;
    // Ends the attempt. The first call counts; later ones (after a timeout or cancel) are ignored.
    virtual void succeed(const QByteArray &resultJson = {}) = 0;
    virtual void fail(const QString &reason) = 0;
    // A one-line reason (what dashboards show) plus detail for the run's page (a response body, a stderr tail),
    // stored together as "reason\ndetail" and cut to what the store keeps.
    void fail(const QString &reason, const QString &detail)
    {
        QString error = reason.simplified();
        if (!detail.trimmed().isEmpty())
            error += u'\n' + detail.trimmed();
        fail(error.left(Attempt::MaxErrorLength));
    }
};

// One attempt of one run. Must not block the worker thread: long work is asynchronous and ends with a call to
// succeed() or fail() on the context.
class Execution {
public:
    virtual ~Execution() = default;
    virtual void start(ExecutionContext &context) = 0;
    // The attempt timed out, was cancelled or the engine is shutting down: stop and release what is held.
    virtual void abort() {}
};

// A job kind: validates payloads when runs are enqueued and creates executions. Shared by all worker threads,
// so it holds no mutable state.
class Executor {
public:
    virtual ~Executor() = default;
    virtual QString kind() const = 0;
    // Empty when the payload is acceptable, otherwise what is wrong with it.
    virtual QString validate(const QJsonObject &payload) const = 0;
    virtual std::unique_ptr<Execution> create() const = 0;
};

} // namespace vigia
