#include "model/run.h"

#include <array>

namespace vigia {

namespace {
struct StateName {
    RunState state;
    const char *name;
};
constexpr std::array<StateName, 7> StateNames{{
    {RunState::Scheduled, "scheduled"},
    {RunState::Available, "available"},
    {RunState::Running, "running"},
    {RunState::Succeeded, "succeeded"},
    {RunState::Retryable, "retryable"},
    {RunState::Dead, "dead"},
    {RunState::Cancelled, "cancelled"},
}};
constexpr std::array<const char *, 4> PriorityNames{{"critical", "high", "normal", "low"}};
} // namespace

QString runStateName(RunState state)
{
    // Built once: names are written for every run transition, and QString copies of these are free.
    static const std::array<QString, 7> names = [] {
        std::array<QString, 7> built;
        for (const auto &entry : StateNames)
            built.at(static_cast<size_t>(entry.state)) = QLatin1String(entry.name);
        return built;
    }();
    return names.at(static_cast<size_t>(state));
}

std::optional<RunState> runStateFromName(const QString &name)
{
    for (const auto &entry : StateNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.state;
    }
    return std::nullopt;
}

bool isFinal(RunState state)
{
    return state == RunState::Succeeded || state == RunState::Dead || state == RunState::Cancelled;
}

QString priorityName(Priority priority)
{
    return QLatin1String(PriorityNames.at(static_cast<size_t>(priority)));
}

std::optional<Priority> priorityFromName(const QString &name)
{
    for (size_t i = 0; i < PriorityNames.size(); ++i) {
        if (name.compare(QLatin1String(PriorityNames.at(i)), Qt::CaseInsensitive) == 0)
            return static_cast<Priority>(i);
    }
    return std::nullopt;
}

} // namespace vigia
