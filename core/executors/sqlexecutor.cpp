// Kind `sql`: a query against a named connection (or the engine's own database), with a statement timeout and a
// rule deciding failure. Payload:
//   {"connection": "NAME"} or {"database": "local"}, "query": "SELECT ...", "timeout_ms": 30000,
//   "rule": "no_rows" | {"at_most": N} | {"threshold": {"op": "<", "value": N}}   (see sqlrule.h)
// Result: {"rows_returned", "duration_ms"} (and "value", the first cell, for a threshold). A failed rule's detail is
// a table of the offending rows (the first 20). The query runs on a thread pool, never on the worker's thread; an
// abort cancels it (a PostgreSQL cancel request, SQLite's progress handler).
#include "executors/builtinexecutors.h"
#include "executors/connectiondirectory.h"
#include "executors/executorregistry.h"
#include "executors/sqlquery.h"
#include "util/callbackgate.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QThreadPool>

namespace vigia {

namespace {
constexpr int DefaultTimeoutMs = 30'000;
constexpr int MaxTimeoutMs = 24 * 3600 * 1000;
// Room for a failure's detail in the 2000 characters the store keeps of an error.
constexpr int DetailBudget = 1800;

// A class, not a function, so that lupdate files the texts under "SqlExecutor", where they are looked up.
struct SqlExecutorTr {
    Q_DECLARE_TR_FUNCTIONS(SqlExecutor)
};

struct SqlJob {
    QString connection; // empty: the engine's own database
    QString query;
    int timeoutMs = DefaultTimeoutMs;
    SqlRule rule;
};

QString parseSqlJob(const QJsonObject &payload, SqlJob *job)
{
    static const QStringList known{QStringLiteral("connection"), QStringLiteral("database"), QStringLiteral("query"),
                                   QStringLiteral("timeout_ms"), QStringLiteral("rule")};
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (!known.contains(it.key()))
            return QCoreApplication::translate("Executors", "unknown field \"%1\" (known: %2)")
                .arg(it.key(), known.join(QLatin1String(", ")));
    }
    const QJsonValue connection = payload.value(QLatin1String("connection"));
    const QJsonValue database = payload.value(QLatin1String("database"));
    if (connection.isUndefined() == database.isUndefined())
        return SqlExecutorTr::tr(
            "exactly one of \"connection\" (a declared connection's name) and \"database\": \"local\" is needed");
    if (!connection.isUndefined()) {
        if (!connection.isString() || connection.toString().isEmpty())
            return SqlExecutorTr::tr("\"connection\" must be a connection's name");
        job->connection = connection.toString();
    } else if (database.toString() != QLatin1String("local")) {
        return SqlExecutorTr::tr(
            "\"database\" must be \"local\" (the engine's own database); name other databases with "
            "\"connection\"");
    }
    const QJsonValue query = payload.value(QLatin1String("query"));
    if (!query.isString() || query.toString().trimmed().isEmpty())
        return SqlExecutorTr::tr("\"query\" must be a non-empty SQL statement");
    job->query = query.toString();
    const QJsonValue timeout = payload.value(QLatin1String("timeout_ms"));
    if (!timeout.isUndefined()) {
        if (!timeout.isDouble() || timeout.toDouble() < 1 || timeout.toDouble() > MaxTimeoutMs ||
            timeout.toDouble() != double(timeout.toInt()))
            return SqlExecutorTr::tr("\"timeout_ms\" must be a whole number of milliseconds from 1 to %1")
                .arg(MaxTimeoutMs);
        job->timeoutMs = timeout.toInt();
    }
    QString error;
    const std::optional<SqlRule> rule = SqlRule::parse(payload.value(QLatin1String("rule")), &error);
    if (!rule)
        return error;
    job->rule = *rule;
    return {};
}

class SqlExecution final : public Execution {
public:
    explicit SqlExecution(std::shared_ptr<QThreadPool> pool)
        : m_pool(std::move(pool))
        , m_cancellation(std::make_shared<SqlCancellation>())
    {}
    ~SqlExecution() override { stop(); }

