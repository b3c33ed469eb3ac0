// Verbs about the dead-letter queue: dlq list, dlq replay, dlq discard.
#include "cli/cli.h"
#include "cli/clicontext.h"

#include <QCoreApplication>

namespace vigia::cli {

static int dlqList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("dlq list"),
                      QCoreApplication::translate("Cli", "List dead runs not yet replayed or discarded."),
                      VerbParser::WithJson);
    parser.addOption({QStringLiteral("queue"), QCoreApplication::translate("Cli", "Only dead runs of this queue."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("limit"), QCoreApplication::translate("Cli", "At most this many (default 100)."),
                      QStringLiteral("n"), QStringLiteral("100")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    RunFilter filter;
    filter.dlqOnly = true;
    filter.queue = parser.value(QStringLiteral("queue"));
    filter.limit = parseInt(parser.value(QStringLiteral("limit")), QStringLiteral("--limit"), 1, 100000);
    std::unique_ptr<Store> store = parser.openStore();
    if (!filter.queue.isEmpty() && !store->queue(filter.queue))
        throw UsageError{QCoreApplication::translate("Cli", "--queue: unknown queue \"%1\"").arg(filter.queue)};
    printRuns(context, store->runs(filter), parser.json());
    return Success;
}

static int dlqReplay(CliContext &context, const QStringList &args)
{
    VerbParser parser(
        QStringLiteral("dlq replay"),
        QCoreApplication::translate(
            "Cli", "Replay dead runs: each gets a new run linked to it; the dead run stays for the record."));
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The dead run's id (or --all)."),
                         QStringLiteral("[id]"));
    parser.addOption(
        {QStringLiteral("all"), QCoreApplication::translate("Cli", "Replay every dead run (of --queue, if given).")});
    parser.addOption({QStringLiteral("queue"), QCoreApplication::translate("Cli", "With --all: only this queue."),
                      QStringLiteral("name")});
    if (!parser.parse(context, args, 0, 1))
        return Success;
    const bool all = parser.isSet(QStringLiteral("all"));
    if (all == !parser.positional().isEmpty())
        throw UsageError{QCoreApplication::translate("Cli", "dlq replay: give either a run id or --all")};
    if (!all && parser.isSet(QStringLiteral("queue")))
        throw UsageError{QCoreApplication::translate("Cli", "dlq replay: --queue goes with --all")};
    if (!all) {
        const qint64 id = parseId(parser.positional().at(0), QStringLiteral("dlq replay"));
        std::unique_ptr<Store> store = parser.openStore();
        const qint64 newId = store->replay(id, context.actor(), context.clock().nowMs());
        context.out() << newId << '\n';
        return Success;
    }
    std::unique_ptr<Store> store = parser.openStore();
    const QVector<qint64> ids =
        store->replayAll(parser.value(QStringLiteral("queue")), context.actor(), context.clock().nowMs());
    context.out() << QCoreApplication::translate("Cli", "replayed %n dead run(s)", nullptr, int(ids.size())) << '\n';
    return Success;
}

static int dlqDiscard(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("dlq discard"),
                      QCoreApplication::translate("Cli", "Mark a dead run as handled without running it again."));
    parser.addPositional(QStringLiteral("id"), QCoreApplication::translate("Cli", "The dead run's id."));
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const qint64 id = parseId(parser.positional().at(0), QStringLiteral("dlq discard"));
    std::unique_ptr<Store> store = parser.openStore();
    store->discard(id, context.actor(), context.clock().nowMs());
    context.out() << QCoreApplication::translate("Cli", "run %1 discarded").arg(id) << '\n';
    return Success;
}

int dlqVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(
        context, QStringLiteral("dlq"), args, {{"list", dlqList}, {"replay", dlqReplay}, {"discard", dlqDiscard}},
        QCoreApplication::translate(
            "Cli", "Usage: vigia-engine dlq list|replay ID|replay --all [--queue Q]|discard ID [options]\n"));
}

} // namespace vigia::cli
