#include "config/configreader.h"

#include "config/configvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace vigia::config {

namespace {
struct ConfigTr {
    Q_DECLARE_TR_FUNCTIONS(Config)
};

constexpr qint64 SecondMs = 1000;

enum class Style {
    Plain,
    Quoted, // quoted or tagged !!str: always a string
    Other,  // another explicit tag
};

Style styleOf(const YAML::Node &scalar)
{
    const std::string &tag = scalar.Tag();
    if (tag == "?")
        return Style::Plain;
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return Style::Quoted;
    return Style::Other;
}
} // namespace

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

YAML::Mark markOf(const Entry &entry)
{
    return entry.value.IsNull() ? entry.key.Mark() : entry.value.Mark();
}

QString childPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString indexPath(const QString &path, int index)
{
    return path + u'[' + QString::number(index) + u']';
}

QString quoted(const QString &text)
{
    const QString shown = text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
    return u'"' + shown + u'"';
}

QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return ConfigTr::tr("nothing");
    case YAML::NodeType::Scalar:
        return quoted(fromStd(node.Scalar()));
    case YAML::NodeType::Sequence:
        return ConfigTr::tr("a list");
    case YAML::NodeType::Map:
        return ConfigTr::tr("a mapping");
    case YAML::NodeType::Undefined:
        break;
    }
    return ConfigTr::tr("nothing");
}

ConfigReader::ConfigReader(QString fileName)
    : m_fileName(std::move(fileName))
{}

QVector<ConfigError> ConfigReader::takeErrors()
{
    return std::exchange(m_errors, {});
}

void ConfigReader::error(const YAML::Mark &mark, const QString &path, const QString &message)
{
    ConfigError e;
    e.file = m_fileName;
    if (!mark.is_null()) {
        e.line = mark.line + 1;
        e.column = mark.column + 1;
    }
    e.path = path;
    e.message = message;
    m_errors.append(e);
}

std::optional<Fields> ConfigReader::mapping(const YAML::Node &node, const YAML::Mark &mark, const QString &path,
                                            const QStringList &allowed, const QStringList &later)
{
    if (!node.IsMap()) {
        error(mark, path, ConfigTr::tr("expected a mapping, got %1").arg(describe(node)));
        return std::nullopt;
    }
    Fields fields;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            error(key.Mark(), path, ConfigTr::tr("a key must be a plain name, not %1").arg(describe(key)));
            continue;
        }
        const QString name = fromStd(key.Scalar());
        const QString keyPath = childPath(path, name);
        if (later.contains(name)) {
            error(key.Mark(), keyPath,
                  ConfigTr::tr("not supported yet: SLA, criticality and incident policies come in a later version of "
                               "this format; remove the key for now"));
            continue;
        }
        if (!allowed.contains(name)) {
            error(key.Mark(), keyPath,
                  ConfigTr::tr("unknown key \"%1\" (expected %2)").arg(name, allowed.join(QLatin1String(", "))));
            continue;
        }
        if (fields.contains(name)) {
            error(key.Mark(), keyPath,
                  ConfigTr::tr("duplicate key (already given on line %1)").arg(fields.value(name).key.Mark().line + 1));
            continue;
        }
        fields.insert(name, Entry{key, it->second, keyPath});
    }
    return fields;
}

std::optional<QString> ConfigReader::string(const Entry &entry)
{
    if (!entry.value.IsScalar()) {
        error(entry, ConfigTr::tr("expected a string, got %1").arg(describe(entry.value)));
        return std::nullopt;
    }
    if (styleOf(entry.value) == Style::Other) {
        error(entry, ConfigTr::tr("unsupported tag \"%1\"").arg(fromStd(entry.value.Tag())));
        return std::nullopt;
    }
    return fromStd(entry.value.Scalar());
}

std::optional<QString> ConfigReader::name(const Entry &entry)
{
    const std::optional<QString> text = string(entry);
    if (!text)
        return std::nullopt;
    if (text->isEmpty()) {
        error(entry, ConfigTr::tr("must not be empty"));
        return std::nullopt;
    }
    if (text->size() > MaxNameLength) {
        error(entry, ConfigTr::tr("is longer than %1 characters").arg(MaxNameLength));
        return std::nullopt;
    }
    if (*text != text->trimmed()) {
        error(entry, ConfigTr::tr("must not start or end with white space"));
        return std::nullopt;
    }
    return text;
}

