#include "incidents/oncallresolver.h"

#include "util/zonedtime.h"

#include <QCoreApplication>

#include <utility>

namespace vigia {

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr int MaxTimelineSegments = 100'000;

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

bool validMinute(int minute)
{
    return minute >= 0 && minute < 24 * 60;
}

} // namespace

OnCallResolver::OnCallResolver(OnCallSchedule schedule)
    : m_schedule(std::move(schedule))
{
    for (const OnCallLayer &layer : std::as_const(m_schedule.layers)) {
        const Rotation &rotation = layer.rotation;
        const QTimeZone zone = zoneOrUtc(rotation.timeZone);
        m_zones.append(zone);
        m_firstHandoffMs.append(
            rotation.startDate.isValid() ? zonedToUtcMs(rotation.startDate, rotation.handoffMinute, zone) : Never);
    }
}

QString OnCallResolver::validate(const OnCallSchedule &schedule)
{
    if (!QTimeZone(schedule.timeZone.toUtf8()).isValid())
        return tr("unknown time zone \"%1\"").arg(schedule.timeZone);
    for (int i = 0; i < schedule.layers.size(); ++i) {
        const OnCallLayer &layer = schedule.layers.at(i);
        const Rotation &rotation = layer.rotation;
        const QString name = layer.name.isEmpty() ? QString::number(i + 1) : layer.name;
        if (rotation.participants.isEmpty())
            return tr("layer %1: a rotation needs at least one participant").arg(name);
        if (rotation.shiftLength < 1)
            return tr("layer %1: the shift length must be at least 1").arg(name);
        if (!rotation.startDate.isValid())
            return tr("layer %1: a rotation needs a start date").arg(name);
        if (!validMinute(rotation.handoffMinute))
            return tr("layer %1: the handoff time must lie within a day").arg(name);
        if (!QTimeZone(rotation.timeZone.toUtf8()).isValid())
            return tr("layer %1: unknown time zone \"%2\"").arg(name, rotation.timeZone);
        if ((layer.restrictStartMinute >= 0 || layer.restrictEndMinute >= 0) &&
            (!validMinute(layer.restrictStartMinute) || !validMinute(layer.restrictEndMinute)))
            return tr("layer %1: a restriction needs a start and an end time within a day").arg(name);
        for (int weekday : layer.restrictWeekdays) {
            if (weekday < 1 || weekday > 7)
                return tr("layer %1: weekdays are 1 (Monday) to 7 (Sunday)").arg(name);
        }
    }
    for (const OnCallOverride &override : schedule.overrides) {
        if (override.user.isEmpty())
            return tr("an override needs a user");
        if (override.endMs <= override.startMs)
            return tr("the override for %1 ends before it starts").arg(override.user);
    }
    return {};
}

qint64 OnCallResolver::shiftStartMs(int index, qint64 shift) const
{
    const Rotation &rotation = m_schedule.layers.at(index).rotation;
    if (rotation.unit == Rotation::Unit::Hours)
        return m_firstHandoffMs.at(index) + shift * rotation.shiftLength * HourMs;
    const qint64 periodDays = qint64(rotation.shiftLength) * (rotation.unit == Rotation::Unit::Weeks ? 7 : 1);
    return zonedToUtcMs(rotation.startDate.addDays(shift * periodDays), rotation.handoffMinute, m_zones.at(index));
}

bool OnCallResolver::insideRestriction(int index, qint64 atMs, qint64 *nextEdgeMs) const
{
    const OnCallLayer &layer = m_schedule.layers.at(index);
    *nextEdgeMs = Never;
    if (!layer.isRestricted())
        return true;
    const QTimeZone &zone = m_zones.at(index);
    const bool wraps = layer.restrictEndMinute < layer.restrictStartMinute;
    const QDate today = zonedDate(atMs, zone);
    bool inside = false;
    // Edges of every day's window from yesterday to a week ahead: enough to find the next one on any weekday set.
    for (int offset = -1; offset <= 8; ++offset) {
        const QDate day = today.addDays(offset);
        const qint64 start = zonedToUtcMs(day, layer.restrictStartMinute, zone);
        const qint64 end = zonedToUtcMs(wraps ? day.addDays(1) : day, layer.restrictEndMinute, zone);
        if (layer.restrictWeekdays.contains(day.dayOfWeek()) && start <= atMs && atMs < end)
            inside = true;
        if (start > atMs)
            *nextEdgeMs = qMin(*nextEdgeMs, start);
        if (end > atMs)
            *nextEdgeMs = qMin(*nextEdgeMs, end);
    }
    return inside;
}

