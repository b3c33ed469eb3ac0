// `vigia-engine cron next` across DST changes and odd offsets, and `cron explain` in English and Brazilian
// Portuguese, through the real binary.
#include "testsupport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>

using namespace vigia;
using namespace vigia::test;

namespace {

constexpr qint64 SecondMs = 1'000;

// `cron VERB EXPRESSION OPTIONS...`: the expression stays one argument, spaces and all.
QStringList cronArgs(const char *verb, const char *expression, const char *options = "")
{
    return QStringList{QStringLiteral("cron"), QString::fromLatin1(verb), QString::fromUtf8(expression)} +
           words(options);
}

// The environment of this process with the locale chosen by LANG alone (LC_* and LANGUAGE would override it).
QProcessEnvironment localeEnvironment(const QString &lang)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList names = environment.keys();
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("LC_")) || name == QLatin1String("LANGUAGE"))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("LANG"), lang);
    return environment;
}

} // namespace

class TestCronCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void cronNextPrintsFireTimesInUtc_data();
    void cronNextPrintsFireTimesInUtc();
    void cronNextTakesExpressionAsOneArgumentOrFiveWords_data();
    void cronNextTakesExpressionAsOneArgumentOrFiveWords();
    void cronNextDefaultsToFiveFiresInUtc();
    void cronNextWithoutFromStartsAfterNow();
    void cronNextOfExpressionThatNeverFiresPrintsNothingAndSaysSo_data();
    void cronNextOfExpressionThatNeverFiresPrintsNothingAndSaysSo();
    void cronBadInputExitsTwoNamingFieldOrOption_data();
    void cronBadInputExitsTwoNamingFieldOrOption();

    void cronExplainSpeaksLanguageOfLangOptionOrEnvironment_data();
    void cronExplainSpeaksLanguageOfLangOptionOrEnvironment();
    void cronExplainRefusesLanguageWithoutTranslation_data();
    void cronExplainRefusesLanguageWithoutTranslation();
};

void TestCronCli::initTestCase()
{
    // TempDatabase migrates in this process; its progress messages would only bury the test output.
    QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false"));
    QVERIFY2(QFileInfo(engineBinary()).isExecutable(), qPrintable(engineBinary()));
}

