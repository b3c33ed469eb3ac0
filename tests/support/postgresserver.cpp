#include "postgresserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QVersionNumber>

#include <pqxx/pqxx>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace vigia::test {

namespace {
constexpr int StartTimeoutMs = 30'000;
constexpr int StopTimeoutMs = 10'000;

// Who the server runs as: PostgreSQL refuses to run as root, so under root it runs as `postgres`.
struct Identity {
    bool drop = false;
    uid_t uid = 0;
    gid_t gid = 0;
};

std::optional<Identity> serverIdentity(QString *error)
{
    Identity identity;
    if (::geteuid() != 0)
        return identity;
    const passwd *user = ::getpwnam("postgres");
    if (!user) {
        *error = QStringLiteral("running as root, and there is no `postgres` user to run the server as");
        return std::nullopt;
    }
    identity.drop = true;
    identity.uid = user->pw_uid;
    identity.gid = user->pw_gid;
    return identity;
}

// fork + exec with stdout and stderr appended to `logPath`, as `identity`, in `workDir`. Everything the child needs is
// prepared before fork(): between fork and exec it only makes system calls. With `dieWithParent` the child gets
// SIGTERM when this process dies (PR_SET_PDEATHSIG survives exec, but not a change of user, hence set after it).
pid_t spawn(const QString &program, const QStringList &args, const QString &logPath, const QString &workDir,
            const Identity &identity, bool dieWithParent)
{
    const QByteArray path = QFile::encodeName(program);
    std::vector<QByteArray> argBytes{path};
    for (const QString &arg : args)
        argBytes.push_back(arg.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &arg : argBytes)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    const QByteArray log = QFile::encodeName(logPath);
    const QByteArray cwd = QFile::encodeName(workDir);
    const pid_t parent = ::getpid();

    const pid_t pid = ::fork();
    if (pid != 0)
        return pid; // the parent, or -1
    const int out = ::open(log.constData(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int in = ::open("/dev/null", O_RDONLY);
    if (out < 0 || in < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(out, 2) < 0)
        ::_exit(126);
    if (identity.drop) {
        if (::setgroups(1, &identity.gid) != 0 || ::setgid(identity.gid) != 0 || ::setuid(identity.uid) != 0)
            ::_exit(126);
    }
    if (dieWithParent && (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || ::getppid() != parent))
        ::_exit(126);
    if (::chdir(cwd.constData()) != 0)
        ::_exit(126);
    ::execv(path.constData(), argv.data());
    ::_exit(127);
}

// The exit status of a finished child, or -1 when it was killed by a signal or could not be waited for.
int waitForExit(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool hasExited(pid_t pid)
{
    int status = 0;
    return ::waitpid(pid, &status, WNOHANG) == pid;
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QLatin1String("\"\""));
    return u'"' + quoted + u'"';
}
} // namespace

PostgresServer::PostgresServer(Durability durability)
    : m_durability(durability)
    , m_dataDir(m_dir.filePath(QStringLiteral("data")))
    , m_logPath(m_dir.filePath(QStringLiteral("server.log")))
{}

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::binDir()
{
    const QString fromEnv = qEnvironmentVariable("VIGIA_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // Debian and Ubuntu keep the server outside $PATH, one directory per major version.
    QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QString best;
    QVersionNumber bestVersion;
    for (const QString &entry : lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString bin = lib.filePath(entry + QStringLiteral("/bin"));
        const QVersionNumber version = QVersionNumber::fromString(entry);
        if (QFile::exists(bin + QStringLiteral("/postgres")) && QFile::exists(bin + QStringLiteral("/initdb")) &&
            (best.isEmpty() || version > bestVersion)) {
            best = bin;
            bestVersion = version;
        }
    }
    if (!best.isEmpty())
        return best;
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
}

bool PostgresServer::start(QString *error)
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    // The port was free a moment ago; another process may take it before the server binds it, so try again.
    for (int attempt = 0; attempt < 5; ++attempt) {
        bool portTaken = false;
        if (startOnce(error, &portTaken))
            return true;
        if (!portTaken)
            return false;
    }
    return false;
}

bool PostgresServer::startOnce(QString *error, bool *portTaken, int port)
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        *error = QStringLiteral("PostgreSQL's server (initdb, postgres) is not installed; set VIGIA_PG_BINDIR");
        return false;
    }
    const std::optional<Identity> identity = serverIdentity(error);
    if (!identity)
        return false;
    const QString root = m_dir.path();
    if (identity->drop && ::chown(QFile::encodeName(root).constData(), identity->uid, identity->gid) != 0) {
        *error = QStringLiteral("cannot hand %1 to the postgres user: %2")
                     .arg(root, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }

    if (!QFile::exists(m_dataDir + QStringLiteral("/PG_VERSION"))) {
        const QString initLog = m_dir.filePath(QStringLiteral("initdb.log"));
        const pid_t initdb = spawn(bin + QStringLiteral("/initdb"),
                                   {QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), QStringLiteral("postgres"),
                                    QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"),
                                    QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
                                   initLog, root, *identity, true);
        if (initdb <= 0 || waitForExit(initdb) != 0) {
            *error = QStringLiteral("initdb failed:\n") + QString::fromLocal8Bit(readFile(initLog));
            return false;
        }
        // Trust, but only over loopback TCP and the server's own socket directory.
        QFile hba(m_dataDir + QStringLiteral("/pg_hba.conf"));
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            hba.write("local all all trust\nhost all all 127.0.0.1/32 trust\n") < 0) {
            *error = QStringLiteral("cannot write %1").arg(hba.fileName());
            return false;
        }
    }

