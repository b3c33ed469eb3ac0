#pragma once

#include "executors/executorregistry.h"
#include "secrets/secretstore.h"
#include "store/store.h"
#include "store/storefactory.h"
#include "store/storeurl.h"
#include "util/clock.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <functional>
#include <memory>
#include <vector>

namespace vigia::cli {

// Exit codes every verb follows.
enum ExitCode {
    Success = 0,
    Failure = 1,
    BadUsage = 2
};

// Bad usage or bad input found by a verb: printed on stderr, exit code 2, nothing written.
struct UsageError {
    QString message;
};

// What every verb shares: output streams, the clock, the job kinds, who is acting.
class CliContext {
public:
    CliContext(QTextStream &out, QTextStream &err);
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    Clock &clock() { return m_clock; }
    const ExecutorRegistry &registry() const { return m_registry; }
    // The operator named in the audit log: the OS user.
    Actor actor() const;

private:
    QTextStream &m_out;
    QTextStream &m_err;
    SystemClock m_clock;
    ExecutorRegistry m_registry;
};

// Option parsing for one verb: --help, --db URL, --secrets STORE (where --db's password reference is read) and, for
// listing verbs, --json.
class VerbParser {
public:
    enum Flag {
        NoFlags = 0,
        WithJson = 1
    };
    VerbParser(const QString &command, const QString &description, int flags = NoFlags);

    QCommandLineParser &parser() { return m_parser; }
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }
    void addPositional(const QString &name, const QString &description, const QString &syntax = {});

    // Parses; returns false when help was printed and the verb should return Success. Throws UsageError.
    bool parse(CliContext &context, const QStringList &args, int minPositional, int maxPositional);
    QStringList positional() const { return m_parser.positionalArguments(); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    bool json() const { return m_json && m_parser.isSet(QStringLiteral("json")); }

    enum class Open {
        Existing,
        CreateIfMissing
    };
    // Opens the database named by --db (or the default), migrating an older schema and refusing a newer one.
    // Only `serve` and `migrate` create a missing database: for other verbs a missing file is a typo.
    std::unique_ptr<Store> openStore(Open mode = Open::Existing) const;
    // --db (or the default) as given: a password reference stays a reference. For messages.
    QString dbUrl() const;
    // --db parsed, its password reference (postgresql://user:${secret:NAME}@...) read from --secrets once. Throws
    // UsageError for a bad URL and for a secret that cannot be read, without the value.
    const StoreUrl &storeUrl() const;
    // Opens a connection to storeUrl() in the calling thread (for engine threads); the password never appears in the
    // StoreError it may throw.
    StoreOpener storeOpener() const;
    // The secret store --secrets names. Throws UsageError for an unknown kind.
    std::unique_ptr<SecretStore> openSecrets() const;

private:
    QString m_command;
    QCommandLineParser m_parser;
    bool m_json;
    mutable std::optional<StoreUrl> m_storeUrl;
};

// One sub-verb of a verb group (`runs list`, `runs show`, ...).
struct Subverb {
    const char *name;
    std::function<int(CliContext &, const QStringList &)> run;
};

// Runs the sub-verb that args[0] names with the rest of the arguments; --help prints `usage`; anything else is
// bad usage naming the sub-verbs.
int runSubverb(CliContext &context, const QString &verb, const QStringList &args, const std::vector<Subverb> &subverbs,
               const QString &usage);

// Parsing helpers that throw UsageError naming the option and the value.
qint64 parseId(const QString &text, const QString &what);
int parseInt(const QString &text, const QString &what, int min, int max);
qint64 parseInstant(const QString &text, const QString &what);
// "15s", "500ms", "1m", "2h", "7d" or a bare number of seconds, in milliseconds within [minMs, maxMs].
qint64 parseDurationMs(const QString &text, const QString &what, qint64 minMs, qint64 maxMs);

} // namespace vigia::cli
