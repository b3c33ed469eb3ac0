#include "incidents/escalator.h"

#include "notify/donotdisturb.h"
#include "notify/notificationmessage.h"
#include "util/alarm.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace vigia {

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString sourceText(IncidentSource source)
{
    switch (source) {
    case IncidentSource::DeadRun:
        return Escalator::tr("run dead");
    case IncidentSource::Stale:
        return Escalator::tr("job stale");
    case IncidentSource::TooLong:
        return Escalator::tr("run too long");
    case IncidentSource::FailureRate:
        return Escalator::tr("failure rate");
    case IncidentSource::SqlCheck:
        return Escalator::tr("SQL check failed");
    case IncidentSource::External:
        break;
    }
    return Escalator::tr("external alert");
}

// "step 2 of 3, pass 1 of 2" or "all admins: nobody acknowledged".
QString levelText(const EscalationPlanner &planner, int level)
{
    const EscalationPlanner::Level described = planner.describe(level);
    const EscalationPolicy &policy = planner.policy();
    if (described.final)
        return Escalator::tr("all %1s: nobody acknowledged").arg(escalationRoleName(policy.finalRole));
    QString text = Escalator::tr("step %1 of %2").arg(described.step + 1).arg(policy.steps.size());
    if (policy.repeat > 0)
        text += Escalator::tr(", pass %1 of %2").arg(described.pass + 1).arg(policy.repeat + 1);
    return text;
}

