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

// Registers noop, sleep and fail (see noopexecutor.cpp, sleepexecutor.cpp, failexecutor.cpp) and the kinds that do
// real work: http, webhook and process (httpexecutor.cpp, webhookexecutor.cpp, processexecutor.cpp).
void registerBuiltinExecutors(ExecutorRegistry &registry);

} // namespace vigia
