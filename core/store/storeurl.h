#pragma once

#include <QString>

#include <optional>

namespace vigia {

// Where the data lives: `sqlite:PATH` or `postgresql://user@host:port/db?sslmode=...`. A PostgreSQL password is
// never written in the URL itself: either libpq finds it (PGPASSWORD, ~/.pgpass) or the user part refers to the
// secret store (`postgresql://vigia:${secret:DB_PASSWORD}@host/db`), resolved before the first connection.
struct StoreUrl {
    enum class Backend {
        Sqlite,
        Postgres
    };
    Backend backend = Backend::Sqlite;
    QString sqlitePath;  // for Sqlite
    QString postgresUrl; // for Postgres: the URL as given (a password only as a reference)
    QString passwordRef; // for Postgres: "${secret:NAME}" when the user part names one, else empty
    QString password;    // its value once resolved; never printed, logged or stored
    bool passwordResolved = false;
    QString text; // as given (references kept), for messages

    // Parses a URL; on failure returns nullopt and names what is wrong in *error.
    static std::optional<StoreUrl> parse(const QString &text, QString *error);
    // $VIGIA_DB when set, else a SQLite file in the user's data directory.
    static QString defaultUrl();
};

} // namespace vigia