QString localTime(qint64 ms, const QString &zone)
{
    QTimeZone tz(zone.toUtf8());
    if (!tz.isValid())
        tz = QTimeZone::utc();
    return QDateTime::fromMSecsSinceEpoch(ms, tz).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

Escalator::Escalator(StoreOpener opener, Clock *clock, EscalatorConfig config, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_clock(clock)
    , m_config(std::move(config))
    , m_alarm(new Alarm(clock, this))
{
    connect(m_alarm, &Alarm::rang, this, &Escalator::check);
}

Escalator::~Escalator() = default;

void Escalator::start()
{
    check();
}

void Escalator::check()
{
    const qint64 now = m_clock->nowMs();
    m_alarm->setDeadline(now + std::max<qint64>(1, m_config.intervalMs));
    int escalated = 0;
    int written = 0;
    try {
        if (!m_store)
            m_store = m_opener();
        const QVector<Incident> due = m_store->escalationsDue(now, !m_config.defaultPolicy.isEmpty(), BatchSize);
        if (!due.isEmpty()) {
            m_policies.clear();
            for (const EscalationPolicy &policy : m_store->escalationPolicies())
                m_policies.insert(policy.name, policy);
            m_schedules.clear();
            for (const OnCallSchedule &schedule : m_store->onCallSchedules())
                m_schedules.insert(schedule.name, schedule);
            m_users = m_store->users();
        }
        for (const Incident &incident : due) {
            const int deliveries = escalate(incident, now);
            if (deliveries >= 0) {
                ++escalated;
                written += deliveries;
            }
        }
        // A full batch may have left more behind: look again at once rather than after the interval.
        if (due.size() >= BatchSize)
            m_alarm->setDeadline(now);
    } catch (const StoreError &e) {
        m_store.reset();
        emit failed(e.message());
    }
    if (written > 0)
        emit deliveriesWritten();
    emit checked(escalated, written);
}

int Escalator::escalate(const Incident &incident, qint64 now)
{
    EscalationUpdate update;
    update.incidentId = incident.id;
    update.expectedLevel = incident.escalationLevel;
    update.expectedNextEscalationAt = incident.nextEscalationAt;
    update.policy = incident.escalationPolicy.isEmpty() ? m_config.defaultPolicy : incident.escalationPolicy;
    update.level = incident.escalationLevel;
    update.step = incident.escalationStep;
    update.round = incident.escalationRound;
    update.levelStartedAt = incident.escalationLevelAt;

    const auto found = m_policies.constFind(update.policy);
    if (found == m_policies.cend() || found->steps.isEmpty()) {
        // Nothing to run: stop looking at it until someone escalates it again, and say why on its timeline.
        update.nextEscalationAt = 0;
        update.events.append(
            {IncidentEventKind::Escalated,
             json({{QStringLiteral("policy"), update.policy},
                   {QStringLiteral("error"), tr("unknown escalation policy \"%1\"").arg(update.policy)}})});
        qCWarning(lcEngine).noquote() << "escalator: incident" << incident.id << "names unknown escalation policy"
                                      << update.policy;
        return m_store->recordEscalation(update, now) ? 0 : -1;
    }
    const EscalationPlanner planner(*found);

    EscalationPlanner::Plan plan;
    const bool byHand = incident.escalationLevel >= 0 && incident.nextEscalationAt > 0;
    if (incident.escalationLevel < 0) {
        // Never notified: level 0 is due when the incident became due (its creation for an adopted one).
        const qint64 since = incident.nextEscalationAt > 0 ? incident.nextEscalationAt : incident.createdAt;
        plan = planner.advance(EscalationPlanner::NotStarted, since, now);
    } else if (incident.escalationLevel >= planner.finalLevel()) {
        // Escalated again by hand (or reopened) after the chain ended: the final role hears it again.
        plan = planner.escalateNow(incident.escalationLevel, incident.escalationLevelAt, now);
    } else {
        // Due: either the level's delay passed, or an operator (or a reopen) moved the due time to now. Counting the
        // delay back from the due time makes both advance one level, and a long outage catch up several.
        const qint64 since = incident.nextEscalationAt - planner.delayMs(incident.escalationLevel);
        plan = planner.advance(incident.escalationLevel, since, now);
        if (!plan.advanced() && byHand)
            plan = planner.escalateNow(incident.escalationLevel, incident.escalationLevelAt, now);
    }
    const EscalationPlanner::Level described = planner.describe(plan.level);
    update.level = plan.level;
    update.step = described.final ? int(found->steps.size()) : described.step;
    update.round = described.pass;
    update.levelStartedAt = plan.levelStartedAtMs;
    update.nextEscalationAt = plan.nextEscalationAtMs < 0 ? 0 : plan.nextEscalationAtMs;

    const QString why = levelText(planner, plan.level);
    QStringList unresolved;
    const QVector<Recipient> recipients =
        resolveRecipients(planner.targets(plan.level), why, m_users, m_schedules, now, &unresolved);
    QJsonObject escalatedDetail{{QStringLiteral("policy"), update.policy},
                                {QStringLiteral("level"), plan.level},
                                {QStringLiteral("from_level"), incident.escalationLevel},
                                {QStringLiteral("description"), why},
                                {QStringLiteral("final"), described.final}};
    QJsonArray names;
    for (const Recipient &r : recipients)
        names.append(r.user);
    escalatedDetail.insert(QStringLiteral("recipients"), names);
    if (!unresolved.isEmpty())
        escalatedDetail.insert(QStringLiteral("unresolved"), QJsonArray::fromStringList(unresolved));
    update.events.append({IncidentEventKind::Escalated, json(escalatedDetail)});

    QHash<QString, const User *> users;
    for (const User &user : std::as_const(m_users))
        users.insert(user.name, &user);
    const bool critical = incident.severity == IncidentSeverity::Critical;
    for (const Recipient &recipient : recipients) {
        const User *user = users.value(recipient.user);
        if (!user)
            continue;
        if (user->channels.isEmpty()) {
            update.events.append({IncidentEventKind::Notified,
                                  json({{QStringLiteral("recipient"), user->name},
                                        {QStringLiteral("status"), QStringLiteral("failed")},
                                        {QStringLiteral("error"), tr("%1 has no contact channel").arg(user->name)}})});
            continue;
        }
        IncidentNotice notice;
        notice.incidentId = incident.id;
        notice.title = incident.title;
        notice.severity = incidentSeverityName(incident.severity);
        notice.source = sourceText(incident.source);
        notice.queue = incident.queue;
        notice.details = QString::fromUtf8(incident.detail);
        notice.occurrences = incident.occurrences;
        notice.triggeredAtMs = incident.createdAt;
        notice.escalation = recipient.reason;
        notice.recipient = user->name;
        notice.timeZone = user->timeZone;
        const NotificationMessage message = NotificationMessage::compose(notice);
        const DoNotDisturb::Decision decision = DoNotDisturb::decide(*user, now, critical, m_config.criticalBreaksDnd);
        for (const ContactChannel &channel : user->channels) {
            NotificationDelivery d;
            d.incidentId = incident.id;
            d.level = plan.level;
            d.recipient = user->name;
            d.channel = channel.kind;
            d.address = channel.address;
            d.format = channel.format;
            d.severity = notice.severity;
            d.critical = critical;
            d.nextAttemptAtMs = now;
            d.message = message;
            if (decision == DoNotDisturb::Decision::Silence) {
                d.status = NotificationDelivery::Status::Silenced;
                d.error = tr("do not disturb until %1 (%2)")
                              .arg(localTime(DoNotDisturb::quietUntil(*user, now), user->timeZone), user->timeZone);
            }
            update.deliveries.append(d);
        }
    }
    if (!m_store->recordEscalation(update, now))
        return -1;
    int pending = 0;
    for (const NotificationDelivery &d : std::as_const(update.deliveries))
        pending += d.status == NotificationDelivery::Status::Pending ? 1 : 0;
    qCInfo(lcEngine).noquote() << "escalator: incident" << incident.id << why << "-" << recipients.size()
                               << "recipients," << update.deliveries.size() << "deliveries";
    return pending;
}

} // namespace vigia
