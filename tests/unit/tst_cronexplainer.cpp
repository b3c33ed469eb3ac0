#include "schedule/cronexplainer.h"
#include "schedule/cronexpression.h"
#include "util/translations.h"

#include <QCoreApplication>
#include <QTest>

using vigia::CronExplainer;
using vigia::CronExpression;

namespace {

QString explain(const QString &text)
{
    const std::optional<CronExpression> e = CronExpression::parse(text);
    return e ? CronExplainer::explain(*e) : QStringLiteral("<parse error>");
}

} // namespace

class TestCronExplainer : public QObject {
    Q_OBJECT

private slots:
    void describesExpressionInEnglish_data();
    void describesExpressionInEnglish();
    void invalidExpressionSaysSo();
    void describesExpressionInBrazilianPortuguese_data();
    void describesExpressionInBrazilianPortuguese();
};

void TestCronExplainer::describesExpressionInEnglish_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("sentence");
    const char *const rows[][2] = {
        {"*/5 8-19 * * *", "every 5 minutes, between 08:00 and 19:59"},
        {"0 9 * * MON-FRI", "at 09:00, Monday through Friday"},
        {"@daily", "at 00:00"},
        {"30 2 1 * *", "at 02:30, on day 1 of the month"},
        {"0 */2 * * *", "every 2 hours"},
        {"15 14 1 JAN *", "at 14:15, on day 1 of the month, in January"},
        {"* * * * *", "every minute"},
        {"@hourly", "every hour"},
        {"30 * * * *", "every hour, at minute 30"},
        {"30 */2 * * *", "every 2 hours, at minute 30"},
        {"0 1/2 * * *", "every 2 hours, starting at 01:00"},
        {"0 8-17 * * *", "every hour from 08:00 to 17:00"},
        {"30 9-21/3 * * *", "every 3 hours from 09:30 to 21:30"},
        {"0 0,12 * * *", "at 00:00 and 12:00"},
        {"0,30 9,17 * * *", "at 09:00, 09:30, 17:00 and 17:30"},
        {"0 1,5,11,13,20 * * *", "at 01:00, 05:00, 11:00, 13:00 and 20:00"},
        {"*/15 * * * *", "every 15 minutes"},
        {"0,20,40 * * * *", "every 20 minutes"},
        {"5/15 * * * *", "every 15 minutes, starting at minute 5"},
        {"*/7 * * * *", "at minutes 0, 7, 14, 21, 28, 35, 42, 49 and 56 past the hour"},
        {"0-10 * * * *", "at minutes 0-10 past the hour"},
        {"0-10,30,45-47 */6 * * *", "at minutes 0-10, 30 and 45-47 past the hour, during hours 00, 06, 12 and 18"},
        {"* 8 * * *", "every minute, between 08:00 and 08:59"},
        {"*/10 8,12,17 * * *", "every 10 minutes, during hours 08, 12 and 17"},
        {"*/10 8-10,17 * * *", "every 10 minutes, during hours 08-10 and 17"},
        {"0 0 1,15 * *", "at 00:00, on days 1 and 15 of the month"},
        {"0 0 1-10 * *", "at 00:00, on days 1-10 of the month"},
        {"0 0 * * 5-7", "at 00:00, Friday through Sunday"},
        {"0 0 * * SUN-SAT", "at 00:00"},
        {"0 0 * * SAT,SUN", "at 00:00, on Saturdays and Sundays"},
        {"0 0 * * 1,3,5", "at 00:00, on Mondays, Wednesdays and Fridays"},
        {"@weekly", "at 00:00, on Sundays"},
        {"0 0 13 * 5", "at 00:00, on day 13 of the month or on Fridays"},
        {"0 0 1 * MON-FRI", "at 00:00, on day 1 of the month or Monday through Friday"},
        {"0 0 */10 * MON", "at 00:00, on days 1, 11, 21 and 31 of the month, but only on Mondays"},
        {"0 0 1 * 0-6", "at 00:00"},
        {"0 0 1 1-3 *", "at 00:00, on day 1 of the month, from January through March"},
        {"0 0 1 1,4,7,10 *", "at 00:00, on day 1 of the month, in January, April, July and October"},
        {"0 0 1 JUN,JUL *", "at 00:00, on day 1 of the month, in June and July"},
        {"0 12 * DEC SUN", "at 12:00, on Sundays, in December"},
        {"@yearly", "at 00:00, on day 1 of the month, in January"},
        {"@monthly", "at 00:00, on day 1 of the month"},
        {"0 0 30 2 *", "at 00:00, on day 30 of the month, in February (never fires)"},
    };
    for (const auto &row : rows)
        QTest::newRow(row[0]) << QString::fromLatin1(row[0]) << QString::fromLatin1(row[1]);
}

