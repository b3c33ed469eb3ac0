#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace vigia {

// A statement prepared once on the connection Qt Sql opened, used straight through SQLite's C API. Only the
// dispatcher's hot path uses it: Qt Sql's per-bind QVariant and per-row cache cost more than the SQL itself at
// tens of thousands of runs a second. Values are bound in order with add(); errors throw StoreError.
class SqliteStatement {
public:
    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    SqliteStatement &add(qint64 value);
    SqliteStatement &add(int value) { return add(qint64(value)); }
    SqliteStatement &add(const QString &text);
    SqliteStatement &add(const QByteArray &utf8);      // as TEXT
    SqliteStatement &addNullable(const QString &text); // NULL for an empty string
    SqliteStatement &addNullable(qint64 value);        // NULL for 0
    SqliteStatement &addNull();

    // Runs to the next row: true while there is one. Throws on error.
    bool step();
    // Runs a statement that returns no rows, then resets it.
    void run();
    // Ready for the next use: resets, clears bindings.
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const;
    bool isNull(int column) const;

private:
    [[noreturn]] void fail(const char *what) const;

    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
    int m_next = 1;
};

} // namespace vigia
