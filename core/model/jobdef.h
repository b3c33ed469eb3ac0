#pragma once

#include "engine/retrypolicy.h"
#include "model/run.h"

namespace vigia {

// A named, reusable definition of work; runs created from it inherit its settings and its retry policy.
struct JobDef {
    qint64 id = 0;
    QString name;
    QString queue = QStringLiteral("default");
    QString kind;
    QByteArray payload = QByteArrayLiteral("{}");
    Priority priority = Priority::Normal;
    int maxAttempts = 4;
    qint64 timeoutMs = 0;
    RetryPolicy retry;
};

} // namespace vigia
