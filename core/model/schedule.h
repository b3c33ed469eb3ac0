#pragma once

#include <QString>

namespace vigia {

// Times of day and weekdays, in the job's time zone, outside which a fire is not enqueued. The end minute is
// inclusive; an end before the start crosses midnight (22:00-02:00 belongs to the day it starts on).
struct ExecutionWindow {
    int startMinute = -1; // minutes after midnight, -1: no time-of-day limit
    int endMinute = -1;
    quint8 weekdays = 0x7F; // bit 0 = Monday ... bit 6 = Sunday (Qt::DayOfWeek - 1)

    bool hasTimeOfDay() const { return startMinute >= 0 && endMinute >= 0; }
    bool isUnrestricted() const { return !hasTimeOfDay() && (weekdays & 0x7F) == 0x7F; }
};

// What happens to fires missed while the engine was down or the job paused.
enum class MisfirePolicy {
    Coalesce, // run once for all of them (the default)
    RunAll,   // run each missed fire, at most MaxCatchUpFires
    Skip,     // run none; wait for the next fire
};

QString misfirePolicyName(MisfirePolicy policy);
// Unknown names give the default (coalesce); names are checked where they are read from people (apply).
MisfirePolicy misfirePolicyFromName(const QString &name);

// When a job fires: a cron expression or a fixed interval, evaluated in an IANA time zone.
struct Schedule {
    enum class Kind {
        None,
        Cron,
        Interval
    };
    static constexpr int MaxCatchUpFires = 100;

    Kind kind = Kind::None;
    QString cron;          // Kind::Cron
    qint64 intervalMs = 0; // Kind::Interval
    qint64 anchorAt = 0;   // Kind::Interval: fires at anchorAt + k * intervalMs, never drifting
    QString timeZone = QStringLiteral("UTC");
    ExecutionWindow window;
    qint64 postponeUntil = 0; // no fire is enqueued before this instant
    bool paused = false;      // no fire is enqueued; missed fires follow the misfire policy
    bool runOnStart = false;  // also run once when the scheduler starts
    qint64 jitterMs = 0;      // spread each fire's start over [0, jitterMs)
    MisfirePolicy misfire = MisfirePolicy::Coalesce;

    bool isScheduled() const { return kind != Kind::None; }
};

// How the stores spell a schedule's kind: none, cron, interval.
QString scheduleKindName(Schedule::Kind kind);
Schedule::Kind scheduleKindFromName(const QString &name);

} // namespace vigia
