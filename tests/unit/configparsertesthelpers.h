// What the jobs-as-code parser tests share: a registry of fixed kinds, parsing with the options apply would pass,
// the errors as text, and a dump of every declared field.
#pragma once

#include "config/configparser.h"
#include "config/configvalues.h"
#include "executors/builtinexecutors.h"
#include "executors/executorregistry.h"
#include "store/oncallcodec.h"

#include <QStringList>

namespace vigia::test {

// The kinds these tests know, fixed here so that kinds added to the built-ins later do not change the messages.
inline const ExecutorRegistry &registry()
{
    static const ExecutorRegistry kinds = [] {
        ExecutorRegistry r;
        r.add(makeNoopExecutor());
        r.add(makeSleepExecutor());
        r.add(makeFailExecutor());
        return r;
    }();
    return kinds;
}

inline ConfigParseResult parse(const QByteArray &text, const QStringList &existingQueues = {QStringLiteral("default")},
                               bool prune = false, const QStringList &existingConnections = {})
{
    ConfigParseOptions options;
    options.fileName = QStringLiteral("jobs.yaml");
    options.registry = &registry();
    options.existingQueues = existingQueues;
    options.existingConnections = existingConnections;
    options.prune = prune;
    return ConfigParser::parse(text, options);
}

// With every built-in kind, `sql` included.
inline ConfigParseResult parseWithBuiltins(const QByteArray &text, const QStringList &existingConnections = {},
                                           bool prune = false)
{
    static const ExecutorRegistry builtins = ExecutorRegistry::withBuiltins();
    ConfigParseOptions options;
    options.fileName = QStringLiteral("jobs.yaml");
    options.registry = &builtins;
    options.existingQueues = {QStringLiteral("default")};
    options.existingConnections = existingConnections;
    options.prune = prune;
    return ConfigParser::parse(text, options);
}

inline QStringList messages(const ConfigParseResult &result)
{
    QStringList lines;
    for (const ConfigError &error : result.errors)
        lines << error.toString();
    return lines;
}

// Every field of the declarations, one line per queue or job, so that a mismatch shows which field differs.
inline QStringList dump(const Declarations &declarations)
{
    QStringList lines;
    for (const Queue &q : declarations.queues)
        lines << QStringLiteral("queue %1 concurrency=%2 paused=%3").arg(q.name).arg(q.concurrency).arg(q.paused);
    for (const JobDef &j : declarations.jobs) {
        const Schedule &s = j.schedule;
        lines << QStringLiteral("job %1 queue=%2 kind=%3 payload=%4 priority=%5 attempts=%6 timeout=%7 base=%8 "
                                "factor=%9")
                         .arg(j.name, j.queue, j.kind, QString::fromUtf8(j.payload), priorityName(j.priority))
                         .arg(j.maxAttempts)
                         .arg(j.timeoutMs)
                         .arg(j.retry.baseMs)
                         .arg(j.retry.factor) +
                     QStringLiteral(" max=%1 jitter=%2 schedule=%3 cron=%4 interval=%5 anchor=%6 zone=%7")
                         .arg(j.retry.maxMs)
                         .arg(RetryPolicy::jitterName(j.retry.jitter))
                         .arg(int(s.kind))
                         .arg(s.cron)
                         .arg(s.intervalMs)
                         .arg(s.anchorAt)
                         .arg(s.timeZone) +
                     QStringLiteral(" window=%1-%2/%3 postpone=%4 paused=%5 start=%6 fire-jitter=%7 misfire=%8")
                         .arg(s.window.startMinute)
                         .arg(s.window.endMinute)
                         .arg(s.window.weekdays)
                         .arg(s.postponeUntil)
                         .arg(s.paused)
                         .arg(s.runOnStart)
                         .arg(s.jitterMs)
                         .arg(misfirePolicyName(s.misfire)) +
                     QStringLiteral(" sla=%1/%2/%3 critical=%4 incidents=%5 auto-resolve=%6 rate=%7/%8 expected=%9")
                         .arg(j.sla.periodMs)
                         .arg(j.sla.withinMs)
                         .arg(j.sla.graceMs)
                         .arg(j.critical)
                         .arg(j.incidents.severityText())
                         .arg(j.incidents.autoResolve)
                         .arg(j.incidents.failureRateThreshold)
                         .arg(j.incidents.failureRateWindow)
                         .arg(j.incidents.expectedDurationMs);
    }
    for (const Connection &c : declarations.connections)
        lines << QStringLiteral("connection %1 url=%2 password=%3").arg(c.name, c.url, c.password);
    for (const User &u : declarations.users) {
        lines << QStringLiteral("user %1 email=%2 role=%3 zone=%4 channels=%5 dnd=%6")
                     .arg(u.name, u.email)
                     .arg(int(u.role))
                     .arg(u.timeZone, QString::fromUtf8(contactChannelsToJson(u.channels)),
                          QString::fromUtf8(dndWindowsToJson(u.doNotDisturb)));
    }
    return lines;
}

inline QByteArray fromLines(const QStringList &lines)
{
    return lines.join(u'\n').toUtf8() + '\n';
}

} // namespace vigia::test
