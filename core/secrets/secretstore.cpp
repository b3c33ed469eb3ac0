#include "secrets/secretstore.h"

#include "secrets/environmentsecretstore.h"
#include "secrets/keychainsecretstore.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vigia {

bool SecretStore::isValidName(const QString &secret)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
    return pattern.match(secret).hasMatch();
}

std::unique_ptr<SecretStore> openSecretStore(const QString &kind, QString *error)
{
    if (kind == QLatin1String("keychain"))
        return std::make_unique<KeychainSecretStore>();
    if (kind == QLatin1String("env"))
        return std::make_unique<EnvironmentSecretStore>();
    if (kind == QLatin1String("auto") || kind.isEmpty()) {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return std::make_unique<KeychainSecretStore>();
        return std::make_unique<EnvironmentSecretStore>();
    }
    *error = SecretStore::tr("unknown secret store \"%1\" (expected keychain, env or auto)").arg(kind);
    return nullptr;
}

} // namespace vigia
