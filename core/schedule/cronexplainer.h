#pragma once

#include <QString>

namespace vigia {

class CronExpression;

// Turns a cron expression into a short sentence ("every 5 minutes, between 08:00 and 19:59") for people who do not
// read cron. The sentence is built from small pieces translated in the "CronExplainer" context.
class CronExplainer {
public:
    static QString explain(const CronExpression &expression);
};

} // namespace vigia
