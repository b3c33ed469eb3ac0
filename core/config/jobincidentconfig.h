#pragma once

// Internal to jobs as code: a job's SLA, criticality and incident policy, read and written.
//
//   sla: {period: 1h, within: 30m, grace: 5m}   # each optional: period for a job without a schedule (default:
//                                               # the schedule's), within 0 = the default from the period
//   critical: true                              # default false
//   incident_policy:
//     severity: high                            # critical | high (default) | warning | info | off
//     auto_resolve: true                        # default true
//     failure_rate: {threshold: 0.5, window: 10}  # both or neither: trouble when at least threshold (0-1) of the
//                                               # last `window` (1-10000) runs failed
//     expected_duration: 10m                    # a run longer than this runs too long (default none)
#include "config/configreader.h"
#include "model/jobdef.h"

namespace vigia::config {

void parseJobSla(ConfigReader &reader, const Entry &entry, JobSla &sla);
void parseIncidentPolicy(ConfigReader &reader, const Entry &entry, IncidentPolicy &policy);
// Writes sla, critical and incident_policy as parseJobSla() and parseIncidentPolicy() read them, leaving out
// whatever has its default value.
void writeJobIncidentFields(YAML::Emitter &out, const JobDef &job);

} // namespace vigia::config
