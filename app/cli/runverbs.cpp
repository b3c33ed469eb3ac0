// Verbs about runs: enqueue, runs list, runs show, runs cancel.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"
#include "engine/enqueue.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace vigia::cli {

namespace {
QStringList runRow(const Run &run)
{
    QString error = run.error.simplified();
    if (error.size() > 60)
        error = error.left(57) + QStringLiteral("...");
    return {QString::number(run.id),
            run.queue,
            run.kind,
            runStateName(run.state),
            priorityName(run.priority),
            QStringLiteral("%1/%2").arg(run.attempt).arg(run.maxAttempts),
            formatInstant(run.scheduledAt),
            error};
}

QStringList runHeaders()
{
    return {QCoreApplication::translate("Cli", "ID"),
            QCoreApplication::translate("Cli", "QUEUE"),
            QCoreApplication::translate("Cli", "KIND"),
            QCoreApplication::translate("Cli", "STATE"),
            QCoreApplication::translate("Cli", "PRIORITY"),
            QCoreApplication::translate("Cli", "ATTEMPT"),
            QCoreApplication::translate("Cli", "SCHEDULED", "runs table: when the run is due"),
            QCoreApplication::translate("Cli", "ERROR")};
}
} // namespace

void printRuns(CliContext &context, const QVector<Run> &runs, bool json)
{
    if (json) {
        QJsonArray array;
        for (const Run &run : runs)
            array.append(runToJson(run));
        printJson(context.out(), array);
        return;
    }
    QList<QStringList> rows;
    for (const Run &run : runs)
        rows.append(runRow(run));
    printTable(context.out(), runHeaders(), rows);
}

