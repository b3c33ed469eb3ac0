// Webhook and desktop channels through the delivery worker: generic, Slack and Teams bodies reach a loopback
// receiver; a failing receiver is retried with backoff on the fake clock, then recorded FAILED.
#include "fakeclock.h"
#include "localhttpserver.h"
#include "notify/deliveryworker.h"
#include "notify/desktopchannel.h"
#include "notify/webhookchannel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using vigia::DeliveryWorker;
using vigia::MemoryDeliveryLog;
using vigia::NotificationDelivery;
using vigia::test::FakeClock;
using vigia::test::LocalHttpServer;
using Status = vigia::NotificationDelivery::Status;

namespace {

NotificationDelivery delivery(const QUrl &url, const char *format)
{
    vigia::IncidentNotice notice;
    notice.incidentId = 7;
    notice.title = QStringLiteral("Job report <daily> is stale");
    notice.severity = QStringLiteral("critical");
    notice.job = QStringLiteral("report");
    NotificationDelivery delivery;
    delivery.incidentId = 7;
    delivery.level = 1;
    delivery.recipient = QStringLiteral("ana");
    delivery.severity = notice.severity;
    delivery.channel = vigia::ContactChannel::Kind::Webhook;
    delivery.address = url.toString();
    delivery.format = QString::fromLatin1(format);
    delivery.message = vigia::NotificationMessage::compose(notice);
    return delivery;
}

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

struct Rig {
    FakeClock clock;
    std::shared_ptr<MemoryDeliveryLog> log = std::make_shared<MemoryDeliveryLog>();
    DeliveryWorker worker{[this] { return log; }, &clock};
    QSignalSpy attempts{&worker, &DeliveryWorker::attempted};
    Rig() { worker.addChannel(new vigia::WebhookChannel); }
};

} // namespace

class TestWebhookChannel : public QObject {
    Q_OBJECT

private slots:
    void genericBodyIsVigiasDocument();
    void slackBodyHasTextAndBlocks();
    void teamsBodyIsAnAdaptiveCardMessage();
    void deliversEachFormatToTheReceiver();
    void failingReceiverIsRetriedWithBackoffThenFailed();
    void clientErrorIsNotRetried();
    void refusedConnectionIsRetried();
    void notAnHttpUrlFailsAtOnce();
    void desktopChannelSignalsTheTray();
    void desktopWithoutATrayFails();
    void logThatCannotBeOpenedIsTriedAgain();
};

void TestWebhookChannel::genericBodyIsVigiasDocument()
{
    NotificationDelivery generic = delivery(QUrl(QStringLiteral("http://127.0.0.1/")), "generic");
    generic.id = 12;
    const QJsonObject body = json(vigia::WebhookChannel::body(generic));
    QCOMPARE(body.value(QLatin1String("event")).toString(), QStringLiteral("incident.notification"));
    QCOMPARE(body.value(QLatin1String("incident_id")).toInt(), 7);
    QCOMPARE(body.value(QLatin1String("delivery_id")).toInt(), 12);
    QCOMPARE(body.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
    QCOMPARE(body.value(QLatin1String("recipient")).toString(), QStringLiteral("ana"));
    QCOMPARE(body.value(QLatin1String("subject")).toString(),
             QStringLiteral("[CRITICAL] #7 Job report <daily> is stale"));
    QVERIFY(body.value(QLatin1String("summary")).toString().size() <= 160);
    QVERIFY(body.value(QLatin1String("text")).toString().contains(QStringLiteral("Job: report")));
    // Unknown formats get the generic document.
    QCOMPARE(json(vigia::WebhookChannel::body(delivery(QUrl(), "other"))).value(QLatin1String("event")).toString(),
             QStringLiteral("incident.notification"));
}

void TestWebhookChannel::slackBodyHasTextAndBlocks()
{
    const QJsonObject body = json(vigia::WebhookChannel::body(delivery(QUrl(), "slack")));
    QVERIFY(body.value(QLatin1String("text"))
                .toString()
                .startsWith(QStringLiteral("CRITICAL #7 Job report &lt;daily&gt;")));
    const QJsonArray blocks = body.value(QLatin1String("blocks")).toArray();
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).toObject().value(QLatin1String("type")).toString(), QStringLiteral("header"));
    const QJsonObject section = blocks.at(1).toObject().value(QLatin1String("text")).toObject();
    QCOMPARE(section.value(QLatin1String("type")).toString(), QStringLiteral("mrkdwn"));
    QVERIFY(section.value(QLatin1String("text")).toString().contains(QStringLiteral("&lt;daily&gt;")));
}

