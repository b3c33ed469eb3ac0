#include "executors/sqlrule.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace vigia {

namespace {
struct OpName {
    const char *text;
    SqlRule::Op op;
};
constexpr OpName OpNames[] = {{"<", SqlRule::Op::Less},    {"<=", SqlRule::Op::LessOrEqual},
                              {">", SqlRule::Op::Greater}, {">=", SqlRule::Op::GreaterOrEqual},
                              {"==", SqlRule::Op::Equal},  {"!=", SqlRule::Op::NotEqual}};

QString opText(SqlRule::Op op)
{
    for (const OpName &name : OpNames) {
        if (name.op == op)
            return QLatin1String(name.text);
    }
    return {};
}

bool holds(double left, SqlRule::Op op, double right)
{
    switch (op) {
    case SqlRule::Op::Less:
        return left < right;
    case SqlRule::Op::LessOrEqual:
        return left <= right;
    case SqlRule::Op::Greater:
        return left > right;
    case SqlRule::Op::GreaterOrEqual:
        return left >= right;
    case SqlRule::Op::Equal:
        return left == right;
    case SqlRule::Op::NotEqual:
        break;
    }
    return left != right;
}

// A class, not a function, so that lupdate files the texts under "SqlRule", where they are looked up.
struct SqlRuleTr {
    Q_DECLARE_TR_FUNCTIONS(SqlRule)
};
} // namespace

std::optional<SqlRule> SqlRule::parse(const QJsonValue &value, QString *error)
{
    SqlRule rule;
    if (value.isUndefined() || value.isNull())
        return rule;
    if (value.isString() && value.toString() == QLatin1String("no_rows")) {
        rule.m_kind = Kind::NoRows;
        return rule;
    }
    const QJsonObject object = value.toObject();
    if (!value.isObject() || object.size() != 1) {
        *error = SqlRuleTr::tr(
            "\"rule\" must be \"no_rows\", {\"at_most\": N} or {\"threshold\": {\"op\": \"<\", \"value\": N}}");
        return std::nullopt;
    }
    if (object.contains(QLatin1String("at_most"))) {
        const QJsonValue atMost = object.value(QLatin1String("at_most"));
        if (!atMost.isDouble() || atMost.toDouble() < 0 || atMost.toDouble() != std::floor(atMost.toDouble()) ||
            atMost.toDouble() > 1e15) {
            *error = SqlRuleTr::tr("\"rule\": \"at_most\" must be a whole number of rows, 0 or more");
            return std::nullopt;
        }
        rule.m_kind = Kind::AtMost;
        rule.m_atMost = atMost.toInteger();
        return rule;
    }
    if (object.contains(QLatin1String("threshold"))) {
        const QJsonObject threshold = object.value(QLatin1String("threshold")).toObject();
        const QString op = threshold.value(QLatin1String("op")).toString();
        const QJsonValue limit = threshold.value(QLatin1String("value"));
        const auto found = std::find_if(std::begin(OpNames), std::end(OpNames),
                                        [&op](const OpName &name) { return op == QLatin1String(name.text); });
        if (threshold.size() != 2 || found == std::end(OpNames) || !limit.isDouble()) {
            *error =
                SqlRuleTr::tr("\"rule\": \"threshold\" must be {\"op\": one of < <= > >= == !=, \"value\": a number}");
            return std::nullopt;
        }
        rule.m_kind = Kind::Threshold;
        rule.m_op = found->op;
        rule.m_value = limit.toDouble();
        return rule;
    }
    *error = SqlRuleTr::tr("\"rule\": unknown rule \"%1\" (expected no_rows, at_most or threshold)")
                 .arg(object.begin().key());
    return std::nullopt;
}

QString SqlRule::check(const SqlRows &rows) const
{
    switch (m_kind) {
    case Kind::Any:
        return {};
    case Kind::NoRows:
        if (rows.count == 0)
            return {};
        return SqlRuleTr::tr("rule no_rows: the query returned %1 row(s)").arg(rows.count);
    case Kind::AtMost:
        if (rows.count <= m_atMost)
            return {};
        return SqlRuleTr::tr("rule at_most %1: the query returned %2 rows").arg(m_atMost).arg(rows.count);
    case Kind::Threshold:
        break;
    }
    const QString expected = opText(m_op) + u' ' + QString::number(m_value);
    if (rows.count == 0)
        return SqlRuleTr::tr("rule threshold %1: the query returned no rows").arg(expected);
    if (rows.firstValue.isNull())
        return SqlRuleTr::tr("rule threshold %1: the first value is NULL").arg(expected);
    bool ok = false;
    const double value = rows.firstValue.toString().trimmed().toDouble(&ok);
    if (!ok)
        return SqlRuleTr::tr("rule threshold %1: the first value \"%2\" is not a number")
            .arg(expected, rows.firstValue.toString().left(80));
    if (holds(value, m_op, m_value))
        return {};
    return SqlRuleTr::tr("rule threshold %1: the first value is %2").arg(expected, rows.firstValue.toString().left(80));
}

QString formatSqlTable(const SqlRows &rows, int budget, int limit)
{
    const int columns = std::max(1, int(rows.columns.size()));
    const int shown = std::min(int(rows.shown.size()), limit);
    const int lines = shown + 3; // header, rule, rows, footer
    const int lineWidth = std::max(40, budget / lines - 1);
    const int cellWidth = std::max(4, (lineWidth - 3 * (columns - 1)) / columns);
    auto cut = [cellWidth](QString text) -> QString {
        text.replace(u'\n', u' ').replace(u'\t', u' ');
        return text.size() > cellWidth ? text.left(cellWidth - 1) + QChar(0x2026) : text;
    };
    QVector<int> widths(columns, 0);
    QVector<QStringList> table;
    table.append(rows.columns);
    for (int r = 0; r < shown; ++r)
        table.append(rows.shown.at(r));
    for (QStringList &row : table) {
        for (int c = 0; c < row.size() && c < columns; ++c) {
            row[c] = cut(row.at(c));
            widths[c] = std::max(widths.at(c), int(row.at(c).size()));
        }
    }
    auto line = [&widths, columns](const QStringList &cells) -> QString {
        QStringList padded;
        for (int c = 0; c < columns; ++c)
            padded.append(cells.value(c).leftJustified(widths.at(c)));
        return padded.join(QLatin1String(" | ")).trimmed();
    };
    QStringList out;
    out.append(line(table.first()));
    QStringList dashes;
    for (int c = 0; c < columns; ++c)
        dashes.append(QString(widths.at(c), u'-'));
    out.append(dashes.join(QLatin1String("-+-")));
    for (int r = 1; r < table.size(); ++r)
        out.append(line(table.at(r)));
    if (rows.count > shown)
        out.append(SqlRuleTr::tr("(%1 rows in all; the first %2 shown)").arg(rows.count).arg(shown));
    return out.join(u'\n');
}

} // namespace vigia
