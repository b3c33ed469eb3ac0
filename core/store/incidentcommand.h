#pragma once

#include "model/incident.h"
#include "model/user.h"

#include <QCoreApplication>

#include <optional>

namespace vigia {

// The backend-independent half of the incident commands: who may do what, and what a command changes, records in the
// timeline and audits. A backend locks the incident row inside its write transaction, asks for the change, and
// writes it (the incident's mutable columns, one event, at most one audit row).
struct IncidentCommand {
    Q_DECLARE_TR_FUNCTIONS(IncidentCommand)

public:
    enum class Kind {
        Acknowledge,
        Resolve,
        Snooze,
        Note,
        Reassign,
        Escalate,
        // The engine's own, without a role check or an audit row:
        AutoResolve,
        ReopenAckTimedOut,
        Unsnooze,
    };
    Kind kind = Kind::Note;
    qint64 until = 0; // Snooze
    QString text;     // Note, Resolve and AutoResolve (optional note), Reassign (the new assignee)

    // What the command does to `before`, done by `actor` at `now`.
    struct Change {
        Incident after;
        IncidentEventKind event = IncidentEventKind::Note;
        QByteArray eventDetail; // JSON object text; may be empty
        QString auditAction;    // e.g. incident.ack; empty for the engine's own commands
        QString auditDetail;
    };
    // Throws StoreError (Invalid) when the state does not allow the command.
    Change apply(const Incident &before, const QString &actor, qint64 now) const;

    bool needsRole() const { return kind <= Kind::Escalate; }
    // The least role the command needs: Viewer for a note, Operator for the rest.
    Role requiredRole() const;
    // Throws StoreError (Forbidden) unless `actor` may run the command: `actorRole` is the actor's role (nullopt for
    // an unknown name), `anyUsers` whether the users table has any row (none: only the OS user, as admin).
    void checkAllowed(const QString &actor, std::optional<Role> actorRole, bool anyUsers) const;
    // Throws StoreError (Invalid) when a reassignment names nobody known (with users declared).
    void checkAssignee(bool assigneeKnown, bool anyUsers) const;
    // The action names the audit log uses: incident.ack, incident.resolve, incident.snooze, ...
    QString auditAction() const;
};

// The OS user running this process (USER, then LOGNAME): the operator when no users are declared.
QString osUserName();

} // namespace vigia
