#include "store/storeconnectiondirectory.h"

namespace vigia {

StoreConnectionDirectory::StoreConnectionDirectory(StoreOpener opener, QString localUrl)
    : m_opener(std::move(opener))
    , m_localUrl(std::move(localUrl))
{}

std::optional<Connection> StoreConnectionDirectory::find(const QString &name, QString *error) const
{
    try {
        const std::unique_ptr<Store> store = m_opener();
        std::optional<Connection> found = store->connection(name);
        if (!found && error)
            error->clear(); // not declared
        return found;
    } catch (const StoreError &e) {
        if (error)
            *error = e.message();
        return std::nullopt;
    }
}

} // namespace vigia
