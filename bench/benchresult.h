#pragma once

#include <QString>

#include <optional>

namespace vigia::bench {

// What one scenario measured; bench_main turns it into the JSON line.
struct BenchResult {
    bool ok = false;
    QString error;        // when !ok: what went wrong, for stderr
    qint64 jobs = 0;      // runs the timed part handled
    double seconds = 0;   // the timed part only
    double peakRssMb = 0; // sampled when the timed part ended (before any verification)
    std::optional<double> p50Ms;
    std::optional<double> p99Ms;

    static BenchResult failure(QString message)
    {
        BenchResult result;
        result.error = std::move(message);
        return result;
    }
};

} // namespace vigia::bench
