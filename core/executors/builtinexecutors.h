#pragma once

#include <memory>

namespace vigia {

class Executor;
class ExecutorRegistry;

std::unique_ptr<Executor> makeNoopExecutor();
std::unique_ptr<Executor> makeSleepExecutor();
std::unique_ptr<Executor> makeFailExecutor();

// Registers noop, sleep and fail (see noopexecutor.cpp, sleepexecutor.cpp, failexecutor.cpp).
void registerBuiltinExecutors(ExecutorRegistry &registry);

} // namespace vigia
