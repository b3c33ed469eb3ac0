#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <sys/types.h>

namespace vigia::test {

// A throwaway PostgreSQL server for tests (and vigia-bench --pg-temp): initdb into a temporary directory, trust
// authentication on 127.0.0.1 only, a free loopback port; fsync off unless durable. Run as root (as in containers), the
// server runs as the `postgres` user, which PostgreSQL requires. The destructor stops the server by its PID (SIGTERM,
// then SIGKILL after a bound) and removes the directory; the server also gets SIGTERM when the test process dies, so
// that a crashed test leaves none behind.
class PostgresServer {
public:
    enum class Durability {
        Fast,    // fsync, synchronous_commit and full_page_writes off, small shared buffers: tests
        Defaults // PostgreSQL's own settings (fsync and synchronous_commit on): benchmarks
    };

    explicit PostgresServer(Durability durability = Durability::Fast);
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Creates the cluster, starts the server and waits until it accepts connections. On failure returns false and
    // puts what went wrong, with the server's log, in *error.
    bool start(QString *error);
    void stop();
    // Stops the server at once (fast shutdown: open sessions are cut off, as when a database goes down under its
    // clients), keeping its data and port for restart().
    void stopNow();
    // stopNow() if it runs, then starts it again on the same port and data; false with *error when it does not
    // come back.
    bool restart(QString *error);
    bool isRunning() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    int port() const { return m_port; }

    // A new, empty database (from template0) with a unique name; empty on failure, with *error saying why.
    QString createDatabase(QString *error = nullptr);
    void dropDatabase(const QString &name);
    // postgresql://postgres@127.0.0.1:PORT/NAME: trust authentication, so no password.
    QString url(const QString &database) const;
    // Runs one SQL statement in `database` as the superuser, outside a transaction; returns the error text, empty
    // on success.
    QString exec(const QString &database, const QString &sql) const;
    QByteArray log() const;
    // A login role that must give `password` over TCP (scram-sha-256) while every other role keeps trust, so that a
    // test can tell a password that reached the server from one that did not. Waits until the server applies the
    // rule; false with *error otherwise.
    bool addPasswordRole(const QString &role, const QString &password, QString *error);

    // The server shared by all tests of this executable, started on first use and stopped when the application
    // object goes away; nullptr when it cannot start (*error says why, with the log). Call it first from the main
    // thread: the server is told to stop when the thread that started it ends.
    static PostgresServer *shared(QString *error = nullptr);
    // The directory holding initdb and postgres ($VIGIA_PG_BINDIR, else the newest /usr/lib/postgresql/*/bin, else
    // $PATH); empty when PostgreSQL's server is not installed.
    static QString binDir();

private:
    bool startOnce(QString *error, bool *portTaken, int port = 0);

    Durability m_durability;
    QTemporaryDir m_dir;
    QString m_dataDir;
    QString m_logPath;
    pid_t m_pid = 0;
    int m_port = 0;
};

} // namespace vigia::test
