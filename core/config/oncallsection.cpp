#include "config/oncallsection.h"

#include "config/configvalues.h"
#include "incidents/oncallresolver.h"

#include <QCoreApplication>
#include <QSet>

#include <QTimeZone>
#include <algorithm>

namespace vigia::config {

namespace {
struct OnCallTr {
    Q_DECLARE_TR_FUNCTIONS(Config)
};

constexpr qint64 MaxDelayMs = 7LL * 24 * 3600'000;
constexpr int MaxRepeat = 100;

std::string toStd(const QString &text)
{
    return text.toStdString();
}

bool has(const Fields &fields, const char *key)
{
    return fields.contains(QLatin1String(key));
}

Entry field(const Fields &fields, const char *key)
{
    return fields.value(QLatin1String(key));
}

std::optional<QString> timeZone(ConfigReader &reader, const Entry &entry)
{
    const std::optional<QString> zone = reader.string(entry);
    if (zone && !QTimeZone(zone->toUtf8()).isValid()) {
        reader.error(entry,
                     OnCallTr::tr("unknown time zone %1 (an IANA name such as Europe/Berlin)").arg(quoted(*zone)));
        return std::nullopt;
    }
    return zone;
}

std::optional<int> timeOfDay(ConfigReader &reader, const Entry &entry)
{
    const std::optional<QString> text = reader.string(entry);
    if (!text)
        return std::nullopt;
    const std::optional<int> minute = parseTimeOfDay(*text);
    if (!minute)
        reader.error(entry, OnCallTr::tr("%1 is not a time of day (HH:MM, 00:00 to 23:59)").arg(quoted(*text)));
    return minute;
}

// Each item of a list that must be a sequence, with its path; reports anything else.
template <typename Each> void forEachItem(ConfigReader &reader, const Entry &entry, const QString &what, Each each)
{
    if (!entry.value.IsSequence()) {
        reader.error(entry, OnCallTr::tr("expected a list of %1, got %2").arg(what, describe(entry.value)));
        return;
    }
    for (std::size_t i = 0; i < entry.value.size(); ++i)
        each(Entry{entry.value[i], entry.value[i], indexPath(entry.path, int(i))});
}

void parseRestriction(ConfigReader &reader, const Entry &entry, OnCallLayer &layer)
{
    const std::optional<Fields> fields =
        reader.mapping(entry, {QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("days")});
    if (!fields)
        return;
    if (!has(*fields, "start") || !has(*fields, "end")) {
        reader.error(entry, OnCallTr::tr("needs both start and end"));
    } else {
        const auto start = timeOfDay(reader, field(*fields, "start"));
        const auto end = timeOfDay(reader, field(*fields, "end"));
        if (start && end && *start == *end)
            reader.error(field(*fields, "end"), OnCallTr::tr("the window is empty: start and end are the same"));
        if (start && end) {
            layer.restrictStartMinute = *start;
            layer.restrictEndMinute = *end;
        }
    }
    if (has(*fields, "days")) {
        QVector<int> days;
        forEachItem(
            reader, field(*fields, "days"), OnCallTr::tr("weekdays (%1)").arg(weekdayNames()), [&](const Entry &day) {
                const std::optional<QString> text = reader.string(day);
                if (!text)
                    return;
                const std::optional<int> index = parseWeekday(*text);
                if (!index) {
                    reader.error(day, OnCallTr::tr("unknown weekday %1 (%2)").arg(quoted(*text), weekdayNames()));
                    return;
                }
                if (!days.contains(*index + 1))
                    days.append(*index + 1); // Qt's numbering, 1 = Monday
            });
        std::sort(days.begin(), days.end());
        if (!days.isEmpty())
            layer.restrictWeekdays = days;
    }
}

void parseLayer(ConfigReader &reader, const Entry &entry, const QString &scheduleZone, OnCallLayer &layer)
{
    const std::optional<Fields> fields =
        reader.mapping(entry, {QStringLiteral("name"), QStringLiteral("participants"), QStringLiteral("start"),
                               QStringLiteral("shift_length"), QStringLiteral("unit"), QStringLiteral("handoff"),
                               QStringLiteral("time_zone"), QStringLiteral("restrict"), QStringLiteral("ends_at")});
    if (!fields)
        return;
    Rotation &rotation = layer.rotation;
    rotation.timeZone = scheduleZone;
    if (has(*fields, "name")) {
        if (const auto name = reader.string(field(*fields, "name")))
            layer.name = *name;
    }
    if (!has(*fields, "participants")) {
        reader.error(entry, OnCallTr::tr("missing: participants (the user names, in turn order)"));
    } else {
        const Entry participants = field(*fields, "participants");
        forEachItem(reader, participants, OnCallTr::tr("user names"), [&](const Entry &item) {
            if (const auto name = reader.name(item))
                rotation.participants << *name;
        });
        if (participants.value.IsSequence() && participants.value.size() == 0)
            reader.error(participants, OnCallTr::tr("needs at least one participant"));
    }
    if (!has(*fields, "start")) {
        reader.error(entry, OnCallTr::tr("missing: start (the local date of the first handoff, e.g. 2026-01-05)"));
    } else if (const auto text = reader.string(field(*fields, "start"))) {
        rotation.startDate = QDate::fromString(*text, Qt::ISODate);
        if (!rotation.startDate.isValid())
            reader.error(field(*fields, "start"), OnCallTr::tr("%1 is not a date (YYYY-MM-DD)").arg(quoted(*text)));
    }
    if (has(*fields, "shift_length")) {
        if (const auto length = reader.integer(field(*fields, "shift_length"), 1, 1000))
            rotation.shiftLength = int(*length);
    }
    if (has(*fields, "unit")) {
        const QStringList units{QStringLiteral("hours"), QStringLiteral("days"), QStringLiteral("weeks")};
        if (const auto index = reader.choice(field(*fields, "unit"), units))
            rotationUnitFromName(units.at(*index), &rotation.unit);
    }
    if (has(*fields, "handoff")) {
        if (const auto minute = timeOfDay(reader, field(*fields, "handoff")))
            rotation.handoffMinute = *minute;
    }
    if (has(*fields, "time_zone")) {
        if (const auto zone = timeZone(reader, field(*fields, "time_zone")))
            rotation.timeZone = *zone;
    }
    if (has(*fields, "restrict"))
        parseRestriction(reader, field(*fields, "restrict"), layer);
    if (has(*fields, "ends_at")) {
        if (const auto at = reader.instant(field(*fields, "ends_at")))
            layer.endsAtMs = *at;
    }
}

void parseOverride(ConfigReader &reader, const Entry &entry, OnCallOverride &override)
{
    const std::optional<Fields> fields =
        reader.mapping(entry, {QStringLiteral("user"), QStringLiteral("start"), QStringLiteral("end")});
    if (!fields)
        return;
    for (const char *key : {"user", "start", "end"}) {
        if (!has(*fields, key))
            reader.error(entry, OnCallTr::tr("missing: %1").arg(QLatin1String(key)));
    }
    if (has(*fields, "user")) {
        if (const auto name = reader.name(field(*fields, "user")))
            override.user = *name;
    }
    // Plain flags rather than two optionals: GCC cannot tell that both are set when compared.
    bool bothRead = true;
    for (const char *key : {"start", "end"}) {
        const std::optional<qint64> at = has(*fields, key) ? reader.instant(field(*fields, key)) : std::nullopt;
        if (!at) {
            bothRead = false;
            continue;
        }
        (qstrcmp(key, "start") == 0 ? override.startMs : override.endMs) = *at;
    }
    if (bothRead && override.endMs <= override.startMs)
        reader.error(field(*fields, "end"), OnCallTr::tr("the override ends before it starts"));
}

void parseTarget(ConfigReader &reader, const Entry &entry, QVector<EscalationTarget> &targets)
{
    const std::optional<Fields> fields =
        reader.mapping(entry, {QStringLiteral("user"), QStringLiteral("schedule"), QStringLiteral("role")});
    if (!fields)
        return;
    if (fields->size() != 1) {
        reader.error(entry, OnCallTr::tr("a target is exactly one of user, schedule or role"));
        return;
    }
    EscalationTarget target;
    if (has(*fields, "role")) {
        target.kind = EscalationTarget::Kind::Role;
        const QStringList roles{QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("admin")};
        const auto index = reader.choice(field(*fields, "role"), roles);
        if (!index)
            return;
        escalationRoleFromName(roles.at(*index), &target.role);
    } else {
        const bool user = has(*fields, "user");
        target.kind = user ? EscalationTarget::Kind::User : EscalationTarget::Kind::Schedule;
        const auto name = reader.name(field(*fields, user ? "user" : "schedule"));
        if (!name)
            return;
        target.name = *name;
    }
    targets.append(target);
}

void parseStep(ConfigReader &reader, const Entry &entry, EscalationStep &step)
{
    const std::optional<Fields> fields = reader.mapping(entry, {QStringLiteral("delay"), QStringLiteral("targets")});
    if (!fields)
        return;
    if (has(*fields, "delay")) {
        if (const auto ms = reader.duration(field(*fields, "delay"), 0, MaxDelayMs))
            step.delayMs = *ms;
    }
    if (!has(*fields, "targets")) {
        reader.error(entry, OnCallTr::tr("missing: targets (users, schedules or roles to notify)"));
        return;
    }
    const Entry targets = field(*fields, "targets");
    forEachItem(reader, targets, OnCallTr::tr("targets ({user: NAME}, {schedule: NAME} or {role: ROLE})"),
                [&](const Entry &item) { parseTarget(reader, item, step.targets); });
    if (targets.value.IsSequence() && targets.value.size() == 0)
        reader.error(targets, OnCallTr::tr("needs at least one target"));
}

template <typename T>
bool claimName(ConfigReader &reader, const Entry &nameEntry, const T &item, QSet<QString> &seen, const QString &what)
{
    if (seen.contains(item.name)) {
        reader.error(nameEntry, OnCallTr::tr("%1 %2 is declared twice").arg(what, quoted(item.name)));
        return false;
    }
    seen.insert(item.name);
    return true;
}
} // namespace

void parseSchedules(ConfigReader &reader, const Entry &entry, QVector<OnCallSchedule> &schedules)
{
    QSet<QString> seen;
    forEachItem(reader, entry, OnCallTr::tr("schedules"), [&](const Entry &item) {
        const std::optional<Fields> fields =
            reader.mapping(item, {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("time_zone"),
                                  QStringLiteral("layers"), QStringLiteral("overrides")});
        if (!fields)
            return;
        OnCallSchedule schedule;
        if (!has(*fields, "name")) {
            reader.error(item, OnCallTr::tr("missing: name"));
        } else if (const auto name = reader.name(field(*fields, "name"))) {
            schedule.name = *name;
            claimName(reader, field(*fields, "name"), schedule, seen, OnCallTr::tr("schedule"));
        }
        if (has(*fields, "description")) {
            if (const auto text = reader.string(field(*fields, "description")))
                schedule.description = *text;
        }
        if (has(*fields, "time_zone")) {
            if (const auto zone = timeZone(reader, field(*fields, "time_zone")))
                schedule.timeZone = *zone;
        }
        if (!has(*fields, "layers")) {
            reader.error(item, OnCallTr::tr("missing: layers (at least one rotation)"));
        } else {
            const Entry layers = field(*fields, "layers");
            forEachItem(reader, layers, OnCallTr::tr("layers"), [&](const Entry &layerEntry) {
                OnCallLayer layer;
                parseLayer(reader, layerEntry, schedule.timeZone, layer);
                schedule.layers.append(layer);
            });
            if (layers.value.IsSequence() && layers.value.size() == 0)
                reader.error(layers, OnCallTr::tr("needs at least one layer"));
        }
        if (has(*fields, "overrides")) {
            forEachItem(reader, field(*fields, "overrides"), OnCallTr::tr("overrides"), [&](const Entry &o) {
                OnCallOverride override;
                parseOverride(reader, o, override);
                schedule.overrides.append(override);
            });
        }
        schedules.append(schedule);
    });
}

void parseEscalationPolicies(ConfigReader &reader, const Entry &entry, QVector<EscalationPolicy> &policies)
{
    QSet<QString> seen;
    forEachItem(reader, entry, OnCallTr::tr("escalation policies"), [&](const Entry &item) {
        const std::optional<Fields> fields =
            reader.mapping(item, {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("steps"),
                                  QStringLiteral("repeat"), QStringLiteral("final_role")});
        if (!fields)
            return;
        EscalationPolicy policy;
        if (!has(*fields, "name")) {
            reader.error(item, OnCallTr::tr("missing: name"));
        } else if (const auto name = reader.name(field(*fields, "name"))) {
            policy.name = *name;
            claimName(reader, field(*fields, "name"), policy, seen, OnCallTr::tr("escalation policy"));
        }
        if (has(*fields, "description")) {
            if (const auto text = reader.string(field(*fields, "description")))
                policy.description = *text;
        }
        if (!has(*fields, "steps")) {
            reader.error(item, OnCallTr::tr("missing: steps (at least one)"));
        } else {
            const Entry steps = field(*fields, "steps");
            forEachItem(reader, steps, OnCallTr::tr("steps"), [&](const Entry &stepEntry) {
                EscalationStep step;
                parseStep(reader, stepEntry, step);
                policy.steps.append(step);
            });
            if (steps.value.IsSequence() && steps.value.size() == 0)
                reader.error(steps, OnCallTr::tr("needs at least one step"));
        }
        if (has(*fields, "repeat")) {
            if (const auto repeat = reader.integer(field(*fields, "repeat"), 0, MaxRepeat))
                policy.repeat = int(*repeat);
        }
        if (has(*fields, "final_role")) {
            const QStringList roles{QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("admin")};
            if (const auto index = reader.choice(field(*fields, "final_role"), roles))
                escalationRoleFromName(roles.at(*index), &policy.finalRole);
        }
        policies.append(policy);
    });
}

void checkScheduleTargets(ConfigReader &reader, const Entry &policiesEntry, const QVector<EscalationPolicy> &policies,
                          const QVector<OnCallSchedule> &schedules, const QStringList &existingSchedules)
{
    if (!policiesEntry.value.IsSequence())
        return;
    QSet<QString> known(existingSchedules.cbegin(), existingSchedules.cend());
    for (const OnCallSchedule &schedule : schedules)
        known.insert(schedule.name);
    // Policies were appended one per list item, so indexes match the file's.
    for (int p = 0; p < policies.size() && p < int(policiesEntry.value.size()); ++p) {
        const YAML::Node steps = policiesEntry.value[p]["steps"];
        for (int s = 0; s < policies.at(p).steps.size(); ++s) {
            const EscalationStep &step = policies.at(p).steps.at(s);
            for (const EscalationTarget &target : step.targets) {
                if (target.kind != EscalationTarget::Kind::Schedule || known.contains(target.name))
                    continue;
                const YAML::Node where =
                    steps && steps.IsSequence() && int(steps.size()) > s ? steps[s]["targets"] : policiesEntry.value[p];
                reader.error(
                    where.Mark(),
                    childPath(indexPath(childPath(indexPath(policiesEntry.path, p), QStringLiteral("steps")), s),
                              QStringLiteral("targets")),
                    OnCallTr::tr("unknown schedule %1: declare it under schedules").arg(quoted(target.name)));
            }
        }
    }
}

void checkUserReferences(ConfigReader &reader, const Entry *schedulesEntry, const Entry *policiesEntry,
                         const QSet<QString> &knownUsers)
{
    if (knownUsers.isEmpty())
        return;
    const auto check = [&](const YAML::Node &node, const QString &path) {
        if (!node || !node.IsScalar())
            return; // the parser reported what it is instead
        const QString name = QString::fromStdString(node.Scalar());
        if (!knownUsers.contains(name))
            reader.error(node.Mark(), path, OnCallTr::tr("unknown user %1: declare it under users").arg(quoted(name)));
    };
    // Walks a sequence under a mapping's key: calls `each` with every item that is a mapping and its path.
    const auto items = [](const YAML::Node &parent, const QString &parentPath, const char *key, const auto &each) {
        const YAML::Node list = parent.IsMap() ? parent[key] : YAML::Node();
        if (!list || !list.IsSequence())
            return;
        for (int i = 0; i < int(list.size()); ++i)
            each(list[i], indexPath(childPath(parentPath, QLatin1String(key)), i));
    };
    if (schedulesEntry && schedulesEntry->value.IsSequence()) {
        for (int s = 0; s < int(schedulesEntry->value.size()); ++s) {
            const YAML::Node schedule = schedulesEntry->value[s];
            const QString path = indexPath(schedulesEntry->path, s);
            items(schedule, path, "layers", [&](const YAML::Node &layer, const QString &layerPath) {
                const YAML::Node participants = layer.IsMap() ? layer["participants"] : YAML::Node();
                if (!participants || !participants.IsSequence())
                    return;
                for (int p = 0; p < int(participants.size()); ++p)
                    check(participants[p], indexPath(childPath(layerPath, QStringLiteral("participants")), p));
            });
            items(schedule, path, "overrides", [&](const YAML::Node &override, const QString &overridePath) {
                if (override.IsMap())
                    check(override["user"], childPath(overridePath, QStringLiteral("user")));
            });
        }
    }
    if (policiesEntry && policiesEntry->value.IsSequence()) {
        for (int p = 0; p < int(policiesEntry->value.size()); ++p) {
            items(policiesEntry->value[p], indexPath(policiesEntry->path, p), "steps",
                  [&](const YAML::Node &step, const QString &stepPath) {
                      items(step, stepPath, "targets", [&](const YAML::Node &target, const QString &targetPath) {
                          if (target.IsMap())
                              check(target["user"], childPath(targetPath, QStringLiteral("user")));
                      });
                  });
        }
    }
}

void writeSchedules(YAML::Emitter &out, const QVector<OnCallSchedule> &schedules)
{
    if (schedules.isEmpty())
        return;
    out << YAML::Key << "schedules" << YAML::Value << YAML::BeginSeq;
    for (const OnCallSchedule &s : schedules) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << toStd(s.name);
        if (!s.description.isEmpty())
            out << YAML::Key << "description" << YAML::Value << YAML::DoubleQuoted << toStd(s.description);
        if (s.timeZone != QLatin1String("UTC"))
            out << YAML::Key << "time_zone" << YAML::Value << toStd(s.timeZone);
        out << YAML::Key << "layers" << YAML::Value << YAML::BeginSeq;
        for (const OnCallLayer &layer : s.layers) {
            const Rotation &r = layer.rotation;
            out << YAML::BeginMap;
            if (!layer.name.isEmpty())
                out << YAML::Key << "name" << YAML::Value << toStd(layer.name);
            out << YAML::Key << "participants" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const QString &p : r.participants)
                out << toStd(p);
            out << YAML::EndSeq;
            out << YAML::Key << "start" << YAML::Value << toStd(r.startDate.toString(Qt::ISODate));
            if (r.shiftLength != 1)
                out << YAML::Key << "shift_length" << YAML::Value << r.shiftLength;
            if (r.unit != Rotation::Unit::Weeks)
                out << YAML::Key << "unit" << YAML::Value << toStd(rotationUnitName(r.unit));
            if (r.handoffMinute != Rotation{}.handoffMinute)
                out << YAML::Key << "handoff" << YAML::Value << YAML::DoubleQuoted
                    << toStd(formatTimeOfDay(r.handoffMinute));
            if (r.timeZone != s.timeZone)
                out << YAML::Key << "time_zone" << YAML::Value << toStd(r.timeZone);
            if (layer.isRestricted()) {
                out << YAML::Key << "restrict" << YAML::Value << YAML::Flow << YAML::BeginMap;
                out << YAML::Key << "start" << YAML::Value << YAML::DoubleQuoted
                    << toStd(formatTimeOfDay(layer.restrictStartMinute));
                out << YAML::Key << "end" << YAML::Value << YAML::DoubleQuoted
                    << toStd(formatTimeOfDay(layer.restrictEndMinute));
                if (layer.restrictWeekdays.size() != 7) {
                    out << YAML::Key << "days" << YAML::Value << YAML::Flow << YAML::BeginSeq;
                    for (int day : layer.restrictWeekdays)
                        out << toStd(weekdayName(day - 1));
                    out << YAML::EndSeq;
                }
                out << YAML::EndMap;
            }
            if (layer.endsAtMs > 0)
                out << YAML::Key << "ends_at" << YAML::Value << toStd(formatInstant(layer.endsAtMs));
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        if (!s.overrides.isEmpty()) {
            out << YAML::Key << "overrides" << YAML::Value << YAML::BeginSeq;
            for (const OnCallOverride &o : s.overrides) {
                out << YAML::Flow << YAML::BeginMap << YAML::Key << "user" << YAML::Value << toStd(o.user) << YAML::Key
                    << "start" << YAML::Value << toStd(formatInstant(o.startMs)) << YAML::Key << "end" << YAML::Value
                    << toStd(formatInstant(o.endMs)) << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void writeEscalationPolicies(YAML::Emitter &out, const QVector<EscalationPolicy> &policies)
{
    if (policies.isEmpty())
        return;
    out << YAML::Key << "escalation_policies" << YAML::Value << YAML::BeginSeq;
    for (const EscalationPolicy &p : policies) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << toStd(p.name);
        if (!p.description.isEmpty())
            out << YAML::Key << "description" << YAML::Value << YAML::DoubleQuoted << toStd(p.description);
        out << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
        for (const EscalationStep &step : p.steps) {
            out << YAML::BeginMap;
            if (step.delayMs != EscalationStep{}.delayMs)
                out << YAML::Key << "delay" << YAML::Value << toStd(formatDuration(step.delayMs));
            out << YAML::Key << "targets" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const EscalationTarget &t : step.targets) {
                out << YAML::Flow << YAML::BeginMap;
                if (t.kind == EscalationTarget::Kind::Role)
                    out << YAML::Key << "role" << YAML::Value << toStd(escalationRoleName(t.role));
                else
                    out << YAML::Key << toStd(escalationTargetKindName(t.kind)) << YAML::Value << toStd(t.name);
                out << YAML::EndMap;
            }
            out << YAML::EndSeq << YAML::EndMap;
        }
        out << YAML::EndSeq;
        if (p.repeat != 0)
            out << YAML::Key << "repeat" << YAML::Value << p.repeat;
        if (p.finalRole != Role::Admin)
            out << YAML::Key << "final_role" << YAML::Value << toStd(escalationRoleName(p.finalRole));
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

} // namespace vigia::config
