#include "engine/notifier.h"

#include "notify/deliveryworker.h"
#include "notify/storedeliverylog.h"
#include "notify/unavailablechannel.h"
#include "notify/webhookchannel.h"
#include "store/store.h"
#include "util/logging.h"

namespace vigia {

Notifier::Notifier(StoreOpener opener, Clock *clock, NotifierConfig config, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<vigia::DesktopNotification>();
    qRegisterMetaType<vigia::NotificationDelivery>();
    auto openLog = [opener = std::move(opener), clock]() -> std::shared_ptr<DeliveryLog> {
        try {
            return std::make_shared<StoreDeliveryLog>(opener(), clock);
        } catch (const StoreError &e) {
            qCWarning(lcEngine).noquote() << "notifier: cannot open the database:" << e.message();
            return nullptr;
        }
    };
    m_worker = new DeliveryWorker(std::move(openLog), clock, config.retry, this);
    auto *webhook = new WebhookChannel;
    webhook->setTimeoutMs(config.webhookTimeoutMs);
    m_worker->addChannel(webhook);
    auto *desktop = new DesktopChannel;
    if (config.desktop)
        connect(desktop, &DesktopChannel::notificationRequested, this, &Notifier::desktopNotification);
    m_worker->addChannel(desktop);
    m_worker->addChannel(UnavailableChannel::email());
    connect(m_worker, &DeliveryWorker::attempted, this, &Notifier::attempted);
    connect(m_worker, &DeliveryWorker::failed, this, &Notifier::failed);
}

Notifier::~Notifier() = default;

void Notifier::start()
{
    m_worker->start();
}

void Notifier::wake()
{
    m_worker->wake();
}

} // namespace vigia
