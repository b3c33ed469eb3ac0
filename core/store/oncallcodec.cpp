#include "store/oncallcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QJsonArray arrayOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).array();
}

QJsonArray intArray(const QVector<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QVector<int> intsOf(const QJsonValue &value)
{
    QVector<int> values;
    for (const QJsonValue &item : value.toArray())
        values.append(item.toInt());
    return values;
}
} // namespace

QByteArray onCallLayersToJson(const QVector<OnCallLayer> &layers)
{
    QJsonArray array;
    for (const OnCallLayer &layer : layers) {
        const Rotation &r = layer.rotation;
        array.append(QJsonObject{
            {QStringLiteral("name"), layer.name},
            {QStringLiteral("participants"), QJsonArray::fromStringList(r.participants)},
            {QStringLiteral("shift_length"), r.shiftLength},
            {QStringLiteral("unit"), rotationUnitName(r.unit)},
            {QStringLiteral("handoff_minute"), r.handoffMinute},
            {QStringLiteral("start_date"), r.startDate.toString(Qt::ISODate)},
            {QStringLiteral("time_zone"), r.timeZone},
            {QStringLiteral("restrict_start_minute"), layer.restrictStartMinute},
            {QStringLiteral("restrict_end_minute"), layer.restrictEndMinute},
            {QStringLiteral("restrict_weekdays"), intArray(layer.restrictWeekdays)},
            {QStringLiteral("ends_at"), QString::number(layer.endsAtMs)},
        });
    }
    return compact(array);
}

QVector<OnCallLayer> onCallLayersFromJson(const QByteArray &json)
{
    QVector<OnCallLayer> layers;
    for (const QJsonValue &value : arrayOf(json)) {
        const QJsonObject o = value.toObject();
        OnCallLayer layer;
        layer.name = o.value(QStringLiteral("name")).toString();
        Rotation &r = layer.rotation;
        for (const QJsonValue &p : o.value(QStringLiteral("participants")).toArray())
            r.participants << p.toString();
        r.shiftLength = o.value(QStringLiteral("shift_length")).toInt(1);
        rotationUnitFromName(o.value(QStringLiteral("unit")).toString(), &r.unit);
        r.handoffMinute = o.value(QStringLiteral("handoff_minute")).toInt(9 * 60);
        r.startDate = QDate::fromString(o.value(QStringLiteral("start_date")).toString(), Qt::ISODate);
        r.timeZone = o.value(QStringLiteral("time_zone")).toString(QStringLiteral("UTC"));
        layer.restrictStartMinute = o.value(QStringLiteral("restrict_start_minute")).toInt(-1);
        layer.restrictEndMinute = o.value(QStringLiteral("restrict_end_minute")).toInt(-1);
        if (o.contains(QStringLiteral("restrict_weekdays")))
            layer.restrictWeekdays = intsOf(o.value(QStringLiteral("restrict_weekdays")));
        layer.endsAtMs = o.value(QStringLiteral("ends_at")).toString().toLongLong();
        layers.append(layer);
    }
    return layers;
}

QByteArray onCallOverridesToJson(const QVector<OnCallOverride> &overrides)
{
    QJsonArray array;
    for (const OnCallOverride &o : overrides) {
        // Instants as decimal text: JSON numbers are doubles, exact only up to 2^53.
        array.append(QJsonObject{{QStringLiteral("user"), o.user},
                                 {QStringLiteral("start"), QString::number(o.startMs)},
                                 {QStringLiteral("end"), QString::number(o.endMs)}});
    }
    return compact(array);
}

QVector<OnCallOverride> onCallOverridesFromJson(const QByteArray &json)
{
    QVector<OnCallOverride> overrides;
    for (const QJsonValue &value : arrayOf(json)) {
        const QJsonObject o = value.toObject();
        overrides.append(OnCallOverride{o.value(QStringLiteral("user")).toString(),
                                        o.value(QStringLiteral("start")).toString().toLongLong(),
                                        o.value(QStringLiteral("end")).toString().toLongLong()});
    }
    return overrides;
}

