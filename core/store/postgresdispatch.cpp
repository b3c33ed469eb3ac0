// PostgresStore: the dispatcher's hot path. One exchange is two transactions that run at the same time on two
// connections, so that the server works on both with two backends: all completions in one statement (attempt rows
// included) on one; on the other, one call of the claim function (migration 9: promotion, a lock on each queue that
// has room, and a claim per queue).
//
// Every statement that picks rows by a subquery updates them through `id = ANY (ARRAY(subquery))` rather than a join:
// the planner cannot know how many rows a LIMIT or an unnest yields, and with a backlog it estimated thousands and
// joined the whole runs table by a sequential scan (half a second for a claim of five); the array form always reads
// the rows through the primary key.
#include "store/postgresstore.h"

#include "store/postgressession.h"
#include "util/logging.h"

#include <algorithm>
#include <future>

namespace vigia {

namespace {
// One statement for all completions of a pass. Its input comes sorted by run id, so that two transactions finishing
// overlapping runs (a node and the rescuer, say) mostly take the rows in the same order and wait for each other; the
// order is the plan's, not promised, so writeCompletions() writes a batch again when the server picked it as a deadlock
// victim. (Locking the rows in a CTE first made the order certain, and cost a lock record per run in the WAL: 4% of the
// throughput.) The guard makes a run final once: it must still be running under this node's lease, or (for a rescue)
// its lease must have expired. It is written as a CASE, the state test included, so that the planner can neither use it
// as an index condition nor size the join from it: as a plain `lease_owner = c.node` it read every running run of the
// node for each completion (half a second for 1,000), and from `state = 'running'` it took its estimate of running
// runs, which statistics taken during a big enqueue put at one; the primary key finds each row directly (see also
// writeCompletions()). Attempt rows are written for the completions that passed the guard, straight from the UPDATE's
// RETURNING (a join back to the input would be a nested loop over both), except a successful last attempt, which stays
// on the run row (record_attempt 2, Completion::attemptOnRunRow()).
const char *const CompleteSql =
    "WITH c AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], "
    "$7::text[], $8::bigint[], $9::integer[], $10::integer[], $11::integer[], $12::text[], $13::integer[], "
    "$14::text[], $15::bigint[], $16::integer[]) WITH ORDINALITY AS c (id, state, final_at, finished_at, duration_ms, "
    "result, error, next_run_at, refund, rescued, guard, node, record_attempt, outcome, started_at, attempt, ord)), "
    "done AS (UPDATE runs SET state = c.state, finished_at = c.final_at, duration_ms = c.duration_ms, "
    "finished_seq = CASE WHEN c.final_at IS NOT NULL THEN pg_current_xact_id()::text::bigint END, "
    "result = c.result, error = c.error, "
    "scheduled_at = CASE WHEN c.next_run_at > 0 THEN c.next_run_at ELSE runs.scheduled_at END, "
    "attempt = runs.attempt - c.refund, rescue_count = runs.rescue_count + c.rescued, lease_owner = NULL, "
    "lease_expires_at = NULL, cancel_requested = false, "
    "started_at = CASE WHEN c.record_attempt = 2 THEN c.started_at ELSE runs.started_at END, "
    "final_attempt_node = CASE WHEN c.record_attempt = 2 THEN c.node END FROM c "
    "WHERE runs.id = ANY ($1::bigint[]) AND runs.id = c.id AND "
    "CASE c.guard WHEN 0 THEN runs.state = 'running' AND runs.lease_owner = c.node "
    "ELSE runs.state = 'running' AND runs.lease_expires_at < c.finished_at END "
    "RETURNING runs.id, c.attempt, c.node, c.started_at, c.finished_at, c.outcome, c.error, c.record_attempt, "
    "c.ord), "
    "recorded AS (INSERT INTO attempts (run_id, attempt, node, started_at, finished_at, outcome, error) "
    "SELECT id, attempt, node, started_at, finished_at, outcome, error FROM done WHERE record_attempt = 1 "
    "ORDER BY ord) "
    "SELECT id FROM done ORDER BY ord";

// Tries of one batch of completions that the server rolled back for a deadlock or a serialization failure.
constexpr int MaxCompletionAttempts = 5;

} // namespace

QVector<qint64> PostgresStore::applyCompletions(pqxx::transaction_base &tx, PostgresSession &session,
                                                const QVector<Completion> &completions)
{
    PgArray id, state, finalAt, finishedAt, durationMs, result, error, nextRunAt, refund, rescued, guard, node,
        recordAttempt, outcome, startedAt, attempt;
    QVector<const Completion *> byRunId;
    byRunId.reserve(completions.size());
    for (const Completion &c : completions)
        byRunId.append(&c);
    std::sort(byRunId.begin(), byRunId.end(),
              [](const Completion *a, const Completion *b) { return a->runId < b->runId; });
    for (const Completion *each : std::as_const(byRunId)) {
        const Completion &c = *each;
        id.add(c.runId);
        state.add(runStateName(c.newState));
        if (isFinal(c.newState))
            finalAt.add(c.finishedAt);
        else
            finalAt.addNull();
        finishedAt.add(c.finishedAt);
        durationMs.add(c.finishedAt - c.startedAt);
        result.addNullable(c.result);
        error.addNullable(c.error.left(Attempt::MaxErrorLength));
        nextRunAt.add(c.nextRunAt);
        refund.add(c.refundAttempt ? 1 : 0);
        rescued.add(c.rescued ? 1 : 0);
        guard.add(c.guard == Completion::Guard::Lease ? 0 : 1);
        node.add(c.node);
        recordAttempt.add(c.attemptOnRunRow() ? 2 : c.recordAttempt ? 1 : 0); // 2: on the run row
        outcome.add(c.outcome);
        startedAt.add(c.startedAt);
        attempt.add(c.attempt);
    }
    const pqxx::result rows = tx.exec_prepared(
        session.prepared("vigia_complete", CompleteSql), id.str(), state.str(), finalAt.str(), finishedAt.str(),
        durationMs.str(), result.str(), error.str(), nextRunAt.str(), refund.str(), rescued.str(), guard.str(),
        node.str(), recordAttempt.str(), outcome.str(), startedAt.str(), attempt.str());
    QVector<qint64> applied;
    applied.reserve(rows.size());
    for (const pqxx::row &row : rows)
        applied.append(qtInt(row[0]));
    return applied;
}

QVector<qint64> PostgresStore::writeCompletions(const QVector<Completion> &completions)
{
    try {
        if (!m_completionSession || !m_completionSession->connection.is_open()) {
            m_completionSession = openSession();
            // This connection runs only CompleteSql. Statistics taken while few runs were running make the planner
            // expect one row where a batch has a thousand, and put the input's unnest inside a nested loop, unnesting
            // it again for every run: a second per batch of 1,000 (auto_explain, 150,000-run bench). Hashing or
            // merging the input is linear whatever the estimates say.
            pqxx::nontransaction(m_completionSession->connection).exec("SET enable_nestloop = off");
        }
        // A deadlock or serialization failure rolled the transaction back whole: it is safe to run again.
        for (int attempt = 1;; ++attempt) {
            try {
                pqxx::work tx(m_completionSession->connection);
                QVector<qint64> written = applyCompletions(tx, *m_completionSession, completions);
                tx.commit();
                return written;
            } catch (const pqxx::transaction_rollback &error) {
                if (attempt == MaxCompletionAttempts)
                    throw;
                qCWarning(lcStore).noquote()
                    << "completions rolled back by the server, writing them again:" << error.what();
            }
        }
    } catch (...) {
        m_completionSession.reset(); // the next exchange starts on a fresh connection
        throw;
    }
}

void PostgresStore::claimRuns(const ClaimRequest &request, int maxRuns, QVector<Run> &out)
{
    guarded("exchange", [&] {
        // One statement in autocommit: the function (migration 9) promotes, locks and claims in one transaction.
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_prepared(
            m_session->prepared("vigia_claim_runs",
                                "SELECT " VIGIA_PG_RUN_COLUMNS " FROM vigia_claim_runs($1, $2, $3, $4, $5, $6, $7)"),
            request.promote ? std::optional<long long>(request.now) : std::nullopt, maxRuns, pgText(request.node),
            static_cast<long long>(request.leaseExpiresAt), static_cast<long long>(request.now), m_claimRotation,
            request.asyncClaims);
        // Rotate the starting queue so that a busy queue cannot starve the others of this node's workers.
        m_claimRotation = (m_claimRotation + 1) % 1'000'000;
        for (const pqxx::row &row : rows)
            out.append(readPgRun(row));
    });
}

ExchangeResult PostgresStore::exchange(const QVector<Completion> &completions, const ClaimRequest &request)
{
    ExchangeResult result;
    if (completions.isEmpty() && request.maxRuns <= 0)
        return result;
    if (completions.isEmpty()) {
        claimRuns(request, request.maxRuns, result.claimed);
    } else if (request.maxRuns <= 0) {
        result.finished = guarded("exchange", [&] { return writeCompletions(completions); });
    } else {
        // Completions and claims are independent, so they run side by side on two connections: one after the other
        // they kept one server backend busy, together the server works with two. A claim counts the runs being
        // completed as still running until their transaction commits, so it may take fewer than it could, never
        // more than a queue's concurrency allows; when it came short, a second claim after the commit takes the
        // slots the completions freed (a queue of concurrency 1 goes on at once, not at the next poll).
        // A claim whose completions failed is not lost: the error makes the dispatcher hand back the runs it holds
        // but never heard of. Completions written while the claim failed are offered again by the dispatcher and
        // refused as no longer running (logged, not counted twice).
        std::future<QVector<qint64>> written =
            std::async(std::launch::async, [this, &completions] { return writeCompletions(completions); });
        std::exception_ptr claimFailure;
        try {
            claimRuns(request, request.maxRuns, result.claimed);
        } catch (...) {
            claimFailure = std::current_exception();
        }
        try {
            result.finished = written.get();
        } catch (...) {
            rethrowAsStoreError("exchange");
        }
        if (claimFailure)
            std::rethrow_exception(claimFailure);
        if (!result.finished.isEmpty() && result.claimed.size() < request.maxRuns) {
            ClaimRequest again = request;
            again.promote = false;
            claimRuns(again, request.maxRuns - int(result.claimed.size()), result.claimed);
        }
    }
    std::sort(result.claimed.begin(), result.claimed.end(), [](const Run &a, const Run &b) {
        return std::tie(a.priority, a.scheduledAt, a.id) < std::tie(b.priority, b.scheduledAt, b.id);
    });
    return result;
}

qint64 PostgresStore::nextDueAt()
{
    return guarded("next due run", [&] {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_prepared(m_session->prepared(
            "vigia_next_due", "SELECT min(scheduled_at) FROM runs WHERE state IN ('scheduled', 'retryable')"));
        return qtInt(rows[0][0]);
    });
}

QVector<qint64> PostgresStore::renewLeases(const QString &node, qint64 leaseExpiresAt)
{
    return guarded("renew leases", [&] {
        // One statement, its rows locked in id order (completions take their rows in that order too).
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows = tx.exec_prepared(
            m_session->prepared(
                "vigia_renew",
                "WITH renewed AS (UPDATE runs SET lease_expires_at = $1 WHERE id = ANY (ARRAY(SELECT id FROM runs "
                "WHERE state = 'running' AND lease_owner = $2 ORDER BY id FOR UPDATE)) RETURNING id, "
                "cancel_requested) SELECT id FROM renewed WHERE cancel_requested ORDER BY id"),
            leaseExpiresAt, pgText(node));
        QVector<qint64> ids;
        for (const pqxx::row &row : rows)
            ids.append(qtInt(row[0]));
        return ids;
    });
}

QVector<Run> PostgresStore::expiredLeases(qint64 now, int limit)
{
    return guarded("expired leases", [&] {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result rows =
            tx.exec_prepared(m_session->prepared("vigia_expired_leases",
                                                 "SELECT " VIGIA_PG_RUN_COLUMNS " FROM runs WHERE state = 'running' "
                                                 "AND lease_expires_at < $1 ORDER BY lease_expires_at LIMIT $2"),
                             now, limit < 0 ? std::nullopt : std::optional<int>(limit));
        QVector<Run> runs;
        for (const pqxx::row &row : rows)
            runs.append(readPgRun(row));
        return runs;
    });
}

} // namespace vigia
