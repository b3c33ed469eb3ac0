#pragma once

#include "store/storeurl.h"

#include <QString>

#include <memory>

namespace vigia::test {
class PostgresServer;
}

namespace vigia::bench {

// The database one benchmark runs on. SQLite: the file given (createFreshStore() recreates it). PostgreSQL: a new
// database bench_<random> created through the server's maintenance database `postgres` and dropped again when this
// object goes away, on the server given or on a throwaway server with PostgreSQL's default settings (--pg-temp).
class BenchDatabase {
public:
    // Throws StoreError when the server cannot be started or the database cannot be created.
    static std::unique_ptr<BenchDatabase> open(const StoreUrl &given, bool throwawayServer);
    ~BenchDatabase();
    BenchDatabase(const BenchDatabase &) = delete;
    BenchDatabase &operator=(const BenchDatabase &) = delete;

    const StoreUrl &url() const { return m_url; }

private:
    BenchDatabase() = default;

    std::unique_ptr<test::PostgresServer> m_server;
    QString m_maintenanceUrl; // empty for SQLite
    QString m_database;
    StoreUrl m_url;
};

} // namespace vigia::bench
