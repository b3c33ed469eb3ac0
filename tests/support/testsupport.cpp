#include "testsupport.h"

#include "engine/engine.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>

namespace vigia::test {

TempDatabase::TempDatabase()
    : m_path(m_dir.filePath(QStringLiteral("vigia.db")))
{
    // Create the schema up front so that every test starts from a current, empty database.
    open();
}

std::unique_ptr<Store> TempDatabase::open() const
{
    QString error;
    std::unique_ptr<Store> store = openStore(*StoreUrl::parse(url(), &error));
    ensureSchema(*store);
    return store;
}

StoreOpener TempDatabase::opener() const
{
    const QString path = m_path;
    return [path] {
        QString error;
        return openStore(*StoreUrl::parse(QStringLiteral("sqlite:") + path, &error));
    };
}

QString engineBinary()
{
    return QStringLiteral(VIGIA_ENGINE_BINARY);
}

CliResult runEngineCli(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    process.start(engineBinary(), args);
    CliResult result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace vigia::test
