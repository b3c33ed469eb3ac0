#pragma once

#include <QObject>

namespace vigia {

// The engine's only source of time, injected so that scheduler, backoff, lease and timeout logic can run on a
// fake clock in tests. Times are milliseconds since the Unix epoch, UTC.
class Clock : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual qint64 nowMs() const = 0;
    // True when real time passes by itself, so alarms may rely on OS timers; a fake clock only moves when told.
    virtual bool isRealTime() const = 0;

signals:
    // The clock moved by other means than the passing of real time (a test advanced it): alarms re-check.
    void jumped();
};

class SystemClock final : public Clock {
    Q_OBJECT
public:
    using Clock::Clock;
    qint64 nowMs() const override;
    bool isRealTime() const override { return true; }
};

} // namespace vigia
