#include "model/durationhistogram.h"

#include <QList>

#include <algorithm>
#include <cmath>

namespace vigia {

int DurationHistogram::bucketOf(qint64 durationMs)
{
    if (durationMs <= 0)
        return 0;
    const int index = int(std::floor(std::log2(double(durationMs)) * BucketsPerDoubling)) + 1;
    return std::clamp(index, 1, MaxBucket);
}

qint64 DurationHistogram::representative(int index)
{
    if (index <= 0)
        return 0;
    // Middle of [2^((i-1)/8), 2^(i/8)) on the log scale.
    return qint64(std::llround(std::exp2((double(index) - 0.5) / BucketsPerDoubling)));
}

void DurationHistogram::add(qint64 durationMs, qint64 count)
{
    if (count <= 0)
        return;
    m_buckets[bucketOf(durationMs)] += count;
    m_count += count;
}

void DurationHistogram::merge(const DurationHistogram &other)
{
    for (auto it = other.m_buckets.cbegin(); it != other.m_buckets.cend(); ++it)
        m_buckets[it.key()] += it.value();
    m_count += other.m_count;
}

qint64 DurationHistogram::percentile(double q, qint64 maxMs) const
{
    if (m_count == 0)
        return 0;
    const qint64 rank = std::clamp<qint64>(qint64(std::ceil(q * double(m_count))), 1, m_count);
    if (rank == m_count && maxMs > 0)
        return maxMs; // the longest one is known exactly (a single run's p99 is its duration)
    qint64 seen = 0;
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
        seen += it.value();
        if (seen >= rank) {
            const qint64 value = representative(it.key());
            return maxMs > 0 ? std::min(value, maxMs) : value;
        }
    }
    return maxMs;
}

QByteArray DurationHistogram::encode() const
{
    QByteArray text;
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
        if (!text.isEmpty())
            text += ',';
        text += QByteArray::number(it.key()) + ':' + QByteArray::number(it.value());
    }
    return text;
}

DurationHistogram DurationHistogram::decode(const QByteArray &text)
{
    DurationHistogram histogram;
    for (const QByteArray &pair : text.split(',')) {
        const qsizetype colon = pair.indexOf(':');
        if (colon <= 0)
            continue;
        bool indexOk = false;
        bool countOk = false;
        const int index = pair.left(colon).toInt(&indexOk);
        const qint64 count = pair.mid(colon + 1).toLongLong(&countOk);
        if (!indexOk || !countOk || index < 0 || index > MaxBucket || count <= 0)
            continue;
        histogram.m_buckets[index] += count;
        histogram.m_count += count;
    }
    return histogram;
}

} // namespace vigia
