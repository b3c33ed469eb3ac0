<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name>Cli</name>
    <message>
        <source>run the engine until SIGINT/SIGTERM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>bring the database schema up to date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>add a run to a queue and print its id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list, show or cancel runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list, replay or discard dead runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list, add, pause, resume or configure queues</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: vigia-engine VERB [options]

Verbs:
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>
'vigia-engine VERB --help' describes a verb. Every verb takes --db URL.
Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input.
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown verb "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database URL: sqlite:PATH or postgresql://user@host:port/db (default: %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print a JSON array instead of a table.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: missing arguments (see --help)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: unexpected argument "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not a run id (a positive whole number)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not a whole number from %3 to %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not an ISO 8601 date-time (e.g. 2026-11-22T14:30:00Z or 2026-11-22T11:30:00-03:00)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>List dead runs not yet replayed or discarded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only dead runs of this queue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At most this many (default 100).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--queue: unknown queue "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replay dead runs: each gets a new run linked to it; the dead run stays for the record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The dead run's id (or --all).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replay every dead run (of --queue, if given).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --all: only this queue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dlq replay: give either a run id or --all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dlq replay: --queue goes with --all</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>replayed %n dead run(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Mark a dead run as handled without running it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The dead run's id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>run %1 discarded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: vigia-engine dlq list|replay ID|replay --all [--queue Q]|discard ID [options]
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dlq: expected list, replay or discard, not "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bring the database schema up to date. A database newer than this program is refused, never changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>schema is current (version %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>schema migrated from version %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>List queues with their limits and depths.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QUEUE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CONCURRENCY</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RUNNING</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SCHEDULED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RETRYABLE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEAD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a queue (nothing changes if it exists).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The queue's name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runs of this queue executing at once, cluster-wide (default 10).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>queues add: a queue name has 1 to 100 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop claiming runs of a queue on every node; running runs finish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Claim runs of a paused queue again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change a queue's settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runs of this queue executing at once, cluster-wide.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>queues set: nothing to change (use --concurrency N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: vigia-engine queues list|add Q|pause Q|resume Q|set Q --concurrency N
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>queues: expected list, add, pause, resume or set, not "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a run to a queue and print its id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queue name (default: default).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Job kind, e.g. noop, sleep, fail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON object for the kind (default: {}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>critical, high, normal (default) or low.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Do not start before this ISO 8601 instant.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refuse a second run with this key (it is reported).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attempts before the run goes dead (default 4).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds an attempt may run (default: the engine's).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>enqueue: --kind is required (known kinds: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--priority: "%1" is not one of critical, high, normal, low</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a run with unique key "%1" exists already: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>List runs, newest first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only runs in this state: scheduled, available, running, succeeded, retryable, dead, cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only runs of this queue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At most this many (default 50).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--state: unknown state "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show one run with all its attempts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The run's id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>runs show: no run with id %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FIELD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>VALUE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ATTEMPT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NODE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STARTED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OUTCOME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ERROR</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel a queued run, or ask the node running it to stop it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>run %1 cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>run %1 is running; its node will stop it at its next heartbeat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: vigia-engine runs list|show ID|cancel ID [options]
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>runs: expected list, show or cancel, not "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the engine until SIGINT or SIGTERM. On the first signal it stops claiming, lets running runs finish for up to --drain seconds and hands the rest back to the queue; a second signal stops at once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runs executing at once on this node (default 8).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This node's name (default: host:pid).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds a running run stays leased without a heartbeat (default 30).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds to let running runs finish on shutdown (default 30).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How often to look for runs enqueued by other processes (default 250).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enqueue a small demo workload every second.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No summary line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>vigia-engine %1 serving %2 as node %3 (Ctrl+C to stop)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CronExplainer</name>
    <message>
        <source>January</source>
        <translation>janeiro</translation>
    </message>
    <message>
        <source>February</source>
        <translation>fevereiro</translation>
    </message>
    <message>
        <source>March</source>
        <translation>março</translation>
    </message>
    <message>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maio</translation>
    </message>
    <message>
        <source>June</source>
        <translation>junho</translation>
    </message>
    <message>
        <source>July</source>
        <translation>julho</translation>
    </message>
    <message>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>September</source>
        <translation>setembro</translation>
    </message>
    <message>
        <source>October</source>
        <translation>outubro</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembro</translation>
    </message>
    <message>
        <source>December</source>
        <translation>dezembro</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>segunda-feira</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>terça-feira</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>quarta-feira</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>quinta-feira</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>sexta-feira</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>aos domingos</translation>
    </message>
    <message>
        <source>Mondays</source>
        <translation>às segundas-feiras</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>às terças-feiras</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>às quartas-feiras</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>às quintas-feiras</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>às sextas-feiras</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>aos sábados</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 e %2</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>a cada hora</translation>
    </message>
    <message>
        <source>every hour, at minute %1</source>
        <translation>a cada hora, no minuto %1</translation>
    </message>
    <message numerus="yes">
        <source>every %n hours</source>
        <translation><numerusform>a cada %n hora</numerusform><numerusform>a cada %n horas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>every %n hours, at minute %1</source>
        <translation><numerusform>a cada %n hora, no minuto %1</numerusform><numerusform>a cada %n horas, no minuto %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>every %n hours, starting at %1</source>
        <translation><numerusform>a cada %n hora, a partir das %1</numerusform><numerusform>a cada %n horas, a partir das %1</numerusform></translation>
    </message>
    <message>
        <source>every hour from %1 to %2</source>
        <translation>a cada hora, das %1 às %2</translation>
    </message>
    <message numerus="yes">
        <source>every %n hours from %1 to %2</source>
        <translation><numerusform>a cada %n hora, das %1 às %2</numerusform><numerusform>a cada %n horas, das %1 às %2</numerusform></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>às %1</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>a cada minuto</translation>
    </message>
    <message numerus="yes">
        <source>every %n minutes</source>
        <translation><numerusform>a cada %n minuto</numerusform><numerusform>a cada %n minutos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>every %n minutes, starting at minute %1</source>
        <translation><numerusform>a cada %n minuto, a partir do minuto %1</numerusform><numerusform>a cada %n minutos, a partir do minuto %1</numerusform></translation>
    </message>
    <message>
        <source>at minutes %1 past the hour</source>
        <translation>nos minutos %1 de cada hora</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>entre %1 e %2</translation>
    </message>
    <message>
        <source>during hours %1</source>
        <translation>durante as horas %1</translation>
    </message>
    <message>
        <source>on day %1 of the month</source>
        <translation>no dia %1 do mês</translation>
    </message>
    <message>
        <source>on days %1 of the month</source>
        <translation>nos dias %1 do mês</translation>
    </message>
    <message>
        <source>%1 through %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>%1, but only %2</source>
        <translation>%1, mas somente %2</translation>
    </message>
    <message>
        <source>from %1 through %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>em %1</translation>
    </message>
    <message>
        <source>not a valid cron expression</source>
        <translation>expressão cron inválida</translation>
    </message>
    <message>
        <source>%1 (never fires)</source>
        <translation>%1 (nunca dispara)</translation>
    </message>
