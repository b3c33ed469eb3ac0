#include "config/configwriter.h"

#include "config/configparser.h"
#include "config/configvalues.h"
#include "config/connectionsection.h"
#include "config/jobincidentconfig.h"
#include "config/oncallsection.h"
#include "config/usersection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace vigia {

namespace {
std::string toStd(const QString &text)
{
    return text.toStdString();
}

std::string number(double value)
{
    // Whole numbers as integers (a payload's {"ms": 500} stays 500, not 500.0); others in their shortest exact form.
    if (std::abs(value) < 9007199254740992.0 && value == std::trunc(value))
        return std::to_string(qint64(value));
    return toStd(QString::number(value, 'g', QLocale::FloatingPointShortest));
}

// A string in a payload, quoted when the parser would otherwise read it as a number, a boolean or null.
void writeString(YAML::Emitter &out, const QString &text)
{
    if (!config::plainScalarValue(text).isString())
        out << YAML::DoubleQuoted;
    out << toStd(text);
}

void writeJson(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    case QJsonValue::Bool:
        out << (value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        out << number(value.toDouble());
        break;
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out << YAML::Flow << YAML::BeginSeq;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            writeJson(out, item);
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::Object: {
        out << YAML::Flow << YAML::BeginMap;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            out << YAML::Key;
            writeString(out, it.key());
            out << YAML::Value;
            writeJson(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    }
}

void writeQueue(YAML::Emitter &out, const Queue &queue)
{
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << toStd(queue.name);
    out << YAML::Key << "concurrency" << YAML::Value << std::to_string(queue.concurrency);
    if (queue.paused)
        out << YAML::Key << "paused" << YAML::Value << "true";
    out << YAML::EndMap;
}

void writeRetry(YAML::Emitter &out, const JobDef &job)
{
    const JobDef defaults;
    const bool attempts = job.maxAttempts != defaults.maxAttempts;
    const bool base = job.retry.baseMs != defaults.retry.baseMs;
    const bool factor = job.retry.factor != defaults.retry.factor;
    const bool max = job.retry.maxMs != defaults.retry.maxMs;
    const bool jitter = job.retry.jitter != defaults.retry.jitter;
    if (!attempts && !base && !factor && !max && !jitter)
        return;
    out << YAML::Key << "retry" << YAML::Value << YAML::Flow << YAML::BeginMap;
    if (attempts)
        out << YAML::Key << "max_attempts" << YAML::Value << std::to_string(job.maxAttempts);
    if (base)
        out << YAML::Key << "base" << YAML::Value << toStd(config::formatDuration(job.retry.baseMs));
    if (factor)
        out << YAML::Key << "factor" << YAML::Value << number(job.retry.factor);
    if (max)
        out << YAML::Key << "max" << YAML::Value << toStd(config::formatDuration(job.retry.maxMs));
    if (jitter)
        out << YAML::Key << "jitter" << YAML::Value << toStd(RetryPolicy::jitterName(job.retry.jitter));
    out << YAML::EndMap;
}

void writeWindow(YAML::Emitter &out, const ExecutionWindow &window)
{
    if (window.isUnrestricted())
        return;
    out << YAML::Key << "window" << YAML::Value << YAML::Flow << YAML::BeginMap;
    if (window.hasTimeOfDay()) {
        out << YAML::Key << "start" << YAML::Value << YAML::DoubleQuoted
            << toStd(config::formatTimeOfDay(window.startMinute));
        out << YAML::Key << "end" << YAML::Value << YAML::DoubleQuoted
            << toStd(config::formatTimeOfDay(window.endMinute));
    }
    if ((window.weekdays & 0x7F) != 0x7F) {
        out << YAML::Key << "days" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (int day = 0; day < 7; ++day) {
            if ((window.weekdays >> day) & 1)
                out << toStd(config::weekdayName(day));
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

void writeSchedule(YAML::Emitter &out, const Schedule &s)
{
    if (!s.isScheduled())
        return;
    out << YAML::Key << "schedule" << YAML::Value << YAML::BeginMap;
    if (s.kind == Schedule::Kind::Cron) {
        out << YAML::Key << "cron" << YAML::Value << YAML::DoubleQuoted << toStd(s.cron);
    } else {
        out << YAML::Key << "every" << YAML::Value << toStd(config::formatDuration(s.intervalMs));
        if (s.anchorAt != 0)
            out << YAML::Key << "anchor" << YAML::Value << toStd(config::formatInstant(s.anchorAt));
    }
    out << YAML::Key << "time_zone" << YAML::Value << toStd(s.timeZone);
    writeWindow(out, s.window);
    if (s.misfire != MisfirePolicy::Coalesce)
        out << YAML::Key << "misfire" << YAML::Value << toStd(misfirePolicyName(s.misfire));
    if (s.jitterMs > 0)
        out << YAML::Key << "jitter" << YAML::Value << toStd(config::formatDuration(s.jitterMs));
    if (s.runOnStart)
        out << YAML::Key << "run_on_start" << YAML::Value << "true";
    if (s.paused)
        out << YAML::Key << "paused" << YAML::Value << "true";
    if (s.postponeUntil > 0)
        out << YAML::Key << "postpone_until" << YAML::Value << toStd(config::formatInstant(s.postponeUntil));
    out << YAML::EndMap;
}

void writeJob(YAML::Emitter &out, const JobDef &job)
{
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << toStd(job.name);
    out << YAML::Key << "queue" << YAML::Value << toStd(job.queue);
    out << YAML::Key << "kind" << YAML::Value << toStd(job.kind);
    const QJsonObject spec = QJsonDocument::fromJson(job.payload).object();
    if (!spec.isEmpty()) {
        out << YAML::Key << "spec" << YAML::Value;
        writeJson(out, spec);
    }
    if (job.priority != Priority::Normal)
        out << YAML::Key << "priority" << YAML::Value << toStd(priorityName(job.priority));
    if (job.timeoutMs > 0)
        out << YAML::Key << "timeout" << YAML::Value << toStd(config::formatDuration(job.timeoutMs));
    writeRetry(out, job);
    writeSchedule(out, job.schedule);
    config::writeJobIncidentFields(out, job);
    if (!job.escalationPolicy.isEmpty())
        out << YAML::Key << "escalation_policy" << YAML::Value << toStd(job.escalationPolicy);
    out << YAML::EndMap;
}
} // namespace

QByteArray ConfigWriter::write(const Declarations &declarations)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "version" << YAML::Value << std::to_string(ConfigParser::FormatVersion);
    out << YAML::Key << "queues" << YAML::Value << YAML::BeginSeq;
    for (const Queue &queue : declarations.queues)
        writeQueue(out, queue);
    out << YAML::EndSeq;
    out << YAML::Key << "jobs" << YAML::Value << YAML::BeginSeq;
    for (const JobDef &job : declarations.jobs)
        writeJob(out, job);
    out << YAML::EndSeq;
    config::writeSchedules(out, declarations.schedules);
    config::writeEscalationPolicies(out, declarations.escalationPolicies);
    config::writeConnections(out, declarations.connections);
    config::writeUsers(out, declarations.users);
    out << YAML::EndMap;
    return QByteArrayLiteral(
               "# Vigia queues, jobs, connections and users; `vigia-engine apply -f FILE` declares them.\n") +
           QByteArray(out.c_str(), qsizetype(out.size())) + '\n';
}

} // namespace vigia
