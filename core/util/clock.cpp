#include "util/clock.h"

#include <QDateTime>

namespace vigia {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace vigia
