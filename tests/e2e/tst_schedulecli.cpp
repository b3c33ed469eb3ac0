// The scheduling side of the real vigia-engine binary: the `jobs` verbs with their audit rows, `schedule preview`, and
// the scheduler firing a one-second interval job in one `serve` process and in two sharing a database (the `cron`
// verbs are in tst_croncli).
#include "testsupport.h"

#include "store/store.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <csignal>
#include <functional>

using namespace vigia;
using namespace vigia::test;

namespace {

constexpr qint64 SecondMs = 1'000;
constexpr qint64 HalfHourMs = 30 * 60 * SecondMs;
constexpr qint64 HourMs = 2 * HalfHourMs;

const Actor Seeder{QStringLiteral("seeder")};

JobDef cronJob(const char *name, const char *expression, const char *zone)
{
    JobDef job;
    job.name = QString::fromLatin1(name);
    job.kind = QStringLiteral("noop");
    job.schedule.kind = Schedule::Kind::Cron;
    job.schedule.cron = QString::fromLatin1(expression);
    job.schedule.timeZone = QString::fromLatin1(zone);
    return job;
}

JobDef intervalJob(const char *name, qint64 intervalMs, qint64 anchorAt = 0)
{
    JobDef job;
    job.name = QString::fromLatin1(name);
    job.kind = QStringLiteral("noop");
    job.schedule.kind = Schedule::Kind::Interval;
    job.schedule.intervalMs = intervalMs;
    job.schedule.anchorAt = anchorAt;
    return job;
}

QJsonObject jobNamed(const QJsonArray &jobs, const QString &name)
{
    for (const QJsonValue &job : jobs) {
        if (job.toObject().value(QLatin1String("name")).toString() == name)
            return job.toObject();
    }
    return {};
}

QJsonObject listedJob(const TempDatabase &db, const char *name)
{
    return jobNamed(jsonArray(cli(db, "jobs list --json")), QString::fromLatin1(name));
}

QJsonObject scheduleOf(const QJsonObject &job)
{
    return job.value(QLatin1String("schedule")).toObject();
}

// The instants offset + k * step (ms since the epoch) in [from, to]: the fires of an interval job anchored at
// `offset`, and of a cron job that divides the hour on a clock that is `offset` ahead of UTC within the hour.
QList<qint64> grid(qint64 step, qint64 from, qint64 to, qint64 offset = 0)
{
    QList<qint64> fires;
    for (qint64 at = offset + (from - offset + step - 1) / step * step; at <= to; at += step)
        fires << at;
    return fires;
}

// Mon-Fri 08:00-19:59 in São Paulo, worked out on the local calendar rather than through ScheduleRule.
bool insideBusinessHours(qint64 at)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at, QTimeZone("America/Sao_Paulo"));
    const int minute = local.time().hour() * 60 + local.time().minute();
    return local.date().dayOfWeek() <= 5 && minute >= 8 * 60 && minute <= 19 * 60 + 59;
}

// A command that reads the real clock ran at some instant in [before, after]. The fires it lists, given that instant,
// change only at whole seconds (the fire grid) and one millisecond later, so trying those instants is exhaustive.
bool matchesSomeInstant(const QList<qint64> &actual, qint64 before, qint64 after,
                        const std::function<QList<qint64>(qint64)> &expectedAt)
{
    QList<qint64> candidates{before, after};
    for (qint64 s = (before + SecondMs - 1) / SecondMs * SecondMs; s <= after; s += SecondMs)
        candidates << s << s + 1;
    for (qint64 now : std::as_const(candidates)) {
        if (now >= before && now <= after && expectedAt(now) == actual)
            return true;
    }
    return false;
}

QString formatList(const QList<qint64> &instants)
{
    QStringList texts;
    for (qint64 at : instants)
        texts << QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODate);
    return texts.join(u' ');
}

struct PreviewFire {
    qint64 at = 0;
    QJsonObject json;
};

struct Preview {
    qint64 before = 0; // the clock just before and just after the command: its "now" lies in between
    qint64 after = 0;
    CliResult result;
    QList<PreviewFire> fires;

    QList<qint64> firesOf(const char *job) const
    {
        QList<qint64> instants;
        for (const PreviewFire &fire : fires) {
            if (fire.json.value(QLatin1String("job")).toString() == QLatin1String(job))
                instants << fire.at;
        }
        return instants;
    }
};

