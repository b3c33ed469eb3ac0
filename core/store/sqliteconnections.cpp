// SqliteStore: the named connections of `sql` jobs, declared by jobs as code (see sqliteapply.cpp).
#include "store/sqlitestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
// A null QString binds as NULL; the column holds '' for "no password".
QString passwordRef(const Connection &connection)
{
    return connection.password.isNull() ? QStringLiteral("") : connection.password;
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

QVector<Connection> SqliteStore::connections()
{
    QSqlQuery query = exec(QStringLiteral("SELECT name, url, password_ref FROM connections ORDER BY name"));
    QVector<Connection> result;
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return result;
}

std::optional<Connection> SqliteStore::connection(const QString &name)
{
    QSqlQuery query = exec(QStringLiteral("SELECT name, url, password_ref FROM connections WHERE name = ?"), {name});
    if (!query.next())
        return std::nullopt;
    return Connection{query.value(0).toString(), query.value(1).toString(), query.value(2).toString()};
}

void SqliteStore::writeConnections(const NamedPlan<Connection> &plan, const DeclarationPlan &all, const Actor &actor,
                                   qint64 now)
{
    // The audit rows name the changed fields, not their values: a URL is harmless (it holds no password, the plan
    // checked that) but the log has no need of it.
    for (const Connection &connection : plan.create) {
        exec(QStringLiteral("INSERT INTO connections (name, url, password_ref, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?)"),
             {connection.name, connection.url, passwordRef(connection), now, now});
        audit(actor, now, QStringLiteral("connection.create"), u"connection:" + connection.name,
              compactJson({{QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const Connection &connection : plan.update) {
        exec(QStringLiteral("UPDATE connections SET url = ?, password_ref = ?, updated_at = ? WHERE name = ?"),
             {connection.url, passwordRef(connection), now, connection.name});
        const QString target = u"connection:" + connection.name;
        audit(actor, now, QStringLiteral("connection.update"), target,
              compactJson({{QStringLiteral("fields"), QJsonArray::fromStringList(all.updatedFields(target))},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const Connection &connection : plan.remove) {
        exec(QStringLiteral("DELETE FROM connections WHERE name = ?"), {connection.name});
        audit(actor, now, QStringLiteral("connection.delete"), u"connection:" + connection.name,
              compactJson({{QStringLiteral("via"), QStringLiteral("apply")}}));
    }
}

} // namespace vigia
