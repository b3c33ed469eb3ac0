#include "store/storefactory.h"

#include "store/postgresstore.h"
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
    if (!url.passwordRef.isEmpty() && !url.passwordResolved) {
        throw StoreError(QCoreApplication::translate("StoreUrl",
                                                     "database URL \"%1\": the password %2 was not read from the "
                                                     "secret store")
                             .arg(url.text, url.passwordRef),
                         StoreError::Kind::Invalid);
    }
    return std::make_unique<PostgresStore>(url.postgresUrl, url.password);
}

} // namespace vigia
