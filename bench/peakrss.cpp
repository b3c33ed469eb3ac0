#include "peakrss.h"

#include <sys/resource.h>

namespace vigia::bench {

double peakRssMb()
{
    struct rusage usage {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return double(usage.ru_maxrss) / 1024.0;
}

} // namespace vigia::bench
