#include "store/storeurl.h"

#include "model/connection.h"
#include "secrets/secretreferences.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace vigia {

std::optional<StoreUrl> StoreUrl::parse(const QString &text, QString *error)
{
    StoreUrl url;
    url.text = text;
    const QString sqlitePrefix = QStringLiteral("sqlite:");
    if (text.startsWith(sqlitePrefix)) {
        QString path = text.mid(sqlitePrefix.size());
        if (path.startsWith(QLatin1String("//")))
            path = QUrl(text).toLocalFile();
        if (path.isEmpty()) {
            *error = QCoreApplication::translate("StoreUrl", "database URL \"%1\" names no file (use sqlite:PATH)")
                         .arg(text);
            return std::nullopt;
        }
        url.backend = Backend::Sqlite;
        url.sqlitePath = path;
        return url;
    }
    if (text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"))) {
        const UrlPasswordReference split = splitPasswordReference(text);
        if (!secrets::referencedNames(split.url).isEmpty()) {
            *error = QCoreApplication::translate("StoreUrl",
                                                 "database URL \"%1\": only the password may be a secret reference "
                                                 "(postgresql://user:${secret:NAME}@host/db)")
                         .arg(text);
            return std::nullopt;
        }
        const QUrl parsed(split.url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty()) {
            *error =
                QCoreApplication::translate("StoreUrl", "database URL \"%1\" is not a valid PostgreSQL URL").arg(text);
            return std::nullopt;
        }
        if (!parsed.password().isEmpty() || QUrlQuery(parsed).hasQueryItem(QStringLiteral("password"))) {
            // The text is not repeated: it holds the password.
            *error = QCoreApplication::translate("StoreUrl",
                                                 "database URL must not contain a password; keep it in the secret "
                                                 "store and write postgresql://user:${secret:NAME}@host/db");
            return std::nullopt;
        }
        url.backend = Backend::Postgres;
        url.postgresUrl = text;
        url.passwordRef = split.reference;
        return url;
    }
    *error = QCoreApplication::translate("StoreUrl",
                                         "unknown database URL \"%1\" (expected sqlite:PATH or postgresql://...)")
                 .arg(text);
    return std::nullopt;
}

QString StoreUrl::defaultUrl()
{
    const QString fromEnv = qEnvironmentVariable("VIGIA_DB");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QStringLiteral("sqlite:") + dir + QStringLiteral("/vigia/vigia.db");
}

} // namespace vigia