Preview preview(const TempDatabase &db, int hours)
{
    Preview p;
    p.before = QDateTime::currentMSecsSinceEpoch();
    p.result = cli(db, QStringList{QStringLiteral("schedule"), QStringLiteral("preview"), QStringLiteral("--hours"),
                                   QString::number(hours), QStringLiteral("--json")});
    p.after = QDateTime::currentMSecsSinceEpoch();
    for (const QJsonValue &value : jsonArray(p.result)) {
        const QJsonObject fire = value.toObject();
        p.fires.append({isoInstant(fire.value(QLatin1String("at")).toString()), fire});
    }
    return p;
}

// The runs the scheduler made for one job, from `runs list --json`.
QJsonArray runsOfJob(const TempDatabase &db, qint64 jobId)
{
    QJsonArray runs;
    for (const QJsonValue &run : jsonArray(cli(db, "runs list --json --limit 100000"))) {
        if (run.toObject().value(QLatin1String("job_id")).toInteger() == jobId)
            runs.append(run);
    }
    return runs;
}

int succeededRunsOfJob(const TempDatabase &db, qint64 jobId)
{
    int count = 0;
    for (const QJsonValue &run : runsOfJob(db, jobId))
        count += run.toObject().value(QLatin1String("state")).toString() == QLatin1String("succeeded") ? 1 : 0;
    return count;
}

QStringList serveArgs(const TempDatabase &db, const char *node)
{
    return {QStringLiteral("--db"),    db.url(),
            QStringLiteral("--quiet"), QStringLiteral("--poll-ms"),
            QStringLiteral("50"),      QStringLiteral("--node"),
            QString::fromLatin1(node)};
}

// Every run of a fire has key fire:<job>:<fire ms> and is scheduled at that fire, on the job's one-second grid.
// Returns the fire instants, in the order of `runs`.
QList<qint64> checkFireRuns(const QJsonArray &runs, qint64 jobId, qint64 anchorAt)
{
    static const QRegularExpression keyPattern(QStringLiteral("^fire:(\\d+):(\\d+)$"));
    QList<qint64> fires;
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        const QString key = run.value(QLatin1String("unique_key")).toString();
        const QRegularExpressionMatch match = keyPattern.match(key);
        if (!match.hasMatch()) {
            qWarning().noquote() << "unexpected unique key" << key;
            return {};
        }
        const qint64 fireAt = match.captured(2).toLongLong();
        const QString scheduledAt = run.value(QLatin1String("scheduled_at")).toString();
        const QString state = run.value(QLatin1String("state")).toString();
        if (match.captured(1).toLongLong() != jobId || isoInstant(scheduledAt) != fireAt || fireAt % SecondMs != 0 ||
            (fireAt - anchorAt) % SecondMs != 0 ||
            run.value(QLatin1String("kind")).toString() != QLatin1String("noop") ||
            !(state == QLatin1String("succeeded") || state == QLatin1String("available") ||
              state == QLatin1String("scheduled"))) {
            qWarning().noquote() << "run does not match its fire:" << QJsonDocument(run).toJson(QJsonDocument::Compact);
            return {};
        }
        fires << fireAt;
    }
    return fires;
}

} // namespace
class TestScheduleCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void jobsListJsonDescribesEachJobAndSchedule();
    void jobsListTableShowsScheduleAndStatus();
    void pauseAndResumeToggleOnlyThatJobAndWriteAudit();
    void postponeSetsPostponeUntilAndWritesAudit();
    void jobAndScheduleBadInputExitsTwoAndChangesNothing_data();
    void jobAndScheduleBadInputExitsTwoAndChangesNothing();

    void schedulePreviewListsFiresInTimeOrderHonouringWindowPauseAndPostpone();
    void schedulePreviewHoursBoundsTheHorizon();

    void serveFiresOneSecondJobOncePerSecondOnAnchorGrid();
    void twoServersOnOneDatabaseEnqueueEachFireExactlyOnce();
};

void TestScheduleCli::initTestCase()
{
    // TempDatabase migrates in this process; its progress messages would only bury the test output.
    QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false"));
    QVERIFY2(QFileInfo(engineBinary()).isExecutable(), qPrintable(engineBinary()));
}

