#pragma once

#include "model/jobdef.h"
#include "schedule/schedulerule.h"
#include "store/storefactory.h"

#include <QObject>

#include <memory>
#include <unordered_map>

namespace vigia {

class Alarm;
class Clock;

// Fires scheduled jobs: sleeps until the earliest next fire of any job, then enqueues each due fire once, with a
// unique key (job, fire time) so that several schedulers on one database never enqueue a fire twice. Late fires
// follow the job's misfire policy; windows, pause and postpone gate what is enqueued. A leader duty.
class Scheduler : public QObject {
    Q_OBJECT
public:
    // How often to look for job edits made by other processes (a cheap read of one counter).
    static constexpr qint64 RevisionPollMs = 1'000;

    Scheduler(StoreOpener opener, Clock *clock, QObject *parent = nullptr);
    ~Scheduler() override;

public slots:
    // On the scheduler's thread.
    void start();

public:
    // Re-read the jobs now (a job was added or edited in this process).
    void wake();

    static QString uniqueKeyFor(qint64 jobId, qint64 fireAt);

signals:
    void started();
    void failed(const QString &message);
    // Runs were enqueued: the dispatcher should look for work.
    void firesEnqueued(int count);

private:
    void tick();
    void checkRevision();
    int fireJob(const JobDef &job, qint64 now, qint64 &earliest);
    void runOnStart(const QVector<JobDef> &jobs, qint64 now);

    StoreOpener m_opener;
    Clock *m_clock;
    std::unique_ptr<Store> m_store;
    Alarm *m_fireAlarm;
    Alarm *m_revisionAlarm;
    qint64 m_revision = -1;
    // Compiled schedules by job id, valid for one jobs revision (an edit anywhere recompiles them all).
    std::unordered_map<qint64, ScheduleRule> m_rules;
    qint64 m_rulesRevision = -1;
    qint64 m_retryMs = 0;
};

} // namespace vigia
