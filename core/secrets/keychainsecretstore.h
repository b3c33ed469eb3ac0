#pragma once

#include "secrets/secretstore.h"

namespace QKeychain {
class Job;
}

namespace vigia {

// Secrets in the desktop's keychain (Secret Service, KWallet, ...) through QtKeychain. Keys are namespaced under
// one service; an index entry keeps the names, since keychains cannot list. A job that finds no backend is retried
// once, because the keyring daemon may still be starting with the session. The store must outlive its jobs.
class KeychainSecretStore final : public SecretStore {
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("vigia"));

    QString name() const override { return QStringLiteral("keychain"); }
    void read(const QString &secret, QObject *context, ReadDone done) override;
    void write(const QString &secret, const QString &value, QObject *context, Done done) override;
    void remove(const QString &secret, QObject *context, Done done) override;
    void list(QObject *context, ListDone done) override;

private:
    enum class Op {
        Read,
        Write,
        Delete
    };
    // Runs one keychain job (retried once when the backend is not up); `finished` gets the text read (for Read)
    // and an error message, empty on success. A missing entry is reported with notFound set.
    void run(Op op, const QString &key, const QString &text, QObject *context,
             std::function<void(const QString &text, const QString &error, bool notFound)> finished,
             bool retried = false);
    void updateIndex(const QString &secret, bool add, QObject *context, Done done);

    QString m_service;
};

} // namespace vigia
