#include "config/jobincidentconfig.h"

#include "config/configvalues.h"

#include <QCoreApplication>
#include <QLocale>

namespace vigia::config {

namespace {
struct ConfigTr {
    Q_DECLARE_TR_FUNCTIONS(Config)
};

constexpr qint64 DayMs = 24 * 3600 * 1000;
constexpr qint64 MaxDurationMs = 366 * DayMs;

std::string toStd(const QString &text)
{
    return text.toStdString();
}
} // namespace

void parseJobSla(ConfigReader &reader, const Entry &entry, JobSla &sla)
{
    const std::optional<Fields> fields =
        reader.mapping(entry, {QStringLiteral("period"), QStringLiteral("within"), QStringLiteral("grace")});
    if (!fields)
        return;
    if (fields->contains(QStringLiteral("period"))) {
        if (const auto ms = reader.duration(fields->value(QStringLiteral("period")), 1000, MaxDurationMs))
            sla.periodMs = *ms;
    }
    if (fields->contains(QStringLiteral("within"))) {
        if (const auto ms = reader.duration(fields->value(QStringLiteral("within")), 1000, MaxDurationMs))
            sla.withinMs = *ms;
    }
    if (fields->contains(QStringLiteral("grace"))) {
        if (const auto ms = reader.duration(fields->value(QStringLiteral("grace")), 0, MaxDurationMs))
            sla.graceMs = *ms;
    }
}

void parseIncidentPolicy(ConfigReader &reader, const Entry &entry, IncidentPolicy &policy)
{
    const std::optional<Fields> fields =
        reader.mapping(entry, {QStringLiteral("severity"), QStringLiteral("auto_resolve"),
                               QStringLiteral("failure_rate"), QStringLiteral("expected_duration")});
    if (!fields)
        return;
    if (fields->contains(QStringLiteral("severity"))) {
        const QStringList names{QStringLiteral("critical"), QStringLiteral("high"), QStringLiteral("warning"),
                                QStringLiteral("info"), QStringLiteral("off")};
        if (const auto index = reader.choice(fields->value(QStringLiteral("severity")), names))
            policy.setSeverityText(names.at(*index));
    }
    if (fields->contains(QStringLiteral("auto_resolve"))) {
        if (const auto value = reader.boolean(fields->value(QStringLiteral("auto_resolve"))))
            policy.autoResolve = *value;
    }
    if (fields->contains(QStringLiteral("failure_rate"))) {
        const Entry rate = fields->value(QStringLiteral("failure_rate"));
        if (const std::optional<Fields> rateFields =
                reader.mapping(rate, {QStringLiteral("threshold"), QStringLiteral("window")})) {
            const bool hasThreshold = rateFields->contains(QStringLiteral("threshold"));
            const bool hasWindow = rateFields->contains(QStringLiteral("window"));
            if (!hasThreshold || !hasWindow) {
                reader.error(rate, ConfigTr::tr("needs both threshold (0 to 1) and window (a number of runs)"));
            } else {
                const auto threshold = reader.number(rateFields->value(QStringLiteral("threshold")), 0, 1);
                const auto window = reader.integer(rateFields->value(QStringLiteral("window")), 1, 10000);
                if (threshold && window) {
                    policy.failureRateThreshold = *threshold;
                    policy.failureRateWindow = int(*window);
                }
            }
        }
    }
    if (fields->contains(QStringLiteral("expected_duration"))) {
        if (const auto ms = reader.duration(fields->value(QStringLiteral("expected_duration")), 1, MaxDurationMs))
            policy.expectedDurationMs = *ms;
    }
}

void writeJobIncidentFields(YAML::Emitter &out, const JobDef &job)
{
    const JobSla &sla = job.sla;
    if (sla != JobSla{}) {
        out << YAML::Key << "sla" << YAML::Value << YAML::Flow << YAML::BeginMap;
        if (sla.periodMs > 0)
            out << YAML::Key << "period" << YAML::Value << toStd(formatDuration(sla.periodMs));
        if (sla.withinMs > 0)
            out << YAML::Key << "within" << YAML::Value << toStd(formatDuration(sla.withinMs));
        if (sla.graceMs > 0)
            out << YAML::Key << "grace" << YAML::Value << toStd(formatDuration(sla.graceMs));
        out << YAML::EndMap;
    }
    if (job.critical)
        out << YAML::Key << "critical" << YAML::Value << "true";
    const IncidentPolicy &policy = job.incidents;
    if (policy == IncidentPolicy{})
        return;
    const IncidentPolicy defaults;
    out << YAML::Key << "incident_policy" << YAML::Value << YAML::BeginMap;
    if (policy.enabled != defaults.enabled || policy.severity != defaults.severity)
        out << YAML::Key << "severity" << YAML::Value << toStd(policy.severityText());
    if (!policy.autoResolve)
        out << YAML::Key << "auto_resolve" << YAML::Value << "false";
    if (policy.failureRateWindow > 0) {
        out << YAML::Key << "failure_rate" << YAML::Value << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "threshold" << YAML::Value
            << toStd(QString::number(policy.failureRateThreshold, 'g', QLocale::FloatingPointShortest));
        out << YAML::Key << "window" << YAML::Value << std::to_string(policy.failureRateWindow);
        out << YAML::EndMap;
    }
    if (policy.expectedDurationMs > 0)
        out << YAML::Key << "expected_duration" << YAML::Value << toStd(formatDuration(policy.expectedDurationMs));
    out << YAML::EndMap;
}

} // namespace vigia::config
