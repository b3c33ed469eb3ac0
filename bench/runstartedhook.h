#pragma once

#include "engine/engineconfig.h"

#include <functional>
#include <type_traits>
#include <utility>

namespace vigia::bench {

// The latency benchmark wants the instant a worker begins executing a run. It installs
// `EngineConfig::onRunStarted` (std::function<void(qint64 runId)>, called on the worker thread just before the
// execution starts) when the engine has that hook; with an engine that lacks it, it falls back to the instant the
// main thread receives the dispatcher's Running event (one queued-signal hop later). Detected at compile time so
// that the bench builds against either.
template <typename Config, typename = void> struct HasRunStartedHook : std::false_type {};

template <typename Config>
struct HasRunStartedHook<Config,
                         std::void_t<decltype(std::declval<Config &>().onRunStarted = std::function<void(qint64)>())>>
    : std::true_type {};

// Installs `hook` and returns true when the engine supports it; returns false and leaves `config` alone otherwise.
template <typename Config> bool installRunStartedHook(Config &config, std::function<void(qint64)> hook)
{
    if constexpr (HasRunStartedHook<Config>::value) {
        config.onRunStarted = std::move(hook);
        return true;
    } else {
        (void)config;
        (void)hook;
        return false;
    }
}

} // namespace vigia::bench
