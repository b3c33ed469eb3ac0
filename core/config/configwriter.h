#pragma once

#include "model/declarations.h"

#include <QByteArray>

namespace vigia {

// Writes declarations in the jobs-as-code format (see configparser.cpp) so that ConfigParser reads them back to the
// same declarations: `export` then `apply` changes nothing. Every list keeps the given order; fields at their
// defaults are left out.
class ConfigWriter {
public:
    static QByteArray write(const Declarations &declarations);
};

} // namespace vigia
