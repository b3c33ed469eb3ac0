// Kind `process`: runs a program directly, without a shell. Payload:
//   {"program": "/usr/bin/env", "args": ["..."], "env": {"NAME": "value"} (added to the engine's environment),
//    "cwd": "/dir", "grace_ms": 5000, "accept_exit_codes": [0]}
// Result: {"exit_code", "duration_ms", "stdout", "stdout_truncated", "stderr", "stderr_truncated"}, each stream's
// last 8 KiB as text. The program runs in its own process group: when the attempt is aborted (timeout, cancel,
// shutdown) the group gets SIGTERM, then SIGKILL after grace_ms, so neither the program nor what it started outlives
// the run.
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace vigia {

namespace {
constexpr qsizetype TailBytes = 8 * 1024;
// Of the stderr tail, this much goes into a failure's detail (the store keeps 2000 characters of an error).
constexpr qsizetype DetailBytes = 1500;
constexpr qint64 DefaultGraceMs = 5000;
constexpr qint64 MaxGraceMs = 10 * 60 * 1000;
// Bound on the blocking wait for a SIGKILLed child when its worker goes away; SIGKILL cannot be caught, so this is
// only reached for a process stuck in the kernel.
constexpr int KillWaitMs = 5000;

struct ProcessJob {
    QString program;
    QStringList args;
    QList<std::pair<QString, QString>> env;
    QString cwd;
    qint64 graceMs = DefaultGraceMs;
    QList<int> acceptExitCodes{0};
};

QString parseProcessJob(const QJsonObject &payload, ProcessJob *job)
{
    static const QStringList known{QStringLiteral("program"),  QStringLiteral("args"),
                                   QStringLiteral("env"),      QStringLiteral("cwd"),
                                   QStringLiteral("grace_ms"), QStringLiteral("accept_exit_codes")};
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (!known.contains(it.key()))
            return QCoreApplication::translate("Executors", "unknown field \"%1\" (known: %2)")
                .arg(it.key(), known.join(QLatin1String(", ")));
    }
    const QJsonValue program = payload.value(QLatin1String("program"));
    if (program.isUndefined())
        return QCoreApplication::translate("Executors", "\"program\" is missing");
    if (!program.isString() || program.toString().isEmpty())
        return QCoreApplication::translate(
            "Executors", "\"program\" must be a non-empty string (a path or a name found in PATH; no shell is used)");
    job->program = program.toString();

    const QJsonValue args = payload.value(QLatin1String("args"));
    if (!args.isUndefined()) {
        if (!args.isArray())
            return QCoreApplication::translate("Executors", "\"args\" must be a list of strings");
        const QJsonArray list = args.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString())
                return QCoreApplication::translate("Executors", "\"args\"[%1] must be a string").arg(i);
            job->args << list.at(i).toString();
        }
    }

    const QJsonValue env = payload.value(QLatin1String("env"));
    if (!env.isUndefined()) {
        if (!env.isObject())
            return QCoreApplication::translate("Executors",
                                               "\"env\" must be an object of variable names to string values");
        const QJsonObject variables = env.toObject();
        for (auto it = variables.begin(); it != variables.end(); ++it) {
            if (it.key().isEmpty() || it.key().contains(u'=') || it.key().contains(QChar(0)))
                return QCoreApplication::translate("Executors", "\"env\": \"%1\" is not a valid variable name")
                    .arg(it.key());
            if (!it.value().isString())
                return QCoreApplication::translate("Executors", "\"env\": the value of \"%1\" must be a string")
                    .arg(it.key());
            job->env.append({it.key(), it.value().toString()});
        }
    }

    const QJsonValue cwd = payload.value(QLatin1String("cwd"));
    if (!cwd.isUndefined()) {
        if (!cwd.isString() || cwd.toString().isEmpty())
            return QCoreApplication::translate("Executors", "\"cwd\" must be a non-empty string");
        job->cwd = cwd.toString();
    }

    const QJsonValue grace = payload.value(QLatin1String("grace_ms"));
    if (!grace.isUndefined()) {
        if (!grace.isDouble() || grace.toDouble() < 0 || grace.toDouble() > double(MaxGraceMs) ||
            grace.toDouble() != double(grace.toInteger()))
            return QCoreApplication::translate("Executors",
                                               "\"grace_ms\" must be a whole number of milliseconds between 0 and %1")
                .arg(MaxGraceMs);
        job->graceMs = grace.toInteger();
    }

    const QJsonValue accept = payload.value(QLatin1String("accept_exit_codes"));
    if (!accept.isUndefined()) {
        if (!accept.isArray() || accept.toArray().isEmpty())
            return QCoreApplication::translate("Executors",
                                               "\"accept_exit_codes\" must be a non-empty list of exit codes (0-255)");
        job->acceptExitCodes.clear();
        const QJsonArray codes = accept.toArray();
        for (qsizetype i = 0; i < codes.size(); ++i) {
            const QJsonValue code = codes.at(i);
            if (!code.isDouble() || code.toDouble() < 0 || code.toDouble() > 255 ||
                code.toDouble() != double(code.toInt()))
                return QCoreApplication::translate("Executors",
                                                   "\"accept_exit_codes\"[%1] must be a whole number between 0 and 255")
                    .arg(i);
            job->acceptExitCodes << code.toInt();
        }
    }
    return {};
}

