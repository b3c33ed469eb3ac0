#pragma once

#include "model/connection.h"

#include <QHash>

#include <functional>
#include <optional>

namespace vigia {

// Where `sql` executions find the databases they query: the connections declared by name, and the engine's own
// database (`database: local`). Thread-safe; find() may block, so executions call it off their worker's thread.
class ConnectionDirectory {
public:
    virtual ~ConnectionDirectory() = default;
    // The engine's own database URL (may hold ${secret:NAME} references); empty when there is none.
    virtual QString localUrl() const = 0;
    // The connection declared as `name`; nullopt when there is none or it could not be read (*error says which:
    // empty for "not declared").
    virtual std::optional<Connection> find(const QString &name, QString *error) const = 0;
};

// A fixed set of connections, for tests and embedders.
class StaticConnectionDirectory final : public ConnectionDirectory {
public:
    explicit StaticConnectionDirectory(QString localUrl = {}, const QList<Connection> &connections = {})
        : m_localUrl(std::move(localUrl))
    {
        for (const Connection &connection : connections)
            m_connections.insert(connection.name, connection);
    }
    QString localUrl() const override { return m_localUrl; }
    std::optional<Connection> find(const QString &name, QString *) const override
    {
        auto it = m_connections.constFind(name);
        return it == m_connections.constEnd() ? std::nullopt : std::optional<Connection>(*it);
    }

private:
    QString m_localUrl;
    QHash<QString, Connection> m_connections;
};

} // namespace vigia
