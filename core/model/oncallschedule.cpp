#include "model/oncallschedule.h"

namespace vigia {

QString rotationUnitName(Rotation::Unit unit)
{
    switch (unit) {
    case Rotation::Unit::Hours:
        return QStringLiteral("hours");
    case Rotation::Unit::Days:
        return QStringLiteral("days");
    case Rotation::Unit::Weeks:
        break;
    }
    return QStringLiteral("weeks");
}

bool rotationUnitFromName(const QString &name, Rotation::Unit *unit)
{
    for (Rotation::Unit candidate : {Rotation::Unit::Hours, Rotation::Unit::Days, Rotation::Unit::Weeks}) {
        if (rotationUnitName(candidate) == name) {
            *unit = candidate;
            return true;
        }
    }
    return false;
}

} // namespace vigia
