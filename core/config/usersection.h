#pragma once

// Internal to jobs as code: the `users:` section, the people incidents page and the roles the engine enforces.
//
//   users:
//     - name: alice                      # required, unique: what --as NAME and the audit log use
//       email: alice@example.com         # optional
//       role: operator                   # viewer (default) | operator | admin
//       time_zone: America/Sao_Paulo     # IANA name, default UTC: where do_not_disturb's times are read
//       channels:                        # optional, tried in this order
//         - {kind: email}                # address defaults to the user's email
//         - {kind: webhook, address: "https://hooks.example.com/...", format: slack}   # generic (default) | slack
//         - {kind: desktop}              #   | teams
//       do_not_disturb:                  # optional quiet periods in the user's time zone
//         - {start: "22:00", end: "07:00", days: [mon, tue, wed, thu, fri]}   # end before start wraps past
//                                        # midnight; days default every day
#include "config/configreader.h"
#include "model/user.h"

namespace vigia::config {

void parseUsers(ConfigReader &reader, const Entry &entry, QVector<User> &users);
// Writes `users:` as parseUsers() reads it, leaving out defaults; nothing when there are none.
void writeUsers(YAML::Emitter &out, const QVector<User> &users);

} // namespace vigia::config
