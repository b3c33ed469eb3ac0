#pragma once

#include "model/run.h"

#include <QStringList>

namespace vigia::cli {

class CliContext;

// Runs `vigia-engine ARGS...` (args exclude the program name) and returns the exit code. Needs a
// QCoreApplication; `serve` runs its event loop.
int run(const QStringList &args);

// The verbs; each parses its own options and returns an exit code or throws UsageError / StoreError.
int serveVerb(CliContext &context, const QStringList &args);
int migrateVerb(CliContext &context, const QStringList &args);
int enqueueVerb(CliContext &context, const QStringList &args);
int runsVerb(CliContext &context, const QStringList &args);
int dlqVerb(CliContext &context, const QStringList &args);
int queuesVerb(CliContext &context, const QStringList &args);
int jobsVerb(CliContext &context, const QStringList &args);
int cronVerb(CliContext &context, const QStringList &args);
int scheduleVerb(CliContext &context, const QStringList &args);
int secretVerb(CliContext &context, const QStringList &args);
int applyVerb(CliContext &context, const QStringList &args);
int exportVerb(CliContext &context, const QStringList &args);
int nodesVerb(CliContext &context, const QStringList &args);
// Exit codes of its own: 0 ok, 1 degraded, 2 critical, 3 unknown (see statusverb.cpp).
int statusVerb(CliContext &context, const QStringList &args);
int incidentsVerb(CliContext &context, const QStringList &args);
int usersVerb(CliContext &context, const QStringList &args);
int oncallVerb(CliContext &context, const QStringList &args);
int notificationsVerb(CliContext &context, const QStringList &args);
int statsVerb(CliContext &context, const QStringList &args);

// Prints runs as a table, or as a JSON array with --json.
void printRuns(CliContext &context, const QVector<Run> &runs, bool json);

} // namespace vigia::cli