void TestCronCli::cronNextPrintsFireTimesInUtc_data()
{
    // Every expected instant was worked out by hand and checked with `TZ=ZONE date -d @EPOCH`.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected");
    auto add = [](const char *name, const char *expression, const char *options,
                  std::initializer_list<const char *> fires) {
        QStringList expected;
        for (const char *fire : fires)
            expected << QString::fromLatin1(fire);
        QTest::newRow(name) << cronArgs("next", expression, options) << expected;
    };
    // New York 2024: 02:00 EST jumps to 03:00 EDT on March 10; 02:00 EDT falls back to 01:00 EST on November 3.
    add("New York spring forward: fixed time in the gap fires at 03:00 EDT", "30 2 * * *",
        "--tz America/New_York --from 2024-03-09T12:00:00Z --count 3",
        {"2024-03-10T07:00:00Z", "2024-03-11T06:30:00Z", "2024-03-12T06:30:00Z"});
    add("New York spring forward: hourly skips the missing 02:00", "0 * * * *",
        "--tz America/New_York --from 2024-03-10T05:30:00Z --count 3",
        {"2024-03-10T06:00:00Z", "2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z"});
    add("New York fall back: every 30 minutes fires in both passes", "*/30 * * * *",
        "--tz America/New_York --from 2024-11-03T04:50:00Z --count 5",
        {"2024-11-03T05:00:00Z", "2024-11-03T05:30:00Z", "2024-11-03T06:00:00Z", "2024-11-03T06:30:00Z",
         "2024-11-03T07:00:00Z"});
    add("New York fall back: fixed time in the repeated hour fires once", "30 1 * * *",
        "--tz America/New_York --from 2024-11-03T04:00:00Z --count 2",
        {"2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z"});
    add("Sao Paulo weekdays at nine, UTC-3 without DST", "0 9 * * MON-FRI",
        "--tz America/Sao_Paulo --from 2025-06-06T00:00:00Z --count 3",
        {"2025-06-06T12:00:00Z", "2025-06-09T12:00:00Z", "2025-06-10T12:00:00Z"});
    add("Sao Paulo summer 2025 has no DST", "0 9 * * *", "--tz America/Sao_Paulo --from 2025-01-15T00:00:00Z --count 1",
        {"2025-01-15T12:00:00Z"});
    add("Sao Paulo 2018: midnight skipped by DST fires at 01:00", "0 0 * * *",
        "--tz America/Sao_Paulo --from 2018-11-02T12:00:00Z --count 3",
        {"2018-11-03T03:00:00Z", "2018-11-04T03:00:00Z", "2018-11-05T02:00:00Z"});
    add("Kathmandu +05:45 fixed time", "0 9 * * *", "--tz Asia/Kathmandu --from 2024-06-01T00:00:00Z --count 2",
        {"2024-06-01T03:15:00Z", "2024-06-02T03:15:00Z"});
    add("Kathmandu +05:45 every 30 minutes", "*/30 * * * *",
        "--tz Asia/Kathmandu --from 2024-06-01T00:00:00Z --count 3",
        {"2024-06-01T00:15:00Z", "2024-06-01T00:45:00Z", "2024-06-01T01:15:00Z"});
    add("@daily across a leap day", "@daily", "--from 2024-02-28T10:00:00Z --count 3",
        {"2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z"});
    add("@hourly", "@hourly", "--from 2024-01-01T10:59:59Z --count 2",
        {"2024-01-01T11:00:00Z", "2024-01-01T12:00:00Z"});
    add("month and weekday names, lower case", "15 10 * jan,jul mon", "--from 2024-01-01T00:00:00Z --count 6",
        {"2024-01-01T10:15:00Z", "2024-01-08T10:15:00Z", "2024-01-15T10:15:00Z", "2024-01-22T10:15:00Z",
         "2024-01-29T10:15:00Z", "2024-07-01T10:15:00Z"});
    add("5-7 is Friday through Sunday", "0 6 * * 5-7", "--from 2024-06-03T00:00:00Z --count 4",
        {"2024-06-07T06:00:00Z", "2024-06-08T06:00:00Z", "2024-06-09T06:00:00Z", "2024-06-14T06:00:00Z"});
    add("FRI-SUN is Friday through Sunday", "0 6 * * FRI-SUN", "--from 2024-06-03T00:00:00Z --count 4",
        {"2024-06-07T06:00:00Z", "2024-06-08T06:00:00Z", "2024-06-09T06:00:00Z", "2024-06-14T06:00:00Z"});
    add("day of month or weekday (Vixie rule)", "0 0 13 * FRI", "--from 2024-09-01T00:00:00Z --count 3",
        {"2024-09-06T00:00:00Z", "2024-09-13T00:00:00Z", "2024-09-20T00:00:00Z"});
    add("leap day only", "0 0 29 2 *", "--from 2024-03-01T00:00:00Z --count 2",
        {"2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"});
    add("from is exclusive", "0 0 * * *", "--from 2024-01-01T00:00:00Z --count 1", {"2024-01-02T00:00:00Z"});
    add("from with an offset", "0 * * * *", "--from 2024-01-01T21:30:00-03:00 --count 1", {"2024-01-02T01:00:00Z"});
    add("from with milliseconds", "* * * * *", "--from 2024-01-01T00:00:59.999Z --count 1", {"2024-01-01T00:01:00Z"});
}

void TestCronCli::cronNextPrintsFireTimesInUtc()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    const CliResult result = runEngineCli(args);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QVERIFY(result.out.endsWith('\n'));
    QCOMPARE(outputLines(result.out), expected);
}

