#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <mutex>

namespace vigia {

// Lets work on another thread (a QThreadPool task) hand its result back to an object's thread safely, as
// KeePassXC's AsyncTask does: the owner closes the gate when it goes away (abort, destruction) and from then on
// results are dropped, both those posted later and those already queued. Shared by the owner and its tasks.
class CallbackGate : public std::enable_shared_from_this<CallbackGate> {
public:
    // `target` lives on the thread where callbacks must run and must outlive close().
    static std::shared_ptr<CallbackGate> create(QObject *target)
    {
        return std::shared_ptr<CallbackGate>(new CallbackGate(target));
    }

    // On the target's thread.
    void close()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_target = nullptr;
    }
    bool isOpen() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_target != nullptr;
    }

    // From any thread: queues `callback` on the target's thread; it runs only if the gate is still open then.
    void post(std::function<void()> callback)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_target)
            return;
        QMetaObject::invokeMethod(
            m_target,
            [gate = shared_from_this(), callback = std::move(callback)] {
                if (gate->isOpen())
                    callback();
            },
            Qt::QueuedConnection);
    }

private:
    explicit CallbackGate(QObject *target)
        : m_target(target)
    {}

    mutable std::mutex m_mutex;
    QObject *m_target;
};

} // namespace vigia
