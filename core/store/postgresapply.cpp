// PostgresStore: jobs as code. A placeholder until the port: sqliteapply.cpp is the reference, and DeclarationPlan
// (declarationplan.h) already does the backend-independent half (checks, comparison, the change list).
#include "store/postgresstore.h"

namespace vigia {

ApplyResult PostgresStore::applyDeclarations(const Declarations &, bool, bool, const Actor &, qint64)
{
    throw StoreError(PostgresStore::tr("apply is not available on PostgreSQL yet; nothing was written"));
}

} // namespace vigia