std::optional<qint64> ConfigReader::integer(const Entry &entry, qint64 min, qint64 max)
{
    static const QRegularExpression digits(QStringLiteral("^[-+]?[0-9]+$"));
    if (!entry.value.IsScalar() || styleOf(entry.value) != Style::Plain ||
        !digits.match(fromStd(entry.value.Scalar())).hasMatch()) {
        error(entry, ConfigTr::tr("expected a whole number, got %1").arg(describe(entry.value)));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 value = fromStd(entry.value.Scalar()).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        error(entry,
              ConfigTr::tr("must be from %1 to %2, not %3").arg(min).arg(max).arg(fromStd(entry.value.Scalar())));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> ConfigReader::boolean(const Entry &entry)
{
    if (entry.value.IsScalar() && styleOf(entry.value) == Style::Plain) {
        const QJsonValue value = config::plainScalarValue(fromStd(entry.value.Scalar()));
        if (value.isBool())
            return value.toBool();
    }
    error(entry, ConfigTr::tr("expected true or false, got %1").arg(describe(entry.value)));
    return std::nullopt;
}

std::optional<double> ConfigReader::number(const Entry &entry, double min, double max)
{
    if (entry.value.IsScalar() && styleOf(entry.value) == Style::Plain) {
        const QJsonValue value = config::plainScalarValue(fromStd(entry.value.Scalar()));
        if (value.isDouble()) {
            if (value.toDouble() < min || value.toDouble() > max) {
                error(
                    entry,
                    ConfigTr::tr("must be from %1 to %2, not %3").arg(min).arg(max).arg(fromStd(entry.value.Scalar())));
                return std::nullopt;
            }
            return value.toDouble();
        }
    }
    error(entry, ConfigTr::tr("expected a number, got %1").arg(describe(entry.value)));
    return std::nullopt;
}

std::optional<qint64> ConfigReader::duration(const Entry &entry, qint64 minMs, qint64 maxMs)
{
    static const QRegularExpression seconds(QStringLiteral("^[0-9]{1,9}$"));
    std::optional<qint64> ms;
    if (entry.value.IsScalar() && styleOf(entry.value) != Style::Other) {
        const QString text = fromStd(entry.value.Scalar());
        if (styleOf(entry.value) == Style::Plain && seconds.match(text).hasMatch())
            ms = text.toLongLong() * SecondMs;
        else
            ms = config::parseDuration(text);
    }
    if (!ms) {
        error(entry, ConfigTr::tr("%1 is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d; a plain whole number is seconds)")
                         .arg(describe(entry.value)));
        return std::nullopt;
    }
    if (*ms < minMs || *ms > maxMs) {
        error(entry,
              ConfigTr::tr("must be from %1 to %2, not %3")
                  .arg(config::formatDuration(minMs), config::formatDuration(maxMs), fromStd(entry.value.Scalar())));
        return std::nullopt;
    }
    return ms;
}

std::optional<int> ConfigReader::choice(const Entry &entry, const QStringList &names)
{
    const std::optional<QString> text = string(entry);
    if (!text)
        return std::nullopt;
    const int index = int(names.indexOf(*text));
    if (index < 0) {
        error(entry, ConfigTr::tr("%1 is not one of: %2").arg(quoted(*text), names.join(QLatin1String(", "))));
        return std::nullopt;
    }
    return index;
}

std::optional<qint64> ConfigReader::instant(const Entry &entry)
{
    const std::optional<QString> text = string(entry);
    if (!text)
        return std::nullopt;
    const std::optional<qint64> at = config::parseInstant(*text);
    if (!at) {
        error(entry, ConfigTr::tr("%1 is not an ISO 8601 date-time with an offset (e.g. 2026-12-01T00:00:00Z or "
                                  "2026-12-01T00:00:00-03:00)")
                         .arg(quoted(*text)));
    }
    return at;
}

std::optional<QJsonValue> ConfigReader::json(const YAML::Node &node, const YAML::Mark &mark, const QString &path,
                                             int depth)
{
    if (depth > MaxJsonDepth) {
        error(mark, path, ConfigTr::tr("nested more than %1 levels deep").arg(MaxJsonDepth));
        return std::nullopt;
    }
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar: {
        const QString text = fromStd(node.Scalar());
        switch (styleOf(node)) {
        case Style::Plain:
            return config::plainScalarValue(text);
        case Style::Quoted:
            return QJsonValue(text);
        case Style::Other:
            break;
        }
        error(mark, path, ConfigTr::tr("unsupported tag \"%1\"").arg(fromStd(node.Tag())));
        return std::nullopt;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        bool ok = true;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const std::optional<QJsonValue> value = json(item, item.Mark(), indexPath(path, int(i)), depth + 1);
            ok = ok && value.has_value();
            if (value)
                array.append(*value);
        }
        return ok ? std::optional<QJsonValue>(array) : std::nullopt;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        bool ok = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar()) {
                error(it->first.Mark(), path,
                      ConfigTr::tr("a key must be a plain name, not %1").arg(describe(it->first)));
                ok = false;
                continue;
            }
            const QString key = fromStd(it->first.Scalar());
            const QString keyPath = childPath(path, key);
            if (object.contains(key)) {
                error(it->first.Mark(), keyPath, ConfigTr::tr("duplicate key"));
                ok = false;
                continue;
            }
            const Entry entry{it->first, it->second, keyPath};
            const std::optional<QJsonValue> value = json(it->second, markOf(entry), keyPath, depth + 1);
            ok = ok && value.has_value();
            if (value)
                object.insert(key, *value);
        }
        return ok ? std::optional<QJsonValue>(object) : std::nullopt;
    }
    }
    return std::nullopt;
}

} // namespace vigia::config
