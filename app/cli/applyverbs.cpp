// Jobs as code: `apply -f FILE.yaml` declares queues, jobs and connections, `export` writes them back in the same
// format. The format is described in core/config/configparser.cpp and README.md.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "cli/output.h"
#include "config/configparser.h"
#include "config/configwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>

namespace vigia::cli {

namespace {
QJsonObject changeToJson(const DeclarationChange &change)
{
    return QJsonObject{
        {QStringLiteral("object"), declarationObjectName(change.object)},
        {QStringLiteral("name"), change.name},
        {QStringLiteral("action"), declarationActionName(change.action)},
        {QStringLiteral("fields"), QJsonArray::fromStringList(change.fields)},
    };
}

// One line per change, marked like a diff: + created, ~ updated (with the fields), - deleted. Unchanged ones are
// only counted.
void printChanges(QTextStream &out, const ApplyResult &result)
{
    using Action = DeclarationChange::Action;
    for (const DeclarationChange &change : result.changes) {
        const QString what = declarationObjectName(change.object) + u' ' + change.name;
        switch (change.action) {
        case Action::Create:
            out << "+ " << what << '\n';
            break;
        case Action::Update:
            out << "~ " << what << " (" << change.fields.join(QLatin1String(", ")) << ")\n";
            break;
        case Action::Delete:
            out << "- " << what << '\n';
            break;
        case Action::Unchanged:
            break;
        }
    }
    const int created = result.count(Action::Create);
    const int updated = result.count(Action::Update);
    const int deleted = result.count(Action::Delete);
    const int unchanged = result.count(Action::Unchanged);
    if (!result.hasChanges())
        out << QCoreApplication::translate("Cli", "no changes (%1 unchanged)").arg(unchanged) << '\n';
    else if (result.dryRun)
        out << QCoreApplication::translate(
                   "Cli", "dry run: would create %1, update %2, delete %3 (%4 unchanged); nothing was written")
                   .arg(created)
                   .arg(updated)
                   .arg(deleted)
                   .arg(unchanged)
            << '\n';
    else
        out << QCoreApplication::translate("Cli", "applied: %1 created, %2 updated, %3 deleted, %4 unchanged")
                   .arg(created)
                   .arg(updated)
                   .arg(deleted)
                   .arg(unchanged)
            << '\n';
}

QByteArray readInput(const QString &path)
{
    QFile file(path);
    const bool opened =
        path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        throw UsageError{QCoreApplication::translate("Cli", "apply: cannot read %1: %2").arg(path, file.errorString())};
    return file.readAll();
}
} // namespace

int applyVerb(CliContext &context, const QStringList &args)
{
    VerbParser parser(
        QStringLiteral("apply"),
        QCoreApplication::translate(
            "Cli",
            "Declare queues, jobs, connections, users, on-call schedules and escalation policies from a YAML file "
            "(jobs as code, described in README.md): "
            "create what is new, update what changed, leave what is equal. The whole file is "
            "checked first and written in one transaction; any error writes nothing."),
        VerbParser::WithJson);
    parser.addOption({{QStringLiteral("f"), QStringLiteral("file")},
                      QCoreApplication::translate("Cli", "The YAML file to apply (- reads standard input)."),
                      QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("dry-run"), QCoreApplication::translate("Cli", "Print what would change and write nothing.")});
    parser.addOption(
        {QStringLiteral("prune"),
         QCoreApplication::translate(
             "Cli",
             "Also delete what the file does not declare, in the sections it has: a top-level key that is present "
             "(queues, jobs, connections, users, schedules, escalation_policies), even as an empty list, means exactly "
             "these; an absent key leaves that kind alone. Never the \"default\" queue; past runs of a deleted job "
             "are kept, no longer linked to it.")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    if (!parser.isSet(QStringLiteral("file")))
        throw UsageError{QCoreApplication::translate("Cli", "apply: -f FILE is required")};
    const QString path = parser.value(QStringLiteral("file"));
    const bool prune = parser.isSet(QStringLiteral("prune"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const QByteArray text = readInput(path);
    std::unique_ptr<Store> store = parser.openStore();

    ConfigParseOptions options;
    options.fileName = path == QLatin1String("-") ? QStringLiteral("<stdin>") : path;
    options.registry = &context.registry();
    for (const Queue &queue : store->queues())
        options.existingQueues.append(queue.name);
    for (const OnCallSchedule &schedule : store->onCallSchedules())
        options.existingSchedules.append(schedule.name);
    for (const Connection &connection : store->connections())
        options.existingConnections.append(connection.name);
    for (const User &user : store->users())
        options.existingUsers.append(user.name);
    options.prune = prune;
    const ConfigParseResult parsed = ConfigParser::parse(text, options);
    if (!parsed.ok()) {
        // Compiler style, one per line, so that editors can jump to each.
        for (const ConfigError &error : parsed.errors)
            context.err() << error.toString() << '\n';
        context.err() << "vigia-engine: "
                      << QCoreApplication::translate("Cli", "apply: %n error(s) in %1; nothing was written", nullptr,
                                                     int(parsed.errors.size()))
                             .arg(options.fileName)
                      << '\n';
        return BadUsage;
    }
    const ApplyResult result =
        store->applyDeclarations(parsed.declarations, prune, dryRun, context.actor(), context.clock().nowMs());
    if (parser.json()) {
        QJsonArray changes;
        for (const DeclarationChange &change : result.changes)
            changes.append(changeToJson(change));
        printJson(context.out(),
                  QJsonObject{{QStringLiteral("dry_run"), result.dryRun}, {QStringLiteral("changes"), changes}});
        return Success;
    }
    printChanges(context.out(), result);
    return Success;
}

int exportVerb(CliContext &context, const QStringList &args)
{
    VerbParser parser(
        QStringLiteral("export"),
        QCoreApplication::translate(
            "Cli",
            "Write every queue, job, connection and user, by name, in the jobs-as-code YAML format; applying the "
            "output changes nothing."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QCoreApplication::translate("Cli", "Write to this file instead of standard output."),
                      QStringLiteral("file")});
    if (!parser.parse(context, args, 0, 0))
        return Success;
    std::unique_ptr<Store> store = parser.openStore();
    Declarations declarations;
    declarations.queues = store->queues();
    declarations.jobs = store->jobs();
    declarations.schedules = store->onCallSchedules();
    declarations.escalationPolicies = store->escalationPolicies();
    declarations.connections = store->connections();
    declarations.users = store->users();
    std::sort(declarations.queues.begin(), declarations.queues.end(),
              [](const Queue &a, const Queue &b) { return a.name < b.name; });
    std::sort(declarations.jobs.begin(), declarations.jobs.end(),
              [](const JobDef &a, const JobDef &b) { return a.name < b.name; });
    const QByteArray text = ConfigWriter::write(declarations);
    if (!parser.isSet(QStringLiteral("output"))) {
        context.out().flush();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        std::fflush(stdout);
        return Success;
    }
    // Written whole or not at all: an interrupted export never leaves half a file behind.
    QSaveFile file(parser.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        context.err() << "vigia-engine: "
                      << QCoreApplication::translate("Cli", "export: cannot write %1: %2")
                             .arg(file.fileName(), file.errorString())
                      << '\n';
        return Failure;
    }
    return Success;
}

} // namespace vigia::cli
