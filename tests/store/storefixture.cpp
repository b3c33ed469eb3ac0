#include "storefixture.h"

#include "engine/engine.h"
#include "postgresserver.h"
#include "testsupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace vigia::test {

namespace {
class SqliteFixture final : public StoreFixture {
public:
    std::unique_ptr<Store> open() override { return m_db.open(); }
    void execute(const QString &sql) override
    {
        const QString name = QStringLiteral("fixture");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db.path());
            db.open();
            for (const QString &statement : sql.split(u';', Qt::SkipEmptyParts)) {
                QSqlQuery query(db);
                if (!query.exec(statement))
                    qWarning().noquote() << "cannot execute" << statement;
            }
        }
        QSqlDatabase::removeDatabase(name);
    }

private:
    TempDatabase m_db;
};

// A fresh database per test on the executable's one throwaway PostgreSQL server.
class PostgresFixture final : public StoreFixture {
public:
    PostgresFixture()
    {
        QString error;
        m_server = PostgresServer::shared(&error);
        if (!m_server)
            qFatal("cannot start a PostgreSQL server for the tests: %s", qPrintable(error));
        m_database = m_server->createDatabase(&error);
        if (m_database.isEmpty())
            qFatal("%s", qPrintable(error));
    }
    ~PostgresFixture() override { m_server->dropDatabase(m_database); }

    std::unique_ptr<Store> open() override
    {
        QString error;
        std::unique_ptr<Store> store = openStore(*StoreUrl::parse(m_server->url(m_database), &error));
        ensureSchema(*store);
        return store;
    }
    QString url() const override { return m_server->url(m_database); }
    void execute(const QString &sql) override
    {
        const QString failure = m_server->exec(m_database, sql);
        if (!failure.isEmpty())
            qWarning().noquote() << "cannot execute" << sql << ":" << failure;
    }

private:
    PostgresServer *m_server = nullptr;
    QString m_database;
};
} // namespace

QStringList availableBackends()
{
    QStringList backends{QStringLiteral("sqlite")};
    if (!PostgresServer::binDir().isEmpty())
        backends << QStringLiteral("postgres");
    else
        qWarning("PostgreSQL's server is not installed (see scripts/deps.sh): the postgres backend is not tested");
    return backends;
}

std::unique_ptr<StoreFixture> makeFixture(const QString &backend)
{
    if (backend == QLatin1String("sqlite"))
        return std::make_unique<SqliteFixture>();
    if (backend == QLatin1String("postgres"))
        return std::make_unique<PostgresFixture>();
    qFatal("unknown backend %s", qPrintable(backend));
}

} // namespace vigia::test
