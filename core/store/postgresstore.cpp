#include "store/postgresstore.h"

#include "model/connection.h"
#include "store/migration.h"
#include "store/postgressession.h"
#include "util/logging.h"

#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <QUrl>

namespace vigia {

namespace {
// pg_advisory_xact_lock key taken by migrate(): two nodes that start at once migrate one after the other.
constexpr long long MigrationLockKey = 0x5669676961'4d67; // "Vigia" "Mg"

// Rows per bulk enqueue statement: large batches are cut so that one array parameter stays a few megabytes.
constexpr qsizetype EnqueueChunk = 5000;

// libpq reads the password from PGPASSWORD or ~/.pgpass itself unless one comes from the secret store. A connect
// timeout makes a dead server an error instead of a hang; text travels as UTF-8 whatever the server's default; the
// application name shows Vigia's sessions in pg_stat_activity.
// A password reference in the URL's user part is left out: its value comes as `password`.
std::string conninfoFor(const QString &urlWithReference, const QString &password)
{
    const QString url = splitPasswordReference(urlWithReference).url;
    QString conninfo = url;
    QStringList extra;
    if (!password.isEmpty())
        extra << QStringLiteral("password=") + QString::fromLatin1(QUrl::toPercentEncoding(password));
    if (!url.contains(QLatin1String("connect_timeout=")))
        extra << QStringLiteral("connect_timeout=10");
    if (!url.contains(QLatin1String("client_encoding=")))
        extra << QStringLiteral("client_encoding=UTF8");
    if (!url.contains(QLatin1String("application_name=")))
        extra << QStringLiteral("fallback_application_name=vigia");
    if (!extra.isEmpty())
        conninfo += (url.contains(u'?') ? u'&' : u'?') + extra.join(u'&');
    return conninfo.toStdString();
}

QString trimmedMessage(const char *what)
{
    return QString::fromUtf8(what).trimmed();
}
} // namespace

bool PostgresNoticeLogger::operator()(const char message[]) noexcept
{
    try {
        qCDebug(lcStore).noquote() << "PostgreSQL:" << trimmedMessage(message);
    } catch (...) {
        // A notice is not worth failing for.
    }
    return false;
}

PostgresStore::PostgresStore(const QString &url, const QString &password)
    : m_url(url)
    , m_password(password)
{
    try {
        m_session = std::make_unique<PostgresSession>(conninfoFor(url, password));
    } catch (const std::exception &error) {
        const QString message =
            PostgresStore::tr("cannot connect to PostgreSQL at %1: %2").arg(url, trimmedMessage(error.what()));
        // Not logged here: the caller reports the error it catches (a command-line verb prints one line, not two).
        throw StoreError(message, StoreError::Kind::Failure);
    }
}

PostgresStore::~PostgresStore() = default;

void PostgresStore::reconnect()
{
    // A listener must learn that its connection broke: what was announced meanwhile is lost.
    if (m_wakes)
        throw pqxx::broken_connection("the connection that listened for wake-ups was lost");
    m_session.reset();
    m_session = std::make_unique<PostgresSession>(conninfoFor(m_url, m_password));
    qCInfo(lcStore).noquote() << "reconnected to PostgreSQL at" << m_url;
}

std::unique_ptr<PostgresSession> PostgresStore::openSession() const
{
    return std::make_unique<PostgresSession>(conninfoFor(m_url, m_password));
}

void PostgresStore::rethrowAsStoreError(const char *what) const
{
    QString message;
    bool connectionLost = false;
    try {
        throw;
    } catch (const StoreError &) {
        throw;
    } catch (const pqxx::broken_connection &error) {
        connectionLost = true;
        message = PostgresStore::tr("lost the connection to PostgreSQL at %1 in %2: %3")
                      .arg(m_url, QLatin1String(what), trimmedMessage(error.what()));
    } catch (const pqxx::in_doubt_error &error) {
        connectionLost = true;
        message = PostgresStore::tr(
                      "the connection to PostgreSQL at %1 broke while committing %2; it may or may not have been "
                      "written: %3")
                      .arg(m_url, QLatin1String(what), trimmedMessage(error.what()));
    } catch (const pqxx::sql_error &error) {
        message = PostgresStore::tr("PostgreSQL error in %1 (%2): %3 [SQLSTATE %4]")
                      .arg(QLatin1String(what), m_url, trimmedMessage(error.what()),
                           QString::fromStdString(error.sqlstate()));
    } catch (const std::exception &error) {
        message = PostgresStore::tr("PostgreSQL error in %1 (%2): %3")
                      .arg(QLatin1String(what), m_url, trimmedMessage(error.what()));
    }
    if (connectionLost)
        qCDebug(lcStore).noquote() << message;
    else
        qCWarning(lcStore).noquote() << message;
    throw StoreError(message, StoreError::Kind::Failure);
}

// ---- schema

int PostgresStore::schemaVersion()
{
    return guarded("schema version", [&] {
        pqxx::nontransaction tx(m_session->connection);
        if (tx.exec("SELECT to_regclass('schema_migrations') IS NULL")[0][0].as<bool>())
            return 0;
        return int(qtInt(tx.exec("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0]));
    });
}

int PostgresStore::latestSchemaVersion() const
{
    return postgresMigrations().constLast().version;
}

void PostgresStore::migrate()
{
    guarded("migrate", [&] {
        // DDL is transactional in PostgreSQL: a failed step leaves nothing half-applied.
        pqxx::work tx(m_session->connection);
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", MigrationLockKey);
        tx.exec("SET LOCAL client_min_messages = warning"); // no "already exists, skipping" notices
        tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                "description text NOT NULL, applied_at bigint NOT NULL)");
        // A statement after the lock: it sees what a node that migrated meanwhile committed.
        const int current = int(qtInt(tx.exec("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0]));
        if (current > latestSchemaVersion()) {
            throw StoreError(
                PostgresStore::tr("the database %1 has schema version %2, newer than this program knows (%3); "
                                  "upgrade Vigia to use it")
                    .arg(m_url)
                    .arg(current)
                    .arg(latestSchemaVersion()),
                StoreError::Kind::Schema);
        }
        // Every step not yet recorded (see SqliteStore::migrate).
        QSet<int> applied;
        for (const auto &row : tx.exec("SELECT version FROM schema_migrations"))
            applied.insert(row[0].as<int>());
        for (const Migration &migration : postgresMigrations()) {
            if (applied.contains(migration.version))
                continue;
            for (const QString &statement : migration.statements)
                tx.exec(statement.toStdString());
            tx.exec_params("INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, "
                           "(extract(epoch FROM clock_timestamp()) * 1000)::bigint)",
                           migration.version, std::string(migration.description));
            qCInfo(lcStore) << "applied migration" << migration.version << migration.description;
        }
        tx.commit();
    });
}

// ---- enqueue

void PostgresStore::requireQueue(pqxx::transaction_base &tx, const QString &name)
{
    const pqxx::result found = tx.exec_prepared(
        m_session->prepared("vigia_queue_exists", "SELECT 1 FROM queues WHERE name = $1"), pgText(name));
    if (found.empty())
        throw StoreError(PostgresStore::tr("unknown queue \"%1\"").arg(name), StoreError::Kind::Invalid);
}

void PostgresStore::requireQueues(pqxx::transaction_base &tx, const QVector<NewRun> &runs)
{
    QSet<QString> seen;
    PgArray names;
    for (const NewRun &run : runs) {
        if (!seen.contains(run.queue)) {
            seen.insert(run.queue);
            names.add(run.queue);
        }
    }
    if (seen.isEmpty())
        return;
    const pqxx::result unknown = tx.exec_prepared(
        m_session->prepared("vigia_unknown_queues",
                            "SELECT wanted.queue FROM unnest($1::text[]) WITH ORDINALITY AS wanted (queue, ord) "
                            "WHERE NOT EXISTS (SELECT 1 FROM queues q WHERE q.name = wanted.queue) "
                            "ORDER BY wanted.ord LIMIT 1"),
        names.str());
    if (!unknown.empty())
        throw StoreError(PostgresStore::tr("unknown queue \"%1\"").arg(qtText(unknown[0][0])),
                         StoreError::Kind::Invalid);
}

QVector<EnqueueResult> PostgresStore::enqueue(const QVector<NewRun> &runs, qint64 now)
{
    const bool keyed =
        std::any_of(runs.cbegin(), runs.cend(), [](const NewRun &run) { return !run.uniqueKey.isEmpty(); });
    if (!keyed && !runs.isEmpty() && runs.size() <= EnqueueChunk) {
        // One statement is atomic by itself: no BEGIN and COMMIT round trips around it.
        std::optional<QVector<EnqueueResult>> inserted = guarded("enqueue", [&] {
            pqxx::nontransaction tx(m_session->connection);
            if (runs.size() > 1)
                return insertUnkeyedRuns(tx, runs, 0, runs.size(), now);
            const std::optional<qint64> id = insertUnkeyedRun(tx, runs.first(), now);
            return id ? std::make_optional(QVector<EnqueueResult>{{*id, false}}) : std::nullopt;
        });
        if (inserted)
            return *inserted;
        // A queue is unknown and nothing was inserted: the transaction below names it.
    }
    return guarded("enqueue", [&] {
        pqxx::work tx(m_session->connection);
        QVector<EnqueueResult> results = insertRuns(tx, runs, now);
        tx.commit();
        return results;
    });
}

QVector<EnqueueResult> PostgresStore::enqueueUnannounced(const QVector<NewRun> &runs, qint64 now)
{
    m_announceEnqueues = false;
    const auto restore = qScopeGuard([this] { m_announceEnqueues = true; });
    return enqueue(runs, now);
}

void PostgresStore::announce(const QStringList &queues)
{
    if (queues.isEmpty())
        return;
    PgArray names;
    for (const QString &queue : queues)
        names.add(queue);
    guarded("announce", [&] {
        pqxx::nontransaction tx(m_session->connection);
        tx.exec_prepared(m_session->prepared("vigia_announce", "SELECT pg_notify('vigia_runs', q) FROM "
                                                               "(SELECT DISTINCT q FROM unnest($1::text[]) AS q) AS d"),
                         names.str());
    });
}

std::optional<QVector<EnqueueResult>> PostgresStore::insertUnkeyedRuns(pqxx::transaction_base &tx,
                                                                       const QVector<NewRun> &runs, qsizetype start,
                                                                       qsizetype end, qint64 now)
{
    // Without unique keys nothing can conflict: a plain INSERT ... SELECT from the arrays, the ids drawn in input
    // order. All or nothing: when one queue is unknown the statement inserts no row. The same statement wakes the
    // other nodes: one notification per queue it inserted into (the InitPlan in the WHERE makes it run).
    static const char *const InsertSql =
        "WITH inserted AS (INSERT INTO runs (queue, kind, payload, priority, state, max_attempts, timeout_ms, job_id, "
        "replay_of, "
        "created_at, scheduled_at) SELECT queue, kind, payload, priority, "
        "CASE WHEN scheduled_at > $9 THEN 'scheduled' ELSE 'available' END, max_attempts, timeout_ms, job_id, "
        "replay_of, $9, scheduled_at FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::integer[], "
        "$6::bigint[], $7::bigint[], $8::bigint[], $10::bigint[]) WITH ORDINALITY AS u (queue, kind, payload, "
        "priority, max_attempts, timeout_ms, job_id, replay_of, scheduled_at, ord) "
        "WHERE NOT EXISTS (SELECT 1 FROM unnest($11::text[]) AS w (name) "
        "WHERE NOT EXISTS (SELECT 1 FROM queues q WHERE q.name = w.name)) ORDER BY ord RETURNING id, "
        "queue), " VIGIA_PG_WAKE_CTE(
            "$12") " SELECT id FROM inserted WHERE (SELECT count(*) FROM woken) >= 0 ORDER BY id";
    PgArray queue, kind, payload, priority, maxAttempts, timeoutMs, jobId, replayOf, scheduledAt, queues;
    QSet<QString> seen;
    for (qsizetype i = start; i < end; ++i) {
        const NewRun &run = runs.at(i);
        queue.add(run.queue);
        kind.add(run.kind);
        payload.add(run.payload);
        priority.add(int(run.priority));
        maxAttempts.add(run.maxAttempts);
        timeoutMs.add(run.timeoutMs);
        jobId.addNullable(run.jobId);
        replayOf.addNullable(run.replayOf);
        scheduledAt.add(run.runAt > 0 ? run.runAt : now);
        if (!seen.contains(run.queue)) {
            seen.insert(run.queue);
            queues.add(run.queue);
        }
    }
    const pqxx::result rows =
        tx.exec_prepared(m_session->prepared("vigia_insert_unkeyed_runs", InsertSql), queue.str(), kind.str(),
                         payload.str(), priority.str(), maxAttempts.str(), timeoutMs.str(), jobId.str(), replayOf.str(),
                         now, scheduledAt.str(), queues.str(), m_announceEnqueues);
    if (qsizetype(rows.size()) != end - start)
        return std::nullopt;
    QVector<EnqueueResult> results;
    results.reserve(end - start);
    for (const pqxx::row &row : rows)
        results.append({qtInt(row[0]), false});
    return results;
}

std::optional<qint64> PostgresStore::insertUnkeyedRun(pqxx::transaction_base &tx, const NewRun &run, qint64 now)
{
    // The array statement above gets a custom plan at every execution (its generic plan, costed for ten rows, looks
    // dearer), and planning it took as long as running it: one-at-a-time enqueues ran at 2,000/s. With scalar
    // parameters the generic plan is as cheap as a custom one, and is kept after the first executions.
    static const char *const InsertSql =
        "WITH inserted AS (INSERT INTO runs (queue, kind, payload, priority, state, max_attempts, timeout_ms, job_id, "
        "replay_of, created_at, scheduled_at) SELECT $1, $2, $3, $4, "
        "CASE WHEN $10::bigint > $9::bigint THEN 'scheduled' ELSE 'available' END, $5, $6, $7, $8, $9, $10 "
        "WHERE EXISTS (SELECT 1 FROM queues WHERE name = $1) RETURNING id, queue) "
        "SELECT id, CASE WHEN $11 THEN pg_notify('vigia_runs', queue) END FROM inserted";
    const pqxx::result rows = tx.exec_prepared(
        m_session->prepared("vigia_insert_unkeyed_run", InsertSql), pgText(run.queue), pgText(run.kind),
        run.payload.toStdString(), int(run.priority), run.maxAttempts, static_cast<long long>(run.timeoutMs),
        pgNullable(run.jobId), pgNullable(run.replayOf), static_cast<long long>(now),
        static_cast<long long>(run.runAt > 0 ? run.runAt : now), m_announceEnqueues);
    if (rows.empty())
        return std::nullopt;
    return qtInt(rows[0][0]);
}

QVector<EnqueueResult> PostgresStore::insertRuns(pqxx::transaction_base &tx, const QVector<NewRun> &runs, qint64 now)
{
    QVector<EnqueueResult> results;
    if (runs.isEmpty())
        return results;
    requireQueues(tx, runs);
    results.reserve(runs.size());
    if (std::none_of(runs.cbegin(), runs.cend(), [](const NewRun &run) { return !run.uniqueKey.isEmpty(); })) {
        for (qsizetype start = 0; start < runs.size(); start += EnqueueChunk) {
            const std::optional<QVector<EnqueueResult>> chunk =
                insertUnkeyedRuns(tx, runs, start, std::min(runs.size(), start + EnqueueChunk), now);
            if (chunk)
                results += *chunk;
        }
        return results;
    }
    // Ids come from the sequence in input order, so a batch reads back in the order it was given. A duplicate unique
    // key (already stored, or earlier in the same batch) is skipped by ON CONFLICT and reported with the id it has.
    static const char *const InsertSql =
        "WITH input AS MATERIALIZED (SELECT nextval('runs_id_seq') AS id, u.* FROM unnest($1::text[], $2::text[], "
        "$3::text[], $4::smallint[], $5::integer[], $6::bigint[], $7::bigint[], $8::bigint[], $9::text[], "
        "$10::bigint[]) WITH ORDINALITY AS u (queue, kind, payload, priority, max_attempts, timeout_ms, job_id, "
        "replay_of, unique_key, scheduled_at, ord) ORDER BY u.ord), "
        "inserted AS (INSERT INTO runs (id, queue, kind, payload, priority, state, max_attempts, timeout_ms, job_id, "
        "replay_of, unique_key, created_at, scheduled_at) SELECT id, queue, kind, payload, priority, "
        "CASE WHEN scheduled_at > $11 THEN 'scheduled' ELSE 'available' END, max_attempts, timeout_ms, job_id, "
        "replay_of, unique_key, $11, scheduled_at FROM input ORDER BY ord "
        "ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING RETURNING id, queue), " VIGIA_PG_WAKE_CTE(
            "$12") " SELECT input.id, inserted.id IS NOT NULL FROM input LEFT JOIN inserted ON inserted.id = input.id "
                   "WHERE (SELECT count(*) FROM woken) >= 0 ORDER BY input.ord";
    const std::string &insert = m_session->prepared("vigia_insert_runs", InsertSql);
    for (qsizetype start = 0; start < runs.size(); start += EnqueueChunk) {
        const qsizetype end = std::min(runs.size(), start + EnqueueChunk);
        PgArray queue, kind, payload, priority, maxAttempts, timeoutMs, jobId, replayOf, uniqueKey, scheduledAt;
        for (qsizetype i = start; i < end; ++i) {
            const NewRun &run = runs.at(i);
            queue.add(run.queue);
            kind.add(run.kind);
            payload.add(run.payload);
            priority.add(int(run.priority));
            maxAttempts.add(run.maxAttempts);
            timeoutMs.add(run.timeoutMs);
            jobId.addNullable(run.jobId);
            replayOf.addNullable(run.replayOf);
            uniqueKey.addNullable(run.uniqueKey);
            scheduledAt.add(run.runAt > 0 ? run.runAt : now);
        }
        const pqxx::result rows = tx.exec_prepared(insert, queue.str(), kind.str(), payload.str(), priority.str(),
                                                   maxAttempts.str(), timeoutMs.str(), jobId.str(), replayOf.str(),
                                                   uniqueKey.str(), scheduledAt.str(), now, m_announceEnqueues);
        for (const pqxx::row &row : rows)
            results.append({qtInt(row[0]), !row[1].as<bool>()});
    }

    // Duplicates: the first run of the batch with that key if it was inserted, else the run stored before.
    QHash<QString, qint64> idByKey;
    QStringList unresolved;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QString &key = runs.at(i).uniqueKey;
        if (key.isEmpty())
            continue;
        if (!results.at(i).duplicate)
            idByKey.insert(key, results.at(i).id);
        else if (!idByKey.contains(key))
            unresolved << key;
    }
    if (!unresolved.isEmpty()) {
        PgArray keys;
        for (const QString &key : std::as_const(unresolved))
            keys.add(key);
        const pqxx::result existing =
            tx.exec_prepared(m_session->prepared("vigia_runs_by_key",
                                                 "SELECT unique_key, id FROM runs WHERE unique_key = ANY ($1::text[])"),
                             keys.str());
        for (const pqxx::row &row : existing)
            idByKey.insert(qtText(row[0]), qtInt(row[1]));
    }
    for (qsizetype i = 0; i < runs.size(); ++i) {
        if (results.at(i).duplicate)
            results[i].id = idByKey.value(runs.at(i).uniqueKey);
    }
    return results;
}

} // namespace vigia
