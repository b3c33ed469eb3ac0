#include "engine/retrypolicy.h"

#include <QRandomGenerator>

#include <cmath>

namespace vigia {

qint64 RetryPolicy::exponentialDelayMs(int attempt) const
{
    const int exponent = std::max(0, attempt - 1);
    // Computed in floating point so that a large exponent saturates at maxMs instead of overflowing.
    const double delay = static_cast<double>(baseMs) * std::pow(std::max(1.0, factor), exponent);
    if (!std::isfinite(delay) || delay >= static_cast<double>(maxMs))
        return maxMs;
    return std::max<qint64>(0, std::llround(delay));
}

qint64 RetryPolicy::delayMs(int attempt, QRandomGenerator &random) const
{
    const qint64 delay = exponentialDelayMs(attempt);
    switch (jitter) {
    case Jitter::None:
        return delay;
    case Jitter::Full:
        return static_cast<qint64>(random.bounded(static_cast<double>(delay) + 1.0));
    case Jitter::Equal:
        return delay / 2 + static_cast<qint64>(random.bounded(static_cast<double>(delay - delay / 2) + 1.0));
    }
    return delay;
}

QString RetryPolicy::jitterName(Jitter jitter)
{
    switch (jitter) {
    case Jitter::None:
        return QStringLiteral("none");
    case Jitter::Full:
        return QStringLiteral("full");
    case Jitter::Equal:
        return QStringLiteral("equal");
    }
    return {};
}

std::optional<RetryPolicy::Jitter> RetryPolicy::jitterFromName(const QString &name)
{
    for (Jitter j : {Jitter::None, Jitter::Full, Jitter::Equal}) {
        if (jitterName(j) == name)
            return j;
    }
    return std::nullopt;
}

} // namespace vigia
