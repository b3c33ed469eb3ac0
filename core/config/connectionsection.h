#pragma once

// Internal to jobs as code: the `connections:` section, the named databases `sql` jobs query.
//
//   connections:
//     - name: reports-db                 # required, unique; what an sql job's `connection:` names
//       url: postgresql://reporter@db.internal:5432/reports?sslmode=require   # or sqlite:/path/to/file.db
//       password: ${secret:REPORTS_DB}   # optional (PostgreSQL only): one secret reference, never the password
//
// A URL may hold ${secret:NAME} references too (a user or a path), but no literal password.
#include "config/configreader.h"
#include "model/connection.h"

namespace vigia::config {

// Reads the list into `connections`, recording every problem (and keeping the line of each name for duplicates).
void parseConnections(ConfigReader &reader, const Entry &entry, QVector<Connection> &connections);
// Writes `connections:` as parseConnections() reads it; nothing when there are none.
void writeConnections(YAML::Emitter &out, const QVector<Connection> &connections);

} // namespace vigia::config
