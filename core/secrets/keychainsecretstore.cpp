#include "secrets/keychainsecretstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace vigia {

namespace {

const QString IndexKey = QStringLiteral(".index");
constexpr int RetryDelayMs = 500;

QString keyFor(const QString &secret)
{
    return QStringLiteral("secret:") + secret;
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{}

void KeychainSecretStore::run(Op op, const QString &key, const QString &text, QObject *context,
                              std::function<void(const QString &, const QString &, bool)> finished, bool retried)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(text);
        job = write;
        break;
    }
    case Op::Delete:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [=](QKeychain::Job *done) {
        const QKeychain::Error error = done->error();
        if (error == QKeychain::NoError) {
            const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done);
            finished(read ? read->textData() : QString(), {}, false);
            return;
        }
        if (error == QKeychain::EntryNotFound) {
            finished({}, SecretStore::tr("not found"), true);
            return;
        }
        if (!retried && (error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError)) {
            QTimer::singleShot(RetryDelayMs, context, [=] { run(op, key, text, context, finished, true); });
            return;
        }
        finished({}, SecretStore::tr("keychain: %1").arg(done->errorString()), false);
    });
    job->start();
}

void KeychainSecretStore::read(const QString &secret, QObject *context, ReadDone done)
{
    if (!isValidName(secret)) {
        QMetaObject::invokeMethod(
            context, [done, secret] { done({}, SecretStore::tr("invalid secret name \"%1\"").arg(secret)); },
            Qt::QueuedConnection);
        return;
    }
    run(Op::Read, keyFor(secret), {}, context,
        [done, secret](const QString &text, const QString &error, bool notFound) {
            if (notFound)
                done({}, SecretStore::tr("secret \"%1\" not found in the keychain").arg(secret));
            else
                done(text, error);
        });
}

void KeychainSecretStore::write(const QString &secret, const QString &value, QObject *context, Done done)
{
    if (!isValidName(secret)) {
        QMetaObject::invokeMethod(
            context, [done, secret] { done(SecretStore::tr("invalid secret name \"%1\"").arg(secret)); },
            Qt::QueuedConnection);
        return;
    }
    run(Op::Write, keyFor(secret), value, context, [=](const QString &, const QString &error, bool) {
        if (!error.isEmpty()) {
            done(error);
            return;
        }
        updateIndex(secret, true, context, done);
    });
}

void KeychainSecretStore::remove(const QString &secret, QObject *context, Done done)
{
    // Some backends report success for deleting a missing entry: look first, so that a typo is reported.
    run(Op::Read, keyFor(secret), {}, context, [=](const QString &, const QString &readError, bool notFound) {
        if (notFound) {
            done(SecretStore::tr("secret \"%1\" not found in the keychain").arg(secret));
            return;
        }
        if (!readError.isEmpty()) {
            done(readError);
            return;
        }
        run(Op::Delete, keyFor(secret), {}, context, [=](const QString &, const QString &error, bool) {
            if (!error.isEmpty()) {
                done(error);
                return;
            }
            updateIndex(secret, false, context, done);
        });
    });
}

void KeychainSecretStore::updateIndex(const QString &secret, bool add, QObject *context, Done done)
{
    run(Op::Read, IndexKey, {}, context, [=](const QString &text, const QString &error, bool notFound) {
        if (!error.isEmpty() && !notFound) {
            done(error);
            return;
        }
        QStringList names;
        for (const QJsonValue &name : QJsonDocument::fromJson(text.toUtf8()).array())
            names.append(name.toString());
        names.removeAll(secret);
        if (add)
            names.append(secret);
        names.sort();
        const QString json =
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact));
        run(Op::Write, IndexKey, json, context,
            [done](const QString &, const QString &writeError, bool) { done(writeError); });
    });
}

void KeychainSecretStore::list(QObject *context, ListDone done)
{
    run(Op::Read, IndexKey, {}, context, [done](const QString &text, const QString &error, bool notFound) {
        if (notFound) {
            done({}, {});
            return;
        }
        QStringList names;
        for (const QJsonValue &name : QJsonDocument::fromJson(text.toUtf8()).array())
            names.append(name.toString());
        done(names, error);
    });
}

} // namespace vigia
