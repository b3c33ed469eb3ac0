#include "incidents/healthcheck.h"

#include "store/store.h"

#include <QHash>

namespace vigia {

OpenIncidentCounts countOpenIncidents(Store &store)
{
    IncidentFilter filter;
    filter.openOnly = true;
    filter.limit = std::numeric_limits<int>::max();
    OpenIncidentCounts counts;
    for (const Incident &incident : store.incidents(filter)) {
        switch (incident.severity) {
        case IncidentSeverity::Critical:
            ++counts.critical;
            break;
        case IncidentSeverity::High:
            ++counts.high;
            break;
        case IncidentSeverity::Warning:
            ++counts.warning;
            break;
        case IncidentSeverity::Info:
            ++counts.info;
            break;
        }
    }
    return counts;
}

const ScheduleRule *HealthCheck::ruleFor(const JobDef &job)
{
    if (!job.schedule.isScheduled())
        return nullptr;
    auto it = m_rules.find(job.id);
    if (it == m_rules.end()) {
        QString error;
        std::optional<ScheduleRule> compiled = ScheduleRule::compile(job.schedule, &error);
        if (!compiled)
            return nullptr; // evaluate() compiles it again and reports the problem
        it = m_rules.emplace(job.id, std::move(*compiled)).first;
    }
    return &it->second;
}

HealthReport HealthCheck::run(Store &store, qint64 now, Scope scope)
{
    const qint64 revision = store.jobsRevision();
    if (revision != m_rulesRevision) {
        m_rules.clear();
        m_rulesRevision = revision;
    }
    HealthReport report;
    report.evaluatedAt = now;
    report.jobs = store.jobs();
    int recentRuns = JobHealthEvaluator::DurationSamples;
    for (const JobDef &job : report.jobs)
        recentRuns = std::max(recentRuns, job.incidents.failureRateWindow);
    QHash<qint64, JobActivity> activities;
    for (const JobActivity &activity : store.jobActivity(recentRuns))
        activities.insert(activity.jobId, activity);
    QVector<JobHealth> verdicts;
    verdicts.reserve(report.jobs.size());
    for (const JobDef &job : report.jobs) {
        verdicts.append(JobHealthEvaluator::evaluate(job, JobHealthEvaluator::policyOf(job), activities.value(job.id),
                                                     now, ruleFor(job)));
    }
    const OpenIncidentCounts incidents = scope == WithOpenIncidents ? countOpenIncidents(store) : OpenIncidentCounts{};
    report.system = JobHealthEvaluator::summarize(std::move(verdicts), incidents);
    return report;
}

} // namespace vigia
