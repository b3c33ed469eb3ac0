#include "notify/desktopchannel.h"

#include <QMetaMethod>

namespace vigia {

void DesktopChannel::send(const NotificationDelivery &delivery, Done done)
{
    if (!isSignalConnected(QMetaMethod::fromSignal(&DesktopChannel::notificationRequested))) {
        done(SendOutcome{false, tr("no desktop session shows notifications here"), false});
        return;
    }
    DesktopNotification notification;
    notification.deliveryId = delivery.id;
    notification.incidentId = delivery.incidentId;
    notification.recipient = delivery.recipient;
    notification.severity = delivery.severity;
    notification.title = delivery.message.subject;
    notification.text = delivery.message.summary;
    emit notificationRequested(notification);
    done(SendOutcome{true, {}, false});
}

} // namespace vigia