void TestWebhookChannel::teamsBodyIsAnAdaptiveCardMessage()
{
    const QJsonObject body = json(vigia::WebhookChannel::body(delivery(QUrl(), "teams")));
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("message"));
    const QJsonObject attachment = body.value(QLatin1String("attachments")).toArray().at(0).toObject();
    QCOMPARE(attachment.value(QLatin1String("contentType")).toString(),
             QStringLiteral("application/vnd.microsoft.card.adaptive"));
    const QJsonObject card = attachment.value(QLatin1String("content")).toObject();
    QCOMPARE(card.value(QLatin1String("type")).toString(), QStringLiteral("AdaptiveCard"));
    const QJsonArray blocks = card.value(QLatin1String("body")).toArray();
    QCOMPARE(blocks.at(0).toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("[CRITICAL] #7 Job report <daily> is stale"));
}

void TestWebhookChannel::deliversEachFormatToTheReceiver()
{
    LocalHttpServer server;
    QVERIFY(server.isListening());
    Rig rig;
    for (const char *format : {"generic", "slack", "teams"})
        rig.log->add(delivery(server.url(QStringLiteral("/hook/%1").arg(QLatin1String(format))), format));
    rig.worker.start();
    QTRY_COMPARE(rig.attempts.count(), 3);
    const QList<LocalHttpServer::Request> requests = server.requests();
    QCOMPARE(requests.size(), 3);
    for (const LocalHttpServer::Request &request : requests) {
        QCOMPARE(request.method, QByteArrayLiteral("POST"));
        QCOMPARE(request.header("Content-Type"), QByteArrayLiteral("application/json"));
        QVERIFY(!request.header("X-Vigia-Delivery").isEmpty());
        const QString format = request.path().section(QLatin1Char('/'), -1);
        QCOMPARE(request.body,
                 vigia::WebhookChannel::body(rig.log->byId(request.header("X-Vigia-Delivery").toLongLong())));
        QVERIFY(!format.isEmpty());
    }
    for (const NotificationDelivery &sent : rig.log->all()) {
        QCOMPARE(sent.status, Status::Sent);
        QCOMPARE(sent.attempts, 1);
        QCOMPARE(sent.finishedAtMs, rig.clock.nowMs());
        QVERIFY(sent.error.isEmpty());
    }
}

void TestWebhookChannel::failingReceiverIsRetriedWithBackoffThenFailed()
{
    LocalHttpServer server;
    server.setHandler([](const LocalHttpServer::Request &) {
        LocalHttpServer::Response response;
        response.status = 500;
        return response;
    });
    Rig rig;
    const qint64 id = rig.log->add(delivery(server.url(QStringLiteral("/hook")), "generic"));
    rig.worker.start();
    const qint64 delays[] = {30'000, 60'000, 120'000, 240'000};
    for (int attempt = 1; attempt <= 4; ++attempt) {
        QTRY_COMPARE(rig.attempts.count(), attempt);
        const NotificationDelivery pending = rig.log->byId(id);
        QCOMPARE(pending.status, Status::Pending);
        QCOMPARE(pending.attempts, attempt);
        QCOMPARE(pending.error, QStringLiteral("HTTP 500 Internal Server Error"));
        QCOMPARE(pending.nextAttemptAtMs, rig.clock.nowMs() + delays[attempt - 1]);
        // Not a moment early.
        rig.clock.advanceMs(delays[attempt - 1] - 1);
        QCoreApplication::processEvents();
        QCOMPARE(server.requests().size(), attempt);
        rig.clock.advanceMs(1);
    }
    QTRY_COMPARE(rig.attempts.count(), 5);
    const NotificationDelivery failed = rig.log->byId(id);
    QCOMPARE(failed.status, Status::Failed);
    QCOMPARE(failed.attempts, 5);
    QCOMPARE(failed.finishedAtMs, rig.clock.nowMs());
    QCOMPARE(failed.error, QStringLiteral("HTTP 500 Internal Server Error"));
    QCOMPARE(server.requests().size(), 5);
    rig.clock.advanceMs(3'600'000);
    QCoreApplication::processEvents();
    QCOMPARE(server.requests().size(), 5);
}

void TestWebhookChannel::clientErrorIsNotRetried()
{
    LocalHttpServer server;
    server.setHandler([](const LocalHttpServer::Request &) {
        LocalHttpServer::Response response;
        response.status = 404;
        return response;
    });
    Rig rig;
    const qint64 id = rig.log->add(delivery(server.url(QStringLiteral("/gone")), "slack"));
    rig.worker.start();
    QTRY_COMPARE(rig.attempts.count(), 1);
    QCOMPARE(rig.log->byId(id).status, Status::Failed);
    QCOMPARE(rig.log->byId(id).error, QStringLiteral("HTTP 404 Not Found"));
}

