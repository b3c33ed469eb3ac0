#pragma once

#include "store/storefactory.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class QSocketNotifier;

namespace vigia {

class Alarm;
class Clock;

// Wakes the dispatcher when another process enqueued (PostgreSQL LISTEN/NOTIFY), on its own thread with its own
// connection, so that a run enqueued elsewhere starts without waiting for the next poll. It watches the connection's
// socket (the thread's event loop stays free) and debounces per queue: the first announcement of a queue wakes at
// once, more for the same queue within `debounceMs` fold into one wake at the end of that window. When the
// connection breaks it reconnects with growing pauses (0.5 s doubling to 10 s) and wakes once it listens again, for
// what was enqueued meanwhile; polling covers the gap. With a store that has no wake-ups (SQLite) it does nothing.
class WakeListener : public QObject {
    Q_OBJECT
public:
    WakeListener(StoreOpener opener, Clock *clock, qint64 debounceMs, QObject *parent = nullptr);
    ~WakeListener() override;

public slots:
    // On the listener's thread: connects and listens.
    void start();

signals:
    // Runs may have become available: look now. Emitted on the listener's thread.
    void wake();
    // Listening, or not any more (the database is unreachable). Not emitted for stores without wake-ups.
    void listeningChanged(bool listening);

private:
    void connectToStore();
    void readWakes();
    void ringDebounced();
    void announce(const QString &queue, qint64 now);
    void lose(const QString &message);

    StoreOpener m_opener;
    Clock *m_clock;
    qint64 m_debounceMs;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<QSocketNotifier> m_notifier;
    Alarm *m_retryAlarm;
    Alarm *m_debounceAlarm;
    qint64 m_retryMs = 0;
    bool m_listening = false;
    bool m_unsupported = false;
    QHash<QString, qint64> m_quietUntil; // per queue: wakes for it before this instant are folded
    QSet<QString> m_pending;             // queues announced during their quiet window
};

} // namespace vigia
