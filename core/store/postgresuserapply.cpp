// PostgresStore: users declared by jobs as code (see postgresapply.cpp); the rows are the ones upsertUser() writes.
#include "model/escalationpolicy.h"
#include "store/postgressession.h"
#include "store/postgresstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia {

namespace {
QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

void PostgresStore::writeUsers(pqxx::transaction_base &tx, const NamedPlan<User> &plan, const DeclarationPlan &all,
                               const Actor &actor, qint64 now)
{
    for (const User &user : plan.create) {
        tx.exec_params("INSERT INTO users (name, email, role, time_zone, channels, do_not_disturb, created_at, "
                       "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
                       pgText(user.name), pgText(user.email), pgText(escalationRoleName(user.role)),
                       pgText(user.timeZone), contactChannelsToJson(user.channels).toStdString(),
                       dndWindowsToJson(user.doNotDisturb).toStdString(), now);
        audit(tx, actor, now, QStringLiteral("user.create"), u"user:" + user.name,
              compactJson({{QStringLiteral("role"), escalationRoleName(user.role)},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const User &user : plan.update) {
        tx.exec_params("UPDATE users SET email = $1, role = $2, time_zone = $3, channels = $4, do_not_disturb = $5, "
                       "updated_at = $6 WHERE name = $7",
                       pgText(user.email), pgText(escalationRoleName(user.role)), pgText(user.timeZone),
                       contactChannelsToJson(user.channels).toStdString(),
                       dndWindowsToJson(user.doNotDisturb).toStdString(), now, pgText(user.name));
        const QString target = u"user:" + user.name;
        audit(tx, actor, now, QStringLiteral("user.update"), target,
              compactJson({{QStringLiteral("fields"), QJsonArray::fromStringList(all.updatedFields(target))},
                           {QStringLiteral("role"), escalationRoleName(user.role)},
                           {QStringLiteral("via"), QStringLiteral("apply")}}));
    }
    for (const User &user : plan.remove) {
        tx.exec_params("DELETE FROM users WHERE name = $1", pgText(user.name));
        audit(tx, actor, now, QStringLiteral("user.delete"), u"user:" + user.name,
              compactJson({{QStringLiteral("via"), QStringLiteral("apply")}}));
    }
}

} // namespace vigia
