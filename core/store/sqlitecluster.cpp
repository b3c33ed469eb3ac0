// SqliteStore: nodes and the leader lease. Several processes may share one SQLite file; they elect a leader through
// the same row as on PostgreSQL, serialised by SQLite's write lock.
#include "store/sqlitestore.h"

#include "store/sqlitetransaction.h"

#include <QVariant>

namespace vigia {

namespace {
// Qt Sql binds a null QString as NULL; the columns are NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
} // namespace

void SqliteStore::registerNode(const NodeInfo &node)
{
    exec(
        QStringLiteral("INSERT INTO nodes (id, host, pid, version, started_at, heartbeat_at, state) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET host = excluded.host, pid = excluded.pid, "
                       "version = excluded.version, started_at = excluded.started_at, "
                       "heartbeat_at = excluded.heartbeat_at, state = excluded.state"),
        {notNull(node.id), notNull(node.host), node.pid, notNull(node.version), node.startedAt, node.heartbeatAt,
         notNull(node.state)});
}

void SqliteStore::heartbeatNode(const QString &id, const QString &state, qint64 now)
{
    exec(QStringLiteral("UPDATE nodes SET heartbeat_at = ?, state = ? WHERE id = ?"), {now, state, id});
}

QVector<NodeInfo> SqliteStore::nodes()
{
    QSqlQuery query =
        exec(QStringLiteral("SELECT id, host, pid, version, started_at, heartbeat_at, state FROM nodes ORDER BY id"));
    QVector<NodeInfo> nodes;
    while (query.next()) {
        NodeInfo node;
        node.id = query.value(0).toString();
        node.host = query.value(1).toString();
        node.pid = query.value(2).toLongLong();
        node.version = query.value(3).toString();
        node.startedAt = query.value(4).toLongLong();
        node.heartbeatAt = query.value(5).toLongLong();
        node.state = query.value(6).toString();
        nodes.append(node);
    }
    return nodes;
}

bool SqliteStore::acquireLeadership(const QString &node, qint64 now, qint64 expiresAt)
{
    QSqlQuery query = exec(
        QStringLiteral("UPDATE leader_lease SET since = CASE WHEN holder = ? THEN since ELSE ? END, holder = ?, "
                       "expires_at = ? WHERE name = 'leader' AND (holder IS NULL OR holder = ? OR expires_at < ?)"),
        {node, now, node, expiresAt, node, now});
    return query.numRowsAffected() == 1;
}

void SqliteStore::releaseLeadership(const QString &node)
{
    exec(QStringLiteral("UPDATE leader_lease SET holder = NULL, expires_at = 0 WHERE name = 'leader' AND holder = ?"),
         {node});
}

LeaderLease SqliteStore::leaderLease()
{
    QSqlQuery query = exec(QStringLiteral("SELECT holder, expires_at, since FROM leader_lease WHERE name = 'leader'"));
    LeaderLease lease;
    if (query.next()) {
        lease.holder = query.value(0).toString();
        lease.expiresAt = query.value(1).toLongLong();
        lease.since = query.value(2).toLongLong();
    }
    return lease;
}

} // namespace vigia
