#include "store/sqlitestore.h"

#include "store/migration.h"
#include "store/sqliterow.h"
#include "store/sqlitetransaction.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QVariant>

#include <algorithm>
#include <atomic>

namespace vigia {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SqliteStore)
};

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
        throw StoreError(Tr::tr("cannot create the directory %1").arg(info.absolutePath()));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open())
        throw StoreError(Tr::tr("cannot open SQLite database %1: %2").arg(path, m_db.lastError().text()));
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA temp_store = MEMORY",
                               "PRAGMA foreign_keys = OFF"}) {
        QSqlQuery query(m_db);
        if (!query.exec(QLatin1String(pragma)))
            fail(query, pragma);
    }
}

SqliteStore::~SqliteStore()
{
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
        Tr::tr("SQLite error in %1 (%2): %3").arg(QLatin1String(what), m_path, query.lastError().text());
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
    SqliteWriteTransaction tx(m_db);
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                        "description TEXT NOT NULL, applied_at INTEGER NOT NULL)"));
    const int current = schemaVersion();
    if (current > latestSchemaVersion()) {
        throw StoreError(Tr::tr("the database %1 has schema version %2, newer than this program knows (%3); "
                                "upgrade Vigia to use it")
                             .arg(m_path)
                             .arg(current)
                             .arg(latestSchemaVersion()),
                         StoreError::Kind::Schema);
    }
    for (const Migration &migration : sqliteMigrations()) {
        if (migration.version <= current)
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
        throw StoreError(Tr::tr("unknown queue \"%1\"").arg(name), StoreError::Kind::Invalid);
}

QVector<EnqueueResult> SqliteStore::enqueue(const QVector<NewRun> &runs, qint64 now)
{
    SqliteWriteTransaction tx(m_db);
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

// ---- the dispatcher's hot path

bool SqliteStore::applyCompletion(const Completion &c)
{
    const bool final = isFinal(c.newState);
    QSqlQuery &update = prepared(
        "UPDATE runs SET state = ?, finished_at = ?, duration_ms = ?, result = ?, error = ?, "
        "scheduled_at = CASE WHEN ? > 0 THEN ? ELSE scheduled_at END, attempt = attempt - ?, "
        "rescue_count = rescue_count + ?, lease_owner = NULL, lease_expires_at = NULL, cancel_requested = 0 "
        "WHERE id = ? AND state = 'running' AND ((? = 0 AND lease_owner = ?) OR (? = 1 AND lease_expires_at < ?))");
    update.addBindValue(runStateName(c.newState));
    update.addBindValue(final ? QVariant(c.finishedAt) : QVariant());
    update.addBindValue(c.finishedAt - c.startedAt);
    update.addBindValue(c.result.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(c.result)));
    update.addBindValue(c.error.isEmpty() ? QVariant() : QVariant(c.error.left(Attempt::MaxErrorLength)));
    update.addBindValue(c.nextRunAt);
    update.addBindValue(c.nextRunAt);
    update.addBindValue(c.refundAttempt ? 1 : 0);
    update.addBindValue(c.rescued ? 1 : 0);
    update.addBindValue(c.runId);
    const int guard = c.guard == Completion::Guard::Lease ? 0 : 1;
    update.addBindValue(guard);
    update.addBindValue(c.node);
    update.addBindValue(guard);
    update.addBindValue(c.finishedAt);
    execOrThrow(update, "finish run");
    const bool applied = update.numRowsAffected() == 1;
    update.finish();
    if (!applied)
        return false;

    QSqlQuery &attempt = prepared("INSERT INTO attempts (run_id, attempt, node, started_at, finished_at, outcome, "
                                  "error) VALUES (?, ?, ?, ?, ?, ?, ?)");
    attempt.addBindValue(c.runId);
    attempt.addBindValue(c.attempt);
    attempt.addBindValue(c.node);
    attempt.addBindValue(c.startedAt);
    attempt.addBindValue(c.finishedAt);
    attempt.addBindValue(c.outcome);
    attempt.addBindValue(c.error.isEmpty() ? QVariant() : QVariant(c.error.left(Attempt::MaxErrorLength)));
    execOrThrow(attempt, "record attempt");
    attempt.finish();
    return true;
}

