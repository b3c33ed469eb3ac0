#pragma once

// Internal to the jobs-as-code parser: the only header besides the .cpp files that sees yaml-cpp, which vigia-core
// links privately.
#include "config/configparser.h"

#include <QHash>
#include <QJsonValue>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace vigia::config {

// One key of a mapping with its value, and the field path both are reported under.
struct Entry {
    YAML::Node key;
    YAML::Node value;
    QString path;
};
using Fields = QHash<QString, Entry>;

QString fromStd(const std::string &text);
// Where a value's errors point: at the value, or at its key when the value is empty (yaml-cpp marks an empty value
// at the start of the next line).
YAML::Mark markOf(const Entry &entry);
QString childPath(const QString &path, const QString &key); // "jobs[0]" + "name" → "jobs[0].name"
QString indexPath(const QString &path, int index);          // "jobs" + 2 → "jobs[2]"
QString quoted(const QString &text);                        // in double quotes, long text cut short
QString describe(const YAML::Node &node);                   // for "expected X, got Y" messages

// Typed reads of YAML values that record every problem as a ConfigError, located and named by its field path,
// instead of stopping at the first one. Each read returns nullopt after recording why.
class ConfigReader {
public:
    explicit ConfigReader(QString fileName);

    QVector<ConfigError> takeErrors();
    qsizetype errorCount() const { return m_errors.size(); }
    void error(const YAML::Mark &mark, const QString &path, const QString &message);
    void error(const Entry &entry, const QString &message) { error(markOf(entry), entry.path, message); }

    // The keys of a mapping, each checked against `allowed`; keys in `later` are reported as not supported yet.
    // Unknown and duplicate keys are reported and left out.
    std::optional<Fields> mapping(const YAML::Node &node, const YAML::Mark &mark, const QString &path,
                                  const QStringList &allowed, const QStringList &later = {});
    std::optional<Fields> mapping(const Entry &entry, const QStringList &allowed)
    {
        return mapping(entry.value, markOf(entry), entry.path, allowed);
    }
    std::optional<QString> string(const Entry &entry);
    // A queue or job name: 1 to MaxNameLength characters, no white space around it.
    std::optional<QString> name(const Entry &entry);
    // Whole numbers and booleans must be unquoted: "2" in quotes is a string, and saying so catches typos early.
    std::optional<qint64> integer(const Entry &entry, qint64 min, qint64 max);
    std::optional<bool> boolean(const Entry &entry);
    std::optional<double> number(const Entry &entry, double min, double max);
    std::optional<qint64> duration(const Entry &entry, qint64 minMs, qint64 maxMs);
    // The index of the value in `names`.
    std::optional<int> choice(const Entry &entry, const QStringList &names);
    std::optional<qint64> instant(const Entry &entry);
    // Any YAML value as JSON (a kind's payload), unquoted scalars typed as in plainScalarValue().
    std::optional<QJsonValue> json(const YAML::Node &node, const YAML::Mark &mark, const QString &path, int depth = 0);

    static constexpr int MaxNameLength = 100;
    static constexpr int MaxJsonDepth = 64;

private:
    QString m_fileName;
    QVector<ConfigError> m_errors;
};

} // namespace vigia::config
