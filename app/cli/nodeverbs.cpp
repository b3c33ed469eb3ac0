// Verbs about the cluster's engine nodes: nodes list.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"

#include <QCoreApplication>

namespace vigia::cli {

static int nodesList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("nodes list"),
                      QCoreApplication::translate("Cli", "List the engine nodes that registered in this database, "
                                                         "their last heartbeat, and which one leads the cluster."),
                      VerbParser::WithJson);
    if (!parser.parse(context, args, 0, 0))
        return Success;
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<NodeInfo> nodes = store->nodes();
    const LeaderLease lease = store->leaderLease();
    const qint64 now = context.clock().nowMs();
    auto leads = [&](const NodeInfo &node) { return node.id == lease.holder && lease.expiresAt >= now; };
    if (parser.json()) {
        QJsonArray array;
        for (const NodeInfo &node : nodes) {
            array.append(
                QJsonObject{{QStringLiteral("id"), node.id},
                            {QStringLiteral("host"), node.host},
                            {QStringLiteral("pid"), node.pid},
                            {QStringLiteral("version"), node.version},
                            {QStringLiteral("state"), node.state},
                            {QStringLiteral("started_at"), formatInstant(node.startedAt)},
                            {QStringLiteral("heartbeat_at"), formatInstant(node.heartbeatAt)},
                            {QStringLiteral("leader"), leads(node)},
                            {QStringLiteral("leader_since"), leads(node) ? formatInstant(lease.since) : QString()}});
        }
        printJson(context.out(), array);
        return Success;
    }
    QList<QStringList> rows;
    for (const NodeInfo &node : nodes) {
        rows.append({node.id, node.host, QString::number(node.pid), node.version, node.state,
                     formatInstant(node.heartbeatAt),
                     leads(node) ? QCoreApplication::translate("Cli", "leader") : QString()});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "NODE"), QCoreApplication::translate("Cli", "HOST"),
                QCoreApplication::translate("Cli", "PID"), QCoreApplication::translate("Cli", "VERSION"),
                QCoreApplication::translate("Cli", "STATE"), QCoreApplication::translate("Cli", "HEARTBEAT"),
                QCoreApplication::translate("Cli", "ROLE")},
               rows);
    return Success;
}

int nodesVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("nodes"), args, {{"list", nodesList}},
                      QCoreApplication::translate("Cli", "Usage: vigia-engine nodes list [--json]\n"));
}

} // namespace vigia::cli
