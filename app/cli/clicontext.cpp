#include "cli/clicontext.h"

#include "engine/engine.h"
#include "secrets/secretreferences.h"
#include "store/incidentcommand.h"
#include "store/storefactory.h"
#include "store/storeurl.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace vigia::cli {

CliContext::CliContext(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
    , m_registry(ExecutorRegistry::withBuiltins())
{}

Actor CliContext::actor() const
{
    return Actor{osUserName()};
}

VerbParser::VerbParser(const QString &command, const QString &description, int flags)
    : m_command(command)
    , m_json(flags & WithJson)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOption({QStringLiteral("db"),
                        QCoreApplication::translate(
                            "Cli", "Database URL: sqlite:PATH or postgresql://user@host:port/db (default: %1).")
                            .arg(StoreUrl::defaultUrl()),
                        QStringLiteral("url")});
    m_parser.addOption(
        {QStringLiteral("secrets"),
         QCoreApplication::translate(
             "Cli", "Where ${secret:NAME} references are read (in --db's password and, for serve, in job specs and "
                    "connections): keychain, env or auto (default: $VIGIA_SECRETS, else auto: the keychain when a "
                    "desktop session is running, else VIGIA_SECRET_<NAME> variables and systemd credentials)."),
         QStringLiteral("store"), qEnvironmentVariable("VIGIA_SECRETS", QStringLiteral("auto"))});
    if (m_json)
        m_parser.addOption(
            {QStringLiteral("json"), QCoreApplication::translate("Cli", "Print a JSON array instead of a table.")});
}

void VerbParser::addPositional(const QString &name, const QString &description, const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

bool VerbParser::parse(CliContext &context, const QStringList &args, int minPositional, int maxPositional)
{
    if (!m_parser.parse(QStringList{QStringLiteral("vigia-engine ") + m_command} + args))
        throw UsageError{m_command + QStringLiteral(": ") + m_parser.errorText()};
    if (m_parser.isSet(QStringLiteral("help"))) {
        context.out() << m_parser.helpText();
        return false;
    }
    const int count = int(m_parser.positionalArguments().size());
    if (count < minPositional)
        throw UsageError{QCoreApplication::translate("Cli", "%1: missing arguments (see --help)").arg(m_command)};
    if (count > maxPositional) {
        throw UsageError{QCoreApplication::translate("Cli", "%1: unexpected argument \"%2\"")
                             .arg(m_command, m_parser.positionalArguments().at(maxPositional))};
    }
    return true;
}

QString VerbParser::dbUrl() const
{
    return m_parser.isSet(QStringLiteral("db")) ? m_parser.value(QStringLiteral("db")) : StoreUrl::defaultUrl();
}

std::unique_ptr<SecretStore> VerbParser::openSecrets() const
{
    QString error;
    std::unique_ptr<SecretStore> store = openSecretStore(m_parser.value(QStringLiteral("secrets")), &error);
    if (!store)
        throw UsageError{QStringLiteral("--secrets: ") + error};
    return store;
}

const StoreUrl &VerbParser::storeUrl() const
{
    if (m_storeUrl)
        return *m_storeUrl;
    QString error;
    std::optional<StoreUrl> url = StoreUrl::parse(dbUrl(), &error);
    if (!url)
        throw UsageError{QStringLiteral("--db: ") + error};
    if (!url->passwordRef.isEmpty()) {
        // Before any event loop runs: the keychain answers over D-Bus, so wait here for this one answer.
        const std::unique_ptr<SecretStore> secrets = openSecrets();
        QEventLoop loop;
        QString value;
        bool answered = false;
        const QStringList names = secrets::referencedNames(url->passwordRef);
        secrets::resolve(*secrets, names, &loop,
                         [&](const QHash<QString, QString> &values, const QString &resolveError) {
                             value = values.value(names.value(0));
                             error = resolveError;
                             answered = true;
                             loop.quit();
                         });
        if (!answered)
            loop.exec();
        if (!error.isEmpty()) {
            throw UsageError{QCoreApplication::translate("Cli", "--db: cannot read the database password %1 from the "
                                                                "%2 secret store: %3")
                                 .arg(url->passwordRef, secrets->name(), error)};
        }
        url->password = value;
        url->passwordResolved = true;
    }
    m_storeUrl = std::move(url);
    return *m_storeUrl;
}

StoreOpener VerbParser::storeOpener() const
{
    const StoreUrl url = storeUrl();
    SecretRedactor redactor;
    redactor.add(url.password);
    redactor.add(QString::fromLatin1(QUrl::toPercentEncoding(url.password)));
    return [url, redactor]() -> std::unique_ptr<Store> {
        try {
            return vigia::openStore(url);
        } catch (const StoreError &error) {
            // libpq does not echo a password, but a message that reaches a log or a terminal is checked anyway; and
            // it is made one line (libpq adds hints on lines of their own).
            throw StoreError(redactor.redact(error.message()).simplified(), error.kind());
        }
    };
}

std::unique_ptr<Store> VerbParser::openStore(Open mode) const
{
    const StoreUrl &url = storeUrl();
    if (mode == Open::Existing && url.backend == StoreUrl::Backend::Sqlite && !QFileInfo::exists(url.sqlitePath)) {
        throw UsageError{QCoreApplication::translate(
                             "Cli",
                             "--db: there is no database at %1 (create it with `vigia-engine migrate --db %2` or "
                             "by starting `vigia-engine serve`)")
                             .arg(url.sqlitePath, url.text)};
    }
    std::unique_ptr<Store> store = storeOpener()();
    ensureSchema(*store);
    return store;
}

int runSubverb(CliContext &context, const QString &verb, const QStringList &args, const std::vector<Subverb> &subverbs,
               const QString &usage)
{
    const QString name = args.value(0);
    for (const Subverb &subverb : subverbs) {
        if (name == QLatin1String(subverb.name))
            return subverb.run(context, args.mid(1));
    }
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        context.out() << usage;
        return Success;
    }
    QStringList names;
    for (const Subverb &subverb : subverbs)
        names.append(QLatin1String(subverb.name));
    const QString last = names.takeLast();
    const QString expected =
        names.isEmpty() ? last
                        : QCoreApplication::translate("Cli", "%1 or %2").arg(names.join(QLatin1String(", ")), last);
    if (name.isEmpty())
        throw UsageError{QCoreApplication::translate("Cli", "%1: expected %2").arg(verb, expected)};
    throw UsageError{QCoreApplication::translate("Cli", "%1: expected %2, not \"%3\"").arg(verb, expected, name)};
}

