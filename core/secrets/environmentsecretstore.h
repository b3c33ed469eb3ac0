#pragma once

#include "secrets/secretstore.h"

namespace vigia {

// Secrets for servers: VIGIA_SECRET_<NAME> environment variables (the name upper-cased, '-' and '.' as '_'), then
// files named NAME in $CREDENTIALS_DIRECTORY (systemd's LoadCredential=). Read-only: they are set where the
// service is deployed.
class EnvironmentSecretStore final : public SecretStore {
public:
    QString name() const override { return QStringLiteral("env"); }
    void read(const QString &secret, QObject *context, ReadDone done) override;
    void write(const QString &secret, const QString &value, QObject *context, Done done) override;
    void remove(const QString &secret, QObject *context, Done done) override;
    void list(QObject *context, ListDone done) override;

    static QString variableFor(const QString &secret);
};

} // namespace vigia
