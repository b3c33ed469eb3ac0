#pragma once

#include "incidents/healthcheck.h"
#include "store/storefactory.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <memory>

namespace vigia {

class Alarm;
class Clock;

// Watches every job against its SLA (incidents/jobhealth.h) and turns what it finds into incidents, as a leader
// duty on the injected clock: every interval (30 s) it reads all jobs and what their runs did (Store::jobActivity)
// and, for each job whose incident policy is not off,
// - raises `stale:<job>` while the job is stale, `too_long:<job>` while a run runs too long and
//   `failure_rate:<job>` while its failure rate is over the threshold (sources stale, too_long, failure_rate), with
//   the job's incident severity, critical for a critical job;
// - resolves them when the condition clears, if the job's policy auto-resolves.
// A condition that persists does not write on every pass: it adds an occurrence to its open incident only when it
// gets worse (a stale job misses another period, another run goes too long, another run finishes while the rate is
// still over). What was raised is remembered for the leadership term; a new term starts from the open incidents in
// the database, so it resolves what an earlier leader raised.
class SlaMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 DefaultIntervalMs = 30'000;

    SlaMonitor(StoreOpener opener, Clock *clock, qint64 intervalMs = DefaultIntervalMs, QObject *parent = nullptr);
    ~SlaMonitor() override;

    static QString staleKey(const QString &job) { return u"stale:" + job; }
    static QString tooLongKey(const QString &job) { return u"too_long:" + job; }
    static QString failureRateKey(const QString &job) { return u"failure_rate:" + job; }

public slots:
    // On the monitor's thread.
    void start();
    // One pass now (start() runs one and arms the timer for the next).
    void check();

signals:
    // After every pass: how many jobs were stale, incidents raised (new or an occurrence) and resolved.
    void checked(int staleJobs, int raised, int resolved);
    void failed(const QString &message);

private:
    struct Condition {
        QString key;
        IncidentSource source = IncidentSource::Stale;
        bool active = false;
        QString fingerprint; // what the condition is now; a change while active adds an occurrence
        QString title;
        QString resolveNote;
        QJsonObject detail;
    };
    void loadOpenIncidents();
    void apply(const JobDef &job, const Condition &condition, qint64 now, int &raised, int &resolved);

    StoreOpener m_opener;
    Clock *m_clock;
    qint64 m_intervalMs;
    std::unique_ptr<Store> m_store;
    Alarm *m_alarm;
    bool m_loaded = false;
    // Open incidents this monitor answers for, by dedup key: the fingerprint of the condition last raised (empty
    // for one found in the database at the start of the term).
    QHash<QString, QString> m_open;
    HealthCheck m_check;
};

} // namespace vigia
