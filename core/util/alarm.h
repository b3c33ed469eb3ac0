#pragma once

#include <QObject>
#include <QTimer>

namespace vigia {

class Clock;

// A one-shot wake-up at an instant of the injected clock. Lives in its owner's thread and rings there. With a real
// clock it uses an OS timer; with a manual clock it rings when the clock is moved past the deadline.
class Alarm : public QObject {
    Q_OBJECT
public:
    explicit Alarm(Clock *clock, QObject *parent = nullptr);

    void setDeadline(qint64 atMs);
    // Moves the deadline only if the new one is earlier (or none is set).
    void setDeadlineIfEarlier(qint64 atMs);
    void clear();
    bool isSet() const { return m_deadline != NoDeadline; }
    qint64 deadline() const { return m_deadline; }

signals:
    void rang();

private:
    static constexpr qint64 NoDeadline = std::numeric_limits<qint64>::max();
    void check();

    Clock *m_clock;
    QTimer m_timer;
    qint64 m_deadline = NoDeadline;
};

} // namespace vigia
