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
    virtual void recordSchemaVersion(Store &store, int version) = 0;
};

QStringList availableBackends();
std::unique_ptr<StoreFixture> makeFixture(const QString &backend);

} // namespace vigia::test
