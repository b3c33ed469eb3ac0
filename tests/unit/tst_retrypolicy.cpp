// Backoff values and jitter bounds of RetryPolicy: min(max, base * factor^(attempt-1)), then jittered.
#include "engine/retrypolicy.h"

#include <QRandomGenerator>
#include <QTest>

using vigia::RetryPolicy;

class TestRetryPolicy : public QObject {
    Q_OBJECT

private slots:
    void exponentialDelay_data();
    void exponentialDelay();
    void jitterStaysWithinBounds_data();
    void jitterStaysWithinBounds();
    void fullJitterSpreadsOverTheWholeRange();
    void defaultsFollowDesign();
    void jitterNamesRoundTrip();
};

void TestRetryPolicy::exponentialDelay_data()
{
    QTest::addColumn<qint64>("base");
    QTest::addColumn<double>("factor");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("expected");
    const qint64 base = 60'000;
    const qint64 max = 3'600'000;
    QTest::newRow("defaults, attempt 1") << base << 2.0 << max << 1 << qint64(60'000);
    QTest::newRow("defaults, attempt 2") << base << 2.0 << max << 2 << qint64(120'000);
    QTest::newRow("defaults, attempt 3") << base << 2.0 << max << 3 << qint64(240'000);
    QTest::newRow("defaults, attempt 6") << base << 2.0 << max << 6 << qint64(1'920'000);
    QTest::newRow("defaults, attempt 7 capped") << base << 2.0 << max << 7 << max;
    QTest::newRow("defaults, attempt 1000 capped, no overflow") << base << 2.0 << max << 1000 << max;
    QTest::newRow("attempt 0 treated as first") << base << 2.0 << max << 0 << base;
    QTest::newRow("factor 1 is constant") << qint64(5'000) << 1.0 << max << 9 << qint64(5'000);
    QTest::newRow("factor 3") << qint64(1'000) << 3.0 << max << 4 << qint64(27'000);
    QTest::newRow("fractional factor") << qint64(1'000) << 1.5 << max << 3 << qint64(2'250);
    QTest::newRow("factor below 1 never shrinks") << qint64(1'000) << 0.5 << max << 5 << qint64(1'000);
    QTest::newRow("base above max") << qint64(10'000) << 2.0 << qint64(5'000) << 1 << qint64(5'000);
    QTest::newRow("zero base") << qint64(0) << 2.0 << max << 5 << qint64(0);
}

void TestRetryPolicy::exponentialDelay()
{
    QFETCH(qint64, base);
    QFETCH(double, factor);
    QFETCH(qint64, max);
    QFETCH(int, attempt);
    QFETCH(qint64, expected);
    RetryPolicy policy;
    policy.baseMs = base;
    policy.factor = factor;
    policy.maxMs = max;
    QCOMPARE(policy.exponentialDelayMs(attempt), expected);
    policy.jitter = RetryPolicy::Jitter::None;
    QRandomGenerator random(1);
    QCOMPARE(policy.delayMs(attempt, random), expected);
}

void TestRetryPolicy::jitterStaysWithinBounds_data()
{
    QTest::addColumn<RetryPolicy::Jitter>("jitter");
    QTest::addColumn<int>("attempt");
    for (int attempt : {1, 2, 5, 10}) {
        QTest::addRow("full, attempt %d", attempt) << RetryPolicy::Jitter::Full << attempt;
        QTest::addRow("equal, attempt %d", attempt) << RetryPolicy::Jitter::Equal << attempt;
    }
}

void TestRetryPolicy::jitterStaysWithinBounds()
{
    QFETCH(RetryPolicy::Jitter, jitter);
    QFETCH(int, attempt);
    RetryPolicy policy;
    policy.jitter = jitter;
    const qint64 ceiling = policy.exponentialDelayMs(attempt);
    const qint64 floor = jitter == RetryPolicy::Jitter::Equal ? ceiling / 2 : 0;
    QRandomGenerator random(7);
    for (int i = 0; i < 5000; ++i) {
        const qint64 delay = policy.delayMs(attempt, random);
        QVERIFY2(delay >= floor && delay <= ceiling,
                 qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(delay).arg(floor).arg(ceiling)));
    }
}

void TestRetryPolicy::fullJitterSpreadsOverTheWholeRange()
{
    RetryPolicy policy; // full jitter over [0, 60 s] for the first retry
    QRandomGenerator random(3);
    qint64 lowest = policy.baseMs;
    qint64 highest = 0;
    for (int i = 0; i < 5000; ++i) {
        const qint64 delay = policy.delayMs(1, random);
        lowest = std::min(lowest, delay);
        highest = std::max(highest, delay);
    }
    QVERIFY(lowest < policy.baseMs / 20);
    QVERIFY(highest > policy.baseMs * 19 / 20);
}

void TestRetryPolicy::defaultsFollowDesign()
{
    const RetryPolicy policy;
    QCOMPARE(policy.baseMs, 60'000);
    QCOMPARE(policy.factor, 2.0);
    QCOMPARE(policy.maxMs, 3'600'000);
    QCOMPARE(policy.jitter, RetryPolicy::Jitter::Full);
}

void TestRetryPolicy::jitterNamesRoundTrip()
{
    for (auto jitter : {RetryPolicy::Jitter::None, RetryPolicy::Jitter::Full, RetryPolicy::Jitter::Equal})
        QCOMPARE(RetryPolicy::jitterFromName(RetryPolicy::jitterName(jitter)), jitter);
    QVERIFY(!RetryPolicy::jitterFromName(QStringLiteral("fuzzy")));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