int enqueueVerb(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("enqueue"),
                      QCoreApplication::translate("Cli", "Add a run to a queue and print its id."));
    parser.addOption({QStringLiteral("queue"), QCoreApplication::translate("Cli", "Queue name (default: default)."),
                      QStringLiteral("name"), QStringLiteral("default")});
    parser.addOption({QStringLiteral("kind"), QCoreApplication::translate("Cli", "Job kind, e.g. noop, sleep, fail."),
                      QStringLiteral("kind")});
    parser.addOption({QStringLiteral("payload"),
                      QCoreApplication::translate("Cli", "JSON object for the kind (default: {})."),
                      QStringLiteral("json"), QStringLiteral("{}")});
    parser.addOption({QStringLiteral("priority"),
                      QCoreApplication::translate("Cli", "critical, high, normal (default) or low."),
                      QStringLiteral("priority"), QStringLiteral("normal")});
    parser.addOption({QStringLiteral("run-at"),
                      QCoreApplication::translate("Cli", "Do not start before this ISO 8601 instant."),
                      QStringLiteral("iso8601")});
    parser.addOption({QStringLiteral("unique-key"),
                      QCoreApplication::translate("Cli", "Refuse a second run with this key (it is reported)."),
                      QStringLiteral("key")});
    parser.addOption({QStringLiteral("max-attempts"),
                      QCoreApplication::translate("Cli", "Attempts before the run goes dead (default 4)."),
                      QStringLiteral("n"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("timeout"),
                      QCoreApplication::translate("Cli", "Seconds an attempt may run (default: the engine's)."),
                      QStringLiteral("seconds")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    if (!parser.isSet(QStringLiteral("kind")))
        throw UsageError{QCoreApplication::translate("Cli", "enqueue: --kind is required (known kinds: %1)")
                             .arg(context.registry().kinds().join(QLatin1String(", ")))};
    NewRun run;
    run.queue = parser.value(QStringLiteral("queue"));
    run.kind = parser.value(QStringLiteral("kind"));
    run.payload = parser.value(QStringLiteral("payload")).toUtf8();
    const std::optional<Priority> priority = priorityFromName(parser.value(QStringLiteral("priority")));
    if (!priority) {
        throw UsageError{
            QCoreApplication::translate("Cli", "--priority: \"%1\" is not one of critical, high, normal, low")
                .arg(parser.value(QStringLiteral("priority")))};
    }
    run.priority = *priority;
    if (parser.isSet(QStringLiteral("run-at")))
        run.runAt = parseInstant(parser.value(QStringLiteral("run-at")), QStringLiteral("--run-at"));
    run.uniqueKey = parser.value(QStringLiteral("unique-key"));
    run.maxAttempts = parseInt(parser.value(QStringLiteral("max-attempts")), QStringLiteral("--max-attempts"), 1, 1000);
    if (parser.isSet(QStringLiteral("timeout"))) {
        run.timeoutMs =
            qint64(parseInt(parser.value(QStringLiteral("timeout")), QStringLiteral("--timeout"), 1, 7 * 24 * 3600)) *
            1000;
    }
    // Everything that can be checked without the database is checked before it is opened.
    const QString problem = validateNewRun(run, context.registry());
    if (!problem.isEmpty())
        throw UsageError{QStringLiteral("enqueue: ") + problem};

    std::unique_ptr<Store> store = parser.openStore();
    const EnqueueResult result = enqueueRuns(*store, context.registry(), {run}, context.clock().nowMs()).constFirst();
    if (result.duplicate) {
        context.err() << QCoreApplication::translate("Cli", "a run with unique key \"%1\" exists already: %2")
                             .arg(run.uniqueKey)
                             .arg(result.id)
                      << '\n';
    }
    context.out() << result.id << '\n';
    return Success;
}

static int runsList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("runs list"), QCoreApplication::translate("Cli", "List runs, newest first."),
                      VerbParser::WithJson);
    parser.addOption({QStringLiteral("state"),
                      QCoreApplication::translate(
                          "Cli", "Only runs in this state: scheduled, available, running, succeeded, retryable, dead, "
                                 "cancelled."),
                      QStringLiteral("state")});
    parser.addOption({QStringLiteral("queue"), QCoreApplication::translate("Cli", "Only runs of this queue."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("limit"), QCoreApplication::translate("Cli", "At most this many (default 50)."),
                      QStringLiteral("n"), QStringLiteral("50")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    RunFilter filter;
    if (parser.isSet(QStringLiteral("state"))) {
        filter.state = runStateFromName(parser.value(QStringLiteral("state")));
        if (!filter.state)
            throw UsageError{QCoreApplication::translate("Cli", "--state: unknown state \"%1\"")
                                 .arg(parser.value(QStringLiteral("state")))};
    }
    filter.queue = parser.value(QStringLiteral("queue"));
    filter.limit = parseInt(parser.value(QStringLiteral("limit")), QStringLiteral("--limit"), 1, 100000);
    std::unique_ptr<Store> store = parser.openStore();
    if (!filter.queue.isEmpty() && !store->queue(filter.queue))
        throw UsageError{QCoreApplication::translate("Cli", "--queue: unknown queue \"%1\"").arg(filter.queue)};
    printRuns(context, store->runs(filter), parser.json());
    return Success;
}

static int runsShow(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("runs show"),
                      QCoreApplication::translate("Cli", "Show one run with all its attempts."), VerbParser::WithJson);
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The run's id."));
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("runs show"));
    std::unique_ptr<Store> store = parser.openStore();
    const std::optional<Run> run = store->run(id);
    if (!run)
        throw UsageError{QCoreApplication::translate("Cli", "runs show: no run with id %1").arg(id)};
    const QVector<Attempt> attempts = store->attempts(id);
    QJsonObject object = runToJson(*run);
    QJsonArray attemptArray;
    for (const Attempt &attempt : attempts)
        attemptArray.append(attemptToJson(attempt));
    object.insert(QStringLiteral("attempts"), attemptArray);
    if (parser.json()) {
        printJson(context.out(), object);
        return Success;
    }
    QList<QStringList> rows;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() == QLatin1String("attempts"))
            continue;
        QString value;
        if (it.value().isObject())
            value = QString::fromUtf8(QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Compact));
        else if (it.value().isArray())
            value = QString::fromUtf8(QJsonDocument(it.value().toArray()).toJson(QJsonDocument::Compact));
        else if (!it.value().isNull())
            value = it.value().toVariant().toString();
        rows.append({it.key(), value});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "FIELD"), QCoreApplication::translate("Cli", "VALUE")}, rows);
    context.out() << '\n';
    QList<QStringList> attemptRows;
    for (const Attempt &attempt : attempts) {
        attemptRows.append({QString::number(attempt.attempt), attempt.node, formatInstant(attempt.startedAt),
                            QString::number(attempt.finishedAt - attempt.startedAt), attempt.outcome,
                            attempt.error.simplified()});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "ATTEMPT"), QCoreApplication::translate("Cli", "NODE"),
                QCoreApplication::translate("Cli", "STARTED"), QCoreApplication::translate("Cli", "MS"),
                QCoreApplication::translate("Cli", "OUTCOME"), QCoreApplication::translate("Cli", "ERROR")},
               attemptRows);
    return Success;
}

static int runsCancel(CliContext &context, const QStringList &args)
{
    VerbParser parser(
        QStringLiteral("runs cancel"),
        QCoreApplication::translate("Cli", "Cancel a queued run, or ask the node running it to stop it."));
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The run's id."));
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("runs cancel"));
    std::unique_ptr<Store> store = parser.openStore();
    const Store::CancelResult result = store->cancel(id, context.actor(), context.clock().nowMs());
    context.out() << (result == Store::CancelResult::Cancelled
                          ? QCoreApplication::translate("Cli", "run %1 cancelled").arg(id)
                          : QCoreApplication::translate(
                                "Cli", "run %1 is running; its node will stop it at its next heartbeat")
                                .arg(id))
                  << '\n';
    return Success;
}

int runsVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(
        context, QStringLiteral("runs"), args, {{"list", runsList}, {"show", runsShow}, {"cancel", runsCancel}},
        QCoreApplication::translate("Cli", "Usage: vigia-engine runs list|show ID|cancel ID [options]\n"));
}

} // namespace vigia::cli
