#include "store/sqlitestore.h"

#include "store/migration.h"
#include "store/sqliterow.h"
#include "store/sqlitetransaction.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <algorithm>
#include <atomic>

namespace vigia {

namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("vigia-sqlite-%1").arg(counter.fetch_add(1));
}
} // namespace

SqliteStore::SqliteStore(const QString &path)
    : m_path(path)
    , m_connectionName(nextConnectionName())
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        throw StoreError(SqliteStore::tr("cannot create the directory %1").arg(info.absolutePath()));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open())
        throw StoreError(SqliteStore::tr("cannot open SQLite database %1: %2").arg(path, m_db.lastError().text()));
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        throw StoreError(SqliteStore::tr("the Qt SQLite driver did not expose its connection handle"));
    m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA temp_store = MEMORY",
                               "PRAGMA foreign_keys = OFF"}) {
        QSqlQuery query(m_db);
        if (!query.exec(QLatin1String(pragma)))
            fail(query, pragma);
    }
}

SqliteStore::~SqliteStore()
{
    m_raw.clear();
    m_prepared.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlQuery &SqliteStore::prepared(const char *sql)
{
    auto it = m_prepared.find(sql);
    if (it != m_prepared.end())
        return it->second;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(QLatin1String(sql)))
        fail(query, sql);
    return m_prepared.emplace(sql, std::move(query)).first->second;
}

QSqlQuery SqliteStore::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        fail(query, "prepare");
    for (const QVariant &value : binds)
        query.addBindValue(value);
    execOrThrow(query, "query");
    return query;
}

void SqliteStore::execOrThrow(QSqlQuery &query, const char *what)
{
    if (!query.exec())
        fail(query, what);
}

void SqliteStore::fail(const QSqlQuery &query, const char *what)
{
    const QString message =
        SqliteStore::tr("SQLite error in %1 (%2): %3").arg(QLatin1String(what), m_path, query.lastError().text());
    qCWarning(lcStore).noquote() << message;
    throw StoreError(message);
}

// ---- schema

int SqliteStore::schemaVersion()
{
    QSqlQuery probe =
        exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"));
    probe.next();
    if (probe.value(0).toInt() == 0)
        return 0;
    QSqlQuery query = exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    query.next();
    return query.value(0).toInt();
}

int SqliteStore::latestSchemaVersion() const
{
    return sqliteMigrations().constLast().version;
}

void SqliteStore::migrate()
{
    SqliteWriteTransaction tx(*this);
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                        "description TEXT NOT NULL, applied_at INTEGER NOT NULL)"));
    const int current = schemaVersion();
    if (current > latestSchemaVersion()) {
        throw StoreError(SqliteStore::tr("the database %1 has schema version %2, newer than this program knows (%3); "
                                         "upgrade Vigia to use it")
                             .arg(m_path)
                             .arg(current)
                             .arg(latestSchemaVersion()),
                         StoreError::Kind::Schema);
    }
    // Every step not yet recorded, not only those above the highest: steps developed in parallel may land with
    // version numbers below one a database already has.
    QSet<int> applied;
    for (QSqlQuery recorded = exec(QStringLiteral("SELECT version FROM schema_migrations")); recorded.next();)
        applied.insert(recorded.value(0).toInt());
    for (const Migration &migration : sqliteMigrations()) {
        if (applied.contains(migration.version))
            continue;
        for (const QString &statement : migration.statements)
            exec(statement);
        exec(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, "
                            "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"),
             {migration.version, QLatin1String(migration.description)});
        qCInfo(lcStore) << "applied migration" << migration.version << migration.description;
    }
    tx.commit();
}

// ---- enqueue

void SqliteStore::requireQueue(const QString &name)
{
    QSqlQuery &query = prepared("SELECT 1 FROM queues WHERE name = ?");
    query.addBindValue(name);
    execOrThrow(query, "look up queue");
    const bool found = query.next();
    query.finish();
    if (!found)
        throw StoreError(SqliteStore::tr("unknown queue \"%1\"").arg(name), StoreError::Kind::Invalid);
}

QVector<EnqueueResult> SqliteStore::enqueue(const QVector<NewRun> &runs, qint64 now)
{
    SqliteWriteTransaction tx(*this);
    QVector<EnqueueResult> results = insertRuns(runs, now);
    tx.commit();
    return results;
}

QVector<EnqueueResult> SqliteStore::insertRuns(const QVector<NewRun> &runs, qint64 now)
{
    QVector<EnqueueResult> results;
    results.reserve(runs.size());
    QString lastQueue;
    for (const NewRun &run : runs) {
        if (run.queue != lastQueue) {
            requireQueue(run.queue);
            lastQueue = run.queue;
        }
    }
    // Runs without a unique key go in multi-row statements; a keyed run needs its own to learn about duplicates.
    constexpr int ChunkRows = 64;
    qsizetype i = 0;
    while (i < runs.size()) {
        qsizetype plain = i;
        while (plain < runs.size() && plain - i < ChunkRows && runs.at(plain).uniqueKey.isEmpty())
            ++plain;
        if (plain > i) {
            insertChunk(runs.constData() + i, int(plain - i), now, results);
            i = plain;
            continue;
        }
        const NewRun &run = runs.at(i++);
        const qint64 scheduledAt = run.runAt > 0 ? run.runAt : now;
        QSqlQuery &insert = prepared(
            "INSERT INTO runs (queue, kind, payload, priority, state, max_attempts, timeout_ms, job_id, replay_of, "
            "unique_key, created_at, scheduled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (unique_key) DO NOTHING RETURNING id");
        insert.addBindValue(run.queue);
        insert.addBindValue(run.kind);
        insert.addBindValue(QString::fromUtf8(run.payload));
        insert.addBindValue(static_cast<int>(run.priority));
        insert.addBindValue(scheduledAt > now ? QStringLiteral("scheduled") : QStringLiteral("available"));
        insert.addBindValue(run.maxAttempts);
        insert.addBindValue(run.timeoutMs);
        insert.addBindValue(run.jobId > 0 ? QVariant(run.jobId) : QVariant());
        insert.addBindValue(run.replayOf > 0 ? QVariant(run.replayOf) : QVariant());
        insert.addBindValue(run.uniqueKey.isEmpty() ? QVariant() : QVariant(run.uniqueKey));
        insert.addBindValue(now);
        insert.addBindValue(scheduledAt);
        execOrThrow(insert, "enqueue");
        EnqueueResult result;
        if (insert.next()) {
            result.id = insert.value(0).toLongLong();
        } else {
            QSqlQuery &existing = prepared("SELECT id FROM runs WHERE unique_key = ?");
            existing.addBindValue(run.uniqueKey);
            execOrThrow(existing, "look up unique key");
            existing.next();
            result.id = existing.value(0).toLongLong();
            result.duplicate = true;
            existing.finish();
        }
        insert.finish();
        results.append(result);
    }
    return results;
}

} // namespace vigia
