#pragma once

#include "store/store.h"
#include "store/storeurl.h"

#include <functional>
#include <memory>

namespace vigia {

// Opens a connection for the calling thread. Throws StoreError when the database cannot be opened, or when the URL's
// password reference has not been resolved into url.password.
std::unique_ptr<Store> openStore(const StoreUrl &url);

// Engine threads each open their own connection through this.
using StoreOpener = std::function<std::unique_ptr<Store>()>;

} // namespace vigia
