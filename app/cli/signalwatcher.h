#pragma once

#include <QObject>

class QSocketNotifier;

namespace vigia::cli {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (the handler only writes to a socket pair, which
// is all a signal handler may safely do).
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace vigia::cli
