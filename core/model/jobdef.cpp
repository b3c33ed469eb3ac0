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

} // namespace vigia
