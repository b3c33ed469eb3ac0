#include "storefixture.h"

#include "testsupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace vigia::test {

namespace {
class SqliteFixture final : public StoreFixture {
public:
    std::unique_ptr<Store> open() override { return m_db.open(); }
    void recordSchemaVersion(Store &, int version) override
    {
        const QString name = QStringLiteral("fixture");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db.path());
            db.open();
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, 'from the future', 0)"));
            query.addBindValue(version);
            query.exec();
        }
        QSqlDatabase::removeDatabase(name);
    }

private:
    TempDatabase m_db;
};
} // namespace

QStringList availableBackends()
{
    return {QStringLiteral("sqlite")};
}

std::unique_ptr<StoreFixture> makeFixture(const QString &backend)
{
    if (backend == QLatin1String("sqlite"))
        return std::make_unique<SqliteFixture>();
    qFatal("unknown backend %s", qPrintable(backend));
}

} // namespace vigia::test
