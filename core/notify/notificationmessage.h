#pragma once

#include <QCoreApplication>
#include <QString>

namespace vigia {

// What a notification tells about an incident; filled by the escalator from the incident and its policy position.
struct IncidentNotice {
    qint64 incidentId = 0;
    QString title;
    QString severity = QStringLiteral("high"); // critical, high, warning, info
    QString source;                            // e.g. "run dead", "job stale"
    QString job;
    QString queue;
    QString details; // free text, may be long; never put into the summary
    int occurrences = 1;
    qint64 triggeredAtMs = 0;
    QString escalation; // e.g. "step 2 of 3" or "all admins: nobody acknowledged"
    QString recipient;
    QString timeZone = QStringLiteral("UTC"); // the recipient's, for the times shown
};

// One notification in every form a channel needs: e-mail subject and parts, chat text and a phone-sized summary.
struct NotificationMessage {
    Q_DECLARE_TR_FUNCTIONS(NotificationMessage)

public:
    static constexpr int SummaryMaxChars = 160;

    QString subject;
    QString text;    // plain text
    QString html;    // a complete small HTML document, escaped
    QString summary; // one line, at most SummaryMaxChars, no links

    static NotificationMessage compose(const IncidentNotice &notice);
    // Removes URLs and squeezes whitespace, then shortens to maxChars with an ellipsis.
    static QString phoneSummary(const QString &text, int maxChars = SummaryMaxChars);
};

} // namespace vigia