void TestScheduleCli::jobsListJsonDescribesEachJobAndSchedule()
{
    TempDatabase db;
    const qint64 nextFire = isoInstant("2030-01-07T11:30:00Z");
    qint64 businessId = 0;
    qint64 heartbeatId = 0;
    qint64 onDemandId = 0;
    {
        const std::unique_ptr<Store> store = db.open();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store->ensureQueue({QStringLiteral("reports"), 2, false}, Seeder, now);
        JobDef business = cronJob("business-hours", "*/30 * * * *", "America/Sao_Paulo");
        business.queue = QStringLiteral("reports");
        business.priority = Priority::High;
        business.maxAttempts = 2;
        business.schedule.window = {8 * 60, 19 * 60 + 59, 0x1F};
        business.schedule.misfire = MisfirePolicy::Skip;
        business.schedule.postponeUntil = isoInstant("2030-02-01T00:00:00Z");
        businessId = store->upsertJob(business, Seeder, now);
        JobDef heartbeat = intervalJob("heartbeat", 90 * SecondMs);
        heartbeat.schedule.paused = true;
        heartbeat.schedule.misfire = MisfirePolicy::RunAll;
        heartbeatId = store->upsertJob(heartbeat, Seeder, now);
        JobDef onDemand;
        onDemand.name = QStringLiteral("ad-hoc");
        onDemand.kind = QStringLiteral("noop");
        onDemandId = store->upsertJob(onDemand, Seeder, now);
        // The scheduler's booking of the fire it waits for, as a running engine would write it.
        QVERIFY(store->recordFires(businessId, 0, nextFire, {}, now));
    }

    const CliResult result = cli(db, "jobs list --json");
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    const QJsonArray jobs = jsonArray(result);
    QCOMPARE(jobs.size(), 3);
    QStringList names;
    for (const QJsonValue &job : jobs)
        names << job.toObject().value(QLatin1String("name")).toString();
    QCOMPARE(names, (QStringList{QStringLiteral("ad-hoc"), QStringLiteral("business-hours"),
                                 QStringLiteral("heartbeat")})); // by name

    const QJsonObject business = jobNamed(jobs, QStringLiteral("business-hours"));
    QCOMPARE(business.value(QLatin1String("id")).toInteger(), businessId);
    QCOMPARE(business.value(QLatin1String("queue")).toString(), QStringLiteral("reports"));
    QCOMPARE(business.value(QLatin1String("kind")).toString(), QStringLiteral("noop"));
    QCOMPARE(business.value(QLatin1String("priority")).toString(), QStringLiteral("high"));
    QCOMPARE(business.value(QLatin1String("max_attempts")).toInt(), 2);
    QCOMPARE(business.value(QLatin1String("next_fire_at")).toString(), QStringLiteral("2030-01-07T11:30:00.000Z"));
    QVERIFY(business.value(QLatin1String("last_fire_at")).isNull());
    const QJsonObject businessSchedule = scheduleOf(business);
    QCOMPARE(businessSchedule.value(QLatin1String("kind")).toString(), QStringLiteral("cron"));
    QCOMPARE(businessSchedule.value(QLatin1String("cron")).toString(), QStringLiteral("*/30 * * * *"));
    QCOMPARE(businessSchedule.value(QLatin1String("time_zone")).toString(), QStringLiteral("America/Sao_Paulo"));
    QCOMPARE(businessSchedule.value(QLatin1String("paused")).toBool(true), false);
    QCOMPARE(businessSchedule.value(QLatin1String("misfire")).toString(), QStringLiteral("skip"));
    QCOMPARE(businessSchedule.value(QLatin1String("postpone_until")).toString(),
             QStringLiteral("2030-02-01T00:00:00.000Z"));
    QVERIFY(!businessSchedule.contains(QLatin1String("interval_s")));

    const QJsonObject heartbeat = jobNamed(jobs, QStringLiteral("heartbeat"));
    QCOMPARE(heartbeat.value(QLatin1String("id")).toInteger(), heartbeatId);
    QCOMPARE(heartbeat.value(QLatin1String("queue")).toString(), QStringLiteral("default"));
    QCOMPARE(heartbeat.value(QLatin1String("priority")).toString(), QStringLiteral("normal"));
    QVERIFY(heartbeat.value(QLatin1String("next_fire_at")).isNull()); // no scheduler ran
    const QJsonObject heartbeatSchedule = scheduleOf(heartbeat);
    QCOMPARE(heartbeatSchedule.value(QLatin1String("kind")).toString(), QStringLiteral("interval"));
    QCOMPARE(heartbeatSchedule.value(QLatin1String("interval_s")).toDouble(), 90.0);
    QCOMPARE(heartbeatSchedule.value(QLatin1String("time_zone")).toString(), QStringLiteral("UTC"));
    QCOMPARE(heartbeatSchedule.value(QLatin1String("paused")).toBool(false), true);
    QCOMPARE(heartbeatSchedule.value(QLatin1String("misfire")).toString(), QStringLiteral("run-all"));
    QVERIFY(heartbeatSchedule.value(QLatin1String("postpone_until")).isNull());
    QVERIFY(!heartbeatSchedule.contains(QLatin1String("cron")));

    const QJsonObject onDemand = jobNamed(jobs, QStringLiteral("ad-hoc"));
    QCOMPARE(onDemand.value(QLatin1String("id")).toInteger(), onDemandId);
    QCOMPARE(scheduleOf(onDemand).value(QLatin1String("kind")).toString(), QStringLiteral("none"));
    QCOMPARE(scheduleOf(onDemand).value(QLatin1String("misfire")).toString(), QStringLiteral("coalesce"));
    QVERIFY(onDemand.value(QLatin1String("next_fire_at")).isNull());

    // An empty database lists no job.
    TempDatabase empty;
    const CliResult none = cli(empty, "jobs list --json");
    QVERIFY2(none.exitCode == 0, qPrintable(describe(none)));
    QCOMPARE(jsonArray(none), QJsonArray());
}

