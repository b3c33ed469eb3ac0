#include "notify/notificationdelivery.h"

#include <cmath>

namespace vigia {

qint64 NotificationRetry::delayAfter(int attempts) const
{
    const int exponent = qMax(0, attempts - 1);
    const double delay = double(baseMs) * std::pow(qMax(1.0, factor), qMin(exponent, 62));
    if (!std::isfinite(delay) || delay >= double(maxMs))
        return maxMs;
    return qint64(delay);
}

QString deliveryStatusName(NotificationDelivery::Status status)
{
    switch (status) {
    case NotificationDelivery::Status::Sent:
        return QStringLiteral("sent");
    case NotificationDelivery::Status::Failed:
        return QStringLiteral("failed");
    case NotificationDelivery::Status::Silenced:
        return QStringLiteral("silenced");
    case NotificationDelivery::Status::Pending:
        break;
    }
    return QStringLiteral("pending");
}

bool deliveryStatusFromName(const QString &name, NotificationDelivery::Status *status)
{
    using S = NotificationDelivery::Status;
    for (S candidate : {S::Pending, S::Sent, S::Failed, S::Silenced}) {
        if (deliveryStatusName(candidate) == name) {
            *status = candidate;
            return true;
        }
    }
    return false;
}

QString channelKindName(ContactChannel::Kind kind)
{
    switch (kind) {
    case ContactChannel::Kind::Email:
        return QStringLiteral("email");
    case ContactChannel::Kind::Webhook:
        return QStringLiteral("webhook");
    case ContactChannel::Kind::Desktop:
        break;
    }
    return QStringLiteral("desktop");
}

bool channelKindFromName(const QString &name, ContactChannel::Kind *kind)
{
    using K = ContactChannel::Kind;
    for (K candidate : {K::Email, K::Webhook, K::Desktop}) {
        if (channelKindName(candidate) == name) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

} // namespace vigia
