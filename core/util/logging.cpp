#include "util/logging.h"

Q_LOGGING_CATEGORY(lcEngine, "vigia.engine")
Q_LOGGING_CATEGORY(lcStore, "vigia.store")
Q_LOGGING_CATEGORY(lcExec, "vigia.exec")
Q_LOGGING_CATEGORY(lcCli, "vigia.cli")
