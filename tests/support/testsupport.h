#pragma once

#include "store/storefactory.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace vigia::test {

// A fresh SQLite database in a temporary directory, removed with this object.
class TempDatabase {
public:
    TempDatabase();
    QString path() const { return m_path; }
    QString url() const { return QStringLiteral("sqlite:") + m_path; }
    // A new connection for the calling thread, schema migrated.
    std::unique_ptr<Store> open() const;
    StoreOpener opener() const;

private:
    QTemporaryDir m_dir;
    QString m_path;
};

// Result of running the real vigia-engine binary.
struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs vigia-engine with `args` and waits for it (at most 60 s); `input` goes to its stdin.
CliResult runEngineCli(const QStringList &args, const QByteArray &input = {});
// The same with the given environment instead of this process's, e.g. to choose the locale through LANG.
CliResult runEngineCliWithEnvironment(const QStringList &args, const QProcessEnvironment &environment,
                                      const QByteArray &input = {});
QString engineBinary();
// "runs show 7" → {"runs", "show", "7"}; the token "" stands for an empty argument. Keeps argument lists readable
// under QT_NO_CAST_FROM_ASCII; no argument can contain a space.
QStringList words(const char *line);

// Runs the binary against `db` (unless the arguments name a --db of their own).
CliResult cli(const TempDatabase &db, QStringList args);
CliResult cli(const TempDatabase &db, const char *line);
// Exit code and both outputs, for failure messages.
QString describe(const CliResult &result);
// What a CLI command printed: its stdout as a JSON array (`--json` listings), or as lines without the empty ones.
QJsonArray jsonArray(const CliResult &result);
QStringList outputLines(const QByteArray &out);

// An ISO 8601 date-time as ms since the epoch; 0 when it does not parse.
qint64 isoInstant(const QString &iso);
qint64 isoInstant(const char *iso);

// Who the CLI writes into the audit log by default: the OS user, as CliContext::actor() finds it.
QString osUser();

// `vigia-engine enqueue ARGS --db URL`: the new run's id, 0 when the command failed (its output is logged).
qint64 enqueueRun(const QString &dbUrl, const QStringList &args);
// `vigia-engine runs show ID --json --db URL`, parsed; an empty object when the command failed.
QJsonObject showRun(const QString &dbUrl, qint64 id);

// A byte-for-byte digest of a file, to show that a command left it unchanged (for a database, whose bytes may change
// when it is merely opened, compare databaseContents() instead).
QByteArray fileDigest(const QString &path);

// Every row of every table (and the schema) of a SQLite database, one line per row in a stable order, read through
// a fresh connection. This is the robust way to show that a command changed nothing: merely opening and closing a
// WAL database may checkpoint it and remove its -wal file, which changes the file bytes but no row.
QStringList databaseContents(const QString &sqlitePath);
// Runs one SQL statement on a SQLite database through a fresh connection, for states no command produces (a schema
// from the future). Returns the error text, empty on success.
QString sqliteExec(const QString &sqlitePath, const QString &statement);

// A `vigia-engine serve` child process. Its stdout and stderr go to a log file. The destructor stops a process that
// still runs by its PID with SIGKILL, and prints the log when the current test failed, so that a failing test
// neither leaves an engine behind nor hides why it failed.
class EngineServer {
public:
    // `args` follow `serve`, e.g. {"--db", url, "--quiet"}.
    explicit EngineServer(const QStringList &args);
    ~EngineServer();
    EngineServer(const EngineServer &) = delete;
    EngineServer &operator=(const EngineServer &) = delete;

    // Starts the process and waits until it reports that it serves (at most timeoutMs).
    bool start(int timeoutMs = 30000);
    qint64 pid() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // Sends a signal to the process by its PID (SIGTERM, SIGINT, SIGKILL).
    bool sendSignal(int signalNumber);
    // Waits for the process to end: its exit code, Crashed when a signal killed it, StillRunning after timeoutMs.
    static constexpr int Crashed = -1;
    static constexpr int StillRunning = -2;
    int waitForExit(int timeoutMs);
    // What the process printed so far (stdout and stderr merged).
    QByteArray log() const;

private:
    QTemporaryDir m_dir;
    QString m_logPath;
    QStringList m_args;
    QProcess m_process;
};

} // namespace vigia::test
