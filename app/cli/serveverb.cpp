// `vigia-engine serve`: the engine headless, until SIGINT/SIGTERM, with a live summary on a terminal.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/demoworkload.h"
#include "cli/signalwatcher.h"
#include "cli/summaryline.h"
#include "engine/engine.h"
#include "secrets/secretstore.h"
#include "store/storeconnectiondirectory.h"
#include "store/storefactory.h"
#include "store/storeurl.h"
#include "util/logging.h"

#include <QCoreApplication>

#include <unistd.h>

namespace vigia::cli {

int serveVerb(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("serve"),
                      QCoreApplication::translate(
                          "Cli",
                          "Run the engine until SIGINT or SIGTERM. On the first signal it stops claiming, lets "
                          "running runs finish for up to --drain seconds and hands the rest back to the queue; a "
                          "second signal stops at once."));
    parser.addOption({QStringLiteral("concurrency"),
                      QCoreApplication::translate("Cli", "Runs executing at once on this node (default 8)."),
                      QStringLiteral("n"), QStringLiteral("8")});
    parser.addOption({QStringLiteral("node"),
                      QCoreApplication::translate("Cli", "This node's name (default: host:pid)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("lease"),
                      QCoreApplication::translate("Cli", "Seconds a running run stays leased without a heartbeat "
                                                         "(default 30)."),
                      QStringLiteral("seconds"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("leader-lease"),
                      QCoreApplication::translate("Cli", "The leader lease: how long the cluster waits for a silent "
                                                         "leader before another node takes over its duties (default "
                                                         "15s; e.g. 2s, 500ms, 1m)."),
                      QStringLiteral("duration"), QStringLiteral("15s")});
    parser.addOption(
        {QStringLiteral("drain"),
         QCoreApplication::translate("Cli", "Seconds to let running runs finish on shutdown (default 30)."),
         QStringLiteral("seconds"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("poll-ms"),
                      QCoreApplication::translate("Cli", "How often to look for runs enqueued by other processes "
                                                         "(default 250)."),
                      QStringLiteral("ms"), QStringLiteral("250")});
    parser.addOption(
        {QStringLiteral("demo"),
         QCoreApplication::translate(
             "Cli",
             "Apply the demo queues and jobs (resources/demo/demo.yaml) and enqueue a small workload every second.")});
    parser.addOption({QStringLiteral("default-escalation-policy"),
                      QCoreApplication::translate("Cli", "The escalation policy of incidents whose job names none "
                                                         "(default: none, they do not escalate)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("critical-breaks-dnd"),
                      QCoreApplication::translate("Cli", "Critical incidents reach people inside their do-not-disturb "
                                                         "windows (otherwise those notifications are SILENCED).")});
    parser.addOption(
        {QStringLiteral("retention-succeeded"),
         QCoreApplication::translate("Cli", "Delete succeeded and cancelled runs this long after they finished, once "
                                            "rolled up into the per-minute statistics (default 7d; e.g. 12h, 30d)."),
         QStringLiteral("duration"), QStringLiteral("7d")});
    parser.addOption(
        {QStringLiteral("retention-dead"),
         QCoreApplication::translate("Cli", "Delete dead runs this long after they were replayed or discarded; dead "
                                            "runs still in the dead-letter queue are kept (default 30d)."),
         QStringLiteral("duration"), QStringLiteral("30d")});
    parser.addOption(
        {QStringLiteral("sync-claims"),
         QCoreApplication::translate("Cli", "PostgreSQL: claims wait for their WAL flush too. By default they do not "
                                            "(completions and enqueues always do): a database crash can then make a "
                                            "claimed run run again, as a node crash does, but never loses it or "
                                            "finishes it twice.")});
    parser.addOption({QStringLiteral("quiet"), QCoreApplication::translate("Cli", "No summary line.")});
    if (!parser.parse(context, args, 0, 0))
        return Success;

    EngineConfig config;
    config.concurrency =
        parseInt(parser.value(QStringLiteral("concurrency")), QStringLiteral("--concurrency"), 1, 10000);
    config.nodeId = parser.value(QStringLiteral("node"));
    config.leaseMs = qint64(parseInt(parser.value(QStringLiteral("lease")), QStringLiteral("--lease"), 1, 3600)) * 1000;
    config.leaderLeaseMs =
        parseDurationMs(parser.value(QStringLiteral("leader-lease")), QStringLiteral("--leader-lease"), 100, 3600'000);
    config.pollIntervalMs = parseInt(parser.value(QStringLiteral("poll-ms")), QStringLiteral("--poll-ms"), 10, 60000);
    config.asyncClaims = !parser.isSet(QStringLiteral("sync-claims"));
    config.escalation.defaultPolicy = parser.value(QStringLiteral("default-escalation-policy"));
    config.escalation.criticalBreaksDnd = parser.isSet(QStringLiteral("critical-breaks-dnd"));
    constexpr qint64 TenYearsMs = 3650 * RetentionPolicy::Day;
    config.retention.succeededAgeMs = parseDurationMs(parser.value(QStringLiteral("retention-succeeded")),
                                                      QStringLiteral("--retention-succeeded"), 1000, TenYearsMs);
    config.retention.deadAgeMs = parseDurationMs(parser.value(QStringLiteral("retention-dead")),
                                                 QStringLiteral("--retention-dead"), 1000, TenYearsMs);
    const qint64 drainMs =
        qint64(parseInt(parser.value(QStringLiteral("drain")), QStringLiteral("--drain"), 0, 24 * 3600)) * 1000;

    // Open once here: a bad URL or a newer schema is reported before any thread starts.
    // A password reference in --db is read from the secret store here, once.
    const std::unique_ptr<Store> check = parser.openStore(VerbParser::Open::CreateIfMissing);
    const QString urlText = parser.dbUrl();
    const StoreOpener opener = parser.storeOpener();
    const std::unique_ptr<SecretStore> secrets = parser.openSecrets();

    Engine engine(config, opener, &context.clock(), context.registry());
    engine.setSecretStore(secrets.get());
    // `sql` runs find the connections applied from jobs files in the engine's own database, which `database: local`
    // queries (its password reference, if any, resolved at each run like a declared connection's).
    engine.setConnectionDirectory(std::make_shared<StoreConnectionDirectory>(opener, urlText));
    int exitCode = Success;
    SignalWatcher watcher;
    int signalsSeen = 0;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &engine, [&](int) {
        ++signalsSeen;
        engine.stop(signalsSeen == 1 ? drainMs : 0);
    });
    QObject::connect(&engine, &Engine::failed, &engine, [&](const QString &message) {
        context.err() << "vigia-engine: " << message << '\n';
        exitCode = Failure;
        QCoreApplication::exit(Failure);
    });
    QObject::connect(&engine, &Engine::stopped, &engine, [&] { QCoreApplication::exit(exitCode); });

    SummaryLine summary(context.out(), ::isatty(STDOUT_FILENO) == 1, 60);
    if (!parser.isSet(QStringLiteral("quiet")))
        QObject::connect(&engine, &Engine::statsUpdated, &summary, &SummaryLine::update);

    DemoWorkload demo(engine, context.registry());
    QObject::connect(&engine, &Engine::started, &engine, [&] {
        context.out() << QCoreApplication::translate("Cli", "vigia-engine %1 serving %2 as node %3 (Ctrl+C to stop)")
                             .arg(QCoreApplication::applicationVersion(), urlText, engine.config().nodeId)
                      << '\n';
        context.out().flush();
        if (parser.isSet(QStringLiteral("demo"))) {
            try {
                demo.start();
            } catch (const StoreError &e) {
                context.err() << "vigia-engine: demo: " << e.message() << '\n';
            }
        }
    });
    engine.start();
    const int code = QCoreApplication::exec();
    summary.finish();
    return code;
}

} // namespace vigia::cli