// The last bytes of a stream: what a failing program said last is what explains the failure.
struct Tail {
    QByteArray bytes;
    qint64 total = 0;

    void append(const QByteArray &chunk)
    {
        total += chunk.size();
        bytes.append(chunk);
        if (bytes.size() > TailBytes)
            bytes.remove(0, bytes.size() - TailBytes);
    }
    // At most `max` bytes from the end as text, never starting inside a character.
    QString text(qsizetype max = TailBytes) const
    {
        qsizetype start = std::max<qsizetype>(0, bytes.size() - max);
        while (start < bytes.size() && start > 0 && (static_cast<unsigned char>(bytes.at(start)) & 0xC0) == 0x80)
            ++start;
        return QString::fromUtf8(bytes.constData() + start, bytes.size() - start);
    }
};

// Owns a QProcess whose program leads its own process group, and makes sure the group does not outlive it: parented
// to the worker, it outlives an aborted execution until the program has gone, and kills the group if the worker
// itself goes away first.
class ChildProcess final : public QObject {
public:
    explicit ChildProcess(QObject *parent)
        : QObject(parent)
        , m_process(new QProcess(this))
    {
        // In the child between fork and exec, so only async-signal-safe calls.
        m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
        connect(m_process, &QProcess::started, this, [this] { m_pid = pid_t(m_process->processId()); });
    }
    ~ChildProcess() override
    {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->disconnect(this);
            m_pid = pid_t(m_process->processId());
            signalGroup(SIGKILL);
            if (!m_process->waitForFinished(KillWaitMs))
                qCWarning(lcExec) << "process" << m_pid << "did not end after SIGKILL";
        }
    }

    QProcess *process() const { return m_process; }

    // Asks the group to stop (SIGTERM), kills it after graceMs, and deletes itself once the program has been reaped.
    void terminate(qint64 graceMs)
    {
        if (m_process->state() == QProcess::NotRunning) {
            deleteLater();
            return;
        }
        m_pid = pid_t(m_process->processId());
        // Keep the pipes drained so that a program writing while it shuts down does not block on a full pipe.
        connect(m_process, &QProcess::readyReadStandardOutput, this, [this] { m_process->readAllStandardOutput(); });
        connect(m_process, &QProcess::readyReadStandardError, this, [this] { m_process->readAllStandardError(); });
        connect(m_process, &QProcess::finished, this, [this] {
            // The program is gone; what it started and what ignored SIGTERM goes with it.
            if (m_pid > 0)
                ::kill(-m_pid, SIGKILL);
            deleteLater();
        });
        signalGroup(SIGTERM);
        QTimer::singleShot(std::chrono::milliseconds(graceMs), Qt::PreciseTimer, this, [this] {
            if (m_process->state() != QProcess::NotRunning) {
                qCInfo(lcExec) << "process" << m_pid << "still running"
                               << "after SIGTERM; sending SIGKILL";
                signalGroup(SIGKILL);
            }
        });
    }

private:
    void signalGroup(int signal)
    {
        if (m_pid <= 0)
            return;
        // Before the child has called setpgid() there is no group yet: signal the program itself.
        if (::kill(-m_pid, signal) != 0)
            ::kill(m_pid, signal);
    }

    QProcess *m_process;
    pid_t m_pid = 0;
};

