#include "store/storefactory.h"

#include "store/postgresstore.h"
#include "store/sqlitestore.h"

namespace vigia {

std::unique_ptr<Store> openStore(const StoreUrl &url)
{
    switch (url.backend) {
    case StoreUrl::Backend::Sqlite:
        return std::make_unique<SqliteStore>(url.sqlitePath);
    case StoreUrl::Backend::Postgres:
        break;
    }
    return std::make_unique<PostgresStore>(url.postgresUrl);
}

} // namespace vigia
