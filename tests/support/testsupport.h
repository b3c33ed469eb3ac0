#pragma once

#include "store/storefactory.h"

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace vigia::test {

// A fresh SQLite database in a temporary directory, removed with this object.
class TempDatabase {
public:
    TempDatabase();
    QString path() const { return m_path; }
    QString url() const { return QStringLiteral("sqlite:") + m_path; }
    // A new connection for the calling thread, schema migrated.
    std::unique_ptr<Store> open() const;
    StoreOpener opener() const;

private:
    QTemporaryDir m_dir;
    QString m_path;
};

// Result of running the real vigia-engine binary.
struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs vigia-engine with `args` and waits for it (at most 60 s); `input` goes to its stdin.
CliResult runEngineCli(const QStringList &args, const QByteArray &input = {});
QString engineBinary();

// A byte-for-byte digest of a file, to show that a command left the database unchanged.
QByteArray fileDigest(const QString &path);

} // namespace vigia::test
