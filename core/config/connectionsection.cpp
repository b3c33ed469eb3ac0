#include "config/connectionsection.h"

#include <QCoreApplication>
#include <QHash>

namespace vigia::config {

namespace {
struct ConfigTr {
    Q_DECLARE_TR_FUNCTIONS(Config)
};
} // namespace

void parseConnections(ConfigReader &reader, const Entry &entry, QVector<Connection> &connections)
{
    if (!entry.value.IsSequence()) {
        reader.error(entry, ConfigTr::tr("expected a list of connections, got %1").arg(describe(entry.value)));
        return;
    }
    QHash<QString, int> lines; // where each name was first declared
    for (std::size_t i = 0; i < entry.value.size(); ++i) {
        const YAML::Node node = entry.value[i];
        const QString path = indexPath(entry.path, int(i));
        const std::optional<Fields> fields = reader.mapping(
            node, node.Mark(), path, {QStringLiteral("name"), QStringLiteral("url"), QStringLiteral("password")});
        if (!fields)
            continue;
        Connection connection;
        if (!fields->contains(QStringLiteral("name"))) {
            reader.error(node.Mark(), childPath(path, QStringLiteral("name")),
                         ConfigTr::tr("missing: every connection needs a unique name"));
        } else {
            const Entry &nameEntry = fields->value(QStringLiteral("name"));
            if (const std::optional<QString> name = reader.name(nameEntry)) {
                connection.name = *name;
                if (lines.contains(*name)) {
                    reader.error(nameEntry, ConfigTr::tr("duplicate connection %1 (first declared on line %2)")
                                                .arg(quoted(*name))
                                                .arg(lines.value(*name)));
                } else {
                    lines.insert(*name, markOf(nameEntry).line + 1);
                }
            }
        }
        bool complete = true;
        if (!fields->contains(QStringLiteral("url"))) {
            reader.error(node.Mark(), childPath(path, QStringLiteral("url")),
                         ConfigTr::tr("missing: the database's URL (sqlite:PATH or postgresql://user@host/db)"));
            complete = false;
        } else if (const std::optional<QString> url = reader.string(fields->value(QStringLiteral("url")))) {
            connection.url = url->trimmed();
        } else {
            complete = false;
        }
        if (fields->contains(QStringLiteral("password"))) {
            if (const std::optional<QString> password = reader.string(fields->value(QStringLiteral("password"))))
                connection.password = password->trimmed();
            else
                complete = false;
        }
        if (complete) {
            // The same rules every store's apply enforces, located here at the offending value.
            for (const ConnectionProblem &problem : connectionProblems(connection))
                reader.error(fields->value(problem.field), problem.message);
        }
        connections.append(connection);
    }
}

void writeConnections(YAML::Emitter &out, const QVector<Connection> &connections)
{
    if (connections.isEmpty())
        return;
    out << YAML::Key << "connections" << YAML::Value << YAML::BeginSeq;
    for (const Connection &connection : connections) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << connection.name.toStdString();
        out << YAML::Key << "url" << YAML::Value << connection.url.toStdString();
        if (!connection.password.isEmpty())
            out << YAML::Key << "password" << YAML::Value << YAML::DoubleQuoted << connection.password.toStdString();
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

} // namespace vigia::config
