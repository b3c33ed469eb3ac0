#pragma once

#include "model/oncallschedule.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <limits>

namespace vigia {

// Who is on call for one schedule, at any instant: overrides first, then the highest layer that covers the instant.
// Pure: no clock, no store.
class OnCallResolver {
    Q_DECLARE_TR_FUNCTIONS(OnCallResolver)

public:
    static constexpr qint64 Never = std::numeric_limits<qint64>::max();
    static constexpr int OverrideLayer = -1;
    static constexpr int NoLayer = -2;

    struct Answer {
        QString user;           // empty: nobody (a gap)
        int layer = NoLayer;    // index of the winning layer, OverrideLayer or NoLayer
        qint64 untilMs = Never; // the answer holds at least until this instant
        bool covered() const { return !user.isEmpty(); }
    };
    struct Segment {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QString user;
        int layer = NoLayer;
    };

    explicit OnCallResolver(OnCallSchedule schedule);

    // What is wrong with the schedule (unknown zone, no participants, bad shift length...), or empty.
    static QString validate(const OnCallSchedule &schedule);

    Answer at(qint64 atMs) const;
    // The schedule over [fromMs, toMs) as consecutive segments, equal neighbours merged.
    QVector<Segment> timeline(qint64 fromMs, qint64 toMs) const;
    // The uncovered parts of [fromMs, toMs).
    QVector<Segment> gaps(qint64 fromMs, qint64 toMs) const;

    const OnCallSchedule &schedule() const { return m_schedule; }

private:
    struct LayerAnswer {
        QString user;
        qint64 nextChangeMs = Never;
    };
    LayerAnswer layerAt(int index, qint64 atMs) const;
    qint64 shiftStartMs(int index, qint64 shift) const;
    bool insideRestriction(int index, qint64 atMs, qint64 *nextEdgeMs) const;

    OnCallSchedule m_schedule;
    QVector<QTimeZone> m_zones; // per layer
    QVector<qint64> m_firstHandoffMs;
};

} // namespace vigia
