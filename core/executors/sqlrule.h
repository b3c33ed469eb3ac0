#pragma once

#include <QJsonValue>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <optional>

namespace vigia {

// What an `sql` query returned, as far as a rule and a failure message need it.
struct SqlRows {
    static constexpr int MaxShownRows = 20; // kept for a failure's detail; the rest are only counted
    QStringList columns;
    QVector<QStringList> shown; // the first MaxShownRows rows, each cell as text (NULL for null)
    qint64 count = 0;           // every row returned
    QVariant firstValue;        // first column of the first row; null when there is none or it is NULL
};

// Decides whether an `sql` run failed, from the payload's "rule":
//   absent          any result passes
//   "no_rows"       fails when the query returns a row
//   {"at_most": N}  fails when it returns more than N rows
//   {"threshold": {"op": "<" | "<=" | ">" | ">=" | "==" | "!=", "value": NUMBER}}
//                   passes while the first column of the first row OP value holds (a number; no row or NULL fails)
class SqlRule {
public:
    enum class Kind {
        Any,
        NoRows,
        AtMost,
        Threshold
    };
    enum class Op {
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Equal,
        NotEqual
    };

    // nullopt with *error naming what is wrong.
    static std::optional<SqlRule> parse(const QJsonValue &rule, QString *error);
    // Empty when the rows pass; otherwise the one-line reason they fail.
    QString check(const SqlRows &rows) const;
    // The offending rows in a failure's detail: all for no_rows and at_most, only the first for threshold.
    bool showsAllRows() const { return m_kind != Kind::Threshold; }

    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Any;
    qint64 m_atMost = 0;
    Op m_op = Op::Less;
    double m_value = 0;
};

// The rows as a plain-text table that fits in about `budget` characters: a header, a rule line, up to
// SqlRows::MaxShownRows rows (or `limit`), cells cut to fit, and a line saying how many rows there were in all.
QString formatSqlTable(const SqlRows &rows, int budget, int limit = SqlRows::MaxShownRows);

} // namespace vigia
