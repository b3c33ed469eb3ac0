#include "secrets/environmentsecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>

namespace vigia {

namespace {

const QString Prefix = QStringLiteral("VIGIA_SECRET_");

// Answers on the context's thread after the current call returns, as the keychain does.
template <typename F> void later(QObject *context, F &&callback)
{
    QMetaObject::invokeMethod(context, std::forward<F>(callback), Qt::QueuedConnection);
}
} // namespace

QString EnvironmentSecretStore::variableFor(const QString &secret)
{
    QString variable = secret.toUpper();
    variable.replace(u'-', u'_');
    variable.replace(u'.', u'_');
    return Prefix + variable;
}

void EnvironmentSecretStore::read(const QString &secret, QObject *context, ReadDone done)
{
    QString value;
    QString error;
    const QByteArray fromEnv = qgetenv(variableFor(secret).toLocal8Bit().constData());
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!isValidName(secret)) {
        error = SecretStore::tr("invalid secret name \"%1\"").arg(secret);
    } else if (!fromEnv.isNull()) {
        value = QString::fromUtf8(fromEnv);
    } else if (!credentials.isEmpty() && QFile::exists(QDir(credentials).filePath(secret))) {
        QFile file(QDir(credentials).filePath(secret));
        if (file.open(QIODevice::ReadOnly))
            value = QString::fromUtf8(file.readAll()).trimmed();
        else
            error = SecretStore::tr("cannot read credential %1: %2").arg(file.fileName(), file.errorString());
    } else {
        error = SecretStore::tr("secret \"%1\" not found: set %2 or a credential file named %1")
                    .arg(secret, variableFor(secret));
    }
    later(context, [done = std::move(done), value, error] { done(value, error); });
}

void EnvironmentSecretStore::write(const QString &, const QString &, QObject *context, Done done)
{
    later(context, [done = std::move(done)] {
        done(SecretStore::tr(
            "the environment secret store is read-only: set VIGIA_SECRET_<NAME> or a systemd credential"));
    });
}

void EnvironmentSecretStore::remove(const QString &secret, QObject *context, Done done)
{
    write(secret, {}, context, std::move(done));
}

void EnvironmentSecretStore::list(QObject *context, ListDone done)
{
    QStringList names;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys()) {
        if (key.startsWith(Prefix) && key.size() > Prefix.size())
            names.append(key.mid(Prefix.size()).toLower());
    }
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty()) {
        for (const QString &file : QDir(credentials).entryList(QDir::Files)) {
            if (isValidName(file))
                names.append(file);
        }
    }
    names.sort();
    names.removeDuplicates();
    later(context, [done = std::move(done), names] { done(names, {}); });
}

} // namespace vigia
