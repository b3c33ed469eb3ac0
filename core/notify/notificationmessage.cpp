#include "notify/notificationmessage.h"

#include "util/zonedtime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

namespace vigia {

namespace {

QString localTime(qint64 atMs, const QString &zoneId)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(atMs, zoneOrUtc(zoneId));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QLatin1Char(' ') + local.timeZoneAbbreviation();
}

QString shortTime(qint64 atMs, const QString &zoneId)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(atMs, zoneOrUtc(zoneId));
    return local.toString(QStringLiteral("HH:mm")) + QLatin1Char(' ') + local.timeZoneAbbreviation();
}

} // namespace

QString NotificationMessage::phoneSummary(const QString &text, int maxChars)
{
    static const QRegularExpression links(QStringLiteral(R"((?:https?|ftp)://\S+|www\.\S+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    QString plain = text;
    plain.replace(links, QString());
    plain = plain.simplified();
    if (plain.size() <= maxChars)
        return plain;
    QString cut = plain.left(maxChars - 1);
    const int space = int(cut.lastIndexOf(QLatin1Char(' ')));
    if (space > maxChars / 2)
        cut.truncate(space);
    return cut.trimmed() + QChar(0x2026);
}

NotificationMessage NotificationMessage::compose(const IncidentNotice &notice)
{
    NotificationMessage message;
    const QString severity = notice.severity.toUpper();
    const QString id = QLatin1Char('#') + QString::number(notice.incidentId);
    message.subject = QStringLiteral("[%1] %2 %3").arg(severity, id, notice.title.simplified());

    QStringList lines;
    lines << message.subject << QString();
    auto field = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines << label + QStringLiteral(": ") + value;
    };
    field(tr("Severity"), notice.severity);
    field(tr("Source"), notice.source);
    field(tr("Job"), notice.job);
    field(tr("Queue"), notice.queue);
    field(tr("Triggered"), localTime(notice.triggeredAtMs, notice.timeZone));
    if (notice.occurrences > 1)
        field(tr("Occurrences"), QString::number(notice.occurrences));
    field(tr("Escalation"), notice.escalation);
    if (!notice.details.isEmpty())
        lines << QString() << notice.details;
    lines << QString()
          << tr("Acknowledge: vigia-engine incidents ack %1, or Acknowledge in the console.").arg(notice.incidentId);
    message.text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');

    QString rows;
    auto row = [&rows](const QString &label, const QString &value) {
        if (!value.isEmpty())
            rows += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>\n")
                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Severity"), notice.severity);
    row(tr("Source"), notice.source);
    row(tr("Job"), notice.job);
    row(tr("Queue"), notice.queue);
    row(tr("Triggered"), localTime(notice.triggeredAtMs, notice.timeZone));
    if (notice.occurrences > 1)
        row(tr("Occurrences"), QString::number(notice.occurrences));
    row(tr("Escalation"), notice.escalation);
    QString details;
    if (!notice.details.isEmpty())
        details = QStringLiteral("<pre>%1</pre>\n").arg(notice.details.toHtmlEscaped());
    message.html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>\n"
                                  "<body>\n<h2>%1</h2>\n<table>\n%2</table>\n%3<p>%4</p>\n</body></html>\n")
                       .arg(message.subject.toHtmlEscaped(), rows, details,
                            tr("Acknowledge: vigia-engine incidents ack %1, or Acknowledge in the console.")
                                .arg(notice.incidentId)
                                .toHtmlEscaped());

    // The ack hint is what a phone reader needs most: keep it, shorten the title instead.
    const QString tail = QLatin1Char(' ') + tr("since %1.").arg(shortTime(notice.triggeredAtMs, notice.timeZone)) +
                         QLatin1Char(' ') + tr("Ack: incidents ack %1").arg(notice.incidentId);
    QString head = QStringLiteral("%1 %2 %3").arg(severity, id, notice.title);
    if (notice.occurrences > 1)
        head += QStringLiteral(" (x%1)").arg(notice.occurrences);
    const QString cleanTail = phoneSummary(tail);
    message.summary =
        phoneSummary(head, qMax(20, SummaryMaxChars - int(cleanTail.size()) - 1)) + QLatin1Char(' ') + cleanTail;
    message.summary = phoneSummary(message.summary);
    return message;
}

} // namespace vigia
