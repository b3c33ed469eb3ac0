#pragma once

#include "util/clock.h"

#include <atomic>

namespace vigia::test {

// A clock that moves only when the test says so; alarms in engine threads re-check when it moves.
class FakeClock final : public Clock {
    Q_OBJECT
public:
    explicit FakeClock(qint64 startMs = 1'700'000'000'000, QObject *parent = nullptr)
        : Clock(parent)
        , m_nowMs(startMs)
    {}
    qint64 nowMs() const override { return m_nowMs.load(); }
    bool isRealTime() const override { return false; }
    void setNowMs(qint64 ms)
    {
        m_nowMs.store(ms);
        emit jumped();
    }
    void advanceMs(qint64 ms) { setNowMs(nowMs() + ms); }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace vigia::test
