#include "cli/cli.h"
#include "cli/clicontext.h"

#include <QCoreApplication>

namespace vigia::cli {

int migrateVerb(CliContext &context, const QStringList &args)
{
    VerbParser parser(QStringLiteral("migrate"),
                      QCoreApplication::translate("Cli", "Bring the database schema up to date. A database newer "
                                                         "than this program is refused, never changed."));
    if (!parser.parse(context, args, 0, 0))
        return Success;
    // Not openStore(): that would migrate first and this verb would always find the schema current.
    std::unique_ptr<Store> store = parser.storeOpener()();
    const int before = store->schemaVersion();
    store->migrate();
    const int after = store->schemaVersion();
    if (before == after)
        context.out() << QCoreApplication::translate("Cli", "schema is current (version %1)").arg(after) << '\n';
    else
        context.out()
            << QCoreApplication::translate("Cli", "schema migrated from version %1 to %2").arg(before).arg(after)
            << '\n';
    return Success;
}

} // namespace vigia::cli
