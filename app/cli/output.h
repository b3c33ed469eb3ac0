#pragma once

#include "model/queue.h"
#include "model/run.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace vigia::cli {

// UTC, ISO 8601 with milliseconds; empty for 0 (not set).
QString formatInstant(qint64 ms);

QJsonObject runToJson(const Run &run);
QJsonObject attemptToJson(const Attempt &attempt);
QJsonObject queueStatsToJson(const QueueStats &stats);

void printJson(QTextStream &out, const QJsonArray &array);
void printJson(QTextStream &out, const QJsonObject &object);
// Columns padded to their widest cell; the last column is not padded.
void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows);

} // namespace vigia::cli
