#include "benchdatabase.h"

#include "postgresserver.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QUrl>

#include <pqxx/pqxx>

#include <cstdio>
#include <utility>

namespace vigia::bench {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Bench", text);
}

QString withDatabase(const QString &url, const QString &database)
{
    QUrl changed(url);
    changed.setPath(u'/' + database);
    return changed.toString();
}

// Runs one statement outside a transaction (CREATE and DROP DATABASE refuse to run inside one).
void execMaintenance(const QString &url, const QString &sql)
{
    pqxx::connection connection(url.toStdString());
    pqxx::nontransaction tx(connection);
    tx.exec(sql.toStdString());
}
} // namespace

std::unique_ptr<BenchDatabase> BenchDatabase::open(const StoreUrl &given, bool throwawayServer)
{
    std::unique_ptr<BenchDatabase> db(new BenchDatabase);
    if (!throwawayServer && given.backend == StoreUrl::Backend::Sqlite) {
        db->m_url = given;
        return db;
    }
    QString serverUrl = given.postgresUrl;
    if (throwawayServer) {
        db->m_server = std::make_unique<test::PostgresServer>(test::PostgresServer::Durability::Defaults);
        QString error;
        if (!db->m_server->start(&error))
            throw StoreError(tr("cannot start a throwaway PostgreSQL server: %1").arg(error));
        serverUrl = db->m_server->url(QStringLiteral("postgres"));
    }
    db->m_maintenanceUrl = withDatabase(serverUrl, QStringLiteral("postgres"));
    db->m_database = QStringLiteral("bench_%1")
                         .arg(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
    try {
        execMaintenance(db->m_maintenanceUrl,
                        QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(db->m_database));
    } catch (const std::exception &e) {
        const QString name = std::exchange(db->m_database, QString()); // nothing to drop
        throw StoreError(tr("cannot create database %1 through %2: %3")
                             .arg(name, db->m_maintenanceUrl, QString::fromUtf8(e.what()).trimmed()));
    }
    QString error;
    const std::optional<StoreUrl> url = StoreUrl::parse(withDatabase(serverUrl, db->m_database), &error);
    if (!url)
        throw StoreError(error, StoreError::Kind::Invalid);
    db->m_url = *url;
    return db;
}

BenchDatabase::~BenchDatabase()
{
    if (m_maintenanceUrl.isEmpty() || m_database.isEmpty())
        return;
    try {
        execMaintenance(m_maintenanceUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "vigia-bench: cannot drop database %s: %s\n", qPrintable(m_database), e.what());
    }
    // m_server (when set) stops the throwaway server by its PID.
}

} // namespace vigia::bench