void TestScheduleCli::jobsListTableShowsScheduleAndStatus()
{
    TempDatabase db;
    {
        const std::unique_ptr<Store> store = db.open();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store->upsertJob(cronJob("nightly", "0 3 * * *", "Europe/Lisbon"), Seeder, now);
        JobDef heartbeat = intervalJob("heartbeat", 90 * SecondMs);
        heartbeat.schedule.paused = true;
        store->upsertJob(heartbeat, Seeder, now);
    }
    const CliResult table = cli(db, "jobs list");
    QVERIFY2(table.exitCode == 0, qPrintable(describe(table)));
    const QStringList rows = outputLines(table.out);
    QCOMPARE(rows.size(), 3);
    QVERIFY2(rows.at(0).startsWith(QLatin1String("JOB ")), qPrintable(rows.at(0)));
    QVERIFY2(rows.at(1).startsWith(QLatin1String("heartbeat ")) && rows.at(1).contains(QLatin1String("every 90 s")) &&
                 rows.at(1).contains(QLatin1String("paused")),
             qPrintable(rows.at(1)));
    QVERIFY2(rows.at(2).startsWith(QLatin1String("nightly ")) &&
                 rows.at(2).contains(QLatin1String("0 3 * * * Europe/Lisbon")) &&
                 rows.at(2).contains(QLatin1String("active")),
             qPrintable(rows.at(2)));
}

void TestScheduleCli::pauseAndResumeToggleOnlyThatJobAndWriteAudit()
{
    TempDatabase db;
    {
        const std::unique_ptr<Store> store = db.open();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store->upsertJob(cronJob("nightly", "0 3 * * *", "Europe/Lisbon"), Seeder, now);
        store->upsertJob(intervalJob("heartbeat", 60 * SecondMs), Seeder, now);
    }
    auto isPaused = [&db](const char *name) {
        return scheduleOf(listedJob(db, name)).value(QLatin1String("paused")).toBool();
    };
    QCOMPARE(isPaused("nightly"), false);

    const CliResult paused = cli(db, "jobs pause nightly");
    QVERIFY2(paused.exitCode == 0, qPrintable(describe(paused)));
    QVERIFY2(paused.err.isEmpty(), paused.err.constData());
    QCOMPARE(isPaused("nightly"), true);
    QCOMPARE(isPaused("heartbeat"), false);
    {
        const QVector<AuditEntry> audit = db.open()->auditLog(10);
        QVERIFY(!audit.isEmpty());
        QCOMPARE(audit.first().action, QStringLiteral("job.pause"));
        QCOMPARE(audit.first().target, QStringLiteral("job:nightly"));
        QCOMPARE(audit.first().actor, osUser());
    }

    const CliResult resumed = cli(db, "jobs resume nightly");
    QVERIFY2(resumed.exitCode == 0, qPrintable(describe(resumed)));
    QCOMPARE(isPaused("nightly"), false);
    QCOMPARE(isPaused("heartbeat"), false);
    const QVector<AuditEntry> audit = db.open()->auditLog(10);
    QVERIFY(audit.size() >= 2);
    QCOMPARE(audit.at(0).action, QStringLiteral("job.resume"));
    QCOMPARE(audit.at(0).target, QStringLiteral("job:nightly"));
    QCOMPARE(audit.at(0).actor, osUser());
    QCOMPARE(audit.at(1).action, QStringLiteral("job.pause"));
    QVERIFY(audit.at(0).at >= audit.at(1).at);
}

