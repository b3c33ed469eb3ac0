// SqliteStore: users declared by jobs as code (see sqliteapply.cpp); the rows are the ones upsertUser() writes.
#include "model/escalationpolicy.h"
#include "store/sqlitestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A null QString binds as NULL; the column holds '' for "no e-mail".
QString orEmpty(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
} // namespace

void SqliteStore::writeUsers(const NamedPlan<User> &plan, const DeclarationPlan &all, const Actor &actor, qint64 now)
{
    for (const User &user : plan.create) {
        exec(QStringLiteral("INSERT INTO users (name, email, role, time_zone, channels, do_not_disturb, created_at, "
                            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
             {user.name, orEmpty(user.email), escalationRoleName(user.role), user.timeZone,
              QString::fromUtf8(contactChannelsToJson(user.channels)),
              QString::fromUtf8(dndWindowsToJson(user.doNotDisturb)), now, now});
        audit(actor, now, QStringLiteral("user.create"), u"user:" + user.name,
              compactJson({{QStringLiteral("role"), escalationRoleName(user.role)},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const User &user : plan.update) {
        exec(QStringLiteral("UPDATE users SET email = ?, role = ?, time_zone = ?, channels = ?, do_not_disturb = ?, "
                            "updated_at = ? WHERE name = ?"),
             {orEmpty(user.email), escalationRoleName(user.role), user.timeZone,
              QString::fromUtf8(contactChannelsToJson(user.channels)),
              QString::fromUtf8(dndWindowsToJson(user.doNotDisturb)), now, user.name});
        const QString target = u"user:" + user.name;
        audit(actor, now, QStringLiteral("user.update"), target,
              compactJson({{QStringLiteral("fields"), QJsonArray::fromStringList(all.updatedFields(target))},
                           {QStringLiteral("role"), escalationRoleName(user.role)},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const User &user : plan.remove) {
        exec(QStringLiteral("DELETE FROM users WHERE name = ?"), {user.name});
        audit(actor, now, QStringLiteral("user.delete"), u"user:" + user.name,
              compactJson({{QStringLiteral("via"), QStringLiteral("apply")}}));
    }
}

} // namespace vigia
