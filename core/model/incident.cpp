#include "model/incident.h"

#include <QMap>

#include <algorithm>
#include <iterator>

namespace vigia {

namespace {
template <typename Enum, std::size_t N> struct Names {
    std::pair<Enum, const char *> entries[N];

    QString name(Enum value) const
    {
        for (const auto &[candidate, text] : entries) {
            if (candidate == value)
                return QLatin1String(text);
        }
        return {};
    }
    std::optional<Enum> value(const QString &name) const
    {
        for (const auto &[candidate, text] : entries) {
            if (name == QLatin1String(text))
                return candidate;
        }
        return std::nullopt;
    }
};

constexpr Names<IncidentState, 3> StateNames{{{IncidentState::Triggered, "triggered"},
                                              {IncidentState::Acknowledged, "acknowledged"},
                                              {IncidentState::Resolved, "resolved"}}};
constexpr Names<IncidentSeverity, 4> SeverityNames{{{IncidentSeverity::Critical, "critical"},
                                                    {IncidentSeverity::High, "high"},
                                                    {IncidentSeverity::Warning, "warning"},
                                                    {IncidentSeverity::Info, "info"}}};
constexpr Names<IncidentSource, 6> SourceNames{{{IncidentSource::DeadRun, "dead_run"},
                                                {IncidentSource::Stale, "stale"},
                                                {IncidentSource::TooLong, "too_long"},
                                                {IncidentSource::FailureRate, "failure_rate"},
                                                {IncidentSource::SqlCheck, "sql_check"},
                                                {IncidentSource::External, "external"}}};
constexpr Names<IncidentEventKind, 11> EventNames{{{IncidentEventKind::Created, "created"},
                                                   {IncidentEventKind::Occurrence, "occurrence"},
                                                   {IncidentEventKind::Notified, "notified"},
                                                   {IncidentEventKind::Escalated, "escalated"},
                                                   {IncidentEventKind::Acknowledged, "acknowledged"},
                                                   {IncidentEventKind::Snoozed, "snoozed"},
                                                   {IncidentEventKind::Unsnoozed, "unsnoozed"},
                                                   {IncidentEventKind::Note, "note"},
                                                   {IncidentEventKind::Reassigned, "reassigned"},
                                                   {IncidentEventKind::Resolved, "resolved"},
                                                   {IncidentEventKind::Reopened, "reopened"}}};
constexpr Names<IncidentStatsGroup, 3> GroupNames{{{IncidentStatsGroup::Job, "job"},
                                                   {IncidentStatsGroup::Queue, "queue"},
                                                   {IncidentStatsGroup::Severity, "severity"}}};

qint64 mean(const QVector<qint64> &values)
{
    if (values.isEmpty())
        return 0;
    long double sum = 0;
    for (qint64 v : values)
        sum += v;
    return qint64(sum / values.size() + 0.5L);
}

qint64 median(QVector<qint64> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(middle);
    return (values.at(middle - 1) + values.at(middle)) / 2;
}
} // namespace

QString incidentStateName(IncidentState state)
{
    return StateNames.name(state);
}

std::optional<IncidentState> incidentStateFromName(const QString &name)
{
    return StateNames.value(name);
}

QString incidentSeverityName(IncidentSeverity severity)
{
    return SeverityNames.name(severity);
}

std::optional<IncidentSeverity> incidentSeverityFromName(const QString &name)
{
    return SeverityNames.value(name);
}

QString incidentSourceName(IncidentSource source)
{
    return SourceNames.name(source);
}

std::optional<IncidentSource> incidentSourceFromName(const QString &name)
{
    return SourceNames.value(name);
}

QString incidentEventKindName(IncidentEventKind kind)
{
    return EventNames.name(kind);
}

std::optional<IncidentEventKind> incidentEventKindFromName(const QString &name)
{
    return EventNames.value(name);
}

QString incidentStatsGroupName(IncidentStatsGroup group)
{
    return GroupNames.name(group);
}

std::optional<IncidentStatsGroup> incidentStatsGroupFromName(const QString &name)
{
    return GroupNames.value(name);
}

QVector<IncidentStats> computeIncidentStats(const QVector<IncidentTimes> &incidents)
{
    struct Samples {
        int count = 0;
        QVector<qint64> ack;
        QVector<qint64> resolve;
    };
    QMap<QString, Samples> groups;
    for (const IncidentTimes &incident : incidents) {
        Samples &samples = groups[incident.group];
        ++samples.count;
        if (incident.firstAcknowledgedAt > 0)
            samples.ack.append(std::max<qint64>(0, incident.firstAcknowledgedAt - incident.createdAt));
        if (incident.resolvedAt > 0)
            samples.resolve.append(std::max<qint64>(0, incident.resolvedAt - incident.createdAt));
    }
    QVector<IncidentStats> result;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        IncidentStats stats;
        stats.group = it.key();
        stats.count = it->count;
        stats.acknowledged = int(it->ack.size());
        stats.resolved = int(it->resolve.size());
        stats.meanAckMs = mean(it->ack);
        stats.medianAckMs = median(it->ack);
        stats.meanResolveMs = mean(it->resolve);
        stats.medianResolveMs = median(it->resolve);
        result.append(stats);
    }
    return result;
}

} // namespace vigia
