// Verbs about secrets: secret set (value from stdin, not echoed), secret list (names only), secret delete.
#include "cli/cli.h"
#include "cli/clicontext.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace vigia::cli {

namespace {
// Reads the value from standard input: typed without echo on a terminal, or piped (one trailing newline dropped).
QString readValue(CliContext &context, const QString &name)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        throw UsageError{QCoreApplication::translate("Cli", "secret set: cannot read standard input")};
    if (::isatty(STDIN_FILENO) == 1) {
        context.err() << QCoreApplication::translate("Cli", "Value for %1: ").arg(name);
        context.err().flush();
        termios saved{};
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
        const QByteArray line = in.readLine();
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        context.err() << '\n';
        return QString::fromUtf8(line).chopped(line.endsWith('\n') ? 1 : 0);
    }
    QByteArray data = in.readAll();
    if (data.endsWith('\n'))
        data.chop(1);
    return QString::fromUtf8(data);
}

// Runs the application's event loop until the store answers; the answer decides the exit code.
int waitForAnswer()
{
    return QCoreApplication::exec();
}
} // namespace

static int secretSet(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("secret set"),
                      QCoreApplication::translate(
                          "Cli",
                          "Store a secret; the value is read from standard input (not echoed on a terminal). Job "
                          "specs refer to it as ${secret:NAME}."));
    parser.addPositional(QStringLiteral("name"),
                         QCoreApplication::translate("Cli", "Letters, digits, '_', '-' and '.'."));
    if (!parser.parse(context, args, 1, 1))
        return Success;
    const QString name = parser.positional().at(0);
    if (!SecretStore::isValidName(name))
        throw UsageError{QCoreApplication::translate(
                             "Cli", "secret set: invalid name \"%1\" (letters, digits, '_', '-' and '.', at most 128)")
                             .arg(name)};
    std::unique_ptr<SecretStore> store = parser.openSecrets();
    const QString value = readValue(context, name);
    if (value.isEmpty())
        throw UsageError{QCoreApplication::translate("Cli", "secret set: the value is empty")};
    store->write(name, value, QCoreApplication::instance(), [&context, name](const QString &error) {
        if (!error.isEmpty()) {
            context.err() << "vigia-engine: " << error << '\n';
            QCoreApplication::exit(Failure);
            return;
        }
        context.out() << QCoreApplication::translate("Cli", "secret %1 stored").arg(name) << '\n';
        QCoreApplication::exit(Success);
    });
    return waitForAnswer();
}

static int secretList(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("secret list"),
                      QCoreApplication::translate("Cli", "List the names of stored secrets (never the values)."));
    if (!parser.parse(context, args, 0, 0))
        return Success;
    std::unique_ptr<SecretStore> store = parser.openSecrets();
    store->list(QCoreApplication::instance(), [&context](const QStringList &names, const QString &error) {
        if (!error.isEmpty()) {
            context.err() << "vigia-engine: " << error << '\n';
            QCoreApplication::exit(Failure);
            return;
        }
        for (const QString &name : names)
            context.out() << name << '\n';
        QCoreApplication::exit(Success);
    });
    return waitForAnswer();
}

static int secretDelete(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("secret delete"), QCoreApplication::translate("Cli", "Delete a stored secret."));
    parser.addPositional(QStringLiteral("name"), QCoreApplication::translate("Cli", "The secret's name."));
    if (!parser.parse(context, args, 1, 1))
        return Success;
    std::unique_ptr<SecretStore> store = parser.openSecrets();
    const QString name = parser.positional().at(0);
    store->remove(name, QCoreApplication::instance(), [&context, name](const QString &error) {
        if (!error.isEmpty()) {
            context.err() << "vigia-engine: " << error << '\n';
            QCoreApplication::exit(error.contains(QLatin1String("not found")) ? BadUsage : Failure);
            return;
        }
        context.out() << QCoreApplication::translate("Cli", "secret %1 deleted").arg(name) << '\n';
        QCoreApplication::exit(Success);
    });
    return waitForAnswer();
}

int secretVerb(CliContext &context, const QStringList &args)
{
    return runSubverb(context, QStringLiteral("secret"), args,
                      {{"set", secretSet}, {"list", secretList}, {"delete", secretDelete}},
                      QCoreApplication::translate(
                          "Cli", "Usage: vigia-engine secret set NAME | list | delete NAME [--secrets STORE]\n"));
}

} // namespace vigia::cli
