// vigia-engine: the headless job engine and the operator's command line.
#include "cli/cli.h"
#include "util/translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigia"));
    QCoreApplication::setOrganizationName(QStringLiteral("vigia"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIA_VERSION));
    vigia::installTranslations();
    return vigia::cli::run(QCoreApplication::arguments().mid(1));
}
