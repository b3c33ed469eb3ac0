#pragma once

#include "executors/connectiondirectory.h"
#include "store/storefactory.h"

namespace vigia {

// The connections `sql` runs query, as jobs as code declared them in the engine's own database: every lookup reads
// the store, so a connection applied while the engine runs is found by the next run. Each lookup opens its own store
// connection on the calling thread (one connection per thread, never shared); lookups are rare next to the queries
// they lead to, which connect to their database anyway.
class StoreConnectionDirectory final : public ConnectionDirectory {
public:
    // `localUrl`: the engine's own database for `database: local` (may hold ${secret:NAME} references).
    StoreConnectionDirectory(StoreOpener opener, QString localUrl);

    QString localUrl() const override { return m_localUrl; }
    std::optional<Connection> find(const QString &name, QString *error) const override;

private:
    StoreOpener m_opener;
    QString m_localUrl;
};

} // namespace vigia
