#pragma once

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <functional>

class QObject;

namespace vigia {

class SecretStore;

// `${secret:NAME}` references inside a run's payload: found, resolved when the run executes, substituted into
// the payload the execution sees (never into the stored one), and redacted from whatever the run reports.
namespace secrets {

// Names referenced anywhere in the payload's string values, without duplicates.
QStringList referencedNames(const QJsonObject &payload);
// Names referenced in one text, without duplicates.
QStringList referencedNames(const QString &text);
// Whether the whole text is one reference and nothing else: where a value must come from the secret store only.
bool isReference(const QString &text);
// The text with every reference replaced by the same number of '*', so that a parser can look for separators
// (':', '@', '&') without finding the ':' inside "${secret:NAME}".
QString maskReferences(QString text);
// The text with every reference replaced by its value.
QString substitute(QString text, const QHash<QString, QString> &values);
// The payload with every reference replaced by its value.
QJsonObject substitute(const QJsonObject &payload, const QHash<QString, QString> &values);
// Reads every name; `done` gets all values, or the first error, on the thread of `context`.
void resolve(SecretStore &store, const QStringList &names, QObject *context,
             std::function<void(const QHash<QString, QString> &values, const QString &error)> done);

} // namespace secrets

// Replaces known secret values with *** in text that is about to be stored, printed or logged.
class SecretRedactor {
public:
    static constexpr int MinimumLength = 3; // shorter values would mask ordinary text
    void add(const QString &value);
    bool isEmpty() const { return m_values.isEmpty(); }
    QString redact(QString text) const;
    QByteArray redact(const QByteArray &utf8) const;

private:
    QStringList m_values; // longest first, so a value containing another is masked whole
};

} // namespace vigia
