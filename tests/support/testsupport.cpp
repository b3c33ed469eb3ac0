#include "testsupport.h"

#include "engine/engine.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <atomic>
#include <csignal>

namespace vigia::test {

TempDatabase::TempDatabase()
    : m_path(m_dir.filePath(QStringLiteral("vigia.db")))
{
    // Create the schema up front so that every test starts from a current, empty database.
    open();
}

std::unique_ptr<Store> TempDatabase::open() const
{
    QString error;
    std::unique_ptr<Store> store = openStore(*StoreUrl::parse(url(), &error));
    ensureSchema(*store);
    return store;
}

StoreOpener TempDatabase::opener() const
{
    const QString path = m_path;
    return [path] {
        QString error;
        return openStore(*StoreUrl::parse(QStringLiteral("sqlite:") + path, &error));
    };
}

QString engineBinary()
{
    return QStringLiteral(VIGIA_ENGINE_BINARY);
}

namespace {
CliResult runEngineProcess(const QStringList &args, const QProcessEnvironment *environment, const QByteArray &input)
{
    QProcess process;
    if (environment)
        process.setProcessEnvironment(*environment);
    process.start(engineBinary(), args);
    CliResult result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
} // namespace

CliResult runEngineCli(const QStringList &args, const QByteArray &input)
{
    return runEngineProcess(args, nullptr, input);
}

CliResult runEngineCliWithEnvironment(const QStringList &args, const QProcessEnvironment &environment,
                                      const QByteArray &input)
{
    return runEngineProcess(args, &environment, input);
}

QStringList words(const char *line)
{
    QStringList result = QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
    for (QString &word : result) {
        if (word == QLatin1String("\"\""))
            word.clear();
    }
    return result;
}

qint64 enqueueRun(const QString &dbUrl, const QStringList &args)
{
    const CliResult result =
        runEngineCli(QStringList{QStringLiteral("enqueue")} + args + QStringList{QStringLiteral("--db"), dbUrl});
    if (result.exitCode != 0) {
        qWarning().noquote() << "enqueue" << args.join(u' ') << "failed with exit code" << result.exitCode << ":"
                             << QString::fromUtf8(result.err);
        return 0;
    }
    return result.out.trimmed().toLongLong();
}

QJsonObject showRun(const QString &dbUrl, qint64 id)
{
    const CliResult result = runEngineCli({QStringLiteral("runs"), QStringLiteral("show"), QString::number(id),
                                           QStringLiteral("--json"), QStringLiteral("--db"), dbUrl});
    if (result.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(result.out).object();
}

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

namespace {
QString nextTestConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("vigia-test-%1").arg(counter.fetch_add(1));
}

QString describeValue(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.metaType().id() == QMetaType::QString)
        return u'\'' + value.toString() + u'\'';
    return value.toString();
}

// Runs `body` with a fresh connection to `sqlitePath` and removes the connection afterwards (which Qt allows only
// once no QSqlDatabase or QSqlQuery refers to it any more).
template <typename Body> QString withConnection(const QString &sqlitePath, Body body)
{
    const QString name = nextTestConnectionName();
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open())
            error = body(db);
        else
            error = db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}
} // namespace

QStringList databaseContents(const QString &sqlitePath)
{
    QStringList lines;
    const QString error = withConnection(sqlitePath, [&lines](QSqlDatabase &db) -> QString {
        // One read transaction: every table from the same snapshot.
        db.transaction();
        QSqlQuery master(db);
        if (!master.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")))
            return master.lastError().text();
        QStringList tables;
        while (master.next()) {
            lines << QStringLiteral("sqlite_master: ") + master.value(0).toString() + u' ' +
                         master.value(1).toString() + u' ' + master.value(2).toString().simplified();
            if (master.value(0).toString() == QLatin1String("table"))
                tables << master.value(1).toString();
        }
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery rows(db);
            if (!rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(table)))
                return rows.lastError().text();
            while (rows.next()) {
                QStringList values;
                for (int i = 0; i < rows.record().count(); ++i)
                    values << describeValue(rows.value(i));
                lines << table + QStringLiteral(": ") + values.join(QLatin1String(" | "));
            }
        }
        db.commit();
        return {};
    });
    if (!error.isEmpty())
        lines << QStringLiteral("error reading %1: %2").arg(sqlitePath, error);
    return lines;
}

QString sqliteExec(const QString &sqlitePath, const QString &statement)
{
    return withConnection(sqlitePath, [&statement](QSqlDatabase &db) -> QString {
        QSqlQuery query(db);
        return query.exec(statement) ? QString() : query.lastError().text();
    });
}

EngineServer::EngineServer(const QStringList &args)
    : m_logPath(m_dir.filePath(QStringLiteral("serve.log")))
    , m_args(QStringList{QStringLiteral("serve")} + args)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setStandardOutputFile(m_logPath);
}

EngineServer::~EngineServer()
{
    if (isRunning()) {
        sendSignal(SIGKILL);
        m_process.waitForFinished(10000);
    }
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "vigia-engine" << m_args.join(u' ') << "printed:\n" << QString::fromUtf8(log());
    }
}

bool EngineServer::start(int timeoutMs)
{
    m_process.start(engineBinary(), m_args);
    if (!m_process.waitForStarted(10000))
        return false;
    // The engine prints "... serving URL as node ID" once its threads run and the signal handlers are installed.
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (log().contains("serving"))
            return true;
        if (m_process.waitForFinished(20))
            return false; // it gave up, e.g. on a bad option
    }
    return false;
}

bool EngineServer::sendSignal(int signalNumber)
{
    const qint64 id = pid();
    return id > 0 && ::kill(static_cast<pid_t>(id), signalNumber) == 0;
}

int EngineServer::waitForExit(int timeoutMs)
{
    if (isRunning() && !m_process.waitForFinished(timeoutMs))
        return StillRunning;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : Crashed;
}

QByteArray EngineServer::log() const
{
    QFile file(m_logPath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

CliResult cli(const TempDatabase &db, QStringList args)
{
    if (!args.contains(QLatin1String("--db")))
        args << QStringLiteral("--db") << db.url();
    return runEngineCli(args);
}

CliResult cli(const TempDatabase &db, const char *line)
{
    return cli(db, words(line));
}

QString describe(const CliResult &result)
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3")
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.out.trimmed()), QString::fromUtf8(result.err.trimmed()));
}

QJsonArray jsonArray(const CliResult &result)
{
    return QJsonDocument::fromJson(result.out).array();
}

QStringList outputLines(const QByteArray &out)
{
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

qint64 isoInstant(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

qint64 isoInstant(const char *iso)
{
    return isoInstant(QString::fromLatin1(iso));
}

QString osUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME", QStringLiteral("unknown"));
    return user;
}

} // namespace vigia::test
