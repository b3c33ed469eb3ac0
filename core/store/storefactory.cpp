#include "store/storefactory.h"

#include "store/sqlitestore.h"

#include <QCoreApplication>

namespace vigia {

std::unique_ptr<Store> openStore(const StoreUrl &url)
{
    switch (url.backend) {
    case StoreUrl::Backend::Sqlite:
        return std::make_unique<SqliteStore>(url.sqlitePath);
    case StoreUrl::Backend::Postgres:
        break;
    }
    throw StoreError(
        QCoreApplication::translate("StoreUrl", "PostgreSQL is not supported by this build yet: %1").arg(url.text),
        StoreError::Kind::Invalid);
}

} // namespace vigia