void TestScheduleCli::postponeSetsPostponeUntilAndWritesAudit()
{
    TempDatabase db;
    {
        const std::unique_ptr<Store> store = db.open();
        store->upsertJob(cronJob("nightly", "0 3 * * *", "Europe/Lisbon"), Seeder, QDateTime::currentMSecsSinceEpoch());
    }
    QVERIFY(scheduleOf(listedJob(db, "nightly")).value(QLatin1String("postpone_until")).isNull());

    const CliResult postponed = cli(db, "jobs postpone nightly --until 2030-05-01T12:00:00Z");
    QVERIFY2(postponed.exitCode == 0, qPrintable(describe(postponed)));
    QCOMPARE(scheduleOf(listedJob(db, "nightly")).value(QLatin1String("postpone_until")).toString(),
             QStringLiteral("2030-05-01T12:00:00.000Z"));
    QCOMPARE(scheduleOf(listedJob(db, "nightly")).value(QLatin1String("paused")).toBool(), false);
    {
        const QVector<AuditEntry> audit = db.open()->auditLog(10);
        QVERIFY(!audit.isEmpty());
        QCOMPARE(audit.first().action, QStringLiteral("job.postpone"));
        QCOMPARE(audit.first().target, QStringLiteral("job:nightly"));
        QCOMPARE(audit.first().actor, osUser());
        QCOMPARE(
            QJsonDocument::fromJson(audit.first().detail.toUtf8()).object().value(QLatin1String("until")).toInteger(),
            isoInstant("2030-05-01T12:00:00Z"));
    }

    // An instant with an offset is the same instant in UTC.
    const CliResult withOffset = cli(db, "jobs postpone nightly --until 2030-06-01T09:00:00-03:00");
    QVERIFY2(withOffset.exitCode == 0, qPrintable(describe(withOffset)));
    QCOMPARE(scheduleOf(listedJob(db, "nightly")).value(QLatin1String("postpone_until")).toString(),
             QStringLiteral("2030-06-01T12:00:00.000Z"));
    const QVector<AuditEntry> audit = db.open()->auditLog(10);
    QCOMPARE(audit.size(), 3); // job.edit by the seeder, then the two postponements
    QCOMPARE(audit.at(0).action, QStringLiteral("job.postpone"));
    QCOMPARE(audit.at(2).action, QStringLiteral("job.edit"));
}

void TestScheduleCli::jobAndScheduleBadInputExitsTwoAndChangesNothing_data()
{
    // %DB% is the database, for a row that must name --db before an option left without its value.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    auto add = [](const char *name, const char *line, const char *message) {
        QTest::newRow(name) << words(line) << QString::fromUtf8(message);
    };
    add("pause unknown job", "jobs pause nope", "unknown job \"nope\"");
    add("resume unknown job", "jobs resume nope", "unknown job \"nope\"");
    add("postpone unknown job", "jobs postpone nope --until 2030-01-01T00:00:00Z", "unknown job \"nope\"");
    add("postpone without until", "jobs postpone nightly", "--until is required");
    add("postpone until not a date", "jobs postpone nightly --until tomorrow",
        "--until: \"tomorrow\" is not an ISO 8601");
    add("postpone until impossible date", "jobs postpone nightly --until 2030-02-30T00:00:00Z",
        "--until: \"2030-02-30T00:00:00Z\" is not an ISO 8601");
    add("postpone until without value", "jobs postpone nightly --db %DB% --until", "Missing value after '--until'");
    add("pause without name", "jobs pause", "missing arguments");
    add("pause two names", "jobs pause nightly heartbeat", "unexpected argument \"heartbeat\"");
    add("unknown jobs subverb", "jobs delete nightly", "expected list, pause, resume or postpone, not \"delete\"");
    add("jobs list stray argument", "jobs list nightly", "unexpected argument \"nightly\"");
    add("preview hours 0", "schedule preview --hours 0", "--hours: \"0\"");
    add("preview hours not a number", "schedule preview --hours day", "--hours: \"day\"");
    add("preview stray argument", "schedule preview nightly", "unexpected argument \"nightly\"");
    add("unknown schedule subverb", "schedule show", "expected preview, not \"show\"");
}

void TestScheduleCli::jobAndScheduleBadInputExitsTwoAndChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    TempDatabase db;
    {
        const std::unique_ptr<Store> store = db.open();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store->upsertJob(cronJob("nightly", "0 3 * * *", "Europe/Lisbon"), Seeder, now);
        store->upsertJob(intervalJob("heartbeat", 60 * SecondMs), Seeder, now);
        store->setJobPaused(QStringLiteral("heartbeat"), true, Seeder, now);
    }
    for (QString &arg : args)
        arg.replace(QLatin1String("%DB%"), db.url());
    const QStringList before = databaseContents(db.path());
    QVERIFY(before.size() > 5);
    const CliResult result = cli(db, args);
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY2(result.err.startsWith("vigia-engine: "), result.err.constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QCOMPARE(databaseContents(db.path()), before);
}

