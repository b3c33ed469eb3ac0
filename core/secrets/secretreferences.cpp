#include "secrets/secretreferences.h"

#include "secrets/secretstore.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <memory>

namespace vigia {

namespace {
const QRegularExpression &referencePattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\$\{secret:([A-Za-z0-9_.-]{1,128})\})"));
    return pattern;
}

void collect(const QJsonValue &value, QStringList &names)
{
    if (value.isString()) {
        auto matches = referencePattern().globalMatch(value.toString());
        while (matches.hasNext())
            names.append(matches.next().captured(1));
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collect(item, names);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collect(it.value(), names);
    }
}

QJsonValue replaced(const QJsonValue &value, const QHash<QString, QString> &values)
{
    if (value.isString())
        return secrets::substitute(value.toString(), values);
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(replaced(item, values));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = replaced(it.value(), values);
        return object;
    }
    return value;
}
} // namespace

namespace secrets {

QStringList referencedNames(const QJsonObject &payload)
{
    QStringList names;
    collect(payload, names);
    names.removeDuplicates();
    return names;
}

QStringList referencedNames(const QString &text)
{
    QStringList names;
    collect(text, names);
    names.removeDuplicates();
    return names;
}

bool isReference(const QString &text)
{
    const QRegularExpressionMatch match = referencePattern().match(text);
    return match.hasMatch() && match.capturedStart() == 0 && match.capturedLength() == text.size();
}

QString maskReferences(QString text)
{
    auto matches = referencePattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        text.replace(match.capturedStart(), match.capturedLength(), QString(match.capturedLength(), u'*'));
    }
    return text;
}

QString substitute(QString text, const QHash<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(QStringLiteral("${secret:") + it.key() + u'}', it.value());
    return text;
}

QJsonObject substitute(const QJsonObject &payload, const QHash<QString, QString> &values)
{
    return replaced(payload, values).toObject();
}

void resolve(SecretStore &store, const QStringList &names, QObject *context,
             std::function<void(const QHash<QString, QString> &, const QString &)> done)
{
    struct Pending {
        QHash<QString, QString> values;
        int left = 0;
        bool failed = false;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(names.size());
    if (names.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done] { done({}, {}); }, Qt::QueuedConnection);
        return;
    }
    for (const QString &name : names) {
        store.read(name, context, [pending, done, name](const QString &value, const QString &error) {
            if (pending->failed)
                return;
            if (!error.isEmpty()) {
                pending->failed = true;
                done({}, error);
                return;
            }
            pending->values.insert(name, value);
            if (--pending->left == 0)
                done(pending->values, {});
        });
    }
}

} // namespace secrets

void SecretRedactor::add(const QString &value)
{
    if (value.size() < MinimumLength || m_values.contains(value))
        return;
    m_values.append(value);
    std::sort(m_values.begin(), m_values.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString SecretRedactor::redact(QString text) const
{
    for (const QString &value : m_values)
        text.replace(value, QStringLiteral("***"));
    return text;
}

QByteArray SecretRedactor::redact(const QByteArray &utf8) const
{
    if (m_values.isEmpty())
        return utf8;
    return redact(QString::fromUtf8(utf8)).toUtf8();
}

} // namespace vigia
