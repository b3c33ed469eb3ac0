// PostgresStore: wake-ups. enqueue() notifies WakeChannel with each queue it inserted into, in the same statement
// (PostgreSQL delivers the notification at commit and folds duplicates within a transaction); a listener keeps one
// connection that LISTENs, watches its socket and reads what arrived without blocking.
#include "store/postgresstore.h"

#include "store/postgressession.h"

namespace vigia {

bool PostgresStore::listenForWakes()
{
    guarded("listen for wake-ups", [&] {
        if (!m_wakes)
            m_wakes = std::make_unique<PostgresWakeReceiver>(m_session->connection, WakeChannel);
        // libpqxx sends LISTEN when the receiver registers but swallows a broken connection there: check it.
        pqxx::nontransaction tx(m_session->connection);
        tx.exec("SELECT 1");
    });
    return true;
}

int PostgresStore::wakeSocket() const
{
    return m_wakes ? m_session->connection.sock() : -1;
}

QStringList PostgresStore::takeWakes()
{
    if (!m_wakes)
        return {};
    return guarded("wake-ups", [&] {
        // get_notifs() reports nothing (rather than failing) on a connection that is already closed.
        if (!m_session->connection.is_open())
            throw pqxx::broken_connection("the connection is closed");
        m_session->connection.get_notifs();
        QStringList queues;
        queues.swap(m_wakes->received);
        return queues;
    });
}

} // namespace vigia
