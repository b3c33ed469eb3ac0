#include "freshstore.h"

#include "engine/engine.h"
#include "store/storefactory.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace vigia::bench {

namespace {
void removeIfPresent(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return;
    if (info.isDir()) {
        throw StoreError(QCoreApplication::translate("Bench", "%1 is a directory, not a database file").arg(path),
                         StoreError::Kind::Invalid);
    }
    QFile file(path);
    if (!file.remove()) {
        throw StoreError(
            QCoreApplication::translate("Bench", "cannot delete %1 to start afresh: %2").arg(path, file.errorString()));
    }
}
} // namespace

std::unique_ptr<Store> createFreshStore(const StoreUrl &url, int concurrency, qint64 now)
{
    if (url.backend == StoreUrl::Backend::Sqlite) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            removeIfPresent(url.sqlitePath + QLatin1String(suffix));
    }
    std::unique_ptr<Store> store = openStore(url);
    ensureSchema(*store);
    store->setQueueConcurrency(QStringLiteral("default"), std::max(concurrency, 100000),
                               Actor{QStringLiteral("vigia-bench")}, now);
    return store;
}

} // namespace vigia::bench
