#include "model/jobdef.h"

namespace vigia {

NewRun JobDef::newRun() const
{
    NewRun run;
    run.queue = queue;
    run.kind = kind;
    run.payload = payload;
    run.priority = priority;
    run.maxAttempts = maxAttempts;
    run.timeoutMs = timeoutMs;
    run.jobId = id;
    return run;
}

QString IncidentPolicy::severityText() const
{
    return enabled ? incidentSeverityName(severity) : QStringLiteral("off");
}

bool IncidentPolicy::setSeverityText(const QString &text)
{
    if (text == QLatin1String("off")) {
        enabled = false;
        return true;
    }
    const std::optional<IncidentSeverity> parsed = incidentSeverityFromName(text);
    if (!parsed)
        return false;
    enabled = true;
    severity = *parsed;
    return true;
}

} // namespace vigia
