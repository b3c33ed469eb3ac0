#pragma once

#include <memory>

namespace vigia {

class Executor;
class ExecutorRegistry;

std::unique_ptr<Executor> makeNoopExecutor();
std::unique_ptr<Executor> makeSleepExecutor();
std::unique_ptr<Executor> makeFailExecutor();
std::unique_ptr<Executor> makeHttpExecutor();
std::unique_ptr<Executor> makeWebhookExecutor();
std::unique_ptr<Executor> makeProcessExecutor();
std::unique_ptr<Executor> makeSqlExecutor();

// Registers noop, sleep and fail (see noopexecutor.cpp, sleepexecutor.cpp, failexecutor.cpp) and the kinds that do
// real work: http, webhook, process and sql (httpexecutor.cpp, webhookexecutor.cpp, processexecutor.cpp,
// sqlexecutor.cpp).
void registerBuiltinExecutors(ExecutorRegistry &registry);

} // namespace vigia