    void start(ExecutionContext &context) override
    {
        m_context = &context;
        m_gate = CallbackGate::create(context.threadContext());
        const QString problem = parseSqlJob(context.payload(), &m_job);
        if (!problem.isEmpty())
            return context.fail(SqlExecutorTr::tr("invalid sql payload: %1").arg(problem));
        const ConnectionDirectory *directory = context.connections();
        if (!directory)
            return context.fail(SqlExecutorTr::tr("no databases are configured for sql runs on this node"));
        if (m_job.connection.isEmpty()) {
            const QString local = directory->localUrl();
            if (local.isEmpty())
                return context.fail(
                    SqlExecutorTr::tr("database \"local\": the engine's own database is not available here"));
            return resolveAndRun(Connection{QStringLiteral("local"), local, {}}, true);
        }
        // Reading the connection is a database query too: off the worker's thread.
        m_pool->start([gate = m_gate, directory, name = m_job.connection, this] {
            QString error;
            std::optional<Connection> found = directory->find(name, &error);
            gate->post([this, found = std::move(found), error, name] {
                if (!found) {
                    if (error.isEmpty())
                        return m_context->fail(
                            SqlExecutorTr::tr("unknown connection \"%1\"").arg(name),
                            SqlExecutorTr::tr("declare it under connections: in the jobs file and apply it"));
                    return m_context->fail(SqlExecutorTr::tr("cannot read connection \"%1\"").arg(name), error);
                }
                resolveAndRun(*found, false);
            });
        });
    }

    void abort() override { stop(); }

private:
    void stop()
    {
        if (m_gate)
            m_gate->close();
        m_cancellation->cancel();
    }

    void resolveAndRun(Connection connection, bool readOnly)
    {
        // "postgresql://user:${secret:NAME}@host/db": the value goes to libpq apart from the URL, so that a password
        // holding '@', ':' or '/' cannot break it.
        if (connection.password.isEmpty()) {
            UrlPasswordReference split = splitPasswordReference(connection.url);
            connection.url = std::move(split.url);
            connection.password = std::move(split.reference);
        }
        m_context->resolveSecrets(
            {connection.url, connection.password},
            [this, readOnly, name = connection.name](const QStringList &resolved, const QString &error) {
                if (!error.isEmpty())
                    return m_context->fail(SqlExecutorTr::tr("connection \"%1\": %2").arg(name, error));
                const SqlTarget target{resolved.at(0), resolved.at(1), readOnly};
                m_pool->start([gate = m_gate, target, job = m_job, cancellation = m_cancellation, this] {
                    SqlOutcome outcome = runSqlQuery(target, job.query, job.timeoutMs, *cancellation);
                    gate->post([this, outcome = std::move(outcome)] { finish(outcome); });
                });
            });
    }

    void finish(const SqlOutcome &outcome)
    {
        if (outcome.status != SqlOutcome::Status::Ok) {
            qCInfo(lcExec).noquote() << m_context->redacted(
                QStringLiteral("sql run %1: %2").arg(m_context->run().id).arg(outcome.error.section(u'\n', 0, 0)));
            return m_context->fail(outcome.error.section(u'\n', 0, 0), outcome.error.section(u'\n', 1));
        }
        const QString problem = m_job.rule.check(outcome.rows);
        if (!problem.isEmpty()) {
            const int limit = m_job.rule.showsAllRows() ? SqlRows::MaxShownRows : 1;
            return m_context->fail(problem, formatSqlTable(outcome.rows, DetailBudget - int(problem.size()), limit));
        }
        QJsonObject result{{QStringLiteral("rows_returned"), outcome.rows.count},
                           {QStringLiteral("duration_ms"), outcome.durationMs}};
        if (m_job.rule.kind() == SqlRule::Kind::Threshold)
            result.insert(QStringLiteral("value"), outcome.rows.firstValue.toString());
        m_context->succeed(QJsonDocument(result).toJson(QJsonDocument::Compact));
    }

    std::shared_ptr<QThreadPool> m_pool;
    std::shared_ptr<SqlCancellation> m_cancellation;
    std::shared_ptr<CallbackGate> m_gate;
    ExecutionContext *m_context = nullptr;
    SqlJob m_job;
};

class SqlExecutor final : public Executor {
public:
    SqlExecutor()
        : m_pool(std::make_shared<QThreadPool>())
    {
        // Queries wait on databases, not on the CPU: many may be in flight.
        m_pool->setMaxThreadCount(32);
        // Idle threads end at once. A thread kept for reuse still holds libpq's OpenSSL state (SCRAM uses it even
        // without TLS) when the process exits, and its teardown then races with OpenSSL's exit handler: a double free
        // or a leak under ASan in about one `serve` exit of five. A thread per query costs little next to a connect.
        m_pool->setExpiryTimeout(0);
    }
    QString kind() const override { return QStringLiteral("sql"); }
    QString validate(const QJsonObject &payload) const override
    {
        SqlJob job;
        return parseSqlJob(payload, &job);
    }
    std::unique_ptr<Execution> create() const override { return std::make_unique<SqlExecution>(m_pool); }

private:
    std::shared_ptr<QThreadPool> m_pool;
};
} // namespace

std::unique_ptr<Executor> makeSqlExecutor()
{
    return std::make_unique<SqlExecutor>();
}

} // namespace vigia
