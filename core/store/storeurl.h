#pragma once

#include <QString>

#include <optional>

namespace vigia {

// Where the data lives: `sqlite:PATH` or `postgresql://user@host:port/db?sslmode=...`.
struct StoreUrl {
    enum class Backend {
        Sqlite,
        Postgres
    };
    Backend backend = Backend::Sqlite;
    QString sqlitePath;  // for Sqlite
    QString postgresUrl; // for Postgres: the URL as given (no password inside)
    QString text;        // as given, for messages

    // Parses a URL; on failure returns nullopt and names what is wrong in *error.
    static std::optional<StoreUrl> parse(const QString &text, QString *error);
    // $VIGIA_DB when set, else a SQLite file in the user's data directory.
    static QString defaultUrl();
};

} // namespace vigia
