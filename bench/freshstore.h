#pragma once

#include "store/store.h"
#include "store/storeurl.h"

#include <memory>

namespace vigia::bench {

// Deletes the database at `url` (for SQLite the file and its -wal/-shm companions), opens it, migrates it and
// raises the `default` queue's concurrency to max(concurrency, 1000) so that the queue limit never caps the
// benchmark. Throws StoreError.
std::unique_ptr<Store> createFreshStore(const StoreUrl &url, int concurrency, qint64 now);

} // namespace vigia::bench
