#include "executors/sqlquery.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>

#include <pqxx/pqxx>
#include <sqlite3.h>

namespace vigia {

namespace {
constexpr int ConnectTimeoutSeconds = 10;

// A class, not a function, so that lupdate files the texts under "SqlExecutor", where they are looked up.
struct SqlExecutorTr {
    Q_DECLARE_TR_FUNCTIONS(SqlExecutor)
};

// A failure: `reason` on the first line, the driver's full message below it.
SqlOutcome failed(SqlOutcome::Status status, const QString &reason, const QString &message)
{
    SqlOutcome outcome;
    outcome.status = status;
    const QString trimmed = message.trimmed();
    outcome.error = QString(reason + u' ' + trimmed.section(u'\n', 0, 0).simplified()).trimmed();
    const QString rest = trimmed.section(u'\n', 1).trimmed();
    if (!rest.isEmpty())
        outcome.error += u'\n' + rest;
    return outcome;
}

QString displayUrl(const QString &url)
{
    if (isSqliteUrl(url))
        return url;
    return QUrl(url).toString(QUrl::RemovePassword);
}

// --- SQLite through Qt Sql ---

struct Progress {
    QDeadlineTimer deadline;
    SqlCancellation *cancellation;
    bool timedOut = false;
};

int onProgress(void *data)
{
    auto *progress = static_cast<Progress *>(data);
    if (progress->cancellation->isCancelled())
        return 1;
    if (progress->deadline.hasExpired()) {
        progress->timedOut = true;
        return 1;
    }
    return 0;
}

SqlOutcome querySqlite(const SqlTarget &target, const QString &query, int timeoutMs, SqlCancellation &cancellation)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("vigia-sql-%1").arg(++counter);
    QString path = target.url.mid(int(qstrlen("sqlite:")));
    if (path.startsWith(QLatin1String("//")))
        path = QUrl(target.url).toLocalFile();
    SqlOutcome outcome;
    {
        if (!QFileInfo::exists(path))
            return failed(SqlOutcome::Status::ConnectFailed, SqlExecutorTr::tr("cannot open %1:").arg(target.url),
                          SqlExecutorTr::tr("no such database file"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(target.readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                             : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            outcome = failed(SqlOutcome::Status::ConnectFailed, SqlExecutorTr::tr("cannot open %1:").arg(target.url),
                             db.lastError().text());
        } else {
            const QVariant handle = db.driver()->handle();
            sqlite3 *sqlite = qstrcmp(handle.typeName(), "sqlite3*") == 0
                                  ? *static_cast<sqlite3 *const *>(handle.constData())
                                  : nullptr;
            Progress progress{QDeadlineTimer(timeoutMs), &cancellation};
            if (sqlite)
                sqlite3_progress_handler(sqlite, 1000, &onProgress, &progress);
            QSqlQuery q(db);
            q.setForwardOnly(true);
            bool ok = q.exec(query);
            if (ok) {
                const QSqlRecord record = q.record();
                for (int c = 0; c < record.count(); ++c)
                    outcome.rows.columns.append(record.fieldName(c));
                while (q.next()) {
                    if (outcome.rows.count < SqlRows::MaxShownRows) {
                        QStringList cells;
                        for (int c = 0; c < record.count(); ++c)
                            cells.append(q.isNull(c) ? QStringLiteral("NULL") : q.value(c).toString());
                        outcome.rows.shown.append(cells);
                    }
                    if (outcome.rows.count == 0 && record.count() > 0 && !q.isNull(0))
                        outcome.rows.firstValue = q.value(0);
                    ++outcome.rows.count;
                }
                ok = q.lastError().type() == QSqlError::NoError;
            }
            if (!ok) {
                const QString message = q.lastError().text();
                if (progress.timedOut)
                    outcome = failed(
                        SqlOutcome::Status::TimedOut,
                        SqlExecutorTr::tr("statement timeout: the query ran longer than %1 ms").arg(timeoutMs), {});
                else if (cancellation.isCancelled())
                    outcome = failed(SqlOutcome::Status::Cancelled, SqlExecutorTr::tr("query cancelled"), {});
                else
                    outcome = failed(SqlOutcome::Status::QueryFailed, SqlExecutorTr::tr("query failed:"), message);
            }
            if (sqlite)
                sqlite3_progress_handler(sqlite, 0, nullptr, nullptr);
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

// --- PostgreSQL through libpqxx ---

std::string postgresConnectionString(const SqlTarget &target)
{
    QUrl url(target.url);
    if (!target.password.isEmpty())
        url.setPassword(target.password);
    QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("connect_timeout")))
        query.addQueryItem(QStringLiteral("connect_timeout"), QString::number(ConnectTimeoutSeconds));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded).toStdString();
}

template <typename Transaction>
pqxx::result executePostgres(pqxx::connection &connection, const std::string &query, int timeoutMs)
{
    Transaction transaction(connection);
    transaction.exec("SET LOCAL statement_timeout = " + std::to_string(timeoutMs));
    pqxx::result result = transaction.exec(query);
    transaction.commit();
    return result;
}

SqlOutcome queryPostgres(const SqlTarget &target, const QString &query, int timeoutMs, SqlCancellation &cancellation)
{
    const QUrl parsed(target.url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return failed(SqlOutcome::Status::ConnectFailed, SqlExecutorTr::tr("cannot connect:"),
                      SqlExecutorTr::tr("\"%1\" is not a valid PostgreSQL URL").arg(displayUrl(target.url)));
    std::unique_ptr<pqxx::connection> connection;
    try {
        connection = std::make_unique<pqxx::connection>(postgresConnectionString(target));
    } catch (const std::exception &e) {
        return failed(SqlOutcome::Status::ConnectFailed,
                      SqlExecutorTr::tr("cannot connect to %1:").arg(displayUrl(target.url)),
                      QString::fromUtf8(e.what()));
    }
    cancellation.attach(connection.get());
    SqlOutcome outcome;
    try {
        if (cancellation.isCancelled())
            throw pqxx::sql_error("cancelled before the query started", query.toStdString(), "57014");
        const pqxx::result result =
            target.readOnly ? executePostgres<pqxx::read_transaction>(*connection, query.toStdString(), timeoutMs)
                            : executePostgres<pqxx::work>(*connection, query.toStdString(), timeoutMs);
        for (pqxx::row::size_type c = 0; c < result.columns(); ++c)
            outcome.rows.columns.append(QString::fromUtf8(result.column_name(c)));
        outcome.rows.count = qint64(result.size());
        for (pqxx::result::size_type r = 0; r < result.size() && r < SqlRows::MaxShownRows; ++r) {
            QStringList cells;
            for (const pqxx::field &field : result[r])
                cells.append(field.is_null() ? QStringLiteral("NULL") : QString::fromUtf8(field.c_str()));
            outcome.rows.shown.append(cells);
        }
        if (!result.empty() && result.columns() > 0 && !result[0][0].is_null())
            outcome.rows.firstValue = QString::fromUtf8(result[0][0].c_str());
    } catch (const pqxx::sql_error &e) {
        if (cancellation.isCancelled())
            outcome = failed(SqlOutcome::Status::Cancelled, SqlExecutorTr::tr("query cancelled"), {});
        else if (e.sqlstate() == "57014")
            outcome =
                failed(SqlOutcome::Status::TimedOut,
                       SqlExecutorTr::tr("statement timeout: the query ran longer than %1 ms").arg(timeoutMs), {});
        else
            outcome = failed(SqlOutcome::Status::QueryFailed, SqlExecutorTr::tr("query failed:"),
                             QString::fromUtf8(e.what()));
    } catch (const std::exception &e) {
        outcome =
            failed(SqlOutcome::Status::QueryFailed, SqlExecutorTr::tr("query failed:"), QString::fromUtf8(e.what()));
    }
    cancellation.detach();
    return outcome;
}
} // namespace

void SqlCancellation::cancel()
{
    m_cancelled = true;
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_connection) {
        try {
            m_connection->cancel_query();
        } catch (const std::exception &) {
            // Best effort: the statement timeout still bounds the query.
        }
    }
}

void SqlCancellation::attach(pqxx::connection_base *connection)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_connection = connection;
}

void SqlCancellation::detach()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_connection = nullptr;
}

bool isSqliteUrl(const QString &url)
{
    return url.startsWith(QLatin1String("sqlite:"));
}

bool isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"));
}

SqlOutcome runSqlQuery(const SqlTarget &target, const QString &query, int timeoutMs, SqlCancellation &cancellation)
{
    QElapsedTimer elapsed;
    elapsed.start();
    SqlOutcome outcome;
    if (isSqliteUrl(target.url))
        outcome = querySqlite(target, query, timeoutMs, cancellation);
    else if (isPostgresUrl(target.url))
        outcome = queryPostgres(target, query, timeoutMs, cancellation);
    else
        outcome = failed(SqlOutcome::Status::ConnectFailed, SqlExecutorTr::tr("cannot connect:"),
                         SqlExecutorTr::tr("unknown database URL (expected sqlite:PATH or postgresql://...)"));
    outcome.durationMs = elapsed.elapsed();
    return outcome;
}

} // namespace vigia
