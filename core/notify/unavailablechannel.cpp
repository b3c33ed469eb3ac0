#include "notify/unavailablechannel.h"

#include <QCoreApplication>

namespace vigia {

UnavailableChannel::UnavailableChannel(ContactChannel::Kind kind, QString reason, QObject *parent)
    : NotificationChannel(parent)
    , m_kind(kind)
    , m_reason(std::move(reason))
{}

void UnavailableChannel::send(const NotificationDelivery &delivery, Done done)
{
    Q_UNUSED(delivery);
    // Later, as the interface promises: the caller may still be setting up when send() returns.
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done), reason = m_reason] {
            done(SendOutcome{false, reason, false});
        },
        Qt::QueuedConnection);
}

UnavailableChannel *UnavailableChannel::email(QObject *parent)
{
    return new UnavailableChannel(
        ContactChannel::Kind::Email,
        QCoreApplication::translate("UnavailableChannel",
                                    "e-mail transport not available: this build has no SMTP library yet"),
        parent);
}

} // namespace vigia
