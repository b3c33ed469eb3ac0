// What the jobs-as-code end-to-end tests share: the two files most of them apply, the audit trail as text, and the
// files of one test function in a temporary directory, applied through the real vigia-engine binary.
#pragma once

#include "testsupport.h"

#include "store/store.h"

#include <QFile>
#include <QTemporaryDir>

#include <memory>

namespace vigia::test {

inline constexpr char Declared[] = R"(version: 1
queues:
  - name: reports
    concurrency: 2
  - name: quiet
    concurrency: 1
    paused: true
jobs:
  - name: nightly-report
    queue: reports
    kind: sleep
    spec: {ms: 500}
    priority: high
    timeout: 5m
    retry: {max_attempts: 6, base: 30s, factor: 1.5, max: 2h, jitter: equal}
    schedule:
      cron: "*/5 8-19 * * MON-FRI"
      time_zone: America/Sao_Paulo
      window: {start: "08:00", end: "19:59", days: [mon, tue, wed, thu, fri]}
      misfire: run-all
      jitter: 30s
      run_on_start: false
      paused: false
      postpone_until: 2026-12-01T00:00:00Z
  - name: heartbeat
    kind: noop
    schedule: {every: 30s, anchor: "2026-01-01T00:00:00.250Z"}
  - name: flaky
    queue: quiet
    kind: fail
    spec: {times: 2, message: "503", until: "2026-12-01T00:00:00Z"}
  - name: on-demand
    kind: sleep
    spec: {ms: 10}
)";

// Declared, edited: nightly-report's cron and timeout change, heartbeat gains a window (its rule stays), reports
// gets more concurrency, flaky and quiet are gone.
inline constexpr char Edited[] = R"(version: 1
queues:
  - name: reports
    concurrency: 3
jobs:
  - name: nightly-report
    queue: reports
    kind: sleep
    spec: {ms: 500}
    priority: high
    timeout: 10m
    retry: {max_attempts: 6, base: 30s, factor: 1.5, max: 2h, jitter: equal}
    schedule:
      cron: "*/10 8-19 * * MON-FRI"
      time_zone: America/Sao_Paulo
      window: {start: "08:00", end: "19:59", days: [mon, tue, wed, thu, fri]}
      misfire: run-all
      jitter: 30s
      postpone_until: 2026-12-01T00:00:00Z
  - name: heartbeat
    kind: noop
    schedule: {every: 30s, anchor: "2026-01-01T00:00:00.250Z", window: {days: [mon]}}
  - name: on-demand
    kind: sleep
    spec: {ms: 10}
)";

// Audit rows as "action target", oldest first.
inline QStringList auditActions(const TempDatabase &db)
{
    QStringList actions;
    const QVector<AuditEntry> entries = db.open()->auditLog(10000);
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        actions << it->action + u' ' + it->target;
    return actions;
}

// Mixed into a test class: call freshDirectory() from init().
class ApplyFiles {
protected:
    void freshDirectory() { m_dir = std::make_unique<QTemporaryDir>(); }

    QString write(const char *name, const QByteArray &text)
    {
        const QString path = m_dir->filePath(QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static CliResult apply(const TempDatabase &db, const QString &path, const char *options = "")
    {
        return cli(db, QStringList{QStringLiteral("apply"), QStringLiteral("-f"), path} + words(options));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace vigia::test
