#pragma once

#include <QStringList>
#include <QVector>

namespace vigia {

// One versioned schema step, recorded in schema_migrations when applied. Steps are append-only: a released step is
// never edited, a change is a new step.
struct Migration {
    int version;
    const char *description;
    QStringList statements;
};

const QVector<Migration> &sqliteMigrations();
// The same steps with the same version numbers, in PostgreSQL's types.
const QVector<Migration> &postgresMigrations();

} // namespace vigia