void TestCronCli::cronNextTakesExpressionAsOneArgumentOrFiveWords_data()
{
    QTest::addColumn<QString>("expression");
    for (const char *expression :
         {"*/15 9-17 * * MON-FRI", "0 0 1,15 * *", "30 2 * * *", "0 12 * JAN,JUL SUN", "0 6 * * 5-7"})
        QTest::newRow(expression) << QString::fromLatin1(expression);
}

void TestCronCli::cronNextTakesExpressionAsOneArgumentOrFiveWords()
{
    QFETCH(QString, expression);
    const QStringList options = words("--tz Europe/Lisbon --from 2024-03-30T00:00:00Z --count 6");
    const CliResult quoted =
        runEngineCli(QStringList{QStringLiteral("cron"), QStringLiteral("next"), expression} + options);
    const CliResult split =
        runEngineCli(QStringList{QStringLiteral("cron"), QStringLiteral("next")} + expression.split(u' ') + options);
    QVERIFY2(quoted.exitCode == 0, qPrintable(describe(quoted)));
    QVERIFY2(split.exitCode == 0, qPrintable(describe(split)));
    QCOMPARE(outputLines(quoted.out).size(), 6);
    QCOMPARE(split.out, quoted.out);

    const CliResult explainedQuoted = runEngineCli(QStringList{
        QStringLiteral("cron"), QStringLiteral("explain"), expression, QStringLiteral("--lang"), QStringLiteral("en")});
    const CliResult explainedSplit = runEngineCli(QStringList{QStringLiteral("cron"), QStringLiteral("explain")} +
                                                  expression.split(u' ') + words("--lang en"));
    QVERIFY2(explainedQuoted.exitCode == 0, qPrintable(describe(explainedQuoted)));
    QVERIFY(!explainedQuoted.out.trimmed().isEmpty());
    QCOMPARE(explainedSplit.out, explainedQuoted.out);
}

void TestCronCli::cronNextDefaultsToFiveFiresInUtc()
{
    const QStringList expected{QStringLiteral("2024-01-01T12:00:00Z"), QStringLiteral("2024-01-02T12:00:00Z"),
                               QStringLiteral("2024-01-03T12:00:00Z"), QStringLiteral("2024-01-04T12:00:00Z"),
                               QStringLiteral("2024-01-05T12:00:00Z")};
    const CliResult defaults = runEngineCli(cronArgs("next", "0 12 * * *", "--from 2024-01-01T00:00:00Z"));
    QVERIFY2(defaults.exitCode == 0, qPrintable(describe(defaults)));
    QCOMPARE(outputLines(defaults.out), expected);
    const CliResult explicitUtc =
        runEngineCli(cronArgs("next", "0 12 * * *", "--from 2024-01-01T00:00:00Z --tz UTC --count 5"));
    QCOMPARE(explicitUtc.out, defaults.out);
}

void TestCronCli::cronNextWithoutFromStartsAfterNow()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const CliResult result = runEngineCli(cronArgs("next", "* * * * *", "--count 3"));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const QStringList fires = outputLines(result.out);
    QCOMPARE(fires.size(), 3);
    static const QRegularExpression format(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z$"));
    for (const QString &fire : fires)
        QVERIFY2(format.match(fire).hasMatch(), qPrintable(fire));
    // The first fire is the first whole minute strictly after the command's own now, which lies in [before, after].
    const qint64 first = isoInstant(fires.at(0));
    QVERIFY2(first > before && first <= after + 60 * SecondMs, qPrintable(fires.at(0)));
    QCOMPARE(isoInstant(fires.at(1)) - first, 60 * SecondMs);
    QCOMPARE(isoInstant(fires.at(2)) - first, 120 * SecondMs);
}

void TestCronCli::cronNextOfExpressionThatNeverFiresPrintsNothingAndSaysSo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("February 30") << cronArgs("next", "0 0 30 2 *");
    QTest::newRow("31st of 30-day months") << cronArgs("next", "0 0 31 4,6,9,11 *", "--tz America/Sao_Paulo");
    QTest::newRow("February 31 as five words") << words("cron next 0 0 31 FEB * --count 3");
}

