#pragma once

#include "model/user.h"
#include "notify/notificationmessage.h"

#include <QMetaType>

namespace vigia {

// One notification to one person through one channel, as the delivery log keeps it.
struct NotificationDelivery {
    enum class Status {
        Pending,
        Sent,
        Failed,
        Silenced
    };

    qint64 id = 0;
    qint64 incidentId = 0;
    int level = -1; // the escalation level that caused it
    QString recipient;
    ContactChannel::Kind channel = ContactChannel::Kind::Desktop;
    QString address;  // e-mail address or URL; empty for desktop
    QString format;   // webhook: generic, slack or teams
    QString severity; // critical, high, warning, info
    bool critical = false;
    Status status = Status::Pending;
    int attempts = 0;
    QString error; // of the last failed attempt, or why it was silenced
    qint64 createdAtMs = 0;
    qint64 nextAttemptAtMs = 0; // Pending: not before this instant
    qint64 finishedAtMs = 0;    // Sent, Failed or Silenced
    NotificationMessage message;
};

// How failed deliveries are retried: base * factor^(attempts-1) after each failure, until maxAttempts were made.
struct NotificationRetry {
    qint64 baseMs = 30'000;
    double factor = 2.0;
    qint64 maxMs = 3'600'000;
    int maxAttempts = 5;

    // The wait after the attempts-th failed attempt.
    qint64 delayAfter(int attempts) const;
    bool exhausted(int attempts) const { return attempts >= maxAttempts; }
};

QString deliveryStatusName(NotificationDelivery::Status status);
bool deliveryStatusFromName(const QString &name, NotificationDelivery::Status *status);
QString channelKindName(ContactChannel::Kind kind);
bool channelKindFromName(const QString &name, ContactChannel::Kind *kind);

} // namespace vigia

// Signals carry deliveries across threads (the delivery worker, the notifier duty).
Q_DECLARE_METATYPE(vigia::NotificationDelivery)
