#pragma once

// Internal to jobs as code: the on-call sections, read and written.
//
//   schedules:
//     - name: primary                 # required, unique
//       description: first line       # optional
//       time_zone: Europe/Berlin      # IANA name, default UTC; the default of its layers
//       layers:                       # required, at least one; a later layer wins where several cover an instant
//         - name: weekly              # optional
//           participants: [alice, bob]  # required, user names in turn order
//           start: 2026-01-05         # required: the local date of the first handoff
//           shift_length: 1           # 1 to 1000 units, default 1
//           unit: weeks               # hours | days | weeks (default)
//           handoff: "09:00"          # local time of the handoffs, default 09:00
//           time_zone: Europe/Berlin  # default the schedule's
//           restrict: {start: "22:00", end: "06:00", days: [mon, tue]}  # optional daily window of the layer
//           ends_at: 2027-01-01T00:00:00Z   # optional
//       overrides:                    # optional: someone else covers [start, end)
//         - {user: dora, start: 2026-12-24T18:00:00Z, end: 2026-12-26T09:00:00Z}
//   escalation_policies:
//     - name: ops                     # required, unique; jobs name it in escalation_policy
//       description: page the on-call, then the lead
//       steps:                        # required, at least one
//         - delay: 10m                # wait for an acknowledgement before the next step (default 15m)
//           targets: [{schedule: primary}, {user: erin}, {role: operator}]  # at least one
//       repeat: 1                     # run the steps 1 + repeat times (0-100, default 0)
//       final_role: admin             # notified when the chain ends (viewer | operator | admin, default admin)
#include "config/configreader.h"

namespace YAML {
class Emitter;
}

namespace vigia::config {

void parseSchedules(ConfigReader &reader, const Entry &entry, QVector<OnCallSchedule> &schedules);
void parseEscalationPolicies(ConfigReader &reader, const Entry &entry, QVector<EscalationPolicy> &policies);
// Escalation targets naming a schedule must name one declared in the file or existing in the database.
void checkScheduleTargets(ConfigReader &reader, const Entry &policiesEntry, const QVector<EscalationPolicy> &policies,
                          const QVector<OnCallSchedule> &schedules, const QStringList &existingSchedules);
// Schedule participants, override users and escalation targets naming a user must name a known user: declared in
// the file, or existing in the database unless the file replaces them (users: with --prune). Nothing is checked when
// no user is known at all: then only the OS user acts, and nobody is paged by name.
void checkUserReferences(ConfigReader &reader, const Entry *schedulesEntry, const Entry *policiesEntry,
                         const QSet<QString> &knownUsers);
// Writes the sections as the parsers read them, leaving out defaults; nothing when the lists are empty.
void writeSchedules(YAML::Emitter &out, const QVector<OnCallSchedule> &schedules);
void writeEscalationPolicies(YAML::Emitter &out, const QVector<EscalationPolicy> &policies);

} // namespace vigia::config