qint64 parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError{
            QCoreApplication::translate("Cli", "%1: \"%2\" is not a run id (a positive whole number)").arg(what, text)};
    return id;
}

int parseInt(const QString &text, const QString &what, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        throw UsageError{QCoreApplication::translate("Cli", "%1: \"%2\" is not a whole number from %3 to %4")
                             .arg(what, text)
                             .arg(min)
                             .arg(max)};
    return value;
}

qint64 parseInstant(const QString &text, const QString &what)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid()) {
        throw UsageError{
            QCoreApplication::translate(
                "Cli",
                "%1: \"%2\" is not an ISO 8601 date-time (e.g. 2026-11-22T14:30:00Z or 2026-11-22T11:30:00-03:00)")
                .arg(what, text)};
    }
    return at.toMSecsSinceEpoch();
}

} // namespace vigia::cli

namespace vigia::cli {

qint64 parseDurationMs(const QString &text, const QString &what, qint64 minMs, qint64 maxMs)
{
    // A number with a unit (ms, s, m, h, d); a bare number means seconds.
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    qint64 ms = -1;
    if (match.hasMatch()) {
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        const double factor = unit == QLatin1String("ms")  ? 1.0
                              : unit == QLatin1String("m") ? 60'000.0
                              : unit == QLatin1String("h") ? 3'600'000.0
                              : unit == QLatin1String("d") ? 86'400'000.0
                                                           : 1000.0;
        ms = qint64(value * factor);
    }
    if (ms < minMs || ms > maxMs) {
        throw UsageError{QCoreApplication::translate("Cli", "%1: \"%2\" is not a duration from %3 ms to %4 s "
                                                            "(e.g. 15s, 500ms, 1m)")
                             .arg(what, text)
                             .arg(minMs)
                             .arg(maxMs / 1000)};
    }
    return ms;
}

} // namespace vigia::cli