void TestCronCli::cronNextOfExpressionThatNeverFiresPrintsNothingAndSaysSo()
{
    QFETCH(QStringList, args);
    const CliResult result = runEngineCli(args);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY2(result.err.contains("never fires"), result.err.constData());
}

void TestCronCli::cronBadInputExitsTwoNamingFieldOrOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    auto add = [](const char *name, const QStringList &args, const char *message) {
        QTest::newRow(name) << args << QString::fromUtf8(message);
    };
    add("minute 61", cronArgs("next", "61 * * * *"), "minute: 61 is out of range 0-59");
    add("hour 24", cronArgs("next", "0 24 * * *"), "hour: 24 is out of range 0-23");
    add("day-of-month 32", cronArgs("next", "0 0 32 * *"), "day-of-month: 32 is out of range 1-31");
    add("day-of-month 0", cronArgs("next", "0 0 0 * *"), "day-of-month: 0 is out of range 1-31");
    add("month 13", cronArgs("next", "0 0 1 13 *"), "month: 13 is out of range 1-12");
    add("day-of-week 8", cronArgs("next", "0 0 * * 8"), "day-of-week: 8 is out of range 0-7");
    add("unknown month name", cronArgs("next", "0 0 * FOO *"), "month: unknown name \"FOO\"");
    add("unknown weekday name", cronArgs("next", "0 0 * * FUN"), "day-of-week: unknown name \"FUN\"");
    add("name in the minute field", cronArgs("next", "MON * * * *"), "minute: invalid value \"MON\"");
    add("too few fields", cronArgs("next", "0 0 * *"), "expected 5 fields, got 4");
    add("too many fields quoted", cronArgs("next", "0 0 * * * *"), "expected 5 fields, got 6");
    add("too many fields as words", words("cron next 0 0 * * * *"), "unexpected argument \"*\"");
    add("step 0", cronArgs("next", "*/0 * * * *"), "minute: step 0 is out of range 1-60");
    add("backwards range", cronArgs("next", "0 0 * * 5-1"), "day-of-week: range 5-1 is backwards");
    add("empty list element", cronArgs("next", "0 0 1,,2 * *"), "day-of-month: empty list element");
    add("unknown macro", cronArgs("next", "@fortnightly"), "unknown macro \"@fortnightly\"");
    add("empty expression", cronArgs("next", ""), "expression is empty");
    add("no expression", words("cron next"), "missing arguments");
    add("explain invalid expression", cronArgs("explain", "0 0 32 * *", "--lang en"),
        "day-of-month: 32 is out of range 1-31");
    add("unknown time zone", cronArgs("next", "0 0 * * *", "--tz Mars/Olympus"), "unknown time zone \"Mars/Olympus\"");
    add("from not a date", cronArgs("next", "0 0 * * *", "--from yesterday"),
        "--from: \"yesterday\" is not an ISO 8601");
    add("from impossible date", cronArgs("next", "0 0 * * *", "--from 2024-02-30T00:00:00Z"),
        "--from: \"2024-02-30T00:00:00Z\" is not an ISO 8601");
    add("count 0", cronArgs("next", "0 0 * * *", "--count 0"), "--count: \"0\"");
    add("count negative", cronArgs("next", "0 0 * * *", "--count -3"), "--count: \"-3\"");
    add("count not a number", cronArgs("next", "0 0 * * *", "--count five"), "--count: \"five\"");
    add("unknown option", cronArgs("next", "0 0 * * *", "--zone UTC"), "Unknown option 'zone'");
    add("unknown cron subverb", words("cron last 0 0 * * *"), "expected next or explain, not \"last\"");
}

void TestCronCli::cronBadInputExitsTwoNamingFieldOrOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult result = runEngineCli(args);
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY2(result.err.startsWith("vigia-engine: "), result.err.constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
}

