#pragma once

namespace vigia::bench {

// The process's peak resident set size so far, in MiB (getrusage; Linux reports kilobytes).
double peakRssMb();

} // namespace vigia::bench
