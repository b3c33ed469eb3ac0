#pragma once

#include "model/schedule.h"
#include "schedule/cronexpression.h"

#include <QCoreApplication>
#include <QTimeZone>
#include <QVector>

#include <optional>

namespace vigia {

// What the scheduler does with one job at one wake-up: the fire times to enqueue, and the next one to wait for.
struct FirePlan {
    QVector<qint64> fires; // fire instants to enqueue (ms since epoch, UTC), oldest first
    qint64 nextFireAt = 0; // 0: the schedule never fires again
    int missed = 0;        // due fires found late (downtime or pause), whatever the policy did with them
    int outsideWindow = 0; // due fires dropped by the execution window or postpone_until
};

// A schedule checked and compiled once: raw fire times, the execution window, and misfire planning.
class ScheduleRule {
    Q_DECLARE_TR_FUNCTIONS(ScheduleRule)

public:
    // A late fire within this bound is an ordinary fire, not a misfire (the scheduler was just busy).
    static constexpr qint64 MisfireThresholdMs = 60'000;

    // Validates the schedule; on failure names what is wrong in *error (e.g. an unknown time zone).
    static std::optional<ScheduleRule> compile(const Schedule &schedule, QString *error);

    // The first raw fire time strictly after `fromMs`, before any window; 0 when it never fires.
    qint64 nextFireAfter(qint64 fromMs) const;
    // Whether a fire at this instant may be enqueued: inside the execution window and not postponed.
    bool mayFireAt(qint64 fireMs) const;
    // Given the next fire the job was waiting for (`dueAt`, from the database) and the time now, decides what to
    // enqueue. A job waiting for nothing yet (dueAt 0) starts from `now` and fires nothing.
    FirePlan plan(qint64 dueAt, qint64 now) const;
    // Deterministic offset in [0, jitterMs) for one fire, so that every node computes the same start time.
    qint64 jitterFor(qint64 jobId, qint64 fireMs) const;

    const Schedule &schedule() const { return m_schedule; }
    const QTimeZone &zone() const { return m_zone; }

private:
    Schedule m_schedule;
    QTimeZone m_zone;
    std::optional<CronExpression> m_cron;
};

} // namespace vigia