void TestScheduleCli::schedulePreviewListsFiresInTimeOrderHonouringWindowPauseAndPostpone()
{
    constexpr int Hours = 96; // from any instant, at least one São Paulo business day begins within 96 hours
    constexpr qint64 HorizonMs = Hours * HourMs;
    TempDatabase db;
    const qint64 postponeUntil = QDateTime::currentMSecsSinceEpoch() + 5 * HourMs + 7 * 60 * SecondMs;
    {
        const std::unique_ptr<Store> store = db.open();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store->ensureQueue({QStringLiteral("reports"), 2, false}, Seeder, now);
        JobDef business = cronJob("business-hours", "*/30 * * * *", "America/Sao_Paulo");
        business.queue = QStringLiteral("reports");
        business.schedule.window = {8 * 60, 19 * 60 + 59, 0x1F}; // Mon-Fri 08:00-19:59
        store->upsertJob(business, Seeder, now);
        JobDef hourly = intervalJob("hourly", HourMs);
        hourly.kind = QStringLiteral("sleep");
        hourly.payload = QByteArrayLiteral("{\"ms\":1}");
        hourly.schedule.timeZone = QStringLiteral("Asia/Kathmandu");
        store->upsertJob(hourly, Seeder, now);
        JobDef postponed = intervalJob("postponed", HalfHourMs);
        postponed.schedule.postponeUntil = postponeUntil;
        store->upsertJob(postponed, Seeder, now);
        JobDef paused = cronJob("paused", "* * * * *", "UTC");
        paused.schedule.paused = true;
        store->upsertJob(paused, Seeder, now);
        JobDef onDemand;
        onDemand.name = QStringLiteral("ad-hoc");
        onDemand.kind = QStringLiteral("noop");
        store->upsertJob(onDemand, Seeder, now);
    }

    const Preview p = preview(db, Hours);
    QVERIFY2(p.result.exitCode == 0, qPrintable(describe(p.result)));
    QVERIFY2(p.result.err.isEmpty(), p.result.err.constData());
    QVERIFY(!p.fires.isEmpty());

    const QStringList keys{QStringLiteral("at"),    QStringLiteral("job"),   QStringLiteral("kind"),
                           QStringLiteral("local"), QStringLiteral("queue"), QStringLiteral("time_zone")};
    qint64 previous = 0;
    for (const PreviewFire &fire : p.fires) {
        const QString text = QString::fromUtf8(QJsonDocument(fire.json).toJson(QJsonDocument::Compact));
        QVERIFY2(fire.json.keys() == keys, qPrintable(text));
        QVERIFY2(fire.at >= previous, qPrintable(text)); // in time order
        previous = fire.at;
        QVERIFY2(fire.at >= p.before - SecondMs && fire.at <= p.after + HorizonMs, qPrintable(text));
        // "local" is the same instant on the job's wall clock, with that zone's offset.
        const QDateTime local = QDateTime::fromString(fire.json.value(QLatin1String("local")).toString(), Qt::ISODate);
        QVERIFY2(local.isValid() && local.toMSecsSinceEpoch() == fire.at, qPrintable(text));
        const QTimeZone zone(fire.json.value(QLatin1String("time_zone")).toString().toUtf8());
        QVERIFY2(zone.isValid() && local.offsetFromUtc() == zone.offsetFromUtc(local), qPrintable(text));
        const QString job = fire.json.value(QLatin1String("job")).toString();
        QVERIFY2(job != QLatin1String("paused") && job != QLatin1String("ad-hoc"), qPrintable(text));
    }

    // The windowed cron job: São Paulo's :00 and :30 inside Mon-Fri 08:00-19:59, and only those.
    const QList<qint64> business = p.firesOf("business-hours");
    QVERIFY(!business.isEmpty());
    for (qint64 at : business)
        QVERIFY2(insideBusinessHours(at), qPrintable(formatList({at})));
    auto expectedBusiness = [](qint64 now) {
        QList<qint64> fires;
        for (qint64 at : grid(HalfHourMs, now, now + HorizonMs)) {
            if (insideBusinessHours(at))
                fires << at;
        }
        return fires;
    };
    QVERIFY2(matchesSomeInstant(business, p.before, p.after, expectedBusiness), qPrintable(formatList(business)));

    // The interval job: every whole hour of the horizon, shown on Kathmandu's clock (+05:45).
    const QList<qint64> hourly = p.firesOf("hourly");
    auto expectedHourly = [](qint64 now) { return grid(HourMs, now, now + HorizonMs); };
    QVERIFY2(matchesSomeInstant(hourly, p.before, p.after, expectedHourly), qPrintable(formatList(hourly)));
    QVERIFY(hourly.size() >= Hours);
    for (const PreviewFire &fire : p.fires) {
        if (fire.json.value(QLatin1String("job")).toString() != QLatin1String("hourly"))
            continue;
        QCOMPARE(fire.json.value(QLatin1String("time_zone")).toString(), QStringLiteral("Asia/Kathmandu"));
        QVERIFY(fire.json.value(QLatin1String("local")).toString().endsWith(QLatin1String(":45:00+05:45")));
        QCOMPARE(fire.json.value(QLatin1String("queue")).toString(), QStringLiteral("default"));
        QCOMPARE(fire.json.value(QLatin1String("kind")).toString(), QStringLiteral("sleep"));
    }
    for (const PreviewFire &fire : p.fires) {
        if (fire.json.value(QLatin1String("job")).toString() != QLatin1String("business-hours"))
            continue;
        QCOMPARE(fire.json.value(QLatin1String("time_zone")).toString(), QStringLiteral("America/Sao_Paulo"));
        QVERIFY(fire.json.value(QLatin1String("local")).toString().endsWith(QLatin1String("-03:00")));
        QCOMPARE(fire.json.value(QLatin1String("queue")).toString(), QStringLiteral("reports"));
        QCOMPARE(fire.json.value(QLatin1String("kind")).toString(), QStringLiteral("noop"));
    }

    // The postponed job: nothing before postpone_until, every half hour after it.
    const QList<qint64> postponed = p.firesOf("postponed");
    QVERIFY(!postponed.isEmpty());
    QVERIFY2(postponed.first() >= postponeUntil && postponed.first() < postponeUntil + HalfHourMs,
             qPrintable(formatList(postponed)));
    auto expectedPostponed = [postponeUntil](qint64 now) {
        return grid(HalfHourMs, std::max(now, postponeUntil), now + HorizonMs);
    };
    QVERIFY2(matchesSomeInstant(postponed, p.before, p.after, expectedPostponed), qPrintable(formatList(postponed)));

    QCOMPARE(qsizetype(p.fires.size()), business.size() + hourly.size() + postponed.size());

    // The table: a header, then one line per fire with the local time in the job's zone.
    const CliResult table = cli(db, QStringList{QStringLiteral("schedule"), QStringLiteral("preview"),
                                                QStringLiteral("--hours"), QString::number(Hours)});
    QVERIFY2(table.exitCode == 0, qPrintable(describe(table)));
    const QStringList rows = outputLines(table.out);
    QVERIFY2(rows.first().startsWith(QLatin1String("UTC ")) && rows.first().contains(QLatin1String("LOCAL")),
             qPrintable(rows.first()));
    QVERIFY2(qAbs(rows.size() - 1 - p.fires.size()) <= 3, table.out.constData()); // a fire may pass meanwhile
    QVERIFY(table.out.contains(" America/Sao_Paulo  business-hours  reports"));
    QVERIFY(!table.out.contains("paused"));
}

