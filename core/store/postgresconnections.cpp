// PostgresStore: the named connections of `sql` jobs, declared by jobs as code (see postgresapply.cpp).
#include "store/postgressession.h"
#include "store/postgresstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

QVector<Connection> PostgresStore::selectConnections(pqxx::transaction_base &tx, const char *where,
                                                     const std::optional<std::string> &name)
{
    const std::string sql = std::string("SELECT name, url, password_ref FROM connections ") + where;
    const pqxx::result rows = name ? tx.exec_params(sql, *name) : tx.exec(sql);
    QVector<Connection> result;
    for (const pqxx::row &row : rows)
        result.append({qtText(row[0]), qtText(row[1]), qtText(row[2])});
    return result;
}

QVector<Connection> PostgresStore::connections()
{
    return guarded("list connections", [&] {
        pqxx::nontransaction tx(m_session->connection);
        return selectConnections(tx, "ORDER BY name", std::nullopt);
    });
}

std::optional<Connection> PostgresStore::connection(const QString &name)
{
    return guarded("look up connection", [&]() -> std::optional<Connection> {
        pqxx::nontransaction tx(m_session->connection);
        const QVector<Connection> found = selectConnections(tx, "WHERE name = $1", pgText(name));
        return found.isEmpty() ? std::nullopt : std::optional<Connection>(found.first());
    });
}

void PostgresStore::writeConnections(pqxx::transaction_base &tx, const NamedPlan<Connection> &plan,
                                     const DeclarationPlan &all, const Actor &actor, qint64 now)
{
    // As on SQLite: the audit rows name the changed fields, not their values.
    for (const Connection &connection : plan.create) {
        tx.exec_params("INSERT INTO connections (name, url, password_ref, created_at, updated_at) "
                       "VALUES ($1, $2, $3, $4, $4)",
                       pgText(connection.name), pgText(connection.url), pgText(connection.password), now);
        audit(tx, actor, now, QStringLiteral("connection.create"), u"connection:" + connection.name,
              compactJson({{QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const Connection &connection : plan.update) {
        tx.exec_params("UPDATE connections SET url = $1, password_ref = $2, updated_at = $3 WHERE name = $4",
                       pgText(connection.url), pgText(connection.password), now, pgText(connection.name));
        const QString target = u"connection:" + connection.name;
        audit(tx, actor, now, QStringLiteral("connection.update"), target,
              compactJson({{QStringLiteral("fields"), QJsonArray::fromStringList(all.updatedFields(target))},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const Connection &connection : plan.remove) {
        tx.exec_params("DELETE FROM connections WHERE name = $1", pgText(connection.name));
        audit(tx, actor, now, QStringLiteral("connection.delete"), u"connection:" + connection.name,
              compactJson({{QStringLiteral("via"), QStringLiteral("apply")}}));
    }
}

} // namespace vigia
