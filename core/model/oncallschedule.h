#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

namespace vigia {

// Participants take turns in order, one shift each. Day and week shifts hand off at a wall-clock time in the
// rotation's zone (09:00 stays 09:00 across DST); hour shifts are fixed lengths of real time from the first handoff.
struct Rotation {
    enum class Unit {
        Hours,
        Days,
        Weeks
    };
    QStringList participants; // user names, in turn order
    int shiftLength = 1;      // in units
    Unit unit = Unit::Weeks;
    int handoffMinute = 9 * 60; // minutes after local midnight of the first (and, for days/weeks, every) handoff
    QDate startDate;            // local date of the first handoff: nobody is on call before it
    QString timeZone = QStringLiteral("UTC");
};

// A rotation, optionally limited to a daily window (in the rotation's zone) and an end. Where several layers cover
// an instant, the one listed later wins.
struct OnCallLayer {
    QString name;
    Rotation rotation;
    int restrictStartMinute = -1; // -1: all day; an end before the start wraps past midnight
    int restrictEndMinute = -1;
    QVector<int> restrictWeekdays{1, 2, 3, 4, 5, 6, 7}; // of the window's start, 1 = Monday
    qint64 endsAtMs = 0;                                // 0: never ends

    bool isRestricted() const
    {
        return restrictStartMinute >= 0 && restrictEndMinute >= 0 && restrictStartMinute != restrictEndMinute;
    }
};

// Someone else covers [startMs, endMs); overrides win over every layer, a later override over an earlier one.
struct OnCallOverride {
    QString user;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct OnCallSchedule {
    QString name; // unique
    QString description;
    QString timeZone = QStringLiteral("UTC"); // default of its rotations, and how times are shown
    QVector<OnCallLayer> layers;              // first is the bottom layer
    QVector<OnCallOverride> overrides;
};

QString rotationUnitName(Rotation::Unit unit);
// False for an unknown name.
bool rotationUnitFromName(const QString &name, Rotation::Unit *unit);

} // namespace vigia