void TestScheduleCli::schedulePreviewHoursBoundsTheHorizon()
{
    TempDatabase db;
    {
        const std::unique_ptr<Store> store = db.open();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store->upsertJob(intervalJob("quarter-hourly", 15 * 60 * SecondMs), Seeder, now);
        store->upsertJob(cronJob("every-ten-minutes", "*/10 * * * *", "Asia/Kathmandu"), Seeder, now);
    }
    for (int hours : {1, 3, 24}) {
        const Preview p = preview(db, hours);
        QVERIFY2(p.result.exitCode == 0, qPrintable(describe(p.result)));
        const qint64 horizon = hours * HourMs;
        const QList<qint64> quarterly = p.firesOf("quarter-hourly");
        QVERIFY2(matchesSomeInstant(quarterly, p.before, p.after,
                                    [horizon](qint64 now) { return grid(15 * 60 * SecondMs, now, now + horizon); }),
                 qPrintable(formatList(quarterly)));
        // Kathmandu is +05:45, so its :00, :10, ... are :15, :25, ... in UTC: every ten minutes, five past.
        const QList<qint64> tenMinutes = p.firesOf("every-ten-minutes");
        QVERIFY2(matchesSomeInstant(
                     tenMinutes, p.before, p.after,
                     [horizon](qint64 now) { return grid(10 * 60 * SecondMs, now, now + horizon, 5 * 60 * SecondMs); }),
                 qPrintable(formatList(tenMinutes)));
        QCOMPARE(qsizetype(p.fires.size()), quarterly.size() + tenMinutes.size());
        QVERIFY(tenMinutes.size() >= hours * 6);
        QVERIFY(p.fires.last().at <= p.after + horizon);
    }
}

