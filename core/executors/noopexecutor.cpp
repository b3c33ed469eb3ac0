// Kind `noop`: succeeds at once. Measures the engine's own overhead and keeps demos honest.
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"

namespace vigia {

namespace {
class NoopExecution final : public Execution {
public:
    void start(ExecutionContext &context) override { context.succeed(); }
};

class NoopExecutor final : public Executor {
public:
    QString kind() const override { return QStringLiteral("noop"); }
    QString validate(const QJsonObject &) const override { return {}; }
    std::unique_ptr<Execution> create() const override { return std::make_unique<NoopExecution>(); }
};
} // namespace

std::unique_ptr<Executor> makeNoopExecutor()
{
    return std::make_unique<NoopExecutor>();
}

} // namespace vigia
