#include "config/usersection.h"

#include "config/configvalues.h"
#include "model/escalationpolicy.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

namespace vigia::config {

namespace {
struct ConfigTr {
    Q_DECLARE_TR_FUNCTIONS(Config)
};

const QStringList &roleNames()
{
    static const QStringList names{QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("admin")};
    return names;
}

const QStringList &webhookFormats()
{
    static const QStringList formats{QStringLiteral("generic"), QStringLiteral("slack"), QStringLiteral("teams")};
    return formats;
}

std::optional<ContactChannel> parseChannel(ConfigReader &reader, const Entry &entry, const QString &email)
{
    const std::optional<Fields> fields =
        reader.mapping(entry, {QStringLiteral("kind"), QStringLiteral("address"), QStringLiteral("format")});
    if (!fields)
        return std::nullopt;
    if (!fields->contains(QStringLiteral("kind"))) {
        reader.error(markOf(entry), childPath(entry.path, QStringLiteral("kind")),
                     ConfigTr::tr("missing: the channel's kind (email, webhook or desktop)"));
        return std::nullopt;
    }
    const std::optional<int> kindIndex =
        reader.choice(fields->value(QStringLiteral("kind")),
                      {QStringLiteral("email"), QStringLiteral("webhook"), QStringLiteral("desktop")});
    if (!kindIndex)
        return std::nullopt;
    ContactChannel channel;
    channel.kind = *contactChannelKindFromName(
        QStringList{QStringLiteral("email"), QStringLiteral("webhook"), QStringLiteral("desktop")}.at(*kindIndex));
    bool ok = true;
    if (fields->contains(QStringLiteral("address"))) {
        const Entry &address = fields->value(QStringLiteral("address"));
        if (channel.kind == ContactChannel::Kind::Desktop) {
            reader.error(address, ConfigTr::tr("a desktop channel has no address; leave it out"));
            ok = false;
        } else if (const std::optional<QString> text = reader.string(address)) {
            channel.address = text->trimmed();
            if (channel.kind == ContactChannel::Kind::Webhook &&
                !channel.address.startsWith(QLatin1String("https://")) &&
                !channel.address.startsWith(QLatin1String("http://"))) {
                reader.error(address, ConfigTr::tr("expected an http(s) URL"));
                ok = false;
            } else if (channel.kind == ContactChannel::Kind::Email && !channel.address.contains(u'@')) {
                reader.error(address, ConfigTr::tr("%1 is not an e-mail address").arg(quoted(channel.address)));
                ok = false;
            }
        } else {
            ok = false;
        }
    } else if (channel.kind == ContactChannel::Kind::Email) {
        if (email.isEmpty()) {
            reader.error(markOf(entry), childPath(entry.path, QStringLiteral("address")),
                         ConfigTr::tr("missing: an e-mail address (or give the user an email)"));
            ok = false;
        }
        channel.address = email;
    } else if (channel.kind == ContactChannel::Kind::Webhook) {
        reader.error(markOf(entry), childPath(entry.path, QStringLiteral("address")),
                     ConfigTr::tr("missing: the webhook's URL"));
        ok = false;
    }
    if (fields->contains(QStringLiteral("format"))) {
        const Entry &format = fields->value(QStringLiteral("format"));
        if (channel.kind != ContactChannel::Kind::Webhook) {
            reader.error(format, ConfigTr::tr("only a webhook channel has a format"));
            ok = false;
        } else if (const std::optional<int> index = reader.choice(format, webhookFormats())) {
            channel.format = webhookFormats().at(*index);
        } else {
            ok = false;
        }
    }
    return ok ? std::optional<ContactChannel>(channel) : std::nullopt;
}

std::optional<DndWindow> parseQuietPeriod(ConfigReader &reader, const Entry &entry)
{
    const std::optional<Fields> fields =
        reader.mapping(entry, {QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("days")});
    if (!fields)
        return std::nullopt;
    DndWindow window;
    bool ok = true;
    for (const char *key : {"start", "end"}) {
        if (!fields->contains(QLatin1String(key))) {
            reader.error(markOf(entry), childPath(entry.path, QLatin1String(key)),
                         ConfigTr::tr("missing: a do-not-disturb window needs start and end (HH:MM)"));
            ok = false;
            continue;
        }
        const Entry &time = fields->value(QLatin1String(key));
        const std::optional<QString> text = reader.string(time);
        const std::optional<int> minute = text ? parseTimeOfDay(*text) : std::nullopt;
        if (text && !minute)
            reader.error(time, ConfigTr::tr("%1 is not a time of day (HH:MM, 00:00 to 23:59)").arg(quoted(*text)));
        if (!minute) {
            ok = false;
            continue;
        }
        (qstrcmp(key, "start") == 0 ? window.startMinute : window.endMinute) = *minute;
    }
    if (ok && window.startMinute == window.endMinute) {
        reader.error(markOf(entry), entry.path, ConfigTr::tr("start and end are the same time: the window is empty"));
        ok = false;
    }
    if (fields->contains(QStringLiteral("days"))) {
        const Entry days = fields->value(QStringLiteral("days"));
        if (!days.value.IsSequence() || days.value.size() == 0) {
            reader.error(days, ConfigTr::tr("expected a non-empty list of weekdays (%1), got %2")
                                   .arg(weekdayNames(), describe(days.value)));
            return std::nullopt;
        }
        window.weekdays.clear();
        for (std::size_t i = 0; i < days.value.size(); ++i) {
            const Entry day{days.value[i], days.value[i], indexPath(days.path, int(i))};
            const std::optional<QString> text = reader.string(day);
            const std::optional<int> index = text ? parseWeekday(*text) : std::nullopt;
            if (text && !index)
                reader.error(day, ConfigTr::tr("unknown weekday %1 (%2)").arg(quoted(*text), weekdayNames()));
            if (!index) {
                ok = false;
                continue;
            }
            if (!window.weekdays.contains(*index + 1))
                window.weekdays.append(*index + 1); // Qt's numbering: 1 = Monday
        }
        std::sort(window.weekdays.begin(), window.weekdays.end());
    }
    return ok ? std::optional<DndWindow>(window) : std::nullopt;
}

void parseUser(ConfigReader &reader, const YAML::Node &node, const QString &path, QHash<QString, int> &lines,
               QVector<User> &users)
{
    const std::optional<Fields> fields =
        reader.mapping(node, node.Mark(), path,
                       {QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("role"),
                        QStringLiteral("time_zone"), QStringLiteral("channels"), QStringLiteral("do_not_disturb")});
    if (!fields)
        return;
    const auto has = [&](const char *key) { return fields->contains(QLatin1String(key)); };
    const auto field = [&](const char *key) { return fields->value(QLatin1String(key)); };
    User user;
    if (!has("name")) {
        reader.error(node.Mark(), childPath(path, QStringLiteral("name")),
                     ConfigTr::tr("missing: every user needs a unique name"));
    } else if (const std::optional<QString> name = reader.name(field("name"))) {
        user.name = *name;
        if (lines.contains(*name)) {
            reader.error(field("name"), ConfigTr::tr("duplicate user %1 (first declared on line %2)")
                                            .arg(quoted(*name))
                                            .arg(lines.value(*name)));
        } else {
            lines.insert(*name, markOf(field("name")).line + 1);
        }
    }
    if (has("email")) {
        if (const std::optional<QString> email = reader.string(field("email"))) {
            user.email = email->trimmed();
            if (!user.email.isEmpty() && !user.email.contains(u'@'))
                reader.error(field("email"), ConfigTr::tr("%1 is not an e-mail address").arg(quoted(user.email)));
        }
    }
    if (has("role")) {
        if (const std::optional<int> index = reader.choice(field("role"), roleNames()))
            escalationRoleFromName(roleNames().at(*index), &user.role);
    }
    if (has("time_zone")) {
        if (const std::optional<QString> zone = reader.string(field("time_zone"))) {
            if (zone->isEmpty() || !QTimeZone(zone->toUtf8()).isValid())
                reader.error(field("time_zone"), ConfigTr::tr("unknown time zone %1").arg(quoted(*zone)));
            else
                user.timeZone = *zone;
        }
    }
    if (has("channels")) {
        const Entry channels = field("channels");
        if (!channels.value.IsSequence()) {
            reader.error(channels, ConfigTr::tr("expected a list of channels, got %1").arg(describe(channels.value)));
        } else {
            for (std::size_t i = 0; i < channels.value.size(); ++i) {
                const Entry channel{channels.value[i], channels.value[i], indexPath(channels.path, int(i))};
                if (const std::optional<ContactChannel> parsed = parseChannel(reader, channel, user.email))
                    user.channels.append(*parsed);
            }
        }
    }
    if (has("do_not_disturb")) {
        const Entry windows = field("do_not_disturb");
        if (!windows.value.IsSequence()) {
            reader.error(windows, ConfigTr::tr("expected a list of quiet periods ({start, end, days}), got %1")
                                      .arg(describe(windows.value)));
        } else {
            for (std::size_t i = 0; i < windows.value.size(); ++i) {
                const Entry window{windows.value[i], windows.value[i], indexPath(windows.path, int(i))};
                if (const std::optional<DndWindow> parsed = parseQuietPeriod(reader, window))
                    user.doNotDisturb.append(*parsed);
            }
        }
    }
    users.append(user);
}
} // namespace

void parseUsers(ConfigReader &reader, const Entry &entry, QVector<User> &users)
{
    if (!entry.value.IsSequence()) {
        reader.error(entry, ConfigTr::tr("expected a list of users, got %1").arg(describe(entry.value)));
        return;
    }
    QHash<QString, int> lines; // where each name was first declared
    for (std::size_t i = 0; i < entry.value.size(); ++i)
        parseUser(reader, entry.value[i], indexPath(entry.path, int(i)), lines, users);
}

void writeUsers(YAML::Emitter &out, const QVector<User> &users)
{
    if (users.isEmpty())
        return;
    const auto text = [](const QString &value) { return value.toStdString(); };
    out << YAML::Key << "users" << YAML::Value << YAML::BeginSeq;
    for (const User &user : users) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << text(user.name);
        if (!user.email.isEmpty())
            out << YAML::Key << "email" << YAML::Value << text(user.email);
        if (user.role != Role::Viewer)
            out << YAML::Key << "role" << YAML::Value << text(escalationRoleName(user.role));
        if (user.timeZone != QLatin1String("UTC"))
            out << YAML::Key << "time_zone" << YAML::Value << text(user.timeZone);
        if (!user.channels.isEmpty()) {
            out << YAML::Key << "channels" << YAML::Value << YAML::BeginSeq;
            for (const ContactChannel &channel : user.channels) {
                out << YAML::Flow << YAML::BeginMap;
                out << YAML::Key << "kind" << YAML::Value << text(contactChannelKindName(channel.kind));
                // An e-mail channel to the user's own address leaves it out, as the parser fills it in.
                const bool impliedAddress =
                    channel.kind == ContactChannel::Kind::Email && channel.address == user.email;
                if (!channel.address.isEmpty() && !impliedAddress)
                    out << YAML::Key << "address" << YAML::Value << YAML::DoubleQuoted << text(channel.address);
                if (!channel.format.isEmpty())
                    out << YAML::Key << "format" << YAML::Value << text(channel.format);
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
        if (!user.doNotDisturb.isEmpty()) {
            out << YAML::Key << "do_not_disturb" << YAML::Value << YAML::BeginSeq;
            for (const DndWindow &window : user.doNotDisturb) {
                out << YAML::Flow << YAML::BeginMap;
                out << YAML::Key << "start" << YAML::Value << YAML::DoubleQuoted
                    << text(formatTimeOfDay(window.startMinute));
                out << YAML::Key << "end" << YAML::Value << YAML::DoubleQuoted
                    << text(formatTimeOfDay(window.endMinute));
                if (window.weekdays.size() != 7) {
                    out << YAML::Key << "days" << YAML::Value << YAML::Flow << YAML::BeginSeq;
                    for (int day : window.weekdays)
                        out << text(weekdayName(day - 1));
                    out << YAML::EndSeq;
                }
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

} // namespace vigia::config
