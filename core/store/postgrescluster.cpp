// PostgresStore: nodes and the leader lease. The lease is one row taken or renewed by a guarded UPDATE: under READ
// COMMITTED two nodes racing for an expired lease queue on the row lock, and the second re-checks the condition
// against the first one's result, so exactly one wins.
#include "store/postgresstore.h"

#include "store/postgressession.h"

namespace vigia {

void PostgresStore::registerNode(const NodeInfo &node)
{
    guarded("register node", [&] {
        pqxx::nontransaction tx(m_session->connection);
        tx.exec_params("INSERT INTO nodes (id, host, pid, version, started_at, heartbeat_at, state) VALUES "
                       "($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET host = excluded.host, "
                       "pid = excluded.pid, version = excluded.version, started_at = excluded.started_at, "
                       "heartbeat_at = excluded.heartbeat_at, state = excluded.state",
                       pgText(node.id), pgText(node.host), node.pid, pgText(node.version), node.startedAt,
                       node.heartbeatAt, pgText(node.state));
    });
}

void PostgresStore::heartbeatNode(const QString &id, const QString &state, qint64 now)
{
    guarded("node heartbeat", [&] {
        pqxx::nontransaction tx(m_session->connection);
        tx.exec_prepared(
            m_session->prepared("vigia_node_heartbeat", "UPDATE nodes SET heartbeat_at = $1, state = $2 WHERE id = $3"),
            now, pgText(state), pgText(id));
    });
}

QVector<NodeInfo> PostgresStore::nodes()
{
    return guarded("nodes", [&] {
        pqxx::nontransaction tx(m_session->connection);
        QVector<NodeInfo> nodes;
        for (const pqxx::row &row :
             tx.exec("SELECT id, host, pid, version, started_at, heartbeat_at, state FROM nodes ORDER BY id")) {
            NodeInfo node;
            node.id = qtText(row[0]);
            node.host = qtText(row[1]);
            node.pid = qtInt(row[2]);
            node.version = qtText(row[3]);
            node.startedAt = qtInt(row[4]);
            node.heartbeatAt = qtInt(row[5]);
            node.state = qtText(row[6]);
            nodes.append(node);
        }
        return nodes;
    });
}

bool PostgresStore::acquireLeadership(const QString &node, qint64 now, qint64 expiresAt)
{
    return guarded("leader lease", [&] {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_prepared(
            m_session->prepared("vigia_acquire_leadership",
                                "UPDATE leader_lease SET since = CASE WHEN holder = $1 THEN since ELSE $2 END, "
                                "holder = $1, expires_at = $3 WHERE name = 'leader' AND "
                                "(holder IS NULL OR holder = $1 OR expires_at < $2) RETURNING holder"),
            pgText(node), now, expiresAt);
        return rows.size() == 1;
    });
}

void PostgresStore::releaseLeadership(const QString &node)
{
    guarded("release leader lease", [&] {
        pqxx::nontransaction tx(m_session->connection);
        tx.exec_params("UPDATE leader_lease SET holder = NULL, expires_at = 0 WHERE name = 'leader' AND holder = $1",
                       pgText(node));
    });
}

LeaderLease PostgresStore::leaderLease()
{
    return guarded("leader lease", [&] {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec("SELECT holder, expires_at, since FROM leader_lease WHERE name = 'leader'");
        LeaderLease lease;
        if (!rows.empty()) {
            lease.holder = qtText(rows[0][0]);
            lease.expiresAt = qtInt(rows[0][1]);
            lease.since = qtInt(rows[0][2]);
        }
        return lease;
    });
}

} // namespace vigia
