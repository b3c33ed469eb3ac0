// Jobs as code: `vigia-engine apply -f FILE.yaml` declares queues and jobs; `vigia-engine export` writes the same
// format back. The file format, version 1:
//
//   version: 1                    # required
//   queues:                       # optional list
//     - name: reports             # required, 1 to 100 characters
//       concurrency: 2            # optional, 1 to 100000, default 10
//       paused: false             # optional, default false
//   jobs:                         # optional list
//     - name: nightly-report      # required, unique: the key that makes applying idempotent
//       queue: reports            # optional, default "default"; declared in the file or existing in the database
//                                 # (with --prune: declared in the file, or "default")
//       kind: sleep               # required: a registered kind (noop, sleep, fail, ...)
//       spec: {ms: 500}           # optional mapping, default {}: the kind's payload, checked by the kind
//       priority: normal          # optional: critical | high | normal (default) | low
//       timeout: 5m               # optional, default 0 (the engine's default)
//       retry:                    # optional; every field optional, defaults as RetryPolicy
//         max_attempts: 4         #   1 to 1000 (default 4: three retries)
//         base: 60s               #   first backoff delay (default 60s)
//         factor: 2               #   growth per attempt, 1 to 100 (default 2)
//         max: 1h                 #   backoff ceiling (default 1h)
//         jitter: full            #   none | full (default) | equal
//       schedule:                 # optional; absent = on demand only
//         cron: "*/5 8-19 * * MON-FRI"  # exactly one of cron (5 fields or a macro such as @daily)
//         every: 30s              #   or every (1s to 366d)
//         anchor: 2026-01-01T00:00:00Z  # optional, with every only: fires at anchor + k * every (default epoch)
//         time_zone: America/Sao_Paulo  # IANA name, default UTC
//         window: {start: "08:00", end: "19:59", days: [mon, tue, wed, thu, fri]}  # optional: start and end
//                                 #   together (end inclusive; end < start crosses midnight), days default all
//         misfire: coalesce       # coalesce (default) | run-all | skip
//         jitter: 30s             # 0 to 1h, default 0
//         run_on_start: false     # default false
//         paused: false           # default false
//         postpone_until: 2026-12-01T00:00:00Z  # ISO 8601 with an offset (Z or +HH:MM)
//       sla: {period: 1h, within: 30m, grace: 5m}   # optional (see jobincidentconfig.h)
//       critical: true            # optional, default false
//       incident_policy: {severity: high, auto_resolve: true, failure_rate: {threshold: 0.5, window: 10},
//                         expected_duration: 10m}   # optional, each field optional
//       escalation_policy: ops    # optional: a policy declared below or in the database (default: the engine's)
//   schedules: ...                # optional: on-call schedules (see oncallsection.h)
//   escalation_policies: ...      # optional: escalation policies (see oncallsection.h)
//   connections:                  # optional list: the databases sql jobs name (see connectionsection.h)
//     - name: reports-db
//       url: postgresql://reporter@db.internal/reports
//       password: ${secret:REPORTS_DB}
//   users:                        # optional list: people, their roles and how to reach them (see usersection.h)
//     - name: alice
//       email: alice@example.com
//       role: operator
//
// Durations are 500ms, 30s, 5m, 2h, 1d or sums such as 1h30m; an unquoted whole number is seconds. Whole numbers and
// booleans must not be quoted. Unknown keys are errors. Every error names file:line:column and the field path, and all
// of them are reported at once.
#include "config/configparser.h"

#include "config/configreader.h"
#include "config/configvalues.h"
#include "config/connectionsection.h"
#include "config/jobincidentconfig.h"
#include "config/oncallsection.h"
#include "config/usersection.h"
#include "executors/executorregistry.h"
#include "schedule/cronexpression.h"
#include "schedule/schedulerule.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <limits>

