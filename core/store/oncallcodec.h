#pragma once

#include "model/escalationpolicy.h"
#include "model/oncallschedule.h"
#include "notify/notificationdelivery.h"

#include <QByteArray>

namespace vigia {

// The JSON text the on-call tables keep for a schedule's layers and overrides, a policy's steps and a delivery's
// message, shared by every backend. Reading skips what it cannot understand, as contactChannelsFromJson() does.
QByteArray onCallLayersToJson(const QVector<OnCallLayer> &layers);
QVector<OnCallLayer> onCallLayersFromJson(const QByteArray &json);
QByteArray onCallOverridesToJson(const QVector<OnCallOverride> &overrides);
QVector<OnCallOverride> onCallOverridesFromJson(const QByteArray &json);
QByteArray escalationStepsToJson(const QVector<EscalationStep> &steps);
QVector<EscalationStep> escalationStepsFromJson(const QByteArray &json);
QByteArray notificationMessageToJson(const NotificationMessage &message);
NotificationMessage notificationMessageFromJson(const QByteArray &json);

// A "notified" timeline row's detail for a delivery: whom, through what, with what result.
QByteArray deliveryEventDetail(const NotificationDelivery &delivery);

// Equal as the database would keep them (compared through the stored form, so nothing is forgotten).
bool sameSchedule(const OnCallSchedule &a, const OnCallSchedule &b);
bool samePolicy(const EscalationPolicy &a, const EscalationPolicy &b);

} // namespace vigia