</context>
<context>
    <name>Dispatcher</name>
    <message>
        <source>lease expired: node %1 stopped renewing it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>the database has schema version %1, newer than this program knows (%2); upgrade Vigia to use it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Enqueue</name>
    <message>
        <source>run %1 of %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the queue name is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown kind "%1" (known: %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>payload is %1 bytes, more than the limit of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>payload is not valid JSON: %1 at offset %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>payload must be a JSON object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>max attempts must be between 1 and 1000, not %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>timeout must not be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>payload for kind "%1": %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Executors</name>
    <message>
        <source>failed on purpose (attempt %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"times" must be a non-negative whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"ms" must be a non-negative whole number</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScheduleRule</name>
    <message>
        <source>unknown time zone "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cron "%1": %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>interval must be between 1 second and 366 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an execution window needs both a start and an end time of day, from 00:00 to 23:59</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an execution window needs at least one weekday</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>jitter must be between 0 and 3600 seconds</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SqliteStore</name>
    <message>
        <source>unknown job "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no run with id %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>run %1 is already %2; only queued or running runs can be cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>run %1 is %2, not dead; only runs in the dead-letter queue can be replayed or discarded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>run %1 was already %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>queue concurrency must be at least 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>queue concurrency must be at least 1, not %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown queue "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot open SQLite database %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SQLite error in %1 (%2): %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the database %1 has schema version %2, newer than this program knows (%3); upgrade Vigia to use it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot begin a transaction: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot commit a transaction: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreUrl</name>
    <message>
        <source>PostgreSQL is not supported by this build yet: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>database URL "%1" names no file (use sqlite:PATH)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>database URL "%1" is not a valid PostgreSQL URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>database URL must not contain a password; keep it in the secret store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown database URL "%1" (expected sqlite:PATH or postgresql://...)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SummaryLine</name>
    <message>
        <source> (paused)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 runs/s | succeeded %2 | retrying %3 | dead %4 | running %5 | queues (waiting/running): %6</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>no executor for kind "%1" on this node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled by an operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>interrupted by engine shutdown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>timeout: still running after %1 ms</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>