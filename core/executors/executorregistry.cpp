#include "executors/executorregistry.h"

#include "executors/builtinexecutors.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace vigia {

void ExecutorRegistry::add(std::unique_ptr<Executor> executor)
{
    const QString kind = executor->kind();
    m_executors[kind] = std::shared_ptr<const Executor>(std::move(executor));
}

const Executor *ExecutorRegistry::find(const QString &kind) const
{
    auto it = m_executors.find(kind);
    return it == m_executors.end() ? nullptr : it->second.get();
}

QStringList ExecutorRegistry::kinds() const
{
    QStringList names;
    for (const auto &entry : m_executors)
        names.append(entry.first);
    return names;
}

ExecutorRegistry ExecutorRegistry::withBuiltins()
{
    ExecutorRegistry registry;
    registerBuiltinExecutors(registry);
    return registry;
}

QString validateNewRun(const NewRun &run, const ExecutorRegistry &registry)
{
    if (run.queue.trimmed().isEmpty())
        return QCoreApplication::translate("Enqueue", "the queue name is empty");
    const Executor *executor = registry.find(run.kind);
    if (!executor)
        return QCoreApplication::translate("Enqueue", "unknown kind \"%1\" (known: %2)")
            .arg(run.kind, registry.kinds().join(QLatin1String(", ")));
    if (run.payload.size() > MaxPayloadBytes)
        return QCoreApplication::translate("Enqueue", "payload is %1 bytes, more than the limit of %2")
            .arg(run.payload.size())
            .arg(MaxPayloadBytes);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(run.payload, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QCoreApplication::translate("Enqueue", "payload is not valid JSON: %1 at offset %2")
            .arg(parseError.errorString())
            .arg(parseError.offset);
    if (!document.isObject())
        return QCoreApplication::translate("Enqueue", "payload must be a JSON object");
    if (run.maxAttempts < 1 || run.maxAttempts > 1000)
        return QCoreApplication::translate("Enqueue", "max attempts must be between 1 and 1000, not %1")
            .arg(run.maxAttempts);
    if (run.timeoutMs < 0)
        return QCoreApplication::translate("Enqueue", "timeout must not be negative");
    const QString problem = executor->validate(document.object());
    if (!problem.isEmpty())
        return QCoreApplication::translate("Enqueue", "payload for kind \"%1\": %2").arg(run.kind, problem);
    return {};
}

} // namespace vigia

namespace vigia {

void registerBuiltinExecutors(ExecutorRegistry &registry)
{
    registry.add(makeNoopExecutor());
    registry.add(makeSleepExecutor());
    registry.add(makeFailExecutor());
    registry.add(makeHttpExecutor());
    registry.add(makeWebhookExecutor());
    registry.add(makeProcessExecutor());
    registry.add(makeSqlExecutor());
}

} // namespace vigia