class ProcessExecution final : public Execution {
public:
    ~ProcessExecution() override
    {
        m_receiver.reset();
        if (m_child)
            m_child->terminate(m_job.graceMs); // deletes itself; immediately when the program has ended
    }

    void start(ExecutionContext &context) override
    {
        const QString problem = parseProcessJob(context.payload(), &m_job);
        if (!problem.isEmpty()) {
            context.fail(QCoreApplication::translate("Executors", "invalid payload: %1").arg(problem));
            return;
        }
        m_context = &context;
        m_receiver = std::make_unique<QObject>();
        m_child = new ChildProcess(context.threadContext());
        QProcess *process = m_child->process();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const auto &variable : std::as_const(m_job.env))
            environment.insert(variable.first, variable.second);
        process->setProcessEnvironment(environment);
        if (!m_job.cwd.isEmpty())
            process->setWorkingDirectory(m_job.cwd);
        process->setStandardInputFile(QProcess::nullDevice());

        QObject *receiver = m_receiver.get();
        QObject::connect(process, &QProcess::readyReadStandardOutput, receiver,
                         [this, process] { m_stdout.append(process->readAllStandardOutput()); });
        QObject::connect(process, &QProcess::readyReadStandardError, receiver,
                         [this, process] { m_stderr.append(process->readAllStandardError()); });
        QObject::connect(process, &QProcess::errorOccurred, receiver, [this, process](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                end(QCoreApplication::translate("Executors", "could not start %1: %2")
                        .arg(m_job.program, process->errorString()),
                    {});
        });
        QObject::connect(process, &QProcess::finished, receiver,
                         [this, process](int exitCode, QProcess::ExitStatus status) {
                             m_stdout.append(process->readAllStandardOutput());
                             m_stderr.append(process->readAllStandardError());
                             finished(exitCode, status);
                         });
        m_elapsed.start();
        process->start(m_job.program, m_job.args);
    }

    void abort() override
    {
        m_receiver.reset(); // no more calls to the context
        if (m_child)
            m_child->terminate(m_job.graceMs);
        m_child = nullptr;
    }

private:
    void finished(int exitCode, QProcess::ExitStatus status)
    {
        QJsonObject record{
            {QStringLiteral("exit_code"), status == QProcess::NormalExit ? QJsonValue(exitCode) : QJsonValue()},
            {QStringLiteral("duration_ms"), m_elapsed.elapsed()},
            {QStringLiteral("stdout"), m_stdout.text()},
            {QStringLiteral("stdout_truncated"), m_stdout.total > TailBytes},
            {QStringLiteral("stderr"), m_stderr.text()},
            {QStringLiteral("stderr_truncated"), m_stderr.total > TailBytes},
        };
        if (status == QProcess::CrashExit) {
            // For a program killed by a signal, Qt reports the signal number as the exit code.
            end(QCoreApplication::translate("Executors", "%1 was killed by signal %2").arg(m_job.program).arg(exitCode),
                m_stderr.text(DetailBytes));
        } else if (!m_job.acceptExitCodes.contains(exitCode)) {
            end(QCoreApplication::translate("Executors", "exit code %1").arg(exitCode), m_stderr.text(DetailBytes));
        } else {
            detach();
            m_context->succeed(QJsonDocument(record).toJson(QJsonDocument::Compact));
        }
    }

    void end(const QString &reason, const QString &detail)
    {
        detach();
        m_context->fail(reason, detail);
    }

    // Cuts our connections to the process (from inside one of its signals, so without deleting their context).
    void detach() { m_child->process()->disconnect(m_receiver.get()); }

    ExecutionContext *m_context = nullptr;
    ProcessJob m_job;
    std::unique_ptr<QObject> m_receiver; // context of the connections to the process: deleting it cuts them all
    QPointer<ChildProcess> m_child;      // parented to the worker, not to us: it may outlive an aborted execution
    QElapsedTimer m_elapsed;
    Tail m_stdout;
    Tail m_stderr;
};

class ProcessExecutor final : public Executor {
public:
    QString kind() const override { return QStringLiteral("process"); }
    QString validate(const QJsonObject &payload) const override
    {
        ProcessJob job;
        return parseProcessJob(payload, &job);
    }
    std::unique_ptr<Execution> create() const override { return std::make_unique<ProcessExecution>(); }
};
} // namespace

std::unique_ptr<Executor> makeProcessExecutor()
{
    return std::make_unique<ProcessExecutor>();
}

} // namespace vigia
