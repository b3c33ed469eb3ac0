#pragma once

#include "engine/retrypolicy.h"
#include "model/run.h"
#include "model/schedule.h"

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
    Schedule schedule;
    qint64 nextFireAt = 0; // the fire the scheduler waits for; 0 until computed
    qint64 lastFireAt = 0;

    // A run of this job: its settings, its id for the retry policy.
    NewRun newRun() const;
};

} // namespace vigia