OnCallResolver::LayerAnswer OnCallResolver::layerAt(int index, qint64 atMs) const
{
    const OnCallLayer &layer = m_schedule.layers.at(index);
    const Rotation &rotation = layer.rotation;
    LayerAnswer answer;
    if (rotation.participants.isEmpty() || rotation.shiftLength < 1 || !rotation.startDate.isValid())
        return answer;
    if (layer.endsAtMs > 0 && atMs >= layer.endsAtMs)
        return answer;
    const qint64 endsAt = layer.endsAtMs > 0 ? layer.endsAtMs : Never;
    const qint64 first = m_firstHandoffMs.at(index);
    if (atMs < first) {
        answer.nextChangeMs = qMin(first, endsAt);
        return answer;
    }
    qint64 shift = 0;
    if (rotation.unit == Rotation::Unit::Hours) {
        shift = floorDiv(atMs - first, rotation.shiftLength * HourMs);
    } else {
        const qint64 periodDays = qint64(rotation.shiftLength) * (rotation.unit == Rotation::Unit::Weeks ? 7 : 1);
        shift = floorDiv(rotation.startDate.daysTo(zonedDate(atMs, m_zones.at(index))), periodDays);
        while (shift > 0 && shiftStartMs(index, shift) > atMs)
            --shift;
        while (shiftStartMs(index, shift + 1) <= atMs)
            ++shift;
    }
    qint64 edge = Never;
    const bool inside = insideRestriction(index, atMs, &edge);
    answer.nextChangeMs = qMin(qMin(shiftStartMs(index, shift + 1), edge), endsAt);
    if (inside)
        answer.user = rotation.participants.at(int(shift % rotation.participants.size()));
    return answer;
}

OnCallResolver::Answer OnCallResolver::at(qint64 atMs) const
{
    Answer answer;
    for (int i = 0; i < m_schedule.layers.size(); ++i) {
        const LayerAnswer layer = layerAt(i, atMs);
        answer.untilMs = qMin(answer.untilMs, layer.nextChangeMs);
        if (!layer.user.isEmpty()) {
            answer.user = layer.user;
            answer.layer = i;
        }
    }
    for (const OnCallOverride &override : m_schedule.overrides) {
        if (override.startMs > atMs)
            answer.untilMs = qMin(answer.untilMs, override.startMs);
        else if (override.endMs > atMs)
            answer.untilMs = qMin(answer.untilMs, override.endMs);
        if (override.startMs <= atMs && atMs < override.endMs && !override.user.isEmpty()) {
            answer.user = override.user;
            answer.layer = OverrideLayer;
        }
    }
    return answer;
}

QVector<OnCallResolver::Segment> OnCallResolver::timeline(qint64 fromMs, qint64 toMs) const
{
    QVector<Segment> segments;
    qint64 cursor = fromMs;
    while (cursor < toMs && segments.size() < MaxTimelineSegments) {
        const Answer answer = at(cursor);
        const qint64 end = answer.untilMs > cursor ? qMin(answer.untilMs, toMs) : toMs;
        if (!segments.isEmpty() && segments.last().user == answer.user && segments.last().layer == answer.layer)
            segments.last().toMs = end;
        else
            segments.append(Segment{cursor, end, answer.user, answer.layer});
        cursor = end;
    }
    return segments;
}

QVector<OnCallResolver::Segment> OnCallResolver::gaps(qint64 fromMs, qint64 toMs) const
{
    QVector<Segment> gaps;
    for (const Segment &segment : timeline(fromMs, toMs)) {
        if (segment.user.isEmpty())
            gaps.append(segment);
    }
    return gaps;
}

} // namespace vigia