    m_port = port > 0 ? port : freeLoopbackPort();
    if (m_port == 0) {
        *error = QStringLiteral("no free port on 127.0.0.1");
        return false;
    }
    QFile::remove(m_logPath);
    QStringList args{QStringLiteral("-D"), m_dataDir,
                     QStringLiteral("-k"), root,
                     QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("-p"), QString::number(m_port)};
    if (m_durability == Durability::Fast) {
        for (const char *setting : {"fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=60",
                                    "shared_buffers=32MB"})
            args << QStringLiteral("-c") << QLatin1String(setting);
    }
    m_pid = spawn(bin + QStringLiteral("/postgres"), args, m_logPath, root, *identity, true);
    if (m_pid <= 0) {
        m_pid = 0;
        *error = QStringLiteral("cannot start %1/postgres").arg(bin);
        return false;
    }

    // Ready when it accepts a connection; the child's early exit (a taken port, a bad setting) ends the wait.
    const QDeadlineTimer deadline(StartTimeoutMs);
    QString lastError;
    while (!deadline.hasExpired()) {
        if (hasExited(m_pid)) {
            m_pid = 0;
            const QByteArray serverLog = log();
            *portTaken = serverLog.contains("could not bind") || serverLog.contains("Address already in use");
            *error =
                QStringLiteral("the PostgreSQL server exited while starting:\n") + QString::fromLocal8Bit(serverLog);
            return false;
        }
        try {
            pqxx::connection probe(url(QStringLiteral("postgres")).toStdString());
            return true;
        } catch (const std::exception &e) {
            lastError = QString::fromUtf8(e.what()).trimmed();
        }
        QThread::msleep(50);
    }
    stop();
    *error = QStringLiteral("the PostgreSQL server did not accept connections within %1 s (%2):\n")
                 .arg(StartTimeoutMs / 1000)
                 .arg(lastError) +
             QString::fromLocal8Bit(log());
    return false;
}

void PostgresServer::stop()
{
    if (m_pid <= 0)
        return;
    // SIGTERM is PostgreSQL's smart shutdown: it waits for sessions still open, hence the bound.
    ::kill(m_pid, SIGTERM);
    const QDeadlineTimer deadline(StopTimeoutMs);
    bool exited = hasExited(m_pid);
    while (!exited && !deadline.hasExpired()) {
        QThread::msleep(20);
        exited = hasExited(m_pid);
    }
    if (!exited) {
        qWarning("PostgreSQL server %d did not stop within %d s; killing it", int(m_pid), StopTimeoutMs / 1000);
        ::kill(m_pid, SIGKILL);
        waitForExit(m_pid);
    }
    m_pid = 0;
}

void PostgresServer::stopNow()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGINT); // fast shutdown
    const QDeadlineTimer deadline(StopTimeoutMs);
    bool exited = hasExited(m_pid);
    while (!exited && !deadline.hasExpired()) {
        QThread::msleep(20);
        exited = hasExited(m_pid);
    }
    if (!exited) {
        ::kill(m_pid, SIGKILL);
        waitForExit(m_pid);
    }
    m_pid = 0;
}

