#pragma once

#include <QByteArray>
#include <QMap>

namespace vigia {

// Run durations counted in fixed log-scale buckets (8 per doubling, so a percentile read from it is within ~5% of
// the true value), mergeable by adding counts: run rollups keep one per minute and a period's percentiles come from
// merging them. Bucket 0 holds 0 ms; bucket i > 0 holds [2^((i-1)/8), 2^(i/8)) ms.
class DurationHistogram {
public:
    static constexpr int BucketsPerDoubling = 8;
    static constexpr int MaxBucket = 8 * 48; // ~8,900 years: every duration fits

    static int bucketOf(qint64 durationMs);
    // A duration that stands for bucket `index`: the geometric middle of its bounds.
    static qint64 representative(int index);

    void add(qint64 durationMs, qint64 count = 1);
    void merge(const DurationHistogram &other);
    qint64 count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    // The duration below which a fraction `q` (0..1] of the counted durations fall, 0 when empty. `maxMs` (the exact
    // longest duration, when known) caps the estimate and is the answer when `q` reaches the longest one.
    qint64 percentile(double q, qint64 maxMs = 0) const;

    // Compact text for the database: "bucket:count" pairs by bucket, comma separated ("7:12,9:3").
    QByteArray encode() const;
    // The inverse of encode(); malformed pairs are skipped.
    static DurationHistogram decode(const QByteArray &text);

    bool operator==(const DurationHistogram &other) const { return m_buckets == other.m_buckets; }

private:
    QMap<int, qint64> m_buckets;
    qint64 m_count = 0;
};

} // namespace vigia
