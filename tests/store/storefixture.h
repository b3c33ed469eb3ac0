#pragma once

#include "store/store.h"

#include <QStringList>

#include <memory>

namespace vigia::test {

// One backend under test: a fresh, migrated database per test, plus the few things only a test may do.
class StoreFixture {
public:
    virtual ~StoreFixture() = default;
    virtual std::unique_ptr<Store> open() = 0;
    // Pretends a newer program migrated the database.
    void recordSchemaVersion(int version)
    {
        execute(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (%1, "
                               "'from the future', 0)")
                    .arg(version));
    }
    // Runs statements behind the store's back, on a connection of the test's own.
    virtual void execute(const QString &sql) = 0;
    // The database's URL for a connection of the test's own (PostgreSQL), empty for SQLite.
    virtual QString url() const { return {}; }
};

QStringList availableBackends();
std::unique_ptr<StoreFixture> makeFixture(const QString &backend);

} // namespace vigia::test
