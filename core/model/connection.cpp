#include "model/connection.h"

#include "secrets/secretreferences.h"

#include <QCoreApplication>

namespace vigia {

namespace {
// A class, not a function, so that lupdate files the texts under "Connection", where they are looked up.
struct ConnectionTr {
    Q_DECLARE_TR_FUNCTIONS(Connection)
};

// Where the password of a postgresql:// URL's user part sits ("user:PASSWORD@"): the positions of the ':' and the '@',
// or -1 when there is none. References are masked first: their ':' is no separator.
struct UserInfoPassword {
    qsizetype colon = -1;
    qsizetype at = -1;
};

UserInfoPassword userInfoPassword(const QString &url)
{
    const QString masked = secrets::maskReferences(url);
    const qsizetype start = masked.indexOf(QLatin1String("://")) + 3;
    if (start < 3)
        return {};
    qsizetype end = masked.indexOf(u'/', start);
    const qsizetype queryStart = masked.indexOf(u'?', start);
    if (end < 0 || (queryStart >= 0 && queryStart < end))
        end = queryStart < 0 ? masked.size() : queryStart;
    const qsizetype at = masked.lastIndexOf(u'@', end - 1);
    if (at < start)
        return {};
    const qsizetype colon = masked.indexOf(u':', start);
    if (colon < 0 || colon > at)
        return {};
    return {colon, at};
}

// The literal passwords a postgresql:// URL may carry: after the user name ("user:PASSWORD@host") and as the
// `password` parameter ("?password=PASSWORD"). Each must be a reference; the problem is returned, empty when none.
QString postgresUrlPasswordProblem(const QString &url)
{
    const UserInfoPassword userInfo = userInfoPassword(url);
    if (userInfo.colon >= 0) {
        const QString password = url.mid(userInfo.colon + 1, userInfo.at - userInfo.colon - 1);
        if (!password.isEmpty() && !secrets::isReference(password))
            return ConnectionTr::tr("holds a literal password; write the user only and give the password as password: "
                                    "\"${secret:NAME}\" (or write ${secret:NAME} in its place)");
    }
    const QString masked = secrets::maskReferences(url);
    const qsizetype queryStart = masked.indexOf(u'?', masked.indexOf(QLatin1String("://")) + 3);
    if (queryStart < 0)
        return {};
    qsizetype from = queryStart + 1;
    while (from <= masked.size()) {
        qsizetype to = masked.indexOf(u'&', from);
        if (to < 0)
            to = masked.size();
        const QString parameter = url.mid(from, to - from);
        if (parameter.section(u'=', 0, 0).trimmed().compare(QLatin1String("password"), Qt::CaseInsensitive) == 0 &&
            !secrets::isReference(parameter.section(u'=', 1))) {
            return ConnectionTr::tr(
                "holds a literal password (?password=); give it as password: \"${secret:NAME}\" instead");
        }
        from = to + 1;
    }
    return {};
}
} // namespace

UrlPasswordReference splitPasswordReference(const QString &url)
{
    if (!url.startsWith(QLatin1String("postgresql://")) && !url.startsWith(QLatin1String("postgres://")))
        return {url, {}};
    const UserInfoPassword userInfo = userInfoPassword(url);
    if (userInfo.colon < 0)
        return {url, {}};
    const QString password = url.mid(userInfo.colon + 1, userInfo.at - userInfo.colon - 1);
    if (!secrets::isReference(password))
        return {url, {}};
    return {url.left(userInfo.colon) + url.mid(userInfo.at), password};
}

QVector<ConnectionProblem> connectionProblems(const Connection &connection)
{
    QVector<ConnectionProblem> problems;
    const QString &url = connection.url;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        if (url.size() == int(qstrlen("sqlite:")))
            problems.append(
                {QStringLiteral("url"), ConnectionTr::tr("sqlite: needs a file path (sqlite:/var/lib/app/app.db)")});
        if (!connection.password.isEmpty())
            problems.append(
                {QStringLiteral("password"), ConnectionTr::tr("a SQLite database has no password; leave it out")});
        return problems;
    }
    if (!url.startsWith(QLatin1String("postgresql://")) && !url.startsWith(QLatin1String("postgres://"))) {
        // The URL is not repeated: whatever it is, it may hold a password.
        problems.append(
            {QStringLiteral("url"), ConnectionTr::tr("expected sqlite:PATH or postgresql://user@host:port/database")});
        return problems;
    }
    const QString urlProblem = postgresUrlPasswordProblem(url);
    if (!urlProblem.isEmpty())
        problems.append({QStringLiteral("url"), urlProblem});
    if (!connection.password.isEmpty() && !secrets::isReference(connection.password)) {
        problems.append(
            {QStringLiteral("password"),
             ConnectionTr::tr("must be a single secret reference such as \"${secret:REPORTS_DB_PASSWORD}\", never the "
                              "password itself (set it with `vigia-engine secret set NAME`, or VIGIA_SECRET_NAME on a "
                              "server)")});
    }
    return problems;
}

} // namespace vigia
