// Kind `sleep`: payload {"ms": N}; succeeds after N milliseconds of the engine clock without holding a thread.
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"

#include <QCoreApplication>

namespace vigia {

namespace {
class SleepExecution final : public Execution {
public:
    void start(ExecutionContext &context) override
    {
        const qint64 ms = context.payload().value(QLatin1String("ms")).toInteger();
        ExecutionContext *ctx = &context;
        context.wakeAt(context.nowMs() + ms,
                       [ctx, ms] { ctx->succeed(QStringLiteral("{\"slept_ms\":%1}").arg(ms).toUtf8()); });
    }
};

class SleepExecutor final : public Executor {
public:
    QString kind() const override { return QStringLiteral("sleep"); }
    QString validate(const QJsonObject &payload) const override
    {
        const QJsonValue ms = payload.value(QLatin1String("ms"));
        if (!ms.isDouble() || ms.toDouble() < 0 || ms.toDouble() != double(ms.toInteger()))
            return QCoreApplication::translate("Executors", "\"ms\" must be a non-negative whole number");
        return {};
    }
    std::unique_ptr<Execution> create() const override { return std::make_unique<SleepExecution>(); }
};
} // namespace

std::unique_ptr<Executor> makeSleepExecutor()
{
    return std::make_unique<SleepExecutor>();
}

} // namespace vigia