namespace vigia {

using namespace config;

namespace {
struct ConfigTr {
    Q_DECLARE_TR_FUNCTIONS(Config)
};

constexpr qint64 SecondMs = 1000;
constexpr qint64 DayMs = 24 * 3600 * SecondMs;

const QStringList &jobKeys()
{
    static const QStringList keys{
        QStringLiteral("name"),     QStringLiteral("queue"),           QStringLiteral("kind"),
        QStringLiteral("spec"),     QStringLiteral("priority"),        QStringLiteral("timeout"),
        QStringLiteral("retry"),    QStringLiteral("schedule"),        QStringLiteral("sla"),
        QStringLiteral("critical"), QStringLiteral("incident_policy"), QStringLiteral("escalation_policy")};
    return keys;
}

// The structure of the format: which keys each mapping has and what they mean. Typed reads and error collection are
// ConfigReader's.
class Parser : public ConfigReader {
public:
    explicit Parser(const ConfigParseOptions &options)
        : ConfigReader(options.fileName)
        , m_options(options)
    {}

    ConfigParseResult run(const QByteArray &text);

private:
    void missing(const YAML::Node &map, const QString &path, const QString &message)
    {
        error(map.Mark(), path, message);
    }
    ConfigParseResult finish();

    void parseQueues(const Entry &entry);
    void parseJobs(const Entry &entry);
    void parseJob(const YAML::Node &node, const QString &path);
    void parseRetry(const Entry &entry, JobDef &job);
    void parseSchedule(const Entry &entry, Schedule &schedule);
    void parseWindow(const Entry &entry, ExecutionWindow &window);
    void checkQueueReferences();
    void checkConnectionReferences();

