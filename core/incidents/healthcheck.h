#pragma once

#include "incidents/jobhealth.h"

#include <unordered_map>

namespace vigia {

class Store;

// Every job and its verdict, in the same order (jobs[i] is system.jobs[i]).
struct HealthReport {
    qint64 evaluatedAt = 0;
    QVector<JobDef> jobs;
    SystemHealth system;
};

// Reads what JobHealthEvaluator needs from a store (the jobs, Store::jobActivity and, when asked, the open
// incidents) and evaluates it. Keeps the jobs' compiled schedules between calls while the jobs do not change. One
// per thread, like the store it reads.
class HealthCheck {
public:
    enum Scope {
        JobsOnly,
        WithOpenIncidents // also count open incidents by severity (status needs them; the monitor does not)
    };
    // Throws StoreError.
    HealthReport run(Store &store, qint64 now, Scope scope = WithOpenIncidents);

private:
    const ScheduleRule *ruleFor(const JobDef &job);

    std::unordered_map<qint64, ScheduleRule> m_rules;
    qint64 m_rulesRevision = -1;
};

// Open incidents by severity.
OpenIncidentCounts countOpenIncidents(Store &store);

} // namespace vigia
