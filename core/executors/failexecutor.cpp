// Kind `fail`: payload {"times": N} fails the first N attempts and then succeeds; {"until": ISO8601} fails while
// the engine clock is before that instant (an outage that ends: a replay after it succeeds); with neither it always
// fails. Exercises retries, backoff and the dead-letter queue.
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"

#include <QCoreApplication>
#include <QDateTime>

namespace vigia {

namespace {
class FailExecution final : public Execution {
public:
    void start(ExecutionContext &context) override
    {
        const QJsonValue times = context.payload().value(QLatin1String("times"));
        if (!times.isUndefined() && context.run().attempt > times.toInteger()) {
            context.succeed();
            return;
        }
        const QJsonValue until = context.payload().value(QLatin1String("until"));
        if (until.isString() &&
            context.nowMs() >= QDateTime::fromString(until.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()) {
            context.succeed();
            return;
        }
        const QString message = context.payload().value(QLatin1String("message")).toString();
        context.fail(
            message.isEmpty()
                ? QCoreApplication::translate("Executors", "failed on purpose (attempt %1)").arg(context.run().attempt)
                : message);
    }
};

class FailExecutor final : public Executor {
public:
    QString kind() const override { return QStringLiteral("fail"); }
    QString validate(const QJsonObject &payload) const override
    {
        const QJsonValue times = payload.value(QLatin1String("times"));
        if (!times.isUndefined() &&
            (!times.isDouble() || times.toDouble() < 0 || times.toDouble() != double(times.toInteger())))
            return QCoreApplication::translate("Executors", "\"times\" must be a non-negative whole number");
        const QJsonValue until = payload.value(QLatin1String("until"));
        if (!until.isUndefined() &&
            (!until.isString() || !QDateTime::fromString(until.toString(), Qt::ISODateWithMs).isValid()))
            return QCoreApplication::translate("Executors", "\"until\" must be an ISO 8601 date-time");
        return {};
    }
    std::unique_ptr<Execution> create() const override { return std::make_unique<FailExecution>(); }
};
} // namespace

std::unique_ptr<Executor> makeFailExecutor()
{
    return std::make_unique<FailExecutor>();
}

} // namespace vigia
