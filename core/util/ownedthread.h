#pragma once

#include <QObject>
#include <QThread>

#include <memory>

namespace vigia {

// Runs one QObject worker in a thread it owns: the object is moved in on construction, and destroyed in its own
// thread before the thread is quit and joined when this owner goes away.
template <typename T> class OwnedThread {
public:
    OwnedThread(const QString &name, std::unique_ptr<T> object)
        : m_object(object.release())
    {
        m_thread.setObjectName(name);
        m_object->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_object, &QObject::deleteLater);
        m_thread.start();
    }
    ~OwnedThread()
    {
        m_thread.quit();
        m_thread.wait();
    }
    OwnedThread(const OwnedThread &) = delete;
    OwnedThread &operator=(const OwnedThread &) = delete;

    T *object() const { return m_object; }
    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
    T *m_object;
};

} // namespace vigia
