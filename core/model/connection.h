#pragma once

#include <QString>

namespace vigia {

// A database that `sql` jobs query, declared by name in jobs as code. `url` and `password` may hold
// `${secret:NAME}` references, which are kept as written and resolved only when a run executes.
struct Connection {
    QString name;
    QString url;      // sqlite:PATH or postgresql://user@host:port/db?...
    QString password; // optional; for PostgreSQL, used instead of PGPASSWORD / ~/.pgpass

    bool operator==(const Connection &other) const
    {
        return name == other.name && url == other.url && password == other.password;
    }
    bool operator!=(const Connection &other) const { return !(*this == other); }
};

} // namespace vigia
