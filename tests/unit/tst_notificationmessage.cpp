// What a notification says: subject, plain text, escaped HTML, and a phone summary of at most 160 characters with
// no links.
#include "notify/notificationmessage.h"

#include <QDateTime>
#include <QTest>

using vigia::IncidentNotice;
using vigia::NotificationMessage;

namespace {

IncidentNotice notice()
{
    IncidentNotice notice;
    notice.incidentId = 42;
    notice.title = QStringLiteral("Job nightly-backup is dead");
    notice.severity = QStringLiteral("critical");
    notice.source = QStringLiteral("run dead");
    notice.job = QStringLiteral("nightly-backup");
    notice.queue = QStringLiteral("default");
    notice.occurrences = 3;
    notice.triggeredAtMs =
        QDateTime::fromString(QStringLiteral("2026-01-09T03:14:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    notice.escalation = QStringLiteral("step 1 of 2");
    notice.details = QStringLiteral("HTTP 503 from https://backup.example.com/run?token=x");
    return notice;
}

} // namespace

class TestNotificationMessage : public QObject {
    Q_OBJECT

private slots:
    void subjectNamesSeverityIdAndTitle();
    void plainTextHasTheFactsAndTheAckHint();
    void htmlIsEscaped();
    void summaryFitsAPhoneAndHasNoLinks();
    void longTitleIsShortenedButTheAckHintStays();
    void timesAreInTheRecipientsZone();
    void phoneSummaryStripsLinksAndSqueezes_data();
    void phoneSummaryStripsLinksAndSqueezes();
};

void TestNotificationMessage::subjectNamesSeverityIdAndTitle()
{
    QCOMPARE(NotificationMessage::compose(notice()).subject,
             QStringLiteral("[CRITICAL] #42 Job nightly-backup is dead"));
}

void TestNotificationMessage::plainTextHasTheFactsAndTheAckHint()
{
    const QString text = NotificationMessage::compose(notice()).text;
    QVERIFY(text.startsWith(QStringLiteral("[CRITICAL] #42 Job nightly-backup is dead\n\n")));
    QVERIFY(text.contains(QStringLiteral("Job: nightly-backup\n")));
    QVERIFY(text.contains(QStringLiteral("Queue: default\n")));
    QVERIFY(text.contains(QStringLiteral("Triggered: 2026-01-09 03:14 UTC\n")));
    QVERIFY(text.contains(QStringLiteral("Occurrences: 3\n")));
    QVERIFY(text.contains(QStringLiteral("Escalation: step 1 of 2\n")));
    QVERIFY(text.contains(QStringLiteral("HTTP 503 from https://backup.example.com")));
    QVERIFY(text.contains(QStringLiteral("vigia-engine incidents ack 42")));
}

void TestNotificationMessage::htmlIsEscaped()
{
    IncidentNotice hostile = notice();
    hostile.title = QStringLiteral("<script>alert(1)</script> & more");
    hostile.details = QStringLiteral("a < b");
    const QString html = NotificationMessage::compose(hostile).html;
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")));
    QVERIFY(html.contains(QStringLiteral("<pre>a &lt; b</pre>")));
    QVERIFY(html.contains(QStringLiteral("<th align=\"left\">Job</th><td>nightly-backup</td>")));
}

void TestNotificationMessage::summaryFitsAPhoneAndHasNoLinks()
{
    IncidentNotice linked = notice();
    linked.title = QStringLiteral("Check https://status.example.com/x failed");
    const QString summary = NotificationMessage::compose(linked).summary;
    QVERIFY(summary.size() <= NotificationMessage::SummaryMaxChars);
    QVERIFY(!summary.contains(QStringLiteral("http")));
    QVERIFY(!summary.contains(QStringLiteral("example.com")));
    QCOMPARE(summary, QStringLiteral("CRITICAL #42 Check failed (x3) since 03:14 UTC. Ack: incidents ack 42"));
    QVERIFY(!summary.contains(QLatin1Char('\n')));
}

void TestNotificationMessage::longTitleIsShortenedButTheAckHintStays()
{
    IncidentNotice wordy = notice();
    wordy.title = QString(QStringLiteral("very long words ")).repeated(30);
    const QString summary = NotificationMessage::compose(wordy).summary;
    QVERIFY2(summary.size() <= 160, qPrintable(summary));
    QVERIFY(summary.size() >= 140);
    QVERIFY(summary.contains(QChar(0x2026)));
    QVERIFY(summary.endsWith(QStringLiteral("Ack: incidents ack 42")));
}

void TestNotificationMessage::timesAreInTheRecipientsZone()
{
    IncidentNotice local = notice();
    local.timeZone = QStringLiteral("America/Sao_Paulo");
    const NotificationMessage message = NotificationMessage::compose(local);
    QVERIFY(message.text.contains(QStringLiteral("Triggered: 2026-01-09 00:14 ")));
    QVERIFY(message.summary.contains(QStringLiteral("since 00:14 ")));
}

void TestNotificationMessage::phoneSummaryStripsLinksAndSqueezes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("max");
    QTest::addColumn<QString>("expected");
    QTest::newRow("link") << QStringLiteral("see https://x.test/a?b=c now") << 160 << QStringLiteral("see now");
    QTest::newRow("www") << QStringLiteral("see www.x.test now") << 160 << QStringLiteral("see now");
    QTest::newRow("whitespace") << QStringLiteral("a\n\n b\t c") << 160 << QStringLiteral("a b c");
    QTest::newRow("cut at a word") << QStringLiteral("alpha beta gamma delta") << 14
                                   << QStringLiteral("alpha beta") + QChar(0x2026);
    QTest::newRow("fits exactly") << QStringLiteral("abcd") << 4 << QStringLiteral("abcd");
}

void TestNotificationMessage::phoneSummaryStripsLinksAndSqueezes()
{
    QFETCH(QString, input);
    QFETCH(int, max);
    QFETCH(QString, expected);
    const QString summary = NotificationMessage::phoneSummary(input, max);
    QCOMPARE(summary, expected);
    QVERIFY(summary.size() <= max);
}

QTEST_GUILESS_MAIN(TestNotificationMessage)
#include "tst_notificationmessage.moc"
