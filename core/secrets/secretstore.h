#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace vigia {

// Where secret values live: the desktop keychain, or (on servers) environment variables and systemd credentials.
// Asynchronous because the keychain answers over D-Bus; every callback runs on the thread of `context` and is
// dropped when `context` is destroyed first. Values never pass through the database, a config file or a log.
class SecretStore {
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    using ReadDone = std::function<void(const QString &value, const QString &error)>; // error empty on success
    using Done = std::function<void(const QString &error)>;
    using ListDone = std::function<void(const QStringList &names, const QString &error)>;

    virtual ~SecretStore() = default;
    virtual QString name() const = 0;
    virtual void read(const QString &secret, QObject *context, ReadDone done) = 0;
    virtual void write(const QString &secret, const QString &value, QObject *context, Done done) = 0;
    virtual void remove(const QString &secret, QObject *context, Done done) = 0;
    virtual void list(QObject *context, ListDone done) = 0;

    // Letters, digits, '_', '-' and '.', 1 to 128 characters: safe as an environment variable suffix and a file name.
    static bool isValidName(const QString &secret);
};

// "keychain", "env" or "auto" (the keychain when a D-Bus session is there, else the environment). Returns null and
// names the problem in *error for an unknown kind.
std::unique_ptr<SecretStore> openSecretStore(const QString &kind, QString *error);

} // namespace vigia
