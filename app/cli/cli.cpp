#include "cli/cli.h"

#include "cli/clicontext.h"
#include "util/logging.h"

#include <QCoreApplication>

#include <cstdio>

namespace vigia::cli {

namespace {
struct Verb {
    const char *name;
    const char *summary;
    int (*run)(CliContext &, const QStringList &);
};

const Verb Verbs[] = {
    {"serve", QT_TRANSLATE_NOOP("Cli", "run the engine until SIGINT/SIGTERM"), serveVerb},
    {"migrate", QT_TRANSLATE_NOOP("Cli", "bring the database schema up to date"), migrateVerb},
    {"enqueue", QT_TRANSLATE_NOOP("Cli", "add a run to a queue and print its id"), enqueueVerb},
    {"runs", QT_TRANSLATE_NOOP("Cli", "list, show or cancel runs"), runsVerb},
    {"dlq", QT_TRANSLATE_NOOP("Cli", "list, replay or discard dead runs"), dlqVerb},
    {"queues", QT_TRANSLATE_NOOP("Cli", "list, add, pause, resume or configure queues"), queuesVerb},
    {"jobs", QT_TRANSLATE_NOOP("Cli", "list, pause, resume or postpone scheduled jobs"), jobsVerb},
    {"schedule", QT_TRANSLATE_NOOP("Cli", "preview the upcoming fires of all jobs"), scheduleVerb},
    {"apply", QT_TRANSLATE_NOOP("Cli", "declare queues and jobs from a YAML file (jobs as code)"), applyVerb},
    {"export", QT_TRANSLATE_NOOP("Cli", "write every queue and job as YAML for apply"), exportVerb},
    {"cron", QT_TRANSLATE_NOOP("Cli", "compute or explain a cron expression"), cronVerb},
    {"secret", QT_TRANSLATE_NOOP("Cli", "set, list or delete secrets that job specs refer to"), secretVerb},
    {"nodes", QT_TRANSLATE_NOOP("Cli", "list the engine nodes sharing the database and the leader"), nodesVerb},
    {"status", QT_TRANSLATE_NOOP("Cli", "show the system's health: state, score, stale jobs, open incidents"),
     statusVerb},
    {"incidents", QT_TRANSLATE_NOOP("Cli", "list, show, acknowledge, resolve, escalate or snooze incidents"),
     incidentsVerb},
    {"users", QT_TRANSLATE_NOOP("Cli", "list the users who act on incidents and their roles"), usersVerb},
    {"oncall", QT_TRANSLATE_NOOP("Cli", "who is on call at an instant, and the gaps in the schedules"), oncallVerb},
    {"notifications", QT_TRANSLATE_NOOP("Cli", "list the notifications sent, failed, silenced or pending"),
     notificationsVerb},
    {"stats", QT_TRANSLATE_NOOP("Cli", "counts and duration percentiles per job over a period"), statsVerb},
};

QString usage()
{
    QString text = QCoreApplication::translate("Cli", "Usage: vigia-engine VERB [options]\n\nVerbs:\n");
    for (const Verb &verb : Verbs) {
        text += QStringLiteral("  ") + QString::fromLatin1(verb.name).leftJustified(14) +
                QCoreApplication::translate("Cli", verb.summary) + u'\n';
    }
    text += QCoreApplication::translate("Cli", "\n'vigia-engine VERB --help' describes a verb. Every verb takes "
                                               "--db URL.\nExit codes: 0 success, 1 runtime failure, 2 bad usage "
                                               "or bad input.\n");
    return text;
}
} // namespace

int run(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliContext context(out, err);
    const QString verbName = args.value(0);
    if (verbName.isEmpty() || verbName == QLatin1String("--help") || verbName == QLatin1String("-h") ||
        verbName == QLatin1String("help")) {
        (verbName.isEmpty() ? err : out) << usage();
        return verbName.isEmpty() ? BadUsage : Success;
    }
    if (verbName == QLatin1String("--version") || verbName == QLatin1String("-v")) {
        out << "vigia-engine " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    for (const Verb &verb : Verbs) {
        if (verbName != QLatin1String(verb.name))
            continue;
        try {
            return verb.run(context, args.mid(1));
        } catch (const UsageError &error) {
            err << "vigia-engine: " << error.message << '\n';
            return BadUsage;
        } catch (const StoreError &error) {
            err << "vigia-engine: " << error.message() << '\n';
            const bool badInput = error.kind() == StoreError::Kind::Invalid ||
                                  error.kind() == StoreError::Kind::NotFound ||
                                  error.kind() == StoreError::Kind::Forbidden;
            return badInput ? BadUsage : Failure;
        }
    }
    err << "vigia-engine: " << QCoreApplication::translate("Cli", "unknown verb \"%1\"").arg(verbName) << "\n\n"
        << usage();
    return BadUsage;
}

} // namespace vigia::cli
