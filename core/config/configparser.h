#pragma once

#include "model/declarations.h"

#include <QByteArray>
#include <QStringList>
#include <QVector>

namespace vigia {

class ExecutorRegistry;

// One problem in a jobs-as-code file, located for the person who wrote it.
struct ConfigError {
    QString file;
    int line = 0;   // 1-based; 0 when the problem has no place in the file
    int column = 0; // 1-based
    QString path;   // the field, e.g. "jobs[2].schedule.time_zone"; empty for the document as a whole
    QString message;

    // "jobs.yaml:14:7: jobs[2].schedule.time_zone: unknown time zone \"America/Sao_Paolo\""
    QString toString() const;
};

struct ConfigParseOptions {
    QString fileName;                           // as errors name it
    const ExecutorRegistry *registry = nullptr; // the job kinds and their payload checks; required
    QStringList existingQueues;                 // queues the database holds: jobs may use them without declaring them
    QStringList existingSchedules{};            // on-call schedules the database holds: policies may name them
    QStringList existingConnections{};          // connections the database holds: sql jobs may name them
    QStringList existingUsers{};                // users the database holds: schedules and policies may name them
    bool prune = false; // with a queues: (connections:) section, every queue (connection) a job uses must be in it
};

struct ConfigParseResult {
    Declarations declarations;   // complete only when there are no errors
    QVector<ConfigError> errors; // all of them, in file order

    bool ok() const { return errors.isEmpty(); }
};

// Reads a jobs-as-code YAML file (the format is described at the top of configparser.cpp and in README.md) into
// normalised declarations, checking everything that can be checked without writing: types, unknown keys, durations,
// schedules, time zones, kinds and their payloads, names, queue and connection references, literal passwords.
class ConfigParser {
public:
    static constexpr int FormatVersion = 1;

    static ConfigParseResult parse(const QByteArray &text, const ConfigParseOptions &options);
};

} // namespace vigia
