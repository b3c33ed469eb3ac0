#pragma once

#include "notify/notificationdelivery.h"

#include <QObject>

#include <functional>

namespace vigia {

// What one attempt to send a delivery came to.
struct SendOutcome {
    bool sent = false;
    QString error;         // why not, one line
    bool retryable = true; // false: retrying cannot help (bad address, refused payload)
};

// One way of reaching people (webhook, desktop, e-mail). Asynchronous: send() returns at once and calls `done` once,
// later, on the channel's thread. Channels live in the delivery worker's thread; a new channel is one more subclass.
class NotificationChannel : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const SendOutcome &outcome)>;
    using QObject::QObject;

    virtual ContactChannel::Kind kind() const = 0;
    virtual void send(const NotificationDelivery &delivery, Done done) = 0;
};

} // namespace vigia
