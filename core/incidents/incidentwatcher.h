#pragma once

#include "model/jobdef.h"
#include "store/storefactory.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace vigia {

class Alarm;
class Clock;

struct IncidentWatcherConfig {
    qint64 intervalMs = 5'000;
    // Runs and attempts are followed by finish time up to `now - commitSlackMs`, so that a completion stamped a
    // little before another node committed it is not passed over (clocks of the cluster's nodes must agree to
    // within this).
    qint64 commitSlackMs = 5'000;
    // An acknowledged incident not resolved within this goes back to triggered; 0: never.
    qint64 ackTimeoutMs = 30 * 60'000;
};

// Opens and resolves the incidents the engine sees for itself, as a leader duty off the dispatcher's hot path:
// - a run that went dead opens (or adds an occurrence to) `dead:<job>`, or `dead:run:<id>` for an ad-hoc run,
//   with the job's incident severity (default high; a job whose policy is "off" opens none);
// - a failed or timed-out attempt of an `sql` job opens `sql:<job>` (source sql_check) with the failure detail
//   (the offending rows);
// - an open `dead:` or `sql:` incident of a job whose policy auto-resolves is resolved once a run of the job at
//   or after the incident's latest run succeeded.
// It follows runs and attempts by finish time from a watermark it keeps in the database, so a new leader carries
// on where the previous one stopped (an incident raised just before a crash may get one extra occurrence). It also
// reopens acknowledgements that timed out and ends snoozes whose time has come. Time comes from the injected clock.
class IncidentWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int Batch = 500;
    static inline const QString WatermarkName = QStringLiteral("incident-watcher");

    IncidentWatcher(StoreOpener opener, Clock *clock, IncidentWatcherConfig config = {}, QObject *parent = nullptr);
    ~IncidentWatcher() override;

public slots:
    // On the watcher's thread.
    void start();
    // One pass now (start() runs one and arms the timer for the next).
    void check();

signals:
    // After a pass that changed anything: incidents opened, occurrences added, resolved, reopened or unsnoozed.
    void incidentsChanged(int opened, int resolved);
    void failed(const QString &message);

private:
    int raiseForDeadRuns(const QVector<Run> &runs, qint64 now);
    int raiseForFailedChecks(const QVector<std::pair<Attempt, Run>> &attempts, qint64 now);
    int resolveRecovered(qint64 now);
    // The job of a run, read once per pass; nullptr for an ad-hoc run or a deleted job.
    const JobDef *jobOf(qint64 jobId);

    StoreOpener m_opener;
    Clock *m_clock;
    IncidentWatcherConfig m_config;
    std::unique_ptr<Store> m_store;
    Alarm *m_alarm;
    QHash<qint64, std::optional<JobDef>> m_jobs; // per pass
};

} // namespace vigia
