#include "store/sqlitestatement.h"

#include "store/sqlitestore.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace vigia {

namespace {} // namespace

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql)
    : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_statement,
                           nullptr) != SQLITE_OK) {
        fail("prepare");
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::fail(const char *what) const
{
    throw StoreError(
        SqliteStore::tr("SQLite error in %1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(m_db))));
}

SqliteStatement &SqliteStatement::add(qint64 value)
{
    sqlite3_bind_int64(m_statement, m_next++, value);
    return *this;
}

SqliteStatement &SqliteStatement::add(const QString &text)
{
    // UTF-16 straight from QString's storage; SQLite copies it.
    sqlite3_bind_text16(m_statement, m_next++, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::add(const QByteArray &utf8)
{
    sqlite3_bind_text(m_statement, m_next++, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::addNullable(const QString &text)
{
    return text.isEmpty() ? addNull() : add(text);
}

SqliteStatement &SqliteStatement::addNullable(qint64 value)
{
    return value == 0 ? addNull() : add(value);
}

SqliteStatement &SqliteStatement::addNull()
{
    sqlite3_bind_null(m_statement, m_next++);
    return *this;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    reset();
    throw StoreError(SqliteStore::tr("SQLite error: %1").arg(message));
}

void SqliteStatement::run()
{
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_next = 1;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    if (!data)
        return {};
    return QString::fromUtf16(data, sqlite3_column_bytes16(m_statement, column) / 2);
}

QByteArray SqliteStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!data)
        return {};
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace vigia