void TestCronExplainer::describesExpressionInEnglish()
{
    QFETCH(QString, expression);
    QFETCH(QString, sentence);
    QCOMPARE(explain(expression), sentence);
}

void TestCronExplainer::invalidExpressionSaysSo()
{
    QCOMPARE(CronExplainer::explain(CronExpression()), QStringLiteral("not a valid cron expression"));
}

void TestCronExplainer::describesExpressionInBrazilianPortuguese_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("sentence");
    const char *const rows[][2] = {
        {"*/5 8-19 * * *", "a cada 5 minutos, entre 08:00 e 19:59"},
        {"0 9 * * MON-FRI", "às 09:00, de segunda-feira a sexta-feira"},
        {"@daily", "às 00:00"},
        {"30 2 1 * *", "às 02:30, no dia 1 do mês"},
        {"0 */2 * * *", "a cada 2 horas"},
        {"15 14 1 JAN *", "às 14:15, no dia 1 do mês, em janeiro"},
        {"* * * * *", "a cada minuto"},
        {"@hourly", "a cada hora"},
        {"30 */2 * * *", "a cada 2 horas, no minuto 30"},
        {"0 8-17 * * *", "a cada hora, das 08:00 às 17:00"},
        {"0 0,12 * * *", "às 00:00 e 12:00"},
        {"5/15 * * * *", "a cada 15 minutos, a partir do minuto 5"},
        {"0-10 * * * *", "nos minutos 0 a 10 de cada hora"},
        {"0 0 1,15 * *", "às 00:00, nos dias 1 e 15 do mês"},
        {"0 0 * * SAT,SUN", "às 00:00, aos sábados e aos domingos"},
        {"0 0 * * 1,3,5", "às 00:00, às segundas-feiras, às quartas-feiras e às sextas-feiras"},
        {"0 0 13 * 5", "às 00:00, no dia 13 do mês ou às sextas-feiras"},
        {"0 0 */10 * MON", "às 00:00, nos dias 1, 11, 21 e 31 do mês, mas somente às segundas-feiras"},
        {"0 0 1 1-3 *", "às 00:00, no dia 1 do mês, de janeiro a março"},
        {"0 0 1 3,12 *", "às 00:00, no dia 1 do mês, em março e dezembro"},
        {"*/10 8,12,17 * * *", "a cada 10 minutos, durante as horas 08, 12 e 17"},
        {"0 0 30 2 *", "às 00:00, no dia 30 do mês, em fevereiro (nunca dispara)"},
    };
    for (const auto &row : rows)
        QTest::newRow(row[0]) << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
}

void TestCronExplainer::describesExpressionInBrazilianPortuguese()
{
    QFETCH(QString, expression);
    QFETCH(QString, sentence);
    // The real translation, as built from translations/vigia_pt_BR.ts and embedded in vigia-core.
    QVERIFY(vigia::installTranslations(QStringLiteral("pt_BR")));
    const QString actual = explain(expression);
    vigia::installTranslations(QStringLiteral("en"));
    QCOMPARE(actual, sentence);
}

QTEST_GUILESS_MAIN(TestCronExplainer)
#include "tst_cronexplainer.moc"
