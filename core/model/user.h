#pragma once

#include <QString>
#include <QVector>

namespace vigia {

// What a person may do. Checked by the engine (store commands), not only hidden in a UI.
enum class Role { Viewer = 0, Operator = 1, Admin = 2 };

// One way to reach a person, in the order the person wants to be tried.
struct ContactChannel {
    enum class Kind { Email, Webhook, Desktop };
    Kind kind = Kind::Email;
    QString address; // e-mail address or URL; empty for desktop
    QString format;  // webhook only: "generic", "slack" or "teams"
};

// A recurring quiet period in the user's own time zone. Times are minutes after midnight;
// an end before the start wraps past midnight (22:00–07:00). Weekdays use Qt's numbering, 1 = Monday;
// for a wrapping window the weekday is the one the window starts on.
struct DndWindow {
    QVector<int> weekdays{1, 2, 3, 4, 5, 6, 7};
    int startMinute = 0;
    int endMinute = 0;
};

struct User {
    QString name; // unique; what --as NAME and the audit log use
    QString email;
    Role role = Role::Viewer;
    QString timeZone = QStringLiteral("UTC"); // IANA id
    QVector<ContactChannel> channels;
    QVector<DndWindow> doNotDisturb;
};

} // namespace vigia
