#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace vigia {

// What a person may do. Checked by the engine (store commands), not only hidden in a UI.
enum class Role {
    Viewer = 0,
    Operator = 1,
    Admin = 2
};

// One way to reach a person, in the order the person wants to be tried.
struct ContactChannel {
    enum class Kind {
        Email,
        Webhook,
        Desktop
    };
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

// How stores and configuration spell channel kinds: email, webhook, desktop.
QString contactChannelKindName(ContactChannel::Kind kind);
std::optional<ContactChannel::Kind> contactChannelKindFromName(const QString &name);

// The JSON text the users table keeps: [{"kind": "email", "address": "...", "format": "slack"}] and
// [{"weekdays": [1, 2], "start_minute": 1320, "end_minute": 420}]. Reading skips what it cannot understand.
QByteArray contactChannelsToJson(const QVector<ContactChannel> &channels);
QVector<ContactChannel> contactChannelsFromJson(const QByteArray &json);
QByteArray dndWindowsToJson(const QVector<DndWindow> &windows);
QVector<DndWindow> dndWindowsFromJson(const QByteArray &json);

bool operator==(const ContactChannel &a, const ContactChannel &b);
bool operator==(const DndWindow &a, const DndWindow &b);
bool operator==(const User &a, const User &b);
inline bool operator!=(const User &a, const User &b)
{
    return !(a == b);
}

} // namespace vigia
