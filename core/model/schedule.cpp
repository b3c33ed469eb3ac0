#include "model/schedule.h"

namespace vigia {

QString misfirePolicyName(MisfirePolicy policy)
{
    switch (policy) {
    case MisfirePolicy::Coalesce:
        return QStringLiteral("coalesce");
    case MisfirePolicy::RunAll:
        return QStringLiteral("run-all");
    case MisfirePolicy::Skip:
        return QStringLiteral("skip");
    }
    return {};
}

MisfirePolicy misfirePolicyFromName(const QString &name)
{
    for (MisfirePolicy policy : {MisfirePolicy::Coalesce, MisfirePolicy::RunAll, MisfirePolicy::Skip}) {
        if (misfirePolicyName(policy) == name)
            return policy;
    }
    return MisfirePolicy::Coalesce;
}

QString scheduleKindName(Schedule::Kind kind)
{
    switch (kind) {
    case Schedule::Kind::Cron:
        return QStringLiteral("cron");
    case Schedule::Kind::Interval:
        return QStringLiteral("interval");
    case Schedule::Kind::None:
        break;
    }
    return QStringLiteral("none");
}

Schedule::Kind scheduleKindFromName(const QString &name)
{
    if (name == QLatin1String("cron"))
        return Schedule::Kind::Cron;
    if (name == QLatin1String("interval"))
        return Schedule::Kind::Interval;
    return Schedule::Kind::None;
}

} // namespace vigia