void TestCronCli::cronExplainSpeaksLanguageOfLangOptionOrEnvironment_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("lang"); // the LANG environment variable of the command
    QTest::addColumn<QString>("sentence");
    auto add = [](const char *name, const char *expression, const char *options, const char *lang,
                  const char *sentence) {
        QTest::newRow(name) << cronArgs("explain", expression, options) << QString::fromLatin1(lang)
                            << QString::fromUtf8(sentence);
    };
    const char *const english = "en_US.UTF-8";
    const char *const brazilian = "pt_BR.UTF-8";
    add("English by default: every 5 minutes", "*/5 8-19 * * *", "", english,
        "every 5 minutes, between 08:00 and 19:59");
    add("English by default: weekdays", "0 9 * * MON-FRI", "", english, "at 09:00, Monday through Friday");
    add("C locale is English", "0 0 * * 5-7", "", "C.UTF-8", "at 00:00, Friday through Sunday");
    add("--lang en: every 5 minutes", "*/5 8-19 * * *", "--lang en", english,
        "every 5 minutes, between 08:00 and 19:59");
    add("--lang en: @daily", "@daily", "--lang en", english, "at 00:00");
    add("--lang en: never fires", "0 0 30 2 *", "--lang en", english,
        "at 00:00, on day 30 of the month, in February (never fires)");
    add("--lang en wins over LANG pt_BR", "0 0 * * SAT,SUN", "--lang en", brazilian,
        "at 00:00, on Saturdays and Sundays");
    add("--lang pt_BR: every 5 minutes", "*/5 8-19 * * *", "--lang pt_BR", english,
        "a cada 5 minutos, entre 08:00 e 19:59");
    add("--lang pt_BR: weekdays", "0 9 * * MON-FRI", "--lang pt_BR", english,
        "às 09:00, de segunda-feira a sexta-feira");
    add("--lang pt_BR: never fires", "0 0 30 2 *", "--lang pt_BR", english,
        "às 00:00, no dia 30 do mês, em fevereiro (nunca dispara)");
    add("LANG pt_BR: every 5 minutes", "*/5 8-19 * * *", "", brazilian, "a cada 5 minutos, entre 08:00 e 19:59");
    add("LANG pt_BR: weekends", "0 0 * * SAT,SUN", "", brazilian, "às 00:00, aos sábados e aos domingos");
    add("LANG pt_BR: months", "0 0 1 1-3 *", "", brazilian, "às 00:00, no dia 1 do mês, de janeiro a março");
}

void TestCronCli::cronExplainSpeaksLanguageOfLangOptionOrEnvironment()
{
    QFETCH(QStringList, args);
    QFETCH(QString, lang);
    QFETCH(QString, sentence);
    const CliResult result = runEngineCliWithEnvironment(args, localeEnvironment(lang));
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QCOMPARE(QString::fromUtf8(result.out), sentence + u'\n');
}

void TestCronCli::cronExplainRefusesLanguageWithoutTranslation_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("xx_YY (no such language)") << QStringLiteral("xx_YY");
    QTest::newRow("fr (a language without translation)") << QStringLiteral("fr");
    QTest::newRow("de_DE") << QStringLiteral("de_DE");
}

void TestCronCli::cronExplainRefusesLanguageWithoutTranslation()
{
    QFETCH(QString, language);
    const CliResult result =
        runEngineCliWithEnvironment(cronArgs("explain", "*/5 8-19 * * *") << QStringLiteral("--lang") << language,
                                    localeEnvironment(QStringLiteral("en_US.UTF-8")));
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    const QByteArray message = QByteArray("--lang: no translation for \"") + language.toUtf8() + QByteArray("\"");
    QVERIFY2(result.err.contains(message), result.err.constData());
}

QTEST_GUILESS_MAIN(TestCronCli)
#include "tst_croncli.moc"