void TestScheduleCli::serveFiresOneSecondJobOncePerSecondOnAnchorGrid()
{
    TempDatabase db;
    const qint64 anchorAt = isoInstant("2024-01-01T00:00:00Z");
    qint64 jobId = 0;
    {
        const std::unique_ptr<Store> store = db.open();
        jobId = store->upsertJob(intervalJob("tick", SecondMs, anchorAt), Seeder, QDateTime::currentMSecsSinceEpoch());
    }
    QVERIFY(jobId > 0);

    EngineServer server(serveArgs(db, "solo"));
    QVERIFY(server.start());
    QTRY_VERIFY_WITH_TIMEOUT(succeededRunsOfJob(db, jobId) >= 3, 15000);
    QVERIFY(server.sendSignal(SIGTERM));
    QCOMPARE(server.waitForExit(30000), 0);

    const QJsonArray runs = runsOfJob(db, jobId);
    QVERIFY(runs.size() >= 3);
    const QList<qint64> fires = checkFireRuns(runs, jobId, anchorAt);
    QCOMPARE(fires.size(), runs.size());
    const QSet<qint64> distinct(fires.cbegin(), fires.cend());
    QCOMPARE(distinct.size(), fires.size());
    // One run per second from the first fire to the last: none missed, none twice.
    const qint64 first = *std::min_element(fires.cbegin(), fires.cend());
    const qint64 last = *std::max_element(fires.cbegin(), fires.cend());
    QCOMPARE((last - first) / SecondMs + 1, qint64(fires.size()));
    // The scheduler booked its progress on the job.
    const QJsonObject job = listedJob(db, "tick");
    QVERIFY(isoInstant(job.value(QLatin1String("next_fire_at")).toString()) > last);
    QCOMPARE(isoInstant(job.value(QLatin1String("last_fire_at")).toString()), last);
}

void TestScheduleCli::twoServersOnOneDatabaseEnqueueEachFireExactlyOnce()
{
    TempDatabase db;
    const qint64 anchorAt = isoInstant("2024-01-01T00:00:00Z");
    qint64 jobId = 0;
    {
        const std::unique_ptr<Store> store = db.open();
        jobId = store->upsertJob(intervalJob("tick", SecondMs, anchorAt), Seeder, QDateTime::currentMSecsSinceEpoch());
    }

    EngineServer a(serveArgs(db, "node-a"));
    EngineServer b(serveArgs(db, "node-b"));
    QVERIFY(a.start());
    QVERIFY(b.start());
    QTest::qWait(4000);
    // Under load the schedulers may have fired less: wait for a few fires, both nodes still up.
    QTRY_VERIFY_WITH_TIMEOUT(runsOfJob(db, jobId).size() >= 4, 15000);
    QVERIFY(a.isRunning());
    QVERIFY(b.isRunning());
    QVERIFY(a.sendSignal(SIGTERM));
    QVERIFY(b.sendSignal(SIGTERM));
    QCOMPARE(a.waitForExit(30000), 0);
    QCOMPARE(b.waitForExit(30000), 0);

    const QJsonArray runs = runsOfJob(db, jobId);
    const QList<qint64> fires = checkFireRuns(runs, jobId, anchorAt);
    QCOMPARE(fires.size(), runs.size());
    QSet<QString> keys;
    for (const QJsonValue &run : runs)
        keys.insert(run.toObject().value(QLatin1String("unique_key")).toString());
    const QSet<qint64> distinctFires(fires.cbegin(), fires.cend());
    QCOMPARE(keys.size(), runs.size());
    QCOMPARE(distinctFires.size(), runs.size());
    const qint64 first = *std::min_element(fires.cbegin(), fires.cend());
    const qint64 last = *std::max_element(fires.cbegin(), fires.cend());
    QCOMPARE((last - first) / SecondMs + 1, qint64(runs.size())); // every second between them, exactly once
}

QTEST_GUILESS_MAIN(TestScheduleCli)
#include "tst_schedulecli.moc"
