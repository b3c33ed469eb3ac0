#pragma once

#include "engine/dispatcher.h"

#include <QObject>
#include <QTextStream>

namespace vigia::cli {

// The live one-line summary `serve` keeps on a terminal: throughput, outcomes, and each queue's depth.
class SummaryLine : public QObject {
    Q_OBJECT
public:
    // On a terminal the line is redrawn in place; otherwise a line is printed every `plainEverySeconds`.
    SummaryLine(QTextStream &out, bool terminal, int plainEverySeconds, QObject *parent = nullptr);
    void update(const vigia::EngineStats &stats);
    void finish();

    static QString format(const EngineStats &stats, double runsPerSecond);

private:
    QTextStream &m_out;
    bool m_terminal;
    int m_plainEvery;
    qint64 m_lastAt = 0;
    qint64 m_lastFinished = 0;
    qint64 m_lastPlainAt = 0;
    bool m_drawn = false;
};

} // namespace vigia::cli