void TestWebhookChannel::refusedConnectionIsRetried()
{
    Rig rig;
    const QUrl closed(QStringLiteral("http://127.0.0.1:%1/hook").arg(LocalHttpServer::closedPort()));
    const qint64 id = rig.log->add(delivery(closed, "generic"));
    rig.worker.start();
    QTRY_COMPARE(rig.attempts.count(), 1);
    QCOMPARE(rig.log->byId(id).status, Status::Pending);
    QVERIFY(rig.log->byId(id).error.contains(QStringLiteral("refused"), Qt::CaseInsensitive));
}

void TestWebhookChannel::notAnHttpUrlFailsAtOnce()
{
    Rig rig;
    const qint64 id = rig.log->add(delivery(QUrl(QStringLiteral("ftp://127.0.0.1/x")), "generic"));
    rig.worker.start();
    QTRY_COMPARE(rig.attempts.count(), 1);
    QCOMPARE(rig.log->byId(id).status, Status::Failed);
    QCOMPARE(rig.log->byId(id).error, QStringLiteral("not an http(s) URL: ftp://127.0.0.1/x"));
}

void TestWebhookChannel::desktopChannelSignalsTheTray()
{
    Rig rig;
    auto *desktop = new vigia::DesktopChannel;
    rig.worker.addChannel(desktop);
    QSignalSpy shown(desktop, &vigia::DesktopChannel::notificationRequested);
    NotificationDelivery toTray = delivery(QUrl(), "generic");
    toTray.channel = vigia::ContactChannel::Kind::Desktop;
    const qint64 id = rig.log->add(toTray);
    rig.worker.start();
    QTRY_COMPARE(rig.attempts.count(), 1);
    QCOMPARE(shown.count(), 1);
    const auto notification = shown.first().first().value<vigia::DesktopNotification>();
    QCOMPARE(notification.incidentId, 7);
    QCOMPARE(notification.deliveryId, id);
    QCOMPARE(notification.title, QStringLiteral("[CRITICAL] #7 Job report <daily> is stale"));
    QCOMPARE(rig.log->byId(id).status, Status::Sent);
}

void TestWebhookChannel::desktopWithoutATrayFails()
{
    Rig rig;
    rig.worker.addChannel(new vigia::DesktopChannel);
    NotificationDelivery toTray = delivery(QUrl(), "generic");
    toTray.channel = vigia::ContactChannel::Kind::Desktop;
    const qint64 id = rig.log->add(toTray);
    NotificationDelivery email = delivery(QUrl(), "generic");
    email.channel = vigia::ContactChannel::Kind::Email;
    const qint64 emailId = rig.log->add(email);
    rig.worker.start();
    QTRY_COMPARE(rig.attempts.count(), 2);
    QCOMPARE(rig.log->byId(id).status, Status::Failed);
    QCOMPARE(rig.log->byId(id).attempts, 1);
    QCOMPARE(rig.log->byId(emailId).status, Status::Failed);
    QCOMPARE(rig.log->byId(emailId).error, QStringLiteral("no email channel is set up in this engine"));
}

// A leader whose database is down when it starts the notifier still delivers once the database is back.
void TestWebhookChannel::logThatCannotBeOpenedIsTriedAgain()
{
    LocalHttpServer server;
    QVERIFY(server.isListening());
    FakeClock clock;
    auto log = std::make_shared<MemoryDeliveryLog>();
    log->add(delivery(server.url(QStringLiteral("/hook")), "generic"));
    int opens = 0;
    bool databaseUp = false;
    DeliveryWorker worker{[&]() -> std::shared_ptr<vigia::DeliveryLog> {
                              ++opens;
                              return databaseUp ? log : nullptr;
                          },
                          &clock};
    worker.addChannel(new vigia::WebhookChannel);
    QSignalSpy attempts{&worker, &DeliveryWorker::attempted};
    QSignalSpy failures{&worker, &DeliveryWorker::failed};
    worker.start();
    QCOMPARE(opens, 1);
    QCOMPARE(failures.count(), 1);
    clock.advanceMs(500); // first retry after 0.5 s, still down
    QTRY_COMPARE(opens, 2);
    clock.advanceMs(999);
    QCoreApplication::processEvents();
    QCOMPARE(opens, 2); // the pause doubled
    databaseUp = true;
    clock.advanceMs(1);
    QTRY_COMPARE(opens, 3);
    QTRY_COMPARE(attempts.count(), 1);
    QCOMPARE(attempts.at(0).at(0).value<NotificationDelivery>().status, Status::Sent);
    QCOMPARE(failures.count(), 1); // an outage is reported once, not at every attempt
}

QTEST_GUILESS_MAIN(TestWebhookChannel)
#include "tst_webhookchannel.moc"
