#pragma once

#include "executors/execution.h"

#include <QStringList>

#include <map>
#include <memory>

namespace vigia {

// Job kinds by name. Filled before the engine starts and read-only afterwards, so worker threads share it freely.
class ExecutorRegistry {
public:
    void add(std::unique_ptr<Executor> executor);
    const Executor *find(const QString &kind) const;
    QStringList kinds() const;

    // The built-in kinds: noop, sleep and fail for tests and demos; http, webhook, process and sql for real
    // work.
    static ExecutorRegistry withBuiltins();

private:
    std::map<QString, std::shared_ptr<const Executor>> m_executors;
};

// Checks a run before it is enqueued: a known kind, a JSON object payload the kind accepts, sane limits.
// Returns what is wrong, or an empty string.
QString validateNewRun(const NewRun &run, const ExecutorRegistry &registry);

// Largest payload accepted, in bytes; bigger data belongs elsewhere (a URL, a table) and would bloat every claim.
constexpr int MaxPayloadBytes = 256 * 1024;

} // namespace vigia
