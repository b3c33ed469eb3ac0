#pragma once

#include <QString>

#include <optional>

class QRandomGenerator;

namespace vigia {

// Exponential backoff with jitter: delay = min(max, base * factor^(attempt-1)), then jittered.
// Defaults follow DESIGN.md: base 60 s, factor 2, max 3600 s, full jitter.
struct RetryPolicy {
    enum class Jitter {
        None,  // exactly the exponential delay
        Full,  // uniform in [0, delay]
        Equal, // delay/2 + uniform in [0, delay/2]
    };

    qint64 baseMs = 60'000;
    double factor = 2.0;
    qint64 maxMs = 3'600'000;
    Jitter jitter = Jitter::Full;

    // The un-jittered delay before retry number `attempt` (the attempt that just failed, 1-based).
    qint64 exponentialDelayMs(int attempt) const;
    // The delay to wait, with jitter drawn from `random`.
    qint64 delayMs(int attempt, QRandomGenerator &random) const;

    static QString jitterName(Jitter jitter);
    static std::optional<Jitter> jitterFromName(const QString &name);
};

} // namespace vigia