void SqliteStore::claimFromQueue(const QString &queue, int count, const ClaimRequest &request, QVector<Run> &out)
{
    QSqlQuery &claim = prepared(
        "UPDATE runs SET state = 'running', attempt = attempt + 1, lease_owner = ?, lease_expires_at = ?, "
        "started_at = ?, finished_at = NULL WHERE id IN (SELECT id FROM runs WHERE state = 'available' AND queue = ? "
        "ORDER BY priority, scheduled_at, id LIMIT ?) RETURNING " VIGIA_SQLITE_RUN_COLUMNS);
    claim.addBindValue(request.node);
    claim.addBindValue(request.leaseExpiresAt);
    claim.addBindValue(request.now);
    claim.addBindValue(queue);
    claim.addBindValue(count);
    execOrThrow(claim, "claim runs");
    while (claim.next())
        out.append(readRun(claim));
    claim.finish();
}

ExchangeResult SqliteStore::exchange(const QVector<Completion> &completions, const ClaimRequest &request)
{
    ExchangeResult result;
    SqliteWriteTransaction tx(m_db);
    for (const Completion &completion : completions) {
        if (applyCompletion(completion))
            result.finished.append(completion.runId);
    }
    if (request.maxRuns > 0) {
        QSqlQuery &promote = prepared("UPDATE runs SET state = 'available' WHERE state IN ('scheduled', 'retryable') "
                                      "AND scheduled_at <= ?");
        promote.addBindValue(request.now);
        execOrThrow(promote, "promote due runs");
        promote.finish();

        struct Slot {
            QString queue;
            int free;
        };
        QVector<Slot> openings;
        QSqlQuery &free = prepared(
            "SELECT q.name, q.concurrency - (SELECT count(*) FROM runs r WHERE r.state = 'running' AND r.queue = "
            "q.name) "
            "FROM queues q WHERE q.paused = 0 AND EXISTS (SELECT 1 FROM runs a WHERE a.state = 'available' AND "
            "a.queue = q.name) ORDER BY q.name");
        execOrThrow(free, "queue slots");
        while (free.next()) {
            const int slotsFree = free.value(1).toInt();
            if (slotsFree > 0)
                openings.append({free.value(0).toString(), slotsFree});
        }
        free.finish();
        // Rotate the starting queue so that a busy queue cannot starve the others of this node's workers.
        int remaining = request.maxRuns;
        const int n = int(openings.size());
        for (int i = 0; i < n && remaining > 0; ++i) {
            const Slot &slot = openings.at((i + m_claimRotation) % n);
            const int before = int(result.claimed.size());
            claimFromQueue(slot.queue, std::min(slot.free, remaining), request, result.claimed);
            remaining -= int(result.claimed.size()) - before;
        }
        ++m_claimRotation;
    }
    tx.commit();
    std::sort(result.claimed.begin(), result.claimed.end(), [](const Run &a, const Run &b) {
        return std::tie(a.priority, a.scheduledAt, a.id) < std::tie(b.priority, b.scheduledAt, b.id);
    });
    return result;
}

qint64 SqliteStore::nextDueAt()
{
    QSqlQuery &query = prepared("SELECT min(scheduled_at) FROM runs WHERE state IN ('scheduled', 'retryable')");
    execOrThrow(query, "next due run");
    query.next();
    const qint64 at = query.value(0).isNull() ? 0 : query.value(0).toLongLong();
    query.finish();
    return at;
}

QVector<qint64> SqliteStore::renewLeases(const QString &node, qint64 leaseExpiresAt)
{
    SqliteWriteTransaction tx(m_db);
    QSqlQuery &renew = prepared("UPDATE runs SET lease_expires_at = ? WHERE state = 'running' AND lease_owner = ?");
    renew.addBindValue(leaseExpiresAt);
    renew.addBindValue(node);
    execOrThrow(renew, "renew leases");
    renew.finish();
    QSqlQuery &cancels =
        prepared("SELECT id FROM runs WHERE state = 'running' AND lease_owner = ? AND cancel_requested = 1");
    cancels.addBindValue(node);
    execOrThrow(cancels, "look up cancel requests");
    QVector<qint64> ids;
    while (cancels.next())
        ids.append(cancels.value(0).toLongLong());
    cancels.finish();
    tx.commit();
    return ids;
}

QVector<Run> SqliteStore::expiredLeases(qint64 now, int limit)
{
    QSqlQuery &query = prepared("SELECT " VIGIA_SQLITE_RUN_COLUMNS " FROM runs WHERE state = 'running' AND "
                                "lease_expires_at < ? ORDER BY lease_expires_at LIMIT ?");
    query.addBindValue(now);
    query.addBindValue(limit);
    execOrThrow(query, "expired leases");
    QVector<Run> runs;
    while (query.next())
        runs.append(readRun(query));
    query.finish();
    return runs;
}

} // namespace vigia
