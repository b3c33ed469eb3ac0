#pragma once

#include "model/user.h"

namespace vigia {

// Whether a notification may reach a person now, by the person's do-not-disturb windows in their own time zone.
class DoNotDisturb {
public:
    enum class Decision {
        Deliver,      // outside every window
        Silence,      // inside a window: recorded SILENCED, not sent
        BreakThrough, // inside a window, but critical and critical is allowed through
    };

    // True when atMs falls in one of the user's windows (a window that wraps past midnight belongs to the weekday it
    // starts on). An unknown zone counts as UTC.
    static bool isQuiet(const User &user, qint64 atMs);
    static Decision decide(const User &user, qint64 atMs, bool critical, bool criticalBreaksThrough);
    // When the current quiet period ends (the first instant after atMs outside every window); atMs when not quiet.
    static qint64 quietUntil(const User &user, qint64 atMs);
};

} // namespace vigia