bool PostgresServer::restart(QString *error)
{
    if (m_port == 0) {
        *error = QStringLiteral("the server never started");
        return false;
    }
    stopNow();
    const int port = m_port;
    // The port is this server's: clients come back to it. Another process could take it meanwhile; then this fails.
    for (int attempt = 0; attempt < 50; ++attempt) {
        bool portTaken = false;
        if (startOnce(error, &portTaken, port))
            return true;
        if (!portTaken)
            return false;
        QThread::msleep(100); // the old server's socket may linger for a moment
    }
    return false;
}

QString PostgresServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

QString PostgresServer::exec(const QString &database, const QString &sql) const
{
    try {
        pqxx::connection connection(url(database).toStdString());
        pqxx::nontransaction tx(connection);
        tx.exec(sql.toStdString());
        return {};
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what()).trimmed();
    }
}

bool PostgresServer::addPasswordRole(const QString &role, const QString &password, QString *error)
{
    QString quotedPassword = password;
    quotedPassword.replace(u'\'', QLatin1String("''"));
    QString failure =
        exec(QStringLiteral("postgres"),
             QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(quoteIdentifier(role), quotedPassword));
    if (failure.isEmpty())
        failure =
            exec(QStringLiteral("postgres"), QStringLiteral("GRANT pg_read_all_data TO %1").arg(quoteIdentifier(role)));
    if (!failure.isEmpty()) {
        *error = failure;
        return false;
    }
    // The first matching line wins: this role's goes before the trust lines.
    QFile hba(m_dataDir + QStringLiteral("/pg_hba.conf"));
    if (!hba.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(hba.fileName());
        return false;
    }
    const QByteArray rules =
        "host all " + quoteIdentifier(role).toUtf8() + " 127.0.0.1/32 scram-sha-256\n" + hba.readAll();
    hba.close();
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(rules) != rules.size()) {
        *error = QStringLiteral("cannot write %1").arg(hba.fileName());
        return false;
    }
    hba.close();
    failure = exec(QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()"));
    if (!failure.isEmpty()) {
        *error = failure;
        return false;
    }
    // The reload is asynchronous: wait until a connection without the password is refused.
    const QString noPassword = QStringLiteral("postgresql://%1@127.0.0.1:%2/postgres").arg(role).arg(m_port);
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        try {
            pqxx::connection probe(noPassword.toStdString());
        } catch (const std::exception &) {
            return true;
        }
        QThread::msleep(20);
    }
    *error = QStringLiteral("the server did not start asking %1 for a password").arg(role);
    return false;
}

QString PostgresServer::createDatabase(QString *error)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("vigia_test_%1").arg(counter.fetch_add(1));
    const QString failure =
        exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 "
                                                        "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
                                             .arg(quoteIdentifier(name)));
    if (!failure.isEmpty()) {
        if (error)
            *error = QStringLiteral("cannot create database %1: %2").arg(name, failure);
        return {};
    }
    return name;
}

void PostgresServer::dropDatabase(const QString &name)
{
    const QString failure = exec(QStringLiteral("postgres"),
                                 QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdentifier(name)));
    if (!failure.isEmpty())
        qWarning().noquote() << "cannot drop database" << name << ":" << failure;
}

QByteArray PostgresServer::log() const
{
    return readFile(m_logPath);
}

namespace {
std::mutex sharedMutex;
std::unique_ptr<PostgresServer> sharedServer;
QString sharedFailure;
bool sharedTried = false;

void stopSharedServer()
{
    const std::lock_guard<std::mutex> lock(sharedMutex);
    sharedServer.reset();
}
} // namespace

PostgresServer *PostgresServer::shared(QString *error)
{
    const std::lock_guard<std::mutex> lock(sharedMutex);
    if (!sharedTried) {
        sharedTried = true;
        auto server = std::make_unique<PostgresServer>();
        if (server->start(&sharedFailure)) {
            sharedServer = std::move(server);
            // Stop it while Qt is still whole; a static destructor would run after the application object is gone.
            if (QCoreApplication::instance())
                qAddPostRoutine(stopSharedServer);
        }
    }
    if (!sharedServer && error)
        *error = sharedFailure;
    return sharedServer.get();
}

} // namespace vigia::test
