#pragma once

#include <QString>
#include <QVector>

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

// One thing wrong with a declared connection: the field ("url", "password") and why.
struct ConnectionProblem {
    QString field;
    QString message;
};

// What keeps a connection out of the database (the jobs-as-code parser and every store's apply ask the same
// question): a URL that is neither sqlite:PATH nor postgresql://..., a URL holding a literal password (in its user
// part or as ?password=), or a password that is anything but one `${secret:NAME}` reference. Secret values belong in
// the secret store, never in a file or a database row. The name is checked by the callers (it is a key).
QVector<ConnectionProblem> connectionProblems(const Connection &connection);

// A postgresql:// URL whose user part carries its password as one reference ("postgresql://app:${secret:DB}@host/db"),
// split into the URL without the password ("postgresql://app@host/db") and the reference ("${secret:DB}"). Any other
// URL comes back unchanged with an empty reference. libpq then gets the value as a separate parameter, so a password
// holding '@', ':' or '/' cannot break the URL.
struct UrlPasswordReference {
    QString url;
    QString reference;
};
UrlPasswordReference splitPasswordReference(const QString &url);

} // namespace vigia
