#include "cli/output.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

namespace vigia::cli {

QString formatInstant(qint64 ms)
{
    if (ms == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

static QJsonValue jsonOrText(const QByteArray &text)
{
    if (text.isEmpty())
        return QJsonValue::Null;
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return QString::fromUtf8(text);
}

static QJsonValue instant(qint64 ms)
{
    return ms == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(formatInstant(ms));
}

static QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject runToJson(const Run &run)
{
    return QJsonObject{
        {QStringLiteral("id"), run.id},
        {QStringLiteral("queue"), run.queue},
        {QStringLiteral("kind"), run.kind},
        {QStringLiteral("state"), runStateName(run.state)},
        {QStringLiteral("priority"), priorityName(run.priority)},
        {QStringLiteral("attempt"), run.attempt},
        {QStringLiteral("max_attempts"), run.maxAttempts},
        {QStringLiteral("payload"), jsonOrText(run.payload)},
        {QStringLiteral("timeout_ms"), run.timeoutMs},
        {QStringLiteral("unique_key"), textOrNull(run.uniqueKey)},
        {QStringLiteral("job_id"), run.jobId > 0 ? QJsonValue(run.jobId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("replay_of"), run.replayOf > 0 ? QJsonValue(run.replayOf) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("created_at"), instant(run.createdAt)},
        {QStringLiteral("scheduled_at"), instant(run.scheduledAt)},
        {QStringLiteral("started_at"), instant(run.startedAt)},
        {QStringLiteral("finished_at"), instant(run.finishedAt)},
        {QStringLiteral("duration_ms"), run.finishedAt > 0 ? QJsonValue(run.durationMs) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("lease_owner"), textOrNull(run.leaseOwner)},
        {QStringLiteral("lease_expires_at"), instant(run.leaseExpiresAt)},
        {QStringLiteral("rescue_count"), run.rescueCount},
        {QStringLiteral("result"), jsonOrText(run.result)},
        {QStringLiteral("error"), textOrNull(run.error)},
        {QStringLiteral("dlq_handling"), textOrNull(run.dlqHandling)},
    };
}

QJsonObject attemptToJson(const Attempt &attempt)
{
    return QJsonObject{
        {QStringLiteral("attempt"), attempt.attempt},
        {QStringLiteral("node"), attempt.node},
        {QStringLiteral("started_at"), instant(attempt.startedAt)},
        {QStringLiteral("finished_at"), instant(attempt.finishedAt)},
        {QStringLiteral("duration_ms"), attempt.finishedAt - attempt.startedAt},
        {QStringLiteral("outcome"), attempt.outcome},
        {QStringLiteral("error"), textOrNull(attempt.error)},
    };
}

QJsonObject queueStatsToJson(const QueueStats &stats)
{
    return QJsonObject{
        {QStringLiteral("name"), stats.name},           {QStringLiteral("concurrency"), stats.concurrency},
        {QStringLiteral("paused"), stats.paused},       {QStringLiteral("available"), stats.available},
        {QStringLiteral("scheduled"), stats.scheduled}, {QStringLiteral("running"), stats.running},
        {QStringLiteral("retryable"), stats.retryable}, {QStringLiteral("dead"), stats.dead},
    };
}

void printJson(QTextStream &out, const QJsonArray &array)
{
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows)
{
    QVector<int> widths(headers.size(), 0);
    auto measure = [&](const QStringList &row) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], int(row.at(i).size()));
    };
    measure(headers);
    for (const QStringList &row : rows)
        measure(row);
    auto print = [&](const QStringList &row) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            const bool last = i == row.size() - 1;
            line += last ? row.at(i) : row.at(i).leftJustified(widths.at(i)) + QStringLiteral("  ");
        }
        out << line << '\n';
    };
    print(headers);
    for (const QStringList &row : rows)
        print(row);
}

} // namespace vigia::cli
