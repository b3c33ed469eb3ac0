#include "model/user.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

QString contactChannelKindName(ContactChannel::Kind kind)
{
    switch (kind) {
    case ContactChannel::Kind::Webhook:
        return QStringLiteral("webhook");
    case ContactChannel::Kind::Desktop:
        return QStringLiteral("desktop");
    case ContactChannel::Kind::Email:
        break;
    }
    return QStringLiteral("email");
}

std::optional<ContactChannel::Kind> contactChannelKindFromName(const QString &name)
{
    for (auto kind : {ContactChannel::Kind::Email, ContactChannel::Kind::Webhook, ContactChannel::Kind::Desktop}) {
        if (contactChannelKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QByteArray contactChannelsToJson(const QVector<ContactChannel> &channels)
{
    QJsonArray array;
    for (const ContactChannel &channel : channels) {
        QJsonObject object{{QStringLiteral("kind"), contactChannelKindName(channel.kind)}};
        if (!channel.address.isEmpty())
            object.insert(QStringLiteral("address"), channel.address);
        if (!channel.format.isEmpty())
            object.insert(QStringLiteral("format"), channel.format);
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QVector<ContactChannel> contactChannelsFromJson(const QByteArray &json)
{
    QVector<ContactChannel> channels;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject object = value.toObject();
        const std::optional<ContactChannel::Kind> kind =
            contactChannelKindFromName(object.value(QLatin1String("kind")).toString());
        if (!kind)
            continue;
        ContactChannel channel;
        channel.kind = *kind;
        channel.address = object.value(QLatin1String("address")).toString();
        channel.format = object.value(QLatin1String("format")).toString();
        channels.append(channel);
    }
    return channels;
}

QByteArray dndWindowsToJson(const QVector<DndWindow> &windows)
{
    QJsonArray array;
    for (const DndWindow &window : windows) {
        QJsonArray days;
        for (int day : window.weekdays)
            days.append(day);
        array.append(QJsonObject{{QStringLiteral("weekdays"), days},
                                 {QStringLiteral("start_minute"), window.startMinute},
                                 {QStringLiteral("end_minute"), window.endMinute}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QVector<DndWindow> dndWindowsFromJson(const QByteArray &json)
{
    QVector<DndWindow> windows;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject object = value.toObject();
        DndWindow window;
        window.weekdays.clear();
        for (const QJsonValue &day : object.value(QLatin1String("weekdays")).toArray()) {
            if (day.toInt() >= 1 && day.toInt() <= 7)
                window.weekdays.append(day.toInt());
        }
        window.startMinute = object.value(QLatin1String("start_minute")).toInt();
        window.endMinute = object.value(QLatin1String("end_minute")).toInt();
        windows.append(window);
    }
    return windows;
}

bool operator==(const ContactChannel &a, const ContactChannel &b)
{
    return a.kind == b.kind && a.address == b.address && a.format == b.format;
}

bool operator==(const DndWindow &a, const DndWindow &b)
{
    return a.weekdays == b.weekdays && a.startMinute == b.startMinute && a.endMinute == b.endMinute;
}

bool operator==(const User &a, const User &b)
{
    return a.name == b.name && a.email == b.email && a.role == b.role && a.timeZone == b.timeZone &&
           a.channels == b.channels && a.doNotDisturb == b.doNotDisturb;
}

} // namespace vigia