    const ConfigParseOptions &m_options;
    Declarations m_declarations;
    // Where each declared name was first seen (1-based line), for duplicate errors.
    QHash<QString, int> m_queueLines;
    QHash<QString, int> m_jobLines;
    // Each job's queue reference, checked once every queue is known.
    struct NameReference {
        QString name;
        YAML::Mark mark;
        QString path;
    };
    QVector<NameReference> m_queueReferences;
    // Each sql job's `connection:`, checked once every connection is known.
    QVector<NameReference> m_connectionReferences;
};

ConfigParseResult Parser::run(const QByteArray &text)
{
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(text.toStdString());
    } catch (const YAML::Exception &e) {
        error(e.mark, {}, ConfigTr::tr("YAML syntax error: %1").arg(fromStd(e.msg)));
        return finish();
    }
    const YAML::Mark start; // line 0, column 0: the top of the file
    if (documents.empty() || (documents.size() == 1 && documents.front().IsNull())) {
        error(start, {},
              ConfigTr::tr("the file is empty; it needs at least \"version: %1\"").arg(ConfigParser::FormatVersion));
        return finish();
    }
    if (documents.size() > 1) {
        error(
            documents.at(1).Mark(), {},
            ConfigTr::tr("expected one YAML document, found %1 (remove the \"---\" separators)").arg(documents.size()));
        return finish();
    }
    const YAML::Node root = documents.front();
    if (!root.IsMap()) {
        error(
            root.Mark(), {},
            ConfigTr::tr("the top level must be a mapping with version, queues and jobs, not %1").arg(describe(root)));
        return finish();
    }
    const std::optional<Fields> fields = mapping(
        root, root.Mark(), {},
        {QStringLiteral("version"), QStringLiteral("queues"), QStringLiteral("jobs"), QStringLiteral("schedules"),
         QStringLiteral("escalation_policies"), QStringLiteral("connections"), QStringLiteral("users")},
        {QStringLiteral("incident_policies")});
    if (!fields->contains(QStringLiteral("version"))) {
        missing(root, QStringLiteral("version"),
                ConfigTr::tr("missing: the format version (\"version: %1\")").arg(ConfigParser::FormatVersion));
    } else {
        const Entry &version = fields->value(QStringLiteral("version"));
        const std::optional<qint64> number = integer(version, 0, std::numeric_limits<int>::max());
        if (number && *number != ConfigParser::FormatVersion) {
            // A newer format may mean anything: the rest of the file would only produce misleading errors.
            error(version, ConfigTr::tr("unsupported version %1 (this program reads version %2)")
                               .arg(*number)
                               .arg(ConfigParser::FormatVersion));
            return finish();
        }
    }
    const std::pair<const char *, Declarations::Section> sections[] = {
        {"queues", Declarations::Queues},           {"jobs", Declarations::Jobs},
        {"schedules", Declarations::Schedules},     {"escalation_policies", Declarations::EscalationPolicies},
        {"connections", Declarations::Connections}, {"users", Declarations::Users}};
    m_declarations.sections = 0;
    for (const auto &[key, section] : sections) {
        if (fields->contains(QLatin1String(key)))
            m_declarations.sections |= section;
    }
    if (fields->contains(QStringLiteral("queues")))
        parseQueues(fields->value(QStringLiteral("queues")));
    if (fields->contains(QStringLiteral("jobs")))
        parseJobs(fields->value(QStringLiteral("jobs")));
    if (fields->contains(QStringLiteral("connections")))
        parseConnections(*this, fields->value(QStringLiteral("connections")), m_declarations.connections);
    if (fields->contains(QStringLiteral("users")))
        parseUsers(*this, fields->value(QStringLiteral("users")), m_declarations.users);
    checkQueueReferences();
    std::optional<Entry> schedules;
    if (fields->contains(QStringLiteral("schedules"))) {
        schedules = fields->value(QStringLiteral("schedules"));
        parseSchedules(*this, *schedules, m_declarations.schedules);
    }
    std::optional<Entry> policies;
    if (fields->contains(QStringLiteral("escalation_policies"))) {
        policies = fields->value(QStringLiteral("escalation_policies"));
        parseEscalationPolicies(*this, *policies, m_declarations.escalationPolicies);
        checkScheduleTargets(*this, *policies, m_declarations.escalationPolicies, m_declarations.schedules,
                             m_options.existingSchedules);
    }
    // With --prune a users: section replaces the stored users, so only the file's count.
    QSet<QString> knownUsers;
    for (const User &user : std::as_const(m_declarations.users))
        knownUsers.insert(user.name);
    if (!(m_options.prune && fields->contains(QStringLiteral("users")))) {
        for (const QString &name : std::as_const(m_options.existingUsers))
            knownUsers.insert(name);
    }
    checkUserReferences(*this, schedules ? &*schedules : nullptr, policies ? &*policies : nullptr, knownUsers);
    checkConnectionReferences();
    return finish();
}

ConfigParseResult Parser::finish()
{
    ConfigParseResult result;
    result.declarations = std::move(m_declarations);
    result.errors = takeErrors();
    std::stable_sort(result.errors.begin(), result.errors.end(), [](const ConfigError &a, const ConfigError &b) {
        return std::make_pair(a.line, a.column) < std::make_pair(b.line, b.column);
    });
    return result;
}

void Parser::parseQueues(const Entry &entry)
{
    if (!entry.value.IsSequence()) {
        error(entry, ConfigTr::tr("expected a list of queues, got %1").arg(describe(entry.value)));
        return;
    }
    for (std::size_t i = 0; i < entry.value.size(); ++i) {
        const YAML::Node node = entry.value[i];
        const QString path = indexPath(entry.path, int(i));
        const std::optional<Fields> fields = mapping(
            node, node.Mark(), path, {QStringLiteral("name"), QStringLiteral("concurrency"), QStringLiteral("paused")});
        if (!fields)
            continue;
        Queue queue;
        if (!fields->contains(QStringLiteral("name"))) {
            missing(node, childPath(path, QStringLiteral("name")), ConfigTr::tr("missing: every queue needs a name"));
        } else {
            const Entry &nameEntry = fields->value(QStringLiteral("name"));
            if (const std::optional<QString> text = name(nameEntry)) {
                queue.name = *text;
                if (m_queueLines.contains(queue.name)) {
                    error(nameEntry, ConfigTr::tr("duplicate queue %1 (first declared on line %2)")
                                         .arg(quoted(queue.name))
                                         .arg(m_queueLines.value(queue.name)));
                } else {
                    m_queueLines.insert(queue.name, markOf(nameEntry).line + 1);
                }
            }
        }
        if (fields->contains(QStringLiteral("concurrency"))) {
            if (const auto value = integer(fields->value(QStringLiteral("concurrency")), 1, 100000))
                queue.concurrency = int(*value);
        }
        if (fields->contains(QStringLiteral("paused"))) {
            if (const auto value = boolean(fields->value(QStringLiteral("paused"))))
                queue.paused = *value;
        }
        m_declarations.queues.append(queue);
    }
}

void Parser::parseJobs(const Entry &entry)
{
    if (!entry.value.IsSequence()) {
        error(entry, ConfigTr::tr("expected a list of jobs, got %1").arg(describe(entry.value)));
        return;
    }
    for (std::size_t i = 0; i < entry.value.size(); ++i)
        parseJob(entry.value[i], indexPath(entry.path, int(i)));
}

void Parser::parseJob(const YAML::Node &node, const QString &path)
{
    const std::optional<Fields> fields = mapping(node, node.Mark(), path, jobKeys());
    if (!fields)
        return;
    const auto has = [&](const char *key) { return fields->contains(QLatin1String(key)); };
    const auto field = [&](const char *key) { return fields->value(QLatin1String(key)); };
    JobDef job;
    if (!has("name")) {
        missing(node, childPath(path, QStringLiteral("name")), ConfigTr::tr("missing: every job needs a unique name"));
    } else if (const std::optional<QString> text = name(field("name"))) {
        job.name = *text;
        if (m_jobLines.contains(job.name)) {
            error(field("name"), ConfigTr::tr("duplicate job %1 (first declared on line %2)")
                                     .arg(quoted(job.name))
                                     .arg(m_jobLines.value(job.name)));
        } else {
            m_jobLines.insert(job.name, markOf(field("name")).line + 1);
        }
    }
    if (has("queue")) {
        if (const std::optional<QString> text = name(field("queue"))) {
            job.queue = *text;
            m_queueReferences.append({job.queue, markOf(field("queue")), field("queue").path});
        }
    } else {
        m_queueReferences.append({job.queue, node.Mark(), childPath(path, QStringLiteral("queue"))});
    }
    bool kindKnown = false;
    if (!has("kind")) {
        missing(node, childPath(path, QStringLiteral("kind")),
                ConfigTr::tr("missing: the job's kind (one of %1)")
                    .arg(m_options.registry->kinds().join(QLatin1String(", "))));
    } else if (const std::optional<QString> text = string(field("kind"))) {
        job.kind = *text;
        kindKnown = m_options.registry->find(job.kind) != nullptr;
        if (!kindKnown) {
            error(field("kind"), ConfigTr::tr("unknown kind %1 (known: %2)")
                                     .arg(quoted(job.kind), m_options.registry->kinds().join(QLatin1String(", "))));
        }
    }
    bool specParsed = true;
    if (has("spec")) {
        const Entry spec = field("spec");
        if (!spec.value.IsMap()) {
            error(spec, ConfigTr::tr("expected a mapping (the kind's payload), got %1").arg(describe(spec.value)));
            specParsed = false;
        } else if (const std::optional<QJsonValue> value = json(spec.value, markOf(spec), spec.path, 0)) {
            job.payload = QJsonDocument(value->toObject()).toJson(QJsonDocument::Compact);
            const QJsonValue connection = value->toObject().value(QLatin1String("connection"));
            if (job.kind == QLatin1String("sql") && connection.isString()) {
                // Point at the name itself, inside the spec.
                YAML::Mark mark = markOf(spec);
                for (auto it = spec.value.begin(); it != spec.value.end(); ++it) {
                    if (it->first.IsScalar() && it->first.Scalar() == "connection")
                        mark = it->second.Mark();
                }
                m_connectionReferences.append(
                    {connection.toString(), mark, childPath(spec.path, QStringLiteral("connection"))});
            }
        } else {
            specParsed = false;
        }
    }
    if (has("priority")) {
        if (const auto index = choice(field("priority"), {QStringLiteral("critical"), QStringLiteral("high"),
                                                          QStringLiteral("normal"), QStringLiteral("low")}))
            job.priority = static_cast<Priority>(*index);
    }
    if (has("timeout")) {
        if (const auto ms = duration(field("timeout"), 0, 366 * DayMs))
            job.timeoutMs = *ms;
    }
    if (has("retry"))
        parseRetry(field("retry"), job);
    if (has("schedule"))
        parseSchedule(field("schedule"), job.schedule);
    if (has("sla"))
        parseJobSla(*this, field("sla"), job.sla);
    if (has("critical")) {
        if (const auto value = boolean(field("critical")))
            job.critical = *value;
    }
    if (has("incident_policy"))
        parseIncidentPolicy(*this, field("incident_policy"), job.incidents);
    if (has("escalation_policy")) {
        if (const auto policy = name(field("escalation_policy")))
            job.escalationPolicy = *policy;
    }

    if (kindKnown && specParsed) {
        NewRun run = job.newRun();
        run.queue = QStringLiteral("default"); // queue references are checked on their own
        const QString problem = validateNewRun(run, *m_options.registry);
        if (!problem.isEmpty()) {
            if (has("spec"))
                error(field("spec"), problem);
            else
                missing(node, childPath(path, QStringLiteral("spec")), problem);
        }
    }
    m_declarations.jobs.append(job);
}

void Parser::parseRetry(const Entry &entry, JobDef &job)
{
    const std::optional<Fields> fields =
        mapping(entry, {QStringLiteral("max_attempts"), QStringLiteral("base"), QStringLiteral("factor"),
                        QStringLiteral("max"), QStringLiteral("jitter")});
    if (!fields)
        return;
    if (fields->contains(QStringLiteral("max_attempts"))) {
        if (const auto value = integer(fields->value(QStringLiteral("max_attempts")), 1, 1000))
            job.maxAttempts = int(*value);
    }
    if (fields->contains(QStringLiteral("base"))) {
        if (const auto ms = duration(fields->value(QStringLiteral("base")), 0, 366 * DayMs))
            job.retry.baseMs = *ms;
    }
    if (fields->contains(QStringLiteral("factor"))) {
        if (const auto value = number(fields->value(QStringLiteral("factor")), 1, 100))
            job.retry.factor = *value;
    }
    if (fields->contains(QStringLiteral("max"))) {
        if (const auto ms = duration(fields->value(QStringLiteral("max")), 0, 366 * DayMs))
            job.retry.maxMs = *ms;
    }
    if (fields->contains(QStringLiteral("jitter"))) {
        const QList<RetryPolicy::Jitter> jitters{RetryPolicy::Jitter::None, RetryPolicy::Jitter::Full,
                                                 RetryPolicy::Jitter::Equal};
        QStringList names;
        for (RetryPolicy::Jitter jitter : jitters)
            names.append(RetryPolicy::jitterName(jitter));
        if (const auto index = choice(fields->value(QStringLiteral("jitter")), names))
            job.retry.jitter = jitters.at(*index);
    }
}

void Parser::parseSchedule(const Entry &entry, Schedule &schedule)
{
    const std::optional<Fields> fields = mapping(
        entry, {QStringLiteral("cron"), QStringLiteral("every"), QStringLiteral("anchor"), QStringLiteral("time_zone"),
                QStringLiteral("window"), QStringLiteral("misfire"), QStringLiteral("jitter"),
                QStringLiteral("run_on_start"), QStringLiteral("paused"), QStringLiteral("postpone_until")});
    if (!fields)
        return;
    const auto has = [&](const char *key) { return fields->contains(QLatin1String(key)); };
    const auto field = [&](const char *key) { return fields->value(QLatin1String(key)); };
    const qsizetype errorsBefore = errorCount();
    if (has("cron") && has("every")) {
        error(markOf(entry), entry.path, ConfigTr::tr("has both cron and every; give exactly one"));
    } else if (!has("cron") && !has("every")) {
        error(markOf(entry), entry.path,
              ConfigTr::tr("needs cron or every (exactly one); leave schedule out for a job that runs on demand only"));
    }
    if (has("cron")) {
        if (const std::optional<QString> text = string(field("cron"))) {
            QString cronError;
            const std::optional<CronExpression> cron = CronExpression::parse(text->simplified(), &cronError);
            if (!cron)
                error(field("cron"), cronError);
            else if (!cron->canEverFire())
                error(field("cron"), ConfigTr::tr("%1 never fires").arg(quoted(text->simplified())));
            schedule.kind = Schedule::Kind::Cron;
            schedule.cron = text->simplified();
        }
    }
    if (has("every")) {
        if (const auto ms = duration(field("every"), SecondMs, 366 * DayMs)) {
            schedule.kind = Schedule::Kind::Interval;
            schedule.intervalMs = *ms;
        }
    }
    if (has("anchor")) {
        if (has("cron"))
            error(field("anchor"), ConfigTr::tr("anchor goes with every, not with cron"));
        else if (const auto at = instant(field("anchor")))
            schedule.anchorAt = *at;
    }
    if (has("time_zone")) {
        if (const std::optional<QString> zone = string(field("time_zone"))) {
            if (zone->isEmpty() || !QTimeZone(zone->toUtf8()).isValid())
                error(field("time_zone"), ConfigTr::tr("unknown time zone %1").arg(quoted(*zone)));
            else
                schedule.timeZone = *zone;
        }
    }
    if (has("window"))
        parseWindow(field("window"), schedule.window);
    if (has("misfire")) {
        const QList<MisfirePolicy> policies{MisfirePolicy::Coalesce, MisfirePolicy::RunAll, MisfirePolicy::Skip};
        QStringList names;
        for (MisfirePolicy policy : policies)
            names.append(misfirePolicyName(policy));
        if (const auto index = choice(field("misfire"), names))
            schedule.misfire = policies.at(*index);
    }
    if (has("jitter")) {
        if (const auto ms = duration(field("jitter"), 0, 3600 * SecondMs))
            schedule.jitterMs = *ms;
    }
    if (has("run_on_start")) {
        if (const auto value = boolean(field("run_on_start")))
            schedule.runOnStart = *value;
    }
    if (has("paused")) {
        if (const auto value = boolean(field("paused")))
            schedule.paused = *value;
    }
    if (has("postpone_until")) {
        if (const auto at = instant(field("postpone_until")))
            schedule.postponeUntil = *at;
    }
    if (errorCount() == errorsBefore) {
        // Every field was fine on its own; the rule the scheduler compiles has the last word.
        QString ruleError;
        if (!ScheduleRule::compile(schedule, &ruleError))
            error(markOf(entry), entry.path, ruleError);
    }
}

void Parser::parseWindow(const Entry &entry, ExecutionWindow &window)
{
    const std::optional<Fields> fields =
        mapping(entry, {QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("days")});
    if (!fields)
        return;
    const auto timeOfDay = [&](const Entry &time) -> std::optional<int> {
        const std::optional<QString> text = string(time);
        if (!text)
            return std::nullopt;
        const std::optional<int> minute = parseTimeOfDay(*text);
        if (!minute)
            error(time, ConfigTr::tr("%1 is not a time of day (HH:MM, 00:00 to 23:59)").arg(quoted(*text)));
        return minute;
    };
    const bool hasStart = fields->contains(QStringLiteral("start"));
    const bool hasEnd = fields->contains(QStringLiteral("end"));
    if (hasStart != hasEnd) {
        error(markOf(entry), entry.path,
              ConfigTr::tr("needs both start and end (or neither, for whole days); only %1 is given")
                  .arg(hasStart ? QStringLiteral("start") : QStringLiteral("end")));
    }
    if (hasStart) {
        if (const auto minute = timeOfDay(fields->value(QStringLiteral("start"))))
            window.startMinute = *minute;
    }
    if (hasEnd) {
        if (const auto minute = timeOfDay(fields->value(QStringLiteral("end"))))
            window.endMinute = *minute;
    }
    if (fields->contains(QStringLiteral("days"))) {
        const Entry days = fields->value(QStringLiteral("days"));
        if (!days.value.IsSequence()) {
            error(days,
                  ConfigTr::tr("expected a list of weekdays (%1), got %2").arg(weekdayNames(), describe(days.value)));
            return;
        }
        if (days.value.size() == 0) {
            error(days, ConfigTr::tr("needs at least one weekday (leave days out for every day)"));
            return;
        }
        quint8 mask = 0;
        for (std::size_t i = 0; i < days.value.size(); ++i) {
            const Entry day{days.value[i], days.value[i], indexPath(days.path, int(i))};
            const std::optional<QString> text = string(day);
            if (!text)
                continue;
            const std::optional<int> index = parseWeekday(*text);
            if (!index) {
                error(day, ConfigTr::tr("unknown weekday %1 (%2)").arg(quoted(*text), weekdayNames()));
                continue;
            }
            mask |= quint8(1u << *index);
        }
        if (mask != 0)
            window.weekdays = mask;
    }
}

void Parser::checkQueueReferences()
{
    QSet<QString> declared;
    for (const Queue &queue : std::as_const(m_declarations.queues))
        declared.insert(queue.name);
    for (const NameReference &reference : std::as_const(m_queueReferences)) {
        if (declared.contains(reference.name))
            continue;
        const bool exists = m_options.existingQueues.contains(reference.name);
        // --prune deletes undeclared queues only when the file has a queues: section.
        if (m_options.prune && m_declarations.declares(Declarations::Queues) && exists &&
            reference.name != QLatin1String("default")) {
            error(reference.mark, reference.path,
                  ConfigTr::tr(
                      "queue %1 is not declared in this file, so --prune would delete it; declare it under queues")
                      .arg(quoted(reference.name)));
        } else if (!exists) {
            error(reference.mark, reference.path,
                  ConfigTr::tr("unknown queue %1: declare it under queues (the database has no such queue either)")
                      .arg(quoted(reference.name)));
        }
    }
}

void Parser::checkConnectionReferences()
{
    QSet<QString> declared;
    for (const Connection &connection : std::as_const(m_declarations.connections))
        declared.insert(connection.name);
    for (const NameReference &reference : std::as_const(m_connectionReferences)) {
        if (declared.contains(reference.name))
            continue;
        const bool exists = m_options.existingConnections.contains(reference.name);
        if (m_options.prune && m_declarations.declares(Declarations::Connections) && exists) {
            error(reference.mark, reference.path,
                  ConfigTr::tr("connection %1 is not declared in this file, so --prune would delete it; declare it "
                               "under connections")
                      .arg(quoted(reference.name)));
        } else if (!exists) {
            error(reference.mark, reference.path,
                  ConfigTr::tr("unknown connection %1: declare it under connections (the database has no such "
                               "connection either)")
                      .arg(quoted(reference.name)));
        }
    }
}
} // namespace

QString ConfigError::toString() const
{
    QString text = file;
    if (line > 0)
        text += u':' + QString::number(line) + u':' + QString::number(column);
    text += QStringLiteral(": ");
    if (!path.isEmpty())
        text += path + QStringLiteral(": ");
    return text + message;
}

ConfigParseResult ConfigParser::parse(const QByteArray &text, const ConfigParseOptions &options)
{
    Q_ASSERT(options.registry);
    return Parser(options).run(text);
}

} // namespace vigia