QByteArray escalationStepsToJson(const QVector<EscalationStep> &steps)
{
    QJsonArray array;
    for (const EscalationStep &step : steps) {
        QJsonArray targets;
        for (const EscalationTarget &t : step.targets) {
            QJsonObject target{{QStringLiteral("kind"), escalationTargetKindName(t.kind)}};
            if (t.kind == EscalationTarget::Kind::Role)
                target.insert(QStringLiteral("role"), escalationRoleName(t.role));
            else
                target.insert(QStringLiteral("name"), t.name);
            targets.append(target);
        }
        array.append(QJsonObject{{QStringLiteral("delay_ms"), QString::number(step.delayMs)},
                                 {QStringLiteral("targets"), targets}});
    }
    return compact(array);
}

QVector<EscalationStep> escalationStepsFromJson(const QByteArray &json)
{
    QVector<EscalationStep> steps;
    for (const QJsonValue &value : arrayOf(json)) {
        const QJsonObject o = value.toObject();
        EscalationStep step;
        step.delayMs = o.value(QStringLiteral("delay_ms")).toString().toLongLong();
        for (const QJsonValue &t : o.value(QStringLiteral("targets")).toArray()) {
            const QJsonObject to = t.toObject();
            EscalationTarget target;
            if (!escalationTargetKindFromName(to.value(QStringLiteral("kind")).toString(), &target.kind))
                continue;
            if (target.kind == EscalationTarget::Kind::Role)
                escalationRoleFromName(to.value(QStringLiteral("role")).toString(), &target.role);
            else
                target.name = to.value(QStringLiteral("name")).toString();
            step.targets.append(target);
        }
        steps.append(step);
    }
    return steps;
}

QByteArray notificationMessageToJson(const NotificationMessage &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("subject"), message.subject},
                                     {QStringLiteral("text"), message.text},
                                     {QStringLiteral("html"), message.html},
                                     {QStringLiteral("summary"), message.summary}})
        .toJson(QJsonDocument::Compact);
}

NotificationMessage notificationMessageFromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    NotificationMessage message;
    message.subject = o.value(QStringLiteral("subject")).toString();
    message.text = o.value(QStringLiteral("text")).toString();
    message.html = o.value(QStringLiteral("html")).toString();
    message.summary = o.value(QStringLiteral("summary")).toString();
    return message;
}

// A timeline row for a delivery: whom, through what, with what result.
QByteArray deliveryEventDetail(const NotificationDelivery &delivery)
{
    QJsonObject detail{{QStringLiteral("recipient"), delivery.recipient},
                       {QStringLiteral("channel"), channelKindName(delivery.channel)},
                       {QStringLiteral("status"), deliveryStatusName(delivery.status)},
                       {QStringLiteral("delivery_id"), delivery.id}};
    if (delivery.attempts > 0)
        detail.insert(QStringLiteral("attempts"), delivery.attempts);
    if (!delivery.error.isEmpty())
        detail.insert(QStringLiteral("error"), delivery.error);
    return QJsonDocument(detail).toJson(QJsonDocument::Compact);
}

bool sameSchedule(const OnCallSchedule &a, const OnCallSchedule &b)
{
    return a.name == b.name && a.description == b.description && a.timeZone == b.timeZone &&
           onCallLayersToJson(a.layers) == onCallLayersToJson(b.layers) &&
           onCallOverridesToJson(a.overrides) == onCallOverridesToJson(b.overrides);
}

bool samePolicy(const EscalationPolicy &a, const EscalationPolicy &b)
{
    return a.name == b.name && a.description == b.description && a.repeat == b.repeat && a.finalRole == b.finalRole &&
           escalationStepsToJson(a.steps) == escalationStepsToJson(b.steps);
}

} // namespace vigia
