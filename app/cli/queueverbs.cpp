// Verbs about queues: queues list, add, pause, resume, set.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"

#include <QCoreApplication>

namespace vigia::cli {

static int queuesList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("queues list"),
                      QCoreApplication::translate("Cli", "List queues with their limits and depths."),
                      VerbParser::WithJson);
    if (!parser.parse(context, args, 0, 0))
        return Success;
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<QueueStats> stats = store->queueStats();
    if (parser.json()) {
        QJsonArray array;
        for (const QueueStats &queue : stats)
            array.append(queueStatsToJson(queue));
        printJson(context.out(), array);
        return Success;
    }
    QList<QStringList> rows;
    for (const QueueStats &q : stats) {
        rows.append(
            {q.name, QString::number(q.concurrency),
             q.paused ? QCoreApplication::translate("Cli", "paused") : QCoreApplication::translate("Cli", "active"),
             QString::number(q.available), QString::number(q.running), QString::number(q.scheduled),
             QString::number(q.retryable), QString::number(q.dead)});
    }
    printTable(context.out(),
               {QCoreApplication::translate("Cli", "QUEUE"), QCoreApplication::translate("Cli", "CONCURRENCY"),
                QCoreApplication::translate("Cli", "STATUS"), QCoreApplication::translate("Cli", "AVAILABLE"),
                QCoreApplication::translate("Cli", "RUNNING"), QCoreApplication::translate("Cli", "SCHEDULED"),
                QCoreApplication::translate("Cli", "RETRYABLE"), QCoreApplication::translate("Cli", "DEAD")},
               rows);
    return Success;
}

static int queuesAdd(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("queues add"),
                      QCoreApplication::translate("Cli", "Create a queue (nothing changes if it exists)."));
    parser.addPositional(QStringLiteral("name"), QCoreApplication::translate("Cli", "The queue's name."));
    parser.addOption({QStringLiteral("concurrency"),
                      QCoreApplication::translate("Cli", "Runs of this queue executing at once, cluster-wide "
                                                         "(default 10)."),
                      QStringLiteral("n"), QStringLiteral("10")});
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const QString name = parser.positional().at(0).trimmed();
    if (name.isEmpty() || name.size() > 100)
        throw UsageError{QCoreApplication::translate("Cli", "queues add: a queue name has 1 to 100 characters")};
    const int concurrency =
        parseInt(parser.value(QStringLiteral("concurrency")), QStringLiteral("--concurrency"), 1, 100000);
    std::unique_ptr<Store> store = parser.openStore();
    store->ensureQueue({name, concurrency, false}, context.actor(), context.clock().nowMs());
    return Success;
}

static int queuesPause(CliContext &context, const QStringList &args, bool pause)
{
    VerbParser parser(
        pause ? QStringLiteral("queues pause") : QStringLiteral("queues resume"),
        pause ? QCoreApplication::translate("Cli", "Stop claiming runs of a queue on every node; running runs finish.")
              : QCoreApplication::translate("Cli", "Claim runs of a paused queue again."));
    parser.addPositional(QStringLiteral("name"), QCoreApplication::translate("Cli", "The queue's name."));
    if (!parser.parse(context, args, 1, 1))
        return Success;
    std::unique_ptr<Store> store = parser.openStore();
    store->setQueuePaused(parser.positional().at(0), pause, context.actor(), context.clock().nowMs());
    return Success;
}

static int queuesSet(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("queues set"), QCoreApplication::translate("Cli", "Change a queue's settings."));
    parser.addPositional(QStringLiteral("name"), QCoreApplication::translate("Cli", "The queue's name."));
    parser.addOption({QStringLiteral("concurrency"),
                      QCoreApplication::translate("Cli", "Runs of this queue executing at once, cluster-wide."),
                      QStringLiteral("n")});
    if (!parser.parse(context, args, 1, 1))
        return Success;
    if (!parser.isSet(QStringLiteral("concurrency")))
        throw UsageError{QCoreApplication::translate("Cli", "queues set: nothing to change (use --concurrency N)")};
    const int concurrency =
        parseInt(parser.value(QStringLiteral("concurrency")), QStringLiteral("--concurrency"), 1, 100000);
    std::unique_ptr<Store> store = parser.openStore();
    store->setQueueConcurrency(parser.positional().at(0), concurrency, context.actor(), context.clock().nowMs());
    return Success;
}

int queuesVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("queues"), args,
                      {{"list", queuesList},
                       {"add", queuesAdd},
                       {"pause", [](CliContext &c, const QStringList &a) { return queuesPause(c, a, true); }},
                       {"resume", [](CliContext &c, const QStringList &a) { return queuesPause(c, a, false); }},
                       {"set", queuesSet}},
                      QCoreApplication::translate(
                          "Cli", "Usage: vigia-engine queues list|add Q|pause Q|resume Q|set Q --concurrency N\n"));
}

} // namespace vigia::cli
