#pragma once

// Small builders shared by the store suites that run against every backend (see storefixture.h).
#include "store/store.h"

namespace vigia::test {

inline const Actor Operator{QStringLiteral("tester")};
constexpr qint64 T0 = 1'700'000'000'000;

inline NewRun newRun(const QString &kind = QStringLiteral("noop"), const QString &queue = QStringLiteral("default"))
{
    NewRun run;
    run.kind = kind;
    run.queue = queue;
    return run;
}

inline Completion completionFor(const Run &run, const QString &node, RunState state, qint64 at)
{
    Completion c;
    c.runId = run.id;
    c.attempt = run.attempt;
    c.node = node;
    c.newState = state;
    c.outcome = state == RunState::Succeeded ? QStringLiteral("succeeded") : QStringLiteral("failed");
    c.startedAt = run.startedAt;
    c.finishedAt = at;
    return c;
}

inline ClaimRequest claimFor(const QString &node, int maxRuns, qint64 now, qint64 leaseMs = 30'000)
{
    return ClaimRequest{node, maxRuns, now, now + leaseMs};
}

// Claims exactly one run (a test that expects one and gets another count is broken: abort).
inline Run claimOne(Store &store, const QString &node = QStringLiteral("n1"), qint64 now = T0)
{
    const ExchangeResult r = store.exchange({}, claimFor(node, 1, now));
    if (r.claimed.size() != 1)
        qFatal("expected to claim one run");
    return r.claimed.constFirst();
}

} // namespace vigia::test
