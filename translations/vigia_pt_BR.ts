<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Cli</name>
    <message>
        <source>run the engine until SIGINT/SIGTERM</source>
        <translation>executa o motor até receber SIGINT/SIGTERM</translation>
    </message>
    <message>
        <source>bring the database schema up to date</source>
        <translation>atualiza o esquema do banco de dados</translation>
    </message>
    <message>
        <source>add a run to a queue and print its id</source>
        <translation>adiciona uma execução a uma fila e imprime seu id</translation>
    </message>
    <message>
        <source>list, show or cancel runs</source>
        <translation>lista, mostra ou cancela execuções</translation>
    </message>
    <message>
        <source>list, replay or discard dead runs</source>
        <translation>lista, reexecuta ou descarta execuções mortas (DLQ)</translation>
    </message>
    <message>
        <source>list, add, pause, resume or configure queues</source>
        <translation>lista, adiciona, pausa, retoma ou configura filas</translation>
    </message>
    <message>
        <source>Usage: vigia-engine VERB [options]

Verbs:
</source>
        <translation>Uso: vigia-engine VERBO [opções]

Verbos:
</translation>
    </message>
    <message>
        <source>
&apos;vigia-engine VERB --help&apos; describes a verb. Every verb takes --db URL.
Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input.
</source>
        <translation>
&apos;vigia-engine VERBO --help&apos; descreve um verbo. Todo verbo aceita --db URL.
Códigos de saída: 0 sucesso, 1 falha em tempo de execução, 2 uso incorreto ou entrada inválida.
</translation>
    </message>
    <message>
        <source>unknown verb &quot;%1&quot;</source>
        <translation>verbo desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Database URL: sqlite:PATH or postgresql://user@host:port/db (default: %1).</source>
        <translation>URL do banco de dados: sqlite:PATH ou postgresql://user@host:port/db (padrão: %1).</translation>
    </message>
    <message>
        <source>Print a JSON array instead of a table.</source>
        <translation>Imprime um array JSON em vez de uma tabela.</translation>
    </message>
    <message>
        <source>%1: missing arguments (see --help)</source>
        <translation>%1: faltam argumentos (veja --help)</translation>
    </message>
    <message>
        <source>%1: unexpected argument &quot;%2&quot;</source>
        <translation>%1: argumento inesperado &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a run id (a positive whole number)</source>
        <translation>%1: &quot;%2&quot; não é um id de execução (um número inteiro positivo)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number from %3 to %4</source>
        <translation>%1: &quot;%2&quot; não é um número inteiro de %3 a %4</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an ISO 8601 date-time (e.g. 2026-11-22T14:30:00Z or 2026-11-22T11:30:00-03:00)</source>
        <translation>%1: &quot;%2&quot; não é uma data e hora ISO 8601 (ex.: 2026-11-22T14:30:00Z ou 2026-11-22T11:30:00-03:00)</translation>
    </message>
    <message>
        <source>List dead runs not yet replayed or discarded.</source>
        <translation>Lista as execuções mortas ainda não reexecutadas nem descartadas.</translation>
    </message>
    <message>
        <source>Only dead runs of this queue.</source>
        <translation>Somente execuções mortas desta fila.</translation>
    </message>
    <message>
        <source>At most this many (default 100).</source>
        <translation>No máximo esta quantidade (padrão 100).</translation>
    </message>
    <message>
        <source>--queue: unknown queue &quot;%1&quot;</source>
        <translation>--queue: fila desconhecida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Replay dead runs: each gets a new run linked to it; the dead run stays for the record.</source>
        <translation>Reexecuta execuções mortas: cada uma ganha uma nova execução vinculada a ela; a execução morta permanece como registro.</translation>
    </message>
    <message>
        <source>The dead run&apos;s id (or --all).</source>
        <translation>O id da execução morta (ou --all).</translation>
    </message>
    <message>
        <source>Replay every dead run (of --queue, if given).</source>
        <translation>Reexecuta todas as execuções mortas (da fila de --queue, se informada).</translation>
    </message>
    <message>
        <source>With --all: only this queue.</source>
        <translation>Com --all: somente esta fila.</translation>
    </message>
    <message>
        <source>dlq replay: give either a run id or --all</source>
        <translation>dlq replay: informe um id de execução ou --all</translation>
    </message>
    <message>
        <source>dlq replay: --queue goes with --all</source>
        <translation>dlq replay: --queue só pode ser usado com --all</translation>
    </message>
    <message numerus="yes">
        <source>replayed %n dead run(s)</source>
        <translation>
            <numerusform>%n execução morta reexecutada</numerusform>
            <numerusform>%n execuções mortas reexecutadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark a dead run as handled without running it again.</source>
        <translation>Marca uma execução morta como tratada, sem executá-la novamente.</translation>
    </message>
    <message>
        <source>The dead run&apos;s id.</source>
        <translation>O id da execução morta.</translation>
    </message>
    <message>
        <source>run %1 discarded</source>
        <translation>execução %1 descartada</translation>
    </message>
    <message>
        <source>Usage: vigia-engine dlq list|replay ID|replay --all [--queue Q]|discard ID [options]
</source>
        <translation>Uso: vigia-engine dlq list|replay ID|replay --all [--queue Q]|discard ID [opções]
</translation>
    </message>
    <message>
        <source>Bring the database schema up to date. A database newer than this program is refused, never changed.</source>
        <translation>Atualiza o esquema do banco de dados. Um banco mais novo que este programa é recusado, nunca alterado.</translation>
    </message>
    <message>
        <source>schema is current (version %1)</source>
        <translation>o esquema já está atualizado (versão %1)</translation>
    </message>
    <message>
        <source>schema migrated from version %1 to %2</source>
        <translation>esquema migrado da versão %1 para a %2</translation>
    </message>
    <message>
        <source>List queues with their limits and depths.</source>
        <translation>Lista as filas com seus limites e profundidades.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>em pausa</translation>
    </message>
    <message>
        <source>active</source>
        <translation>ativo</translation>
    </message>
    <message>
        <source>QUEUE</source>
        <translation>FILA</translation>
    </message>
    <message>
        <source>CONCURRENCY</source>
        <translation>CONCORRÊNCIA</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation>DISPONÍVEIS</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>EM ANDAMENTO</translation>
    </message>
    <message>
        <source>SCHEDULED</source>
        <translation>AGENDADAS</translation>
    </message>
    <message>
        <source>RETRYABLE</source>
        <translation>NOVA TENTATIVA</translation>
    </message>
    <message>
        <source>DEAD</source>
        <translation>MORTAS</translation>
    </message>
    <message>
        <source>Create a queue (nothing changes if it exists).</source>
        <translation>Cria uma fila (nada muda se ela já existir).</translation>
    </message>
    <message>
        <source>The queue&apos;s name.</source>
        <translation>O nome da fila.</translation>
    </message>
    <message>
        <source>Runs of this queue executing at once, cluster-wide (default 10).</source>
        <translation>Execuções simultâneas desta fila em todo o cluster (padrão 10).</translation>
    </message>
    <message>
        <source>queues add: a queue name has 1 to 100 characters</source>
        <translation>queues add: o nome da fila deve ter de 1 a 100 caracteres</translation>
    </message>
    <message>
        <source>Stop claiming runs of a queue on every node; running runs finish.</source>
        <translation>Deixa de assumir execuções de uma fila em todos os nós; as execuções em andamento terminam.</translation>
    </message>
    <message>
        <source>Claim runs of a paused queue again.</source>
        <translation>Volta a assumir execuções de uma fila pausada.</translation>
    </message>
    <message>
        <source>Change a queue&apos;s settings.</source>
        <translation>Altera as configurações de uma fila.</translation>
    </message>
    <message>
        <source>Runs of this queue executing at once, cluster-wide.</source>
        <translation>Execuções simultâneas desta fila em todo o cluster.</translation>
    </message>
    <message>
        <source>queues set: nothing to change (use --concurrency N)</source>
        <translation>queues set: nada a alterar (use --concurrency N)</translation>
    </message>
    <message>
        <source>Usage: vigia-engine queues list|add Q|pause Q|resume Q|set Q --concurrency N
</source>
        <translation>Uso: vigia-engine queues list|add Q|pause Q|resume Q|set Q --concurrency N
</translation>
    </message>
    <message>
        <source>Add a run to a queue and print its id.</source>
        <translation>Adiciona uma execução a uma fila e imprime seu id.</translation>
    </message>
    <message>
        <source>Queue name (default: default).</source>
        <translation>Nome da fila (padrão: default).</translation>
    </message>
    <message>
        <source>Job kind, e.g. noop, sleep, fail.</source>
        <translation>Tipo do job, ex.: noop, sleep, fail.</translation>
    </message>
    <message>
        <source>JSON object for the kind (default: {}).</source>
        <translation>Objeto JSON para o tipo (padrão: {}).</translation>
    </message>
    <message>
        <source>critical, high, normal (default) or low.</source>
        <translation>critical, high, normal (padrão) ou low.</translation>
    </message>
    <message>
        <source>Do not start before this ISO 8601 instant.</source>
        <translation>Não inicia antes deste instante ISO 8601.</translation>
    </message>
    <message>
        <source>Refuse a second run with this key (it is reported).</source>
        <translation>Recusa uma segunda execução com esta chave (a existente é informada).</translation>
    </message>
    <message>
        <source>Attempts before the run goes dead (default 4).</source>
        <translation>Tentativas antes de a execução ser dada como morta (padrão 4).</translation>
    </message>
    <message>
        <source>Seconds an attempt may run (default: the engine&apos;s).</source>
        <translation>Segundos que uma tentativa pode durar (padrão: o do motor).</translation>
    </message>
    <message>
        <source>enqueue: --kind is required (known kinds: %1)</source>
        <translation>enqueue: --kind é obrigatório (tipos conhecidos: %1)</translation>
    </message>
    <message>
        <source>--priority: &quot;%1&quot; is not one of critical, high, normal, low</source>
        <translation>--priority: &quot;%1&quot; não é critical, high, normal nem low</translation>
    </message>
    <message>
        <source>a run with unique key &quot;%1&quot; exists already: %2</source>
        <translation>já existe uma execução com a chave única &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>List runs, newest first.</source>
        <translation>Lista as execuções, das mais recentes para as mais antigas.</translation>
    </message>
    <message>
        <source>Only runs in this state: scheduled, available, running, succeeded, retryable, dead, cancelled.</source>
        <translation>Somente execuções neste estado: scheduled, available, running, succeeded, retryable, dead, cancelled.</translation>
    </message>
    <message>
        <source>Only runs of this queue.</source>
        <translation>Somente execuções desta fila.</translation>
    </message>
    <message>
        <source>At most this many (default 50).</source>
        <translation>No máximo esta quantidade (padrão 50).</translation>
    </message>
    <message>
        <source>--state: unknown state &quot;%1&quot;</source>
        <translation>--state: estado desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Show one run with all its attempts.</source>
        <translation>Mostra uma execução com todas as suas tentativas.</translation>
    </message>
    <message>
        <source>The run&apos;s id.</source>
        <translation>O id da execução.</translation>
    </message>
    <message>
        <source>runs show: no run with id %1</source>
        <translation>runs show: não há execução com id %1</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>CAMPO</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALOR</translation>
    </message>
    <message>
        <source>ATTEMPT</source>
        <translation>TENTATIVA</translation>
    </message>
    <message>
        <source>NODE</source>
        <translation>NÓ</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>INÍCIO</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>RESULTADO</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERRO</translation>
    </message>
    <message>
        <source>Cancel a queued run, or ask the node running it to stop it.</source>
        <translation>Cancela uma execução que está na fila ou pede ao nó que a executa que a interrompa.</translation>
    </message>
    <message>
        <source>run %1 cancelled</source>
        <translation>execução %1 cancelada</translation>
    </message>
    <message>
        <source>run %1 is running; its node will stop it at its next heartbeat</source>
        <translation>a execução %1 está em andamento; o nó dela vai interrompê-la no próximo heartbeat</translation>
    </message>
    <message>
        <source>Usage: vigia-engine runs list|show ID|cancel ID [options]
</source>
        <translation>Uso: vigia-engine runs list|show ID|cancel ID [opções]
</translation>
    </message>
    <message>
        <source>Run the engine until SIGINT or SIGTERM. On the first signal it stops claiming, lets running runs finish for up to --drain seconds and hands the rest back to the queue; a second signal stops at once.</source>
        <translation>Executa o motor até receber SIGINT ou SIGTERM. No primeiro sinal, deixa de assumir execuções, espera as execuções em andamento terminarem por até --drain segundos e devolve as restantes à fila; um segundo sinal encerra imediatamente.</translation>
    </message>
    <message>
        <source>Runs executing at once on this node (default 8).</source>
        <translation>Execuções simultâneas neste nó (padrão 8).</translation>
    </message>
    <message>
        <source>This node&apos;s name (default: host:pid).</source>
        <translation>Nome deste nó (padrão: host:pid).</translation>
    </message>
    <message>
        <source>Seconds a running run stays leased without a heartbeat (default 30).</source>
        <translation>Segundos que uma execução em andamento mantém a concessão (lease) sem heartbeat (padrão 30).</translation>
    </message>
    <message>
        <source>Seconds to let running runs finish on shutdown (default 30).</source>
        <translation>Segundos para drenar as execuções em andamento no desligamento (padrão 30).</translation>
    </message>
    <message>
        <source>How often to look for runs enqueued by other processes (default 250).</source>
        <translation>Com que frequência procurar execuções enfileiradas por outros processos (padrão 250).</translation>
    </message>
    <message>
        <source>No summary line.</source>
        <translation>Sem linha de resumo.</translation>
    </message>
    <message>
        <source>vigia-engine %1 serving %2 as node %3 (Ctrl+C to stop)</source>
        <translation>vigia-engine %1 servindo %2 como nó %3 (Ctrl+C para parar)</translation>
    </message>
    <message>
        <source>list, pause, resume or postpone scheduled jobs</source>
        <translation>lista, pausa, retoma ou adia jobs agendados</translation>
    </message>
    <message>
        <source>preview the upcoming fires of all jobs</source>
        <translation>mostra uma prévia dos próximos disparos de todos os jobs</translation>
    </message>
    <message>
        <source>compute or explain a cron expression</source>
        <translation>calcula ou explica uma expressão cron</translation>
    </message>
    <message>
        <source>--db: there is no database at %1 (create it with `vigia-engine migrate --db %2` or by starting `vigia-engine serve`)</source>
        <translation>--db: não há banco de dados em %1 (crie-o com `vigia-engine migrate --db %2` ou iniciando `vigia-engine serve`)</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>a cada %1 s</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>sob demanda</translation>
    </message>
    <message>
        <source>List job definitions with their schedules.</source>
        <translation>Lista as definições de jobs com seus agendamentos.</translation>
    </message>
    <message>
        <source>JOB</source>
        <translation>JOB</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <source>SCHEDULE</source>
        <translation>AGENDAMENTO</translation>
    </message>
    <message>
        <source>NEXT FIRE</source>
        <translation>PRÓXIMO DISPARO</translation>
    </message>
    <message>
        <source>Stop firing a job; missed fires follow its misfire policy on resume.</source>
        <translation>Deixa de disparar um job; ao retomá-lo, os disparos perdidos seguem a política de misfire dele.</translation>
    </message>
    <message>
        <source>Fire a paused job again.</source>
        <translation>Volta a disparar um job pausado.</translation>
    </message>
    <message>
        <source>The job&apos;s name.</source>
        <translation>O nome do job.</translation>
    </message>
    <message>
        <source>Skip a job&apos;s fires until an instant.</source>
        <translation>Pula os disparos de um job até um instante.</translation>
    </message>
    <message>
        <source>No fire before this ISO 8601 instant.</source>
        <translation>Nenhum disparo antes deste instante ISO 8601.</translation>
    </message>
    <message>
        <source>jobs postpone: --until is required</source>
        <translation>jobs postpone: --until é obrigatório</translation>
    </message>
    <message>
        <source>Usage: vigia-engine jobs list [--json] | pause NAME | resume NAME | postpone NAME --until ISO8601
</source>
        <translation>Uso: vigia-engine jobs list [--json] | pause NAME | resume NAME | postpone NAME --until ISO8601
</translation>
    </message>
    <message>
        <source>Print the next fire times of a cron expression, one per line, in UTC.</source>
        <translation>Imprime os próximos horários de disparo de uma expressão cron, um por linha, em UTC.</translation>
    </message>
    <message>
        <source>Five fields or a macro such as @daily (quote it).</source>
        <translation>Cinco campos ou uma macro como @daily (entre aspas).</translation>
    </message>
    <message>
        <source>IANA time zone the expression is read in (default UTC).</source>
        <translation>Fuso horário IANA em que a expressão é interpretada (padrão: UTC).</translation>
    </message>
    <message>
        <source>Start after this ISO 8601 instant (default now).</source>
        <translation>Começa depois deste instante ISO 8601 (padrão: agora).</translation>
    </message>
    <message>
        <source>How many fire times (default 5).</source>
        <translation>Quantos horários de disparo (padrão 5).</translation>
    </message>
    <message>
        <source>--tz: unknown time zone &quot;%1&quot;</source>
        <translation>--tz: fuso horário desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; never fires</source>
        <translation>&quot;%1&quot; nunca dispara</translation>
    </message>
    <message>
        <source>Describe a cron expression in words.</source>
        <translation>Descreve uma expressão cron por extenso.</translation>
    </message>
    <message>
        <source>Language, e.g. en or pt_BR (default: the system&apos;s).</source>
        <translation>Idioma, ex.: en ou pt_BR (padrão: o do sistema).</translation>
    </message>
    <message>
        <source>--lang: no translation for &quot;%1&quot;</source>
        <translation>--lang: não há tradução para &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Usage: vigia-engine cron next EXPR [--tz ZONE] [--from ISO8601] [--count N]
       vigia-engine cron explain EXPR [--lang LANGUAGE]
</source>
        <translation>Uso: vigia-engine cron next EXPR [--tz ZONE] [--from ISO8601] [--count N]
     vigia-engine cron explain EXPR [--lang LANGUAGE]
</translation>
    </message>
    <message>
        <source>Usage: vigia-engine schedule preview [--hours 24] [--json]
</source>
        <translation>Uso: vigia-engine schedule preview [--hours 24] [--json]
</translation>
    </message>
    <message>
        <source>List the upcoming fires of every scheduled job, in time order. Paused jobs and fires outside a job&apos;s window or before its postpone date are left out.</source>
        <translation>Lista os próximos disparos de todos os jobs agendados, em ordem cronológica. Jobs pausados e disparos fora da janela de um job ou antes da data de adiamento dele ficam de fora.</translation>
    </message>
    <message>
        <source>How far ahead to look (default 24).</source>
        <translation>Quantas horas à frente considerar (padrão 24).</translation>
    </message>
    <message>
        <source>job %1: %2</source>
        <translation>job %1: %2</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>LOCAL</source>
        <translation>LOCAL</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>PRIORITY</source>
        <translation>PRIORIDADE</translation>
    </message>
    <message>
        <source>SCHEDULED</source>
        <comment>runs table: when the run is due</comment>
        <translation>AGENDADA PARA</translation>
    </message>
    <message>
        <source>no changes (%1 unchanged)</source>
        <translation>nenhuma alteração (%1 sem alteração)</translation>
    </message>
    <message>
        <source>dry run: would create %1, update %2, delete %3 (%4 unchanged); nothing was written</source>
        <translation>simulação (dry run): criaria %1, atualizaria %2, excluiria %3 (%4 sem alteração); nada foi gravado</translation>
    </message>
    <message>
        <source>applied: %1 created, %2 updated, %3 deleted, %4 unchanged</source>
        <translation>aplicado: %1 criados, %2 atualizados, %3 excluídos, %4 sem alteração</translation>
    </message>
    <message>
        <source>apply: cannot read %1: %2</source>
        <translation>apply: não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>The YAML file to apply (- reads standard input).</source>
        <translation>O arquivo YAML a aplicar (- lê da entrada padrão).</translation>
    </message>
    <message>
        <source>Print what would change and write nothing.</source>
        <translation>Imprime o que mudaria e não grava nada.</translation>
    </message>
    <message>
        <source>apply: -f FILE is required</source>
        <translation>apply: -f FILE é obrigatório</translation>
    </message>
    <message numerus="yes">
        <source>apply: %n error(s) in %1; nothing was written</source>
        <translation>
            <numerusform>apply: %n erro em %1; nada foi gravado</numerusform>
            <numerusform>apply: %n erros em %1; nada foi gravado</numerusform>
        </translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>Grava neste arquivo em vez da saída padrão.</translation>
    </message>
    <message>
        <source>export: cannot write %1: %2</source>
        <translation>export: não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>declare queues and jobs from a YAML file (jobs as code)</source>
        <translation>declara filas e jobs a partir de um arquivo YAML (jobs como código)</translation>
    </message>
    <message>
        <source>write every queue and job as YAML for apply</source>
        <translation>grava todas as filas e jobs como YAML para o apply</translation>
    </message>
    <message>
        <source>set, list or delete secrets that job specs refer to</source>
        <translation>define, lista ou exclui os segredos referenciados pelas especificações de jobs</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>%1: expected %2</source>
        <translation>%1: esperado %2</translation>
    </message>
    <message>
        <source>%1: expected %2, not &quot;%3&quot;</source>
        <translation>%1: esperado %2, não &quot;%3&quot;</translation>
    </message>
    <message>
        <source>cannot read the demo workload %1</source>
        <translation>não foi possível ler a carga de demonstração %1</translation>
    </message>
    <message>
        <source>secret set: cannot read standard input</source>
        <translation>secret set: não foi possível ler a entrada padrão</translation>
    </message>
    <message>
        <source>Value for %1: </source>
        <translation>Valor de %1: </translation>
    </message>
    <message>
        <source>Store a secret; the value is read from standard input (not echoed on a terminal). Job specs refer to it as ${secret:NAME}.</source>
        <translation>Armazena um segredo; o valor é lido da entrada padrão (sem eco no terminal). As especificações de jobs se referem a ele como ${secret:NAME}.</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;.</source>
        <translation>Letras, dígitos, &apos;_&apos;, &apos;-&apos; e &apos;.&apos;.</translation>
    </message>
    <message>
        <source>secret set: invalid name &quot;%1&quot; (letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;, at most 128)</source>
        <translation>secret set: nome inválido &quot;%1&quot; (letras, dígitos, &apos;_&apos;, &apos;-&apos; e &apos;.&apos;, no máximo 128)</translation>
    </message>
    <message>
        <source>secret set: the value is empty</source>
        <translation>secret set: o valor está vazio</translation>
    </message>
    <message>
        <source>secret %1 stored</source>
        <translation>segredo %1 armazenado</translation>
    </message>
    <message>
        <source>List the names of stored secrets (never the values).</source>
        <translation>Lista os nomes dos segredos armazenados (nunca os valores).</translation>
    </message>
    <message>
        <source>Delete a stored secret.</source>
        <translation>Exclui um segredo armazenado.</translation>
    </message>
    <message>
        <source>The secret&apos;s name.</source>
        <translation>O nome do segredo.</translation>
    </message>
    <message>
        <source>secret %1 deleted</source>
        <translation>segredo %1 excluído</translation>
    </message>
    <message>
        <source>Usage: vigia-engine secret set NAME | list | delete NAME [--secrets STORE]
</source>
        <translation>Uso: vigia-engine secret set NAME | list | delete NAME [--secrets STORE]
</translation>
    </message>
    <message>
        <source>Apply the demo queues and jobs (resources/demo/demo.yaml) and enqueue a small workload every second.</source>
        <translation>Aplica as filas e jobs de demonstração (resources/demo/demo.yaml) e enfileira uma pequena carga de trabalho a cada segundo.</translation>
    </message>
    <message>
        <source>list the engine nodes sharing the database and the leader</source>
        <translation>lista os nós do motor que compartilham o banco de dados e indica o líder</translation>
    </message>
    <message>
        <source>show the system&apos;s health: state, score, stale jobs, open incidents</source>
        <translation>mostra a saúde do sistema: estado, pontuação, jobs em atraso, incidentes abertos</translation>
    </message>
    <message>
        <source>list, show, acknowledge, resolve, escalate or snooze incidents</source>
        <translation>lista, mostra, reconhece, resolve, escalona ou silencia incidentes</translation>
    </message>
    <message>
        <source>list the users who act on incidents and their roles</source>
        <translation>lista os usuários que atuam nos incidentes e seus papéis</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration from %3 ms to %4 s (e.g. 15s, 500ms, 1m)</source>
        <translation>%1: &quot;%2&quot; não é uma duração de %3 ms a %4 s (ex.: 15s, 500ms, 1m)</translation>
    </message>
    <message>
        <source>Act as this user (default: the OS user); the user&apos;s role must allow the action.</source>
        <translation>Age como este usuário (padrão: o usuário do sistema operacional); o papel do usuário deve permitir a ação.</translation>
    </message>
    <message>
        <source>--as: the user name is empty</source>
        <translation>--as: o nome de usuário está vazio</translation>
    </message>
    <message>
        <source>no incident with id %1</source>
        <translation>não há incidente com id %1</translation>
    </message>
    <message>
        <source>The incident&apos;s id.</source>
        <translation>O id do incidente.</translation>
    </message>
    <message>
        <source>List incidents, newest first: the open ones unless --state or --all says otherwise.</source>
        <translation>Lista os incidentes, dos mais recentes para os mais antigos: os abertos, a menos que --state ou --all indique outra coisa.</translation>
    </message>
    <message>
        <source>Only this state: triggered, acknowledged, resolved or open.</source>
        <translation>Somente este estado: triggered, acknowledged, resolved ou open.</translation>
    </message>
    <message>
        <source>Only this severity: critical, high, warning or info.</source>
        <translation>Somente esta severidade: critical, high, warning ou info.</translation>
    </message>
    <message>
        <source>Every incident, resolved ones included.</source>
        <translation>Todos os incidentes, inclusive os resolvidos.</translation>
    </message>
    <message>
        <source>incidents list: give either --state or --all</source>
        <translation>incidents list: informe --state ou --all</translation>
    </message>
    <message>
        <source>--state: &quot;%1&quot; is not a state (triggered, acknowledged, resolved or open)</source>
        <translation>--state: &quot;%1&quot; não é um estado (triggered, acknowledged, resolved ou open)</translation>
    </message>
    <message>
        <source>--severity: &quot;%1&quot; is not a severity (critical, high, warning or info)</source>
        <translation>--severity: &quot;%1&quot; não é uma severidade (critical, high, warning ou info)</translation>
    </message>
    <message>
        <source> (snoozed)</source>
        <translation> (silenciado)</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>SEVERIDADE</translation>
    </message>
    <message>
        <source>COUNT</source>
        <translation>QTD</translation>
    </message>
    <message>
        <source>LAST SEEN</source>
        <translation>ÚLTIMA OCORRÊNCIA</translation>
    </message>
    <message>
        <source>ASSIGNEE</source>
        <translation>RESPONSÁVEL</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TÍTULO</translation>
    </message>
    <message>
        <source>Show one incident with its timeline.</source>
        <translation>Mostra um incidente com sua linha do tempo.</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severidade</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>Dedup key</source>
        <translation>Chave de dedup</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Execução</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsável</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>Ocorrências</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Últ. ocorrência</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Reconhecido</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolvido</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>Silenciado até</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalonamento</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalhe</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>Linha do tempo:</translation>
    </message>
    <message>
        <source>(engine)</source>
        <translation>(motor)</translation>
    </message>
    <message>
        <source>AT</source>
        <translation>QUANDO</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>EVENTO</translation>
    </message>
    <message>
        <source>BY</source>
        <translation>POR</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETALHE</translation>
    </message>
    <message>
        <source>Acknowledge an incident: you are on it; escalation stops.</source>
        <translation>Reconhece um incidente: você está cuidando dele; o escalonamento para.</translation>
    </message>
    <message>
        <source>incident %1 acknowledged</source>
        <translation>incidente %1 reconhecido</translation>
    </message>
    <message>
        <source>Escalate an incident to the next step of its escalation policy now.</source>
        <translation>Escalona um incidente agora para a próxima etapa da sua política de escalonamento.</translation>
    </message>
    <message>
        <source>incident %1 escalated</source>
        <translation>incidente %1 escalonado</translation>
    </message>
    <message>
        <source>Resolve an incident.</source>
        <translation>Resolve um incidente.</translation>
    </message>
    <message>
        <source>A note for the timeline (what fixed it).</source>
        <translation>Uma nota para a linha do tempo (o que resolveu o problema).</translation>
    </message>
    <message>
        <source>incident %1 resolved</source>
        <translation>incidente %1 resolvido</translation>
    </message>
    <message>
        <source>Page nobody about an incident until a time.</source>
        <translation>Não aciona ninguém sobre um incidente até um horário.</translation>
    </message>
    <message>
        <source>When paging resumes (ISO 8601, e.g. 2026-11-22T14:30:00Z).</source>
        <translation>Quando os acionamentos são retomados (ISO 8601, ex.: 2026-11-22T14:30:00Z).</translation>
    </message>
    <message>
        <source>incidents snooze: --until is required</source>
        <translation>incidents snooze: --until é obrigatório</translation>
    </message>
    <message>
        <source>incident %1 snoozed until %2</source>
        <translation>incidente %1 silenciado até %2</translation>
    </message>
    <message>
        <source>Add a note to an incident&apos;s timeline.</source>
        <translation>Adiciona uma nota à linha do tempo de um incidente.</translation>
    </message>
    <message>
        <source>The note.</source>
        <translation>A nota.</translation>
    </message>
    <message>
        <source>note added to incident %1</source>
        <translation>nota adicionada ao incidente %1</translation>
    </message>
    <message>
        <source>Hand an incident to another user.</source>
        <translation>Passa um incidente para outro usuário.</translation>
    </message>
    <message>
        <source>The new assignee.</source>
        <translation>O novo responsável.</translation>
    </message>
    <message>
        <source>incident %1 assigned to %2</source>
        <translation>incidente %1 atribuído a %2</translation>
    </message>
    <message>
        <source>Mean and median time to acknowledge (MTTA) and to resolve (MTTR), by job, queue or severity.</source>
        <translation>Tempo médio e mediano até o reconhecimento (MTTA) e até a resolução (MTTR), por job, fila ou severidade.</translation>
    </message>
    <message>
        <source>Group by job, queue or severity (default severity).</source>
        <translation>Agrupa por job, queue ou severity (padrão: severity).</translation>
    </message>
    <message>
        <source>Only incidents created at or after this ISO 8601 time.</source>
        <translation>Somente incidentes criados neste instante ISO 8601 ou depois dele.</translation>
    </message>
    <message>
        <source>--by: &quot;%1&quot; is not job, queue or severity</source>
        <translation>--by: &quot;%1&quot; não é job, queue nem severity</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>ACKED</source>
        <translation>RECONHECIDOS</translation>
    </message>
    <message>
        <source>MTTA</source>
        <translation>MTTA</translation>
    </message>
    <message>
        <source>MEDIAN TTA</source>
        <translation>TTA MEDIANO</translation>
    </message>
    <message>
        <source>RESOLVED</source>
        <translation>RESOLVIDOS</translation>
    </message>
    <message>
        <source>MTTR</source>
        <translation>MTTR</translation>
    </message>
    <message>
        <source>MEDIAN TTR</source>
        <translation>TTR MEDIANO</translation>
    </message>
    <message>
        <source>Usage: vigia-engine incidents list [--state S] [--severity S] [--all] [--json]
       vigia-engine incidents show ID [--json]
       vigia-engine incidents ack|escalate ID [--as NAME]
       vigia-engine incidents resolve ID [--note TEXT] [--as NAME]
       vigia-engine incidents snooze ID --until ISO [--as NAME]
       vigia-engine incidents note ID TEXT [--as NAME]
       vigia-engine incidents reassign ID USER [--as NAME]
       vigia-engine incidents stats [--by job|queue|severity] [--since ISO] [--json]
</source>
        <translation>Uso: vigia-engine incidents list [--state S] [--severity S] [--all] [--json]
     vigia-engine incidents show ID [--json]
     vigia-engine incidents ack|escalate ID [--as NAME]
     vigia-engine incidents resolve ID [--note TEXT] [--as NAME]
     vigia-engine incidents snooze ID --until ISO [--as NAME]
     vigia-engine incidents note ID TEXT [--as NAME]
     vigia-engine incidents reassign ID USER [--as NAME]
     vigia-engine incidents stats [--by job|queue|severity] [--since ISO] [--json]
</translation>
    </message>
    <message>
        <source>List the users who may act on incidents, with their roles and contact channels.</source>
        <translation>Lista os usuários que podem atuar nos incidentes, com seus papéis e canais de contato.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>PAPEL</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>TIME ZONE</source>
        <translation>FUSO HORÁRIO</translation>
    </message>
    <message>
        <source>CHANNELS</source>
        <translation>CANAIS</translation>
    </message>
    <message>
        <source>no users are declared: the OS user (%1) acts as admin</source>
        <translation>nenhum usuário declarado: o usuário do sistema operacional (%1) atua como admin</translation>
    </message>
    <message>
        <source>Usage: vigia-engine users list [--json]
</source>
        <translation>Uso: vigia-engine users list [--json]
</translation>
    </message>
    <message>
        <source>List the engine nodes that registered in this database, their last heartbeat, and which one leads the cluster.</source>
        <translation>Lista os nós do motor registrados neste banco de dados, seu último heartbeat e qual deles lidera o cluster.</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>líder</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSÃO</translation>
    </message>
    <message>
        <source>HEARTBEAT</source>
        <translation>HEARTBEAT</translation>
    </message>
    <message>
        <source>Usage: vigia-engine nodes list [--json]
</source>
        <translation>Uso: vigia-engine nodes list [--json]
</translation>
    </message>
    <message>
        <source>The leader lease: how long the cluster waits for a silent leader before another node takes over its duties (default 15s; e.g. 2s, 500ms, 1m).</source>
        <translation>A concessão (lease) de líder: quanto tempo o cluster espera por um líder em silêncio antes que outro nó assuma as funções dele (padrão 15s; ex.: 2s, 500ms, 1m).</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1min %2s</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1h %2min</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1d %2h</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>degradado</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <source>State: %1 (health score %2/100, %3 jobs)</source>
        <translation>Estado: %1 (pontuação de saúde %2/100, %3 jobs)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Stale jobs:</source>
        <translation>Jobs em atraso:</translation>
    </message>
    <message>
        <source>LAST SUCCESS</source>
        <translation>ÚLTIMO SUCESSO</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>OVERDUE BY</source>
        <translation>ATRASO</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRÍTICO</translation>
    </message>
    <message>
        <source>Runs running too long:</source>
        <translation>Execuções demorando demais:</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>EXECUÇÃO</translation>
    </message>
    <message>
        <source>RUNNING FOR</source>
        <translation>EM ANDAMENTO HÁ</translation>
    </message>
    <message>
        <source>LIMIT</source>
        <translation>LIMITE</translation>
    </message>
    <message>
        <source>Failure rates over their threshold:</source>
        <translation>Taxas de falha acima do limiar:</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FALHAS</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>TAXA</translation>
    </message>
    <message>
        <source>THRESHOLD</source>
        <translation>LIMIAR</translation>
    </message>
    <message>
        <source>Open incidents: %1 (critical %2, high %3, warning %4, info %5)</source>
        <translation>Incidentes abertos: %1 (critical %2, high %3, warning %4, info %5)</translation>
    </message>
    <message>
        <source>Show the system&apos;s health: state, health score, stale jobs, runs running too long, failure rates over their threshold and open incidents. Exit code: 0 ok, 1 degraded, 2 critical, 3 unknown (the health could not be evaluated), as monitoring plugins report.</source>
        <translation>Mostra a saúde do sistema: estado, pontuação de saúde, jobs em atraso, execuções demorando demais, taxas de falha acima do limiar e incidentes abertos. Código de saída: 0 ok, 1 degradado, 2 crítico, 3 desconhecido (não foi possível avaliar a saúde), como nos plugins de monitoramento.</translation>
    </message>
    <message>
        <source>Declare queues, jobs, connections, users, on-call schedules and escalation policies from a YAML file (jobs as code, described in README.md): create what is new, update what changed, leave what is equal. The whole file is checked first and written in one transaction; any error writes nothing.</source>
        <translation>Declara filas, jobs, conexões, usuários, escalas de plantão e políticas de escalonamento a partir de um arquivo YAML (jobs como código, descrito no README.md): cria o que é novo, atualiza o que mudou, mantém o que é igual. O arquivo inteiro é verificado primeiro e gravado em uma única transação; qualquer erro não grava nada.</translation>
    </message>
    <message>
        <source>Also delete what the file does not declare, in the sections it has: a top-level key that is present (queues, jobs, connections, users, schedules, escalation_policies), even as an empty list, means exactly these; an absent key leaves that kind alone. Never the &quot;default&quot; queue; past runs of a deleted job are kept, no longer linked to it.</source>
        <translation>Também exclui o que o arquivo não declara, nas seções que ele tem: uma chave de nível superior presente (queues, jobs, connections, users, schedules, escalation_policies), mesmo como lista vazia, significa exatamente estes; uma chave ausente deixa esse tipo como está. Nunca a fila &quot;default&quot;; as execuções passadas de um job excluído são mantidas, sem vínculo com ele.</translation>
    </message>
    <message>
        <source>Write every queue, job, connection and user, by name, in the jobs-as-code YAML format; applying the output changes nothing.</source>
        <translation>Escreve cada fila, job, conexão e usuário, por nome, no formato YAML de jobs como código; aplicar a saída não altera nada.</translation>
    </message>
    <message>
        <source>who is on call at an instant, and the gaps in the schedules</source>
        <translation>quem está de plantão em um instante, e as lacunas nas escalas</translation>
    </message>
    <message>
        <source>list the notifications sent, failed, silenced or pending</source>
        <translation>lista as notificações enviadas, com falha, silenciadas ou pendentes</translation>
    </message>
    <message>
        <source>counts and duration percentiles per job over a period</source>
        <translation>contagens e percentis de duração por job em um período</translation>
    </message>
    <message>
        <source>Where ${secret:NAME} references are read (in --db&apos;s password and, for serve, in job specs and connections): keychain, env or auto (default: $VIGIA_SECRETS, else auto: the keychain when a desktop session is running, else VIGIA_SECRET_&lt;NAME&gt; variables and systemd credentials).</source>
        <translation>Onde as referências ${secret:NAME} são lidas (na senha de --db e, para serve, nas especificações de jobs e nas conexões): keychain, env ou auto (padrão: $VIGIA_SECRETS, senão auto: o chaveiro quando há uma sessão de desktop, senão variáveis VIGIA_SECRET_&lt;NAME&gt; e credenciais do systemd).</translation>
    </message>
    <message>
        <source>--db: cannot read the database password %1 from the %2 secret store: %3</source>
        <translation>--db: não foi possível ler a senha do banco de dados %1 do armazenamento de segredos %2: %3</translation>
    </message>
    <message>
        <source>override</source>
        <translation>substituição</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>camada %1</translation>
    </message>
    <message>
        <source>--schedule: unknown schedule &quot;%1&quot;</source>
        <translation>--schedule: escala desconhecida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Only this schedule (default: every schedule).</source>
        <translation>Somente esta escala (padrão: todas as escalas).</translation>
    </message>
    <message>
        <source>Who is on call for each schedule at an instant: overrides first, then the highest layer that covers it.</source>
        <translation>Quem está de plantão em cada escala em um instante: primeiro as substituições, depois a camada mais alta que o cobre.</translation>
    </message>
    <message>
        <source>The instant, ISO 8601 with an offset (default: now).</source>
        <translation>O instante, em ISO 8601 com deslocamento (padrão: agora).</translation>
    </message>
    <message>
        <source>(nobody: a gap)</source>
        <translation>(ninguém: uma lacuna)</translation>
    </message>
    <message>
        <source>No on-call schedules are declared.</source>
        <translation>Nenhuma escala de plantão foi declarada.</translation>
    </message>
    <message>
        <source>ON CALL</source>
        <translation>DE PLANTÃO</translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation>CAMADA</translation>
    </message>
    <message>
        <source>UNTIL</source>
        <translation>ATÉ</translation>
    </message>
    <message>
        <source>The times nobody is on call, per schedule, over the next days.</source>
        <translation>Os períodos em que ninguém está de plantão, por escala, nos próximos dias.</translation>
    </message>
    <message>
        <source>How many days ahead (default 14).</source>
        <translation>Quantos dias à frente (padrão 14).</translation>
    </message>
    <message>
        <source>Start, ISO 8601 with an offset (default: now).</source>
        <translation>Início, em ISO 8601 com deslocamento (padrão: agora).</translation>
    </message>
    <message>
        <source>No gaps: someone is on call from %1 to %2.</source>
        <translation>Sem lacunas: há alguém de plantão de %1 a %2.</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>DE</translation>
    </message>
    <message>
        <source>TO</source>
        <translation>ATÉ</translation>
    </message>
    <message>
        <source>The notification log, newest first: recipient, channel, status (PENDING, SENT, FAILED, SILENCED), attempts, error.</source>
        <translation>O registro de notificações, das mais recentes às mais antigas: destinatário, canal, status (PENDING, SENT, FAILED, SILENCED), tentativas, erro.</translation>
    </message>
    <message>
        <source>Only this incident&apos;s.</source>
        <translation>Somente as deste incidente.</translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation>Nenhuma notificação.</translation>
    </message>
    <message>
        <source>INCIDENT</source>
        <translation>INCIDENTE</translation>
    </message>
    <message>
        <source>RECIPIENT</source>
        <translation>DESTINATÁRIO</translation>
    </message>
    <message>
        <source>CHANNEL</source>
        <translation>CANAL</translation>
    </message>
    <message>
        <source>ATTEMPTS</source>
        <translation>TENTATIVAS</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CRIADA</translation>
    </message>
    <message>
        <source>Usage: vigia-engine oncall who [--at ISO] [--schedule S] [--json]
       vigia-engine oncall gaps [--days N] [--from ISO] [--schedule S] [--json]
</source>
        <translation>Uso: vigia-engine oncall who [--at ISO] [--schedule S] [--json]
     vigia-engine oncall gaps [--days N] [--from ISO] [--schedule S] [--json]
</translation>
    </message>
    <message>
        <source>Usage: vigia-engine notifications list [--incident ID] [--limit N] [--json]
</source>
        <translation>Uso: vigia-engine notifications list [--incident ID] [--limit N] [--json]
</translation>
    </message>
    <message>
        <source>The escalation policy of incidents whose job names none (default: none, they do not escalate).</source>
        <translation>A política de escalonamento dos incidentes cujo job não indica nenhuma (padrão: nenhuma, eles não são escalonados).</translation>
    </message>
    <message>
        <source>Critical incidents reach people inside their do-not-disturb windows (otherwise those notifications are SILENCED).</source>
        <translation>Incidentes críticos alcançam as pessoas mesmo dentro das janelas de não perturbe (caso contrário, essas notificações ficam SILENCED).</translation>
    </message>
    <message>
        <source>Delete succeeded and cancelled runs this long after they finished, once rolled up into the per-minute statistics (default 7d; e.g. 12h, 30d).</source>
        <translation>Exclui as execuções bem-sucedidas e canceladas este tempo depois de terminarem, após consolidadas nas estatísticas por minuto (padrão 7d; ex.: 12h, 30d).</translation>
    </message>
    <message>
        <source>Delete dead runs this long after they were replayed or discarded; dead runs still in the dead-letter queue are kept (default 30d).</source>
        <translation>Exclui as execuções mortas este tempo depois de reprocessadas ou descartadas; execuções mortas ainda na fila de mensagens mortas são mantidas (padrão 30d).</translation>
    </message>
    <message>
        <source>Counts by end state and duration percentiles (p50, p95, p99 of the runs that succeeded or went dead) per job over a period, from the per-minute rollups that the engine&apos;s leader writes every minute; they outlive the runs themselves. Runs of no job are shown as &quot;-&quot;.</source>
        <translation>Contagens por estado final e percentis de duração (p50, p95, p99 das execuções bem-sucedidas ou mortas) por job em um período, a partir das consolidações por minuto que o líder do motor grava a cada minuto; elas sobrevivem às próprias execuções. Execuções sem job aparecem como &quot;-&quot;.</translation>
    </message>
    <message>
        <source>Only this job.</source>
        <translation>Somente este job.</translation>
    </message>
    <message>
        <source>How far back (default 24h; e.g. 90m, 7d).</source>
        <translation>Até quando no passado (padrão 24h; ex.: 90m, 7d).</translation>
    </message>
    <message>
        <source>No finished runs rolled up since %1.</source>
        <translation>Nenhuma execução concluída consolidada desde %1.</translation>
    </message>
    <message>
        <source>RUNS</source>
        <translation>EXECUÇÕES</translation>
    </message>
    <message>
        <source>SUCCEEDED</source>
        <translation>SUCESSO</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELADAS</translation>
    </message>
    <message>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>P99</source>
        <translation>P99</translation>
    </message>
    <message>
        <source>MAX</source>
        <translation>MÁX</translation>
    </message>
    <message>
        <source>PostgreSQL: claims wait for their WAL flush too. By default they do not (completions and enqueues always do): a database crash can then make a claimed run run again, as a node crash does, but never loses it or finishes it twice.</source>
        <translation>PostgreSQL: ao assumir execuções, também espera a gravação do WAL em disco. Por padrão não espera (conclusões e enfileiramentos sempre esperam): uma queda do banco de dados pode então fazer uma execução assumida rodar de novo, como a queda de um nó faz, mas nunca a perde nem a conclui duas vezes.</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>erro de sintaxe YAML: %1</translation>
    </message>
    <message>
        <source>the file is empty; it needs at least &quot;version: %1&quot;</source>
        <translation>o arquivo está vazio; ele precisa de pelo menos &quot;version: %1&quot;</translation>
    </message>
    <message>
        <source>expected one YAML document, found %1 (remove the &quot;---&quot; separators)</source>
        <translation>esperado um documento YAML, encontrados %1 (remova os separadores &quot;---&quot;)</translation>
    </message>
    <message>
        <source>the top level must be a mapping with version, queues and jobs, not %1</source>
        <translation>o nível superior deve ser um mapeamento com version, queues e jobs, não %1</translation>
    </message>
    <message>
        <source>missing: the format version (&quot;version: %1&quot;)</source>
        <translation>ausente: a versão do formato (&quot;version: %1&quot;)</translation>
    </message>
    <message>
        <source>unsupported version %1 (this program reads version %2)</source>
        <translation>versão %1 não suportada (este programa lê a versão %2)</translation>
    </message>
    <message>
        <source>expected a list of queues, got %1</source>
        <translation>esperada uma lista de filas; encontrado: %1</translation>
    </message>
    <message>
        <source>missing: every queue needs a name</source>
        <translation>ausente: toda fila precisa de um nome</translation>
    </message>
    <message>
        <source>duplicate queue %1 (first declared on line %2)</source>
        <translation>fila %1 duplicada (declarada primeiro na linha %2)</translation>
    </message>
    <message>
        <source>expected a list of jobs, got %1</source>
        <translation>esperada uma lista de jobs; encontrado: %1</translation>
    </message>
    <message>
        <source>missing: every job needs a unique name</source>
        <translation>ausente: todo job precisa de um nome único</translation>
    </message>
    <message>
        <source>duplicate job %1 (first declared on line %2)</source>
        <translation>job %1 duplicado (declarado primeiro na linha %2)</translation>
    </message>
    <message>
        <source>missing: the job&apos;s kind (one of %1)</source>
        <translation>ausente: o tipo do job (um de %1)</translation>
    </message>
    <message>
        <source>unknown kind %1 (known: %2)</source>
        <translation>tipo desconhecido %1 (conhecidos: %2)</translation>
    </message>
    <message>
        <source>expected a mapping (the kind&apos;s payload), got %1</source>
        <translation>esperado um mapeamento (o payload do tipo); encontrado: %1</translation>
    </message>
    <message>
        <source>has both cron and every; give exactly one</source>
        <translation>tem cron e every ao mesmo tempo; informe exatamente um</translation>
    </message>
    <message>
        <source>needs cron or every (exactly one); leave schedule out for a job that runs on demand only</source>
        <translation>precisa de cron ou every (exatamente um); omita schedule para um job executado apenas sob demanda</translation>
    </message>
    <message>
        <source>%1 never fires</source>
        <translation>%1 nunca dispara</translation>
    </message>
    <message>
        <source>anchor goes with every, not with cron</source>
        <translation>anchor é usado com every, não com cron</translation>
    </message>
    <message>
        <source>unknown time zone %1</source>
        <translation>fuso horário desconhecido %1</translation>
    </message>
    <message>
        <source>%1 is not a time of day (HH:MM, 00:00 to 23:59)</source>
        <translation>%1 não é um horário do dia (HH:MM, de 00:00 a 23:59)</translation>
    </message>
    <message>
        <source>needs both start and end (or neither, for whole days); only %1 is given</source>
        <translation>precisa de start e end (ou de nenhum dos dois, para dias inteiros); só %1 foi informado</translation>
    </message>
    <message>
        <source>expected a list of weekdays (%1), got %2</source>
        <translation>esperada uma lista de dias da semana (%1); encontrado: %2</translation>
    </message>
    <message>
        <source>needs at least one weekday (leave days out for every day)</source>
        <translation>precisa de pelo menos um dia da semana (omita days para todos os dias)</translation>
    </message>
    <message>
        <source>unknown weekday %1 (%2)</source>
        <translation>dia da semana desconhecido %1 (%2)</translation>
    </message>
    <message>
        <source>queue %1 is not declared in this file, so --prune would delete it; declare it under queues</source>
        <translation>a fila %1 não está declarada neste arquivo, então --prune a excluiria; declare-a em queues</translation>
    </message>
    <message>
        <source>unknown queue %1: declare it under queues (the database has no such queue either)</source>
        <translation>fila desconhecida %1: declare-a em queues (o banco de dados também não tem essa fila)</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>uma lista</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>um mapeamento</translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <translation>esperado um mapeamento; encontrado: %1</translation>
    </message>
    <message>
        <source>a key must be a plain name, not %1</source>
        <translation>uma chave deve ser um nome simples, não %1</translation>
    </message>
    <message>
        <source>not supported yet: SLA, criticality and incident policies come in a later version of this format; remove the key for now</source>
        <translation>ainda não suportado: políticas de SLA, criticidade e incidentes virão em uma versão futura deste formato; remova a chave por enquanto</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (expected %2)</source>
        <translation>chave desconhecida &quot;%1&quot; (esperado %2)</translation>
    </message>
    <message>
        <source>duplicate key (already given on line %1)</source>
        <translation>chave duplicada (já informada na linha %1)</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>esperada uma string; encontrado: %1</translation>
    </message>
    <message>
        <source>unsupported tag &quot;%1&quot;</source>
        <translation>tag não suportada &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>não deve estar vazio</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>tem mais de %1 caracteres</translation>
    </message>
    <message>
        <source>must not start or end with white space</source>
        <translation>não deve começar nem terminar com espaço em branco</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <translation>esperado um número inteiro; encontrado: %1</translation>
    </message>
    <message>
        <source>must be from %1 to %2, not %3</source>
        <translation>deve estar entre %1 e %2, não %3</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>esperado true ou false; encontrado: %1</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>esperado um número; encontrado: %1</translation>
    </message>
    <message>
        <source>%1 is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d; a plain whole number is seconds)</source>
        <translation>%1 não é uma duração (ex.: 500ms, 30s, 5m, 2h, 1d; um número inteiro simples indica segundos)</translation>
    </message>
    <message>
        <source>%1 is not one of: %2</source>
        <translation>%1 não é um de: %2</translation>
    </message>
    <message>
        <source>%1 is not an ISO 8601 date-time with an offset (e.g. 2026-12-01T00:00:00Z or 2026-12-01T00:00:00-03:00)</source>
        <translation>%1 não é uma data e hora ISO 8601 com deslocamento (ex.: 2026-12-01T00:00:00Z ou 2026-12-01T00:00:00-03:00)</translation>
    </message>
    <message>
        <source>nested more than %1 levels deep</source>
        <translation>aninhado em mais de %1 níveis</translation>
    </message>
    <message>
        <source>duplicate key</source>
        <translation>chave duplicada</translation>
    </message>
    <message>
        <source>needs both threshold (0 to 1) and window (a number of runs)</source>
        <translation>precisa de threshold (0 a 1) e window (um número de execuções)</translation>
    </message>
    <message>
        <source>connection %1 is not declared in this file, so --prune would delete it; declare it under connections</source>
        <translation>a conexão %1 não está declarada neste arquivo, então --prune a excluiria; declare-a em connections</translation>
    </message>
    <message>
        <source>unknown connection %1: declare it under connections (the database has no such connection either)</source>
        <translation>conexão desconhecida %1: declare-a em connections (o banco de dados também não tem essa conexão)</translation>
    </message>
    <message>
        <source>expected a list of connections, got %1</source>
        <translation>esperava uma lista de conexões, recebeu %1</translation>
    </message>
    <message>
        <source>missing: every connection needs a unique name</source>
        <translation>faltando: cada conexão precisa de um nome único</translation>
    </message>
    <message>
        <source>duplicate connection %1 (first declared on line %2)</source>
        <translation>conexão duplicada %1 (declarada primeiro na linha %2)</translation>
    </message>
    <message>
        <source>missing: the database&apos;s URL (sqlite:PATH or postgresql://user@host/db)</source>
        <translation>faltando: a URL do banco de dados (sqlite:PATH ou postgresql://user@host/db)</translation>
    </message>
    <message>
        <source>unknown time zone %1 (an IANA name such as Europe/Berlin)</source>
        <translation>fuso horário desconhecido %1 (um nome IANA como Europe/Berlin)</translation>
    </message>
    <message>
        <source>expected a list of %1, got %2</source>
        <translation>esperava uma lista de %1, recebeu %2</translation>
    </message>
    <message>
        <source>needs both start and end</source>
        <translation>precisa de início e fim</translation>
    </message>
    <message>
        <source>the window is empty: start and end are the same</source>
        <translation>a janela está vazia: início e fim são iguais</translation>
    </message>
    <message>
        <source>weekdays (%1)</source>
        <translation>dias da semana (%1)</translation>
    </message>
    <message>
        <source>missing: participants (the user names, in turn order)</source>
        <translation>faltando: participants (os nomes dos usuários, na ordem do rodízio)</translation>
    </message>
    <message>
        <source>user names</source>
        <translation>nomes de usuários</translation>
    </message>
    <message>
        <source>needs at least one participant</source>
        <translation>precisa de pelo menos um participante</translation>
    </message>
    <message>
        <source>missing: start (the local date of the first handoff, e.g. 2026-01-05)</source>
        <translation>faltando: start (a data local da primeira passagem de turno, ex.: 2026-01-05)</translation>
    </message>
    <message>
        <source>%1 is not a date (YYYY-MM-DD)</source>
        <translation>%1 não é uma data (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>faltando: %1</translation>
    </message>
    <message>
        <source>the override ends before it starts</source>
        <translation>a substituição termina antes de começar</translation>
    </message>
    <message>
        <source>a target is exactly one of user, schedule or role</source>
        <translation>um alvo é exatamente um entre user, schedule ou role</translation>
    </message>
    <message>
        <source>missing: targets (users, schedules or roles to notify)</source>
        <translation>faltando: targets (usuários, escalas ou papéis a notificar)</translation>
    </message>
    <message>
        <source>targets ({user: NAME}, {schedule: NAME} or {role: ROLE})</source>
        <translation>alvos ({user: NOME}, {schedule: NOME} ou {role: PAPEL})</translation>
    </message>
    <message>
        <source>needs at least one target</source>
        <translation>precisa de pelo menos um alvo</translation>
    </message>
    <message>
        <source>%1 %2 is declared twice</source>
        <translation>%1 %2 aparece duas vezes</translation>
    </message>
    <message>
        <source>schedules</source>
        <translation>escalas</translation>
    </message>
    <message>
        <source>missing: name</source>
        <translation>faltando: name</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>escala</translation>
    </message>
    <message>
        <source>missing: layers (at least one rotation)</source>
        <translation>faltando: layers (pelo menos um rodízio)</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>camadas</translation>
    </message>
    <message>
        <source>needs at least one layer</source>
        <translation>precisa de pelo menos uma camada</translation>
    </message>
    <message>
        <source>overrides</source>
        <translation>substituições</translation>
    </message>
    <message>
        <source>escalation policies</source>
        <translation>políticas de escalonamento</translation>
    </message>
    <message>
        <source>escalation policy</source>
        <translation>política de escalonamento</translation>
    </message>
    <message>
        <source>missing: steps (at least one)</source>
        <translation>faltando: steps (pelo menos um)</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>etapas</translation>
    </message>
    <message>
        <source>needs at least one step</source>
        <translation>precisa de pelo menos uma etapa</translation>
    </message>
    <message>
        <source>unknown schedule %1: declare it under schedules</source>
        <translation>escala desconhecida %1: declare-a em schedules</translation>
    </message>
    <message>
        <source>missing: the channel&apos;s kind (email, webhook or desktop)</source>
        <translation>faltando: o tipo do canal (email, webhook ou desktop)</translation>
    </message>
    <message>
        <source>a desktop channel has no address; leave it out</source>
        <translation>um canal desktop não tem endereço; omita-o</translation>
    </message>
    <message>
        <source>expected an http(s) URL</source>
        <translation>esperava uma URL http(s)</translation>
    </message>
    <message>
        <source>%1 is not an e-mail address</source>
        <translation>%1 não é um endereço de e-mail</translation>
    </message>
    <message>
        <source>missing: an e-mail address (or give the user an email)</source>
        <translation>faltando: um endereço de e-mail (ou dê ao usuário um email)</translation>
    </message>
    <message>
        <source>missing: the webhook&apos;s URL</source>
        <translation>faltando: a URL do webhook</translation>
    </message>
    <message>
        <source>only a webhook channel has a format</source>
        <translation>somente um canal webhook tem formato</translation>
    </message>
    <message>
        <source>missing: a do-not-disturb window needs start and end (HH:MM)</source>
        <translation>faltando: uma janela de não perturbe precisa de início e fim (HH:MM)</translation>
    </message>
    <message>
        <source>start and end are the same time: the window is empty</source>
        <translation>início e fim são o mesmo horário: a janela está vazia</translation>
    </message>
    <message>
        <source>expected a non-empty list of weekdays (%1), got %2</source>
        <translation>esperava uma lista não vazia de dias da semana (%1), recebeu %2</translation>
    </message>
    <message>
        <source>missing: every user needs a unique name</source>
        <translation>faltando: cada usuário precisa de um nome único</translation>
    </message>
    <message>
        <source>duplicate user %1 (first declared on line %2)</source>
        <translation>usuário duplicado %1 (declarado primeiro na linha %2)</translation>
    </message>
    <message>
        <source>expected a list of channels, got %1</source>
        <translation>esperava uma lista de canais, recebeu %1</translation>
    </message>
    <message>
        <source>expected a list of quiet periods ({start, end, days}), got %1</source>
        <translation>esperava uma lista de períodos de silêncio ({start, end, days}), recebeu %1</translation>
    </message>
    <message>
        <source>expected a list of users, got %1</source>
        <translation>esperava uma lista de usuários, recebeu %1</translation>
    </message>
    <message>
        <source>unknown user %1: declare it under users</source>
        <translation>usuário desconhecido %1: declare-o em users</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>holds a literal password; write the user only and give the password as password: &quot;${secret:NAME}&quot; (or write ${secret:NAME} in its place)</source>
        <translation>contém uma senha literal; escreva apenas o usuário e dê a senha como password: &quot;${secret:NAME}&quot; (ou escreva ${secret:NAME} no lugar dela)</translation>
    </message>
    <message>
        <source>holds a literal password (?password=); give it as password: &quot;${secret:NAME}&quot; instead</source>
        <translation>contém uma senha literal (?password=); dê-a como password: &quot;${secret:NAME}&quot;</translation>
    </message>
    <message>
        <source>sqlite: needs a file path (sqlite:/var/lib/app/app.db)</source>
        <translation>sqlite: precisa de um caminho de arquivo (sqlite:/var/lib/app/app.db)</translation>
    </message>
    <message>
        <source>a SQLite database has no password; leave it out</source>
        <translation>um banco de dados SQLite não tem senha; omita-a</translation>
    </message>
    <message>
        <source>expected sqlite:PATH or postgresql://user@host:port/database</source>
        <translation>esperava sqlite:PATH ou postgresql://user@host:port/database</translation>
    </message>
    <message>
        <source>must be a single secret reference such as &quot;${secret:REPORTS_DB_PASSWORD}&quot;, never the password itself (set it with `vigia-engine secret set NAME`, or VIGIA_SECRET_NAME on a server)</source>
        <translation>deve ser uma única referência a segredo como &quot;${secret:REPORTS_DB_PASSWORD}&quot;, nunca a própria senha (defina-a com `vigia-engine secret set NAME`, ou VIGIA_SECRET_NAME em um servidor)</translation>
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
        <translation>
            <numerusform>a cada %n hora</numerusform>
            <numerusform>a cada %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hours, at minute %1</source>
        <translation>
            <numerusform>a cada %n hora, no minuto %1</numerusform>
            <numerusform>a cada %n horas, no minuto %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hours, starting at %1</source>
        <translation>
            <numerusform>a cada %n hora, a partir das %1</numerusform>
            <numerusform>a cada %n horas, a partir das %1</numerusform>
        </translation>
    </message>
    <message>
        <source>every hour from %1 to %2</source>
        <translation>a cada hora, das %1 às %2</translation>
    </message>
    <message numerus="yes">
        <source>every %n hours from %1 to %2</source>
        <translation>
            <numerusform>a cada %n hora, das %1 às %2</numerusform>
            <numerusform>a cada %n horas, das %1 às %2</numerusform>
        </translation>
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
        <translation>
            <numerusform>a cada %n minuto</numerusform>
            <numerusform>a cada %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minutes, starting at minute %1</source>
        <translation>
            <numerusform>a cada %n minuto, a partir do minuto %1</numerusform>
            <numerusform>a cada %n minutos, a partir do minuto %1</numerusform>
        </translation>
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
    <name>DeclarationPlan</name>
    <message>
        <source>a declared queue has no name</source>
        <translation>uma fila declarada não tem nome</translation>
    </message>
    <message>
        <source>queue &quot;%1&quot; is declared twice</source>
        <translation>a fila &quot;%1&quot; foi declarada duas vezes</translation>
    </message>
    <message>
        <source>queue &quot;%1&quot;: concurrency must be at least 1</source>
        <translation>fila &quot;%1&quot;: a concorrência deve ser de pelo menos 1</translation>
    </message>
    <message>
        <source>a declared job has no name</source>
        <translation>um job declarado não tem nome</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; is declared twice</source>
        <translation>o job &quot;%1&quot; foi declarado duas vezes</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; has no kind</source>
        <translation>o job &quot;%1&quot; não tem tipo</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: max attempts must be between 1 and 1000</source>
        <translation>job &quot;%1&quot;: o máximo de tentativas deve estar entre 1 e 1000</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>job &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; uses queue &quot;%2&quot;, which --prune would delete; declare the queue</source>
        <translation>o job &quot;%1&quot; usa a fila &quot;%2&quot;, que --prune excluiria; declare a fila</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; uses queue &quot;%2&quot;, which is neither declared nor in the database</source>
        <translation>o job &quot;%1&quot; usa a fila &quot;%2&quot;, que não está declarada nem existe no banco de dados</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: SLA durations cannot be negative</source>
        <translation>job &quot;%1&quot;: as durações de SLA não podem ser negativas</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: the failure rate threshold must be between 0 and 1</source>
        <translation>job &quot;%1&quot;: o limiar da taxa de falhas deve estar entre 0 e 1</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: the failure rate window must be between 0 and 10000 runs</source>
        <translation>job &quot;%1&quot;: a janela da taxa de falhas deve estar entre 0 e 10000 execuções</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: the expected duration cannot be negative</source>
        <translation>job &quot;%1&quot;: a duração esperada não pode ser negativa</translation>
    </message>
    <message>
        <source>a declared connection has no name</source>
        <translation>uma conexão declarada não tem nome</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; is declared twice</source>
        <translation>a conexão &quot;%1&quot; está declarada duas vezes</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot;: %2: %3</source>
        <translation>conexão &quot;%1&quot;: %2: %3</translation>
    </message>
    <message>
        <source>a declared user has no name</source>
        <translation>um usuário declarado não tem nome</translation>
    </message>
    <message>
        <source>user &quot;%1&quot; is declared twice</source>
        <translation>o usuário &quot;%1&quot; está declarado duas vezes</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;: unknown time zone &quot;%2&quot;</source>
        <translation>usuário &quot;%1&quot;: fuso horário desconhecido &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--prune cannot delete connection &quot;%1&quot;: job &quot;%2&quot; uses it; declare the connection, or the job&apos;s new connection</source>
        <translation>--prune não pode excluir a conexão &quot;%1&quot;: o job &quot;%2&quot; a usa; declare a conexão, ou a nova conexão do job</translation>
    </message>
    <message>
        <source>--prune cannot delete queue &quot;%1&quot;: job &quot;%2&quot;, which this file does not declare, stays in it; declare the queue, or the jobs: section</source>
        <translation>--prune não pode excluir a fila &quot;%1&quot;: o job &quot;%2&quot;, que este arquivo não declara, continua nela; declare a fila, ou a seção jobs:</translation>
    </message>
</context>
<context>
    <name>Dispatcher</name>
    <message>
        <source>lease expired: node %1 stopped renewing it</source>
        <translation>concessão (lease) expirada: o nó %1 parou de renová-la</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>the database has schema version %1, newer than this program knows (%2); upgrade Vigia to use it</source>
        <translation>o banco de dados está na versão de esquema %1, mais nova do que este programa conhece (%2); atualize o Vigia para usá-lo</translation>
    </message>
</context>
<context>
    <name>Enqueue</name>
    <message>
        <source>run %1 of %2: %3</source>
        <translation>execução %1 de %2: %3</translation>
    </message>
    <message>
        <source>the queue name is empty</source>
        <translation>o nome da fila está vazio</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot; (known: %2)</source>
        <translation>tipo desconhecido &quot;%1&quot; (conhecidos: %2)</translation>
    </message>
    <message>
        <source>payload is %1 bytes, more than the limit of %2</source>
        <translation>o payload tem %1 bytes, mais que o limite de %2</translation>
    </message>
    <message>
        <source>payload is not valid JSON: %1 at offset %2</source>
        <translation>o payload não é um JSON válido: %1 na posição %2</translation>
    </message>
    <message>
        <source>payload must be a JSON object</source>
        <translation>o payload deve ser um objeto JSON</translation>
    </message>
    <message>
        <source>max attempts must be between 1 and 1000, not %1</source>
        <translation>o máximo de tentativas deve estar entre 1 e 1000, não %1</translation>
    </message>
    <message>
        <source>timeout must not be negative</source>
        <translation>o tempo limite (timeout) não pode ser negativo</translation>
    </message>
    <message>
        <source>payload for kind &quot;%1&quot;: %2</source>
        <translation>payload do tipo &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>EscalationPlanner</name>
    <message>
        <source>%1: unknown user</source>
        <translation>%1: usuário desconhecido</translation>
    </message>
    <message>
        <source>%1: unknown schedule</source>
        <translation>%1: escala desconhecida</translation>
    </message>
    <message>
        <source>%1: nobody is on call</source>
        <translation>%1: ninguém está de plantão</translation>
    </message>
</context>
<context>
    <name>Executors</name>
    <message>
        <source>failed on purpose (attempt %1)</source>
        <translation>falha proposital (tentativa %1)</translation>
    </message>
    <message>
        <source>&quot;times&quot; must be a non-negative whole number</source>
        <translation>&quot;times&quot; deve ser um número inteiro não negativo</translation>
    </message>
    <message>
        <source>&quot;ms&quot; must be a non-negative whole number</source>
        <translation>&quot;ms&quot; deve ser um número inteiro não negativo</translation>
    </message>
    <message>
        <source>&quot;until&quot; must be an ISO 8601 date-time</source>
        <translation>&quot;until&quot; deve ser uma data e hora ISO 8601</translation>
    </message>
    <message>
        <source>no complete response within %1 ms (timeout_ms)</source>
        <translation>nenhuma resposta completa em %1 ms (timeout_ms)</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; (known: %2)</source>
        <translation>campo desconhecido &quot;%1&quot; (conhecidos: %2)</translation>
    </message>
    <message>
        <source>&quot;url&quot; is missing</source>
        <translation>&quot;url&quot; está ausente</translation>
    </message>
    <message>
        <source>&quot;url&quot; must be a string</source>
        <translation>&quot;url&quot; deve ser uma string</translation>
    </message>
    <message>
        <source>&quot;url&quot; is not a valid absolute URL: &quot;%1&quot;</source>
        <translation>&quot;url&quot; não é uma URL absoluta válida: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;url&quot; must use http or https, not &quot;%1&quot;</source>
        <translation>&quot;url&quot; deve usar http ou https, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;headers&quot; must be an object of header names to string values</source>
        <translation>&quot;headers&quot; deve ser um objeto que associa nomes de cabeçalho a valores string</translation>
    </message>
    <message>
        <source>&quot;headers&quot;: &quot;%1&quot; is not a valid header name</source>
        <translation>&quot;headers&quot;: &quot;%1&quot; não é um nome de cabeçalho válido</translation>
    </message>
    <message>
        <source>&quot;headers&quot;: the value of &quot;%1&quot; must be a string</source>
        <translation>&quot;headers&quot;: o valor de &quot;%1&quot; deve ser uma string</translation>
    </message>
    <message>
        <source>&quot;headers&quot;: the value of &quot;%1&quot; must not contain line breaks</source>
        <translation>&quot;headers&quot;: o valor de &quot;%1&quot; não deve conter quebras de linha</translation>
    </message>
    <message>
        <source>&quot;timeout_ms&quot; must be a whole number of milliseconds between 1 and %1</source>
        <translation>&quot;timeout_ms&quot; deve ser um número inteiro de milissegundos entre 1 e %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>&quot;%1&quot; deve ser true ou false</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>HTTP %1 from %2 %3</source>
        <translation>HTTP %1 em resposta a %2 %3</translation>
    </message>
    <message>
        <source>HTTP %1 %2 from %3 %4</source>
        <translation>HTTP %1 %2 em resposta a %3 %4</translation>
    </message>
    <message>
        <source>&quot;method&quot; must be one of %1</source>
        <translation>&quot;method&quot; deve ser um de %1</translation>
    </message>
    <message>
        <source>&quot;accept&quot; must be a non-empty list of status codes (200), classes (&quot;2xx&quot;) or ranges (&quot;200-299&quot;)</source>
        <translation>&quot;accept&quot; deve ser uma lista não vazia de códigos de status (200), classes (&quot;2xx&quot;) ou intervalos (&quot;200-299&quot;)</translation>
    </message>
    <message>
        <source>&quot;accept&quot;[%1]: %2 is not a status code (100-599), a class like &quot;2xx&quot; or a range like &quot;200-299&quot;</source>
        <translation>&quot;accept&quot;[%1]: %2 não é um código de status (100-599), uma classe como &quot;2xx&quot; nem um intervalo como &quot;200-299&quot;</translation>
    </message>
    <message>
        <source>&quot;items_pointer&quot; must be a JSON pointer such as &quot;/data/count&quot;</source>
        <translation>&quot;items_pointer&quot; deve ser um JSON pointer como &quot;/data/count&quot;</translation>
    </message>
    <message>
        <source>&quot;body&quot; is not allowed with method HEAD</source>
        <translation>&quot;body&quot; não é permitido com o método HEAD</translation>
    </message>
    <message>
        <source>response larger than %1 bytes; items_pointer not read</source>
        <translation>resposta maior que %1 bytes; items_pointer não foi lido</translation>
    </message>
    <message>
        <source>response is not JSON (%1); items_pointer not read</source>
        <translation>a resposta não é JSON (%1); items_pointer não foi lido</translation>
    </message>
    <message>
        <source>items_pointer &quot;%1&quot; not found in the response</source>
        <translation>items_pointer &quot;%1&quot; não encontrado na resposta</translation>
    </message>
    <message>
        <source>items_pointer &quot;%1&quot; is not a whole number or a list</source>
        <translation>items_pointer &quot;%1&quot; não é um número inteiro nem uma lista</translation>
    </message>
    <message>
        <source>invalid payload: %1</source>
        <translation>payload inválido: %1</translation>
    </message>
    <message>
        <source>&quot;program&quot; is missing</source>
        <translation>&quot;program&quot; está ausente</translation>
    </message>
    <message>
        <source>&quot;program&quot; must be a non-empty string (a path or a name found in PATH; no shell is used)</source>
        <translation>&quot;program&quot; deve ser uma string não vazia (um caminho ou um nome encontrado no PATH; nenhum shell é usado)</translation>
    </message>
    <message>
        <source>&quot;args&quot; must be a list of strings</source>
        <translation>&quot;args&quot; deve ser uma lista de strings</translation>
    </message>
    <message>
        <source>&quot;args&quot;[%1] must be a string</source>
        <translation>&quot;args&quot;[%1] deve ser uma string</translation>
    </message>
    <message>
        <source>&quot;env&quot; must be an object of variable names to string values</source>
        <translation>&quot;env&quot; deve ser um objeto que associa nomes de variáveis a valores string</translation>
    </message>
    <message>
        <source>&quot;env&quot;: &quot;%1&quot; is not a valid variable name</source>
        <translation>&quot;env&quot;: &quot;%1&quot; não é um nome de variável válido</translation>
    </message>
    <message>
        <source>&quot;env&quot;: the value of &quot;%1&quot; must be a string</source>
        <translation>&quot;env&quot;: o valor de &quot;%1&quot; deve ser uma string</translation>
    </message>
    <message>
        <source>&quot;cwd&quot; must be a non-empty string</source>
        <translation>&quot;cwd&quot; deve ser uma string não vazia</translation>
    </message>
    <message>
        <source>&quot;grace_ms&quot; must be a whole number of milliseconds between 0 and %1</source>
        <translation>&quot;grace_ms&quot; deve ser um número inteiro de milissegundos entre 0 e %1</translation>
    </message>
    <message>
        <source>&quot;accept_exit_codes&quot; must be a non-empty list of exit codes (0-255)</source>
        <translation>&quot;accept_exit_codes&quot; deve ser uma lista não vazia de códigos de saída (0-255)</translation>
    </message>
    <message>
        <source>&quot;accept_exit_codes&quot;[%1] must be a whole number between 0 and 255</source>
        <translation>&quot;accept_exit_codes&quot;[%1] deve ser um número inteiro entre 0 e 255</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>não foi possível iniciar %1: %2</translation>
    </message>
    <message>
        <source>%1 was killed by signal %2</source>
        <translation>%1 foi encerrado pelo sinal %2</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>código de saída %1</translation>
    </message>
    <message>
        <source>&quot;secret&quot; is missing: deliveries are signed with it</source>
        <translation>&quot;secret&quot; está ausente: as entregas são assinadas com ele</translation>
    </message>
    <message>
        <source>&quot;secret&quot; must be a non-empty string</source>
        <translation>&quot;secret&quot; deve ser uma string não vazia</translation>
    </message>
    <message>
        <source>&quot;headers&quot;: %1 is set by the webhook kind itself</source>
        <translation>&quot;headers&quot;: %1 é definido pelo próprio tipo webhook</translation>
    </message>
</context>
<context>
    <name>IncidentCommand</name>
    <message>
        <source>%1: &quot;%2&quot; is not allowed: no users are declared, so only the OS user &quot;%3&quot; may act on incidents (declare users to let others)</source>
        <translation>%1: &quot;%2&quot; não tem permissão: nenhum usuário está declarado, então só o usuário do sistema operacional &quot;%3&quot; pode atuar nos incidentes (declare usuários para permitir outros)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a known user; nothing was written</source>
        <translation>%1: &quot;%2&quot; não é um usuário conhecido; nada foi gravado</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot; has role %3; it needs %4 or admin; nothing was written</source>
        <translation>%1: o usuário &quot;%2&quot; tem o papel %3; é necessário %4 ou admin; nada foi gravado</translation>
    </message>
    <message>
        <source>reassign: the new assignee&apos;s name is empty</source>
        <translation>reassign: o nome do novo responsável está vazio</translation>
    </message>
    <message>
        <source>reassign: &quot;%1&quot; is not a known user</source>
        <translation>reassign: &quot;%1&quot; não é um usuário conhecido</translation>
    </message>
    <message>
        <source>%1 is already resolved</source>
        <translation>%1 já está resolvido</translation>
    </message>
    <message>
        <source>%1 is already acknowledged by %2</source>
        <translation>%1 já foi reconhecido por %2</translation>
    </message>
    <message>
        <source>snooze: %1 is not in the future</source>
        <translation>snooze: %1 não está no futuro</translation>
    </message>
    <message>
        <source>note: the text is empty</source>
        <translation>note: o texto está vazio</translation>
    </message>
    <message>
        <source>%1 is not acknowledged</source>
        <translation>%1 não está reconhecido</translation>
    </message>
</context>
<context>
    <name>NotificationMessage</name>
    <message>
        <source>Severity</source>
        <translation>Severidade</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Triggered</source>
        <translation>Disparado em</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>Ocorrências</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalonamento</translation>
    </message>
    <message>
        <source>Acknowledge: vigia-engine incidents ack %1, or Acknowledge in the console.</source>
        <translation>Para reconhecer: vigia-engine incidents ack %1, ou Reconhecer no console.</translation>
    </message>
    <message>
        <source>since %1.</source>
        <translation>desde %1.</translation>
    </message>
    <message>
        <source>Ack: incidents ack %1</source>
        <translation>Reconhecer: incidents ack %1</translation>
    </message>
</context>
<context>
    <name>OnCallPlan</name>
    <message>
        <source>a declared schedule has no name</source>
        <translation>uma escala declarada não tem nome</translation>
    </message>
    <message>
        <source>schedule &quot;%1&quot; is declared twice</source>
        <translation>a escala &quot;%1&quot; foi declarada duas vezes</translation>
    </message>
    <message>
        <source>schedule &quot;%1&quot;: %2</source>
        <translation>escala &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>a declared escalation policy has no name</source>
        <translation>uma política de escalonamento declarada não tem nome</translation>
    </message>
    <message>
        <source>escalation policy &quot;%1&quot; is declared twice</source>
        <translation>a política de escalonamento &quot;%1&quot; foi declarada duas vezes</translation>
    </message>
    <message>
        <source>escalation policy &quot;%1&quot; has no steps</source>
        <translation>a política de escalonamento &quot;%1&quot; não tem etapas</translation>
    </message>
    <message>
        <source>escalation policy &quot;%1&quot;: repeat must be between 0 and %2</source>
        <translation>política de escalonamento &quot;%1&quot;: repeat deve estar entre 0 e %2</translation>
    </message>
    <message>
        <source>escalation policy &quot;%1&quot;, step %2: the delay cannot be negative</source>
        <translation>política de escalonamento &quot;%1&quot;, etapa %2: o tempo de espera não pode ser negativo</translation>
    </message>
    <message>
        <source>escalation policy &quot;%1&quot;, step %2 has no targets</source>
        <translation>política de escalonamento &quot;%1&quot;: a etapa %2 não tem destinos</translation>
    </message>
    <message>
        <source>escalation policy &quot;%1&quot;, step %2: a target has no name</source>
        <translation>política de escalonamento &quot;%1&quot;, etapa %2: um destino não tem nome</translation>
    </message>
    <message>
        <source>escalation policy &quot;%1&quot;, step %2: schedule &quot;%3&quot; is neither declared nor in the database</source>
        <translation>política de escalonamento &quot;%1&quot;, etapa %2: a escala &quot;%3&quot; não está declarada nem existe no banco de dados</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; uses escalation policy &quot;%2&quot;, which is neither declared nor in the database</source>
        <translation>o job &quot;%1&quot; usa a política de escalonamento &quot;%2&quot;, que não está declarada nem existe no banco de dados</translation>
    </message>
    <message>
        <source>--prune cannot delete schedule &quot;%1&quot;: escalation policy &quot;%2&quot;, which this file does not declare, names it</source>
        <translation>--prune não pode excluir a escala &quot;%1&quot;: a política de escalonamento &quot;%2&quot;, que este arquivo não declara, a indica</translation>
    </message>
    <message>
        <source>--prune cannot delete escalation policy &quot;%1&quot;: job &quot;%2&quot;, which this file does not declare, uses it</source>
        <translation>--prune não pode excluir a política de escalonamento &quot;%1&quot;: o job &quot;%2&quot;, que este arquivo não declara, a usa</translation>
    </message>
</context>
<context>
    <name>OnCallResolver</name>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>fuso horário desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>layer %1: a rotation needs at least one participant</source>
        <translation>camada %1: um rodízio precisa de pelo menos um participante</translation>
    </message>
    <message>
        <source>layer %1: the shift length must be at least 1</source>
        <translation>camada %1: a duração do turno deve ser de pelo menos 1</translation>
    </message>
    <message>
        <source>layer %1: a rotation needs a start date</source>
        <translation>camada %1: um rodízio precisa de uma data de início</translation>
    </message>
    <message>
        <source>layer %1: the handoff time must lie within a day</source>
        <translation>camada %1: o horário da passagem de turno deve estar dentro de um dia</translation>
    </message>
    <message>
        <source>layer %1: unknown time zone &quot;%2&quot;</source>
        <translation>camada %1: fuso horário desconhecido &quot;%2&quot;</translation>
    </message>
    <message>
        <source>layer %1: a restriction needs a start and an end time within a day</source>
        <translation>camada %1: uma restrição precisa de um horário de início e um de fim dentro de um dia</translation>
    </message>
    <message>
        <source>layer %1: weekdays are 1 (Monday) to 7 (Sunday)</source>
        <translation>camada %1: os dias da semana vão de 1 (segunda-feira) a 7 (domingo)</translation>
    </message>
    <message>
        <source>an override needs a user</source>
        <translation>uma substituição precisa de um usuário</translation>
    </message>
    <message>
        <source>the override for %1 ends before it starts</source>
        <translation>a substituição de %1 termina antes de começar</translation>
    </message>
</context>
<context>
    <name>PostgresStore</name>
    <message>
        <source>cannot connect to PostgreSQL at %1: %2</source>
        <translation>não foi possível conectar ao PostgreSQL em %1: %2</translation>
    </message>
    <message>
        <source>lost the connection to PostgreSQL at %1 in %2: %3</source>
        <translation>a conexão com o PostgreSQL em %1 caiu em %2: %3</translation>
    </message>
    <message>
        <source>the connection to PostgreSQL at %1 broke while committing %2; it may or may not have been written: %3</source>
        <translation>a conexão com o PostgreSQL em %1 caiu durante o commit de %2; pode ou não ter sido gravado: %3</translation>
    </message>
    <message>
        <source>PostgreSQL error in %1 (%2): %3 [SQLSTATE %4]</source>
        <translation>erro do PostgreSQL em %1 (%2): %3 [SQLSTATE %4]</translation>
    </message>
    <message>
        <source>PostgreSQL error in %1 (%2): %3</source>
        <translation>erro do PostgreSQL em %1 (%2): %3</translation>
    </message>
    <message>
        <source>the database %1 has schema version %2, newer than this program knows (%3); upgrade Vigia to use it</source>
        <translation>o banco de dados %1 está na versão de esquema %2, mais nova do que este programa conhece (%3); atualize o Vigia para usá-lo</translation>
    </message>
    <message>
        <source>unknown queue &quot;%1&quot;</source>
        <translation>fila desconhecida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>run %1 is %2, not dead; only runs in the dead-letter queue can be replayed or discarded</source>
        <translation>a execução %1 está no estado %2, não dead; só execuções na fila de mortos (DLQ) podem ser reexecutadas ou descartadas</translation>
    </message>
    <message>
        <source>run %1 was already %2</source>
        <translation>a execução %1 já foi marcada como %2</translation>
    </message>
    <message>
        <source>no run with id %1</source>
        <translation>não há execução com id %1</translation>
    </message>
    <message>
        <source>run %1 is already %2; only queued or running runs can be cancelled</source>
        <translation>a execução %1 já está no estado %2; só execuções na fila ou em andamento podem ser canceladas</translation>
    </message>
    <message>
        <source>cancelled by %1</source>
        <translation>cancelada por %1</translation>
    </message>
    <message>
        <source>queue concurrency must be at least 1</source>
        <translation>a concorrência da fila deve ser de pelo menos 1</translation>
    </message>
    <message>
        <source>queue concurrency must be at least 1, not %1</source>
        <translation>a concorrência da fila deve ser de pelo menos 1, não %1</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>job &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>unknown job &quot;%1&quot;</source>
        <translation>job desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>queue &quot;%1&quot; (%2 runs waiting or running, %3 dead runs not yet handled)</source>
        <translation>fila &quot;%1&quot; (%2 execuções aguardando ou em andamento, %3 execuções mortas ainda não tratadas)</translation>
    </message>
    <message>
        <source>--prune cannot delete %1: let the runs finish or cancel them, replay or discard the dead ones, or keep declaring the queue; nothing was written</source>
        <translation>--prune não pode excluir %1: deixe as execuções terminarem ou cancele-as, reexecute ou descarte as mortas, ou continue declarando a fila; nada foi gravado</translation>
    </message>
    <message>
        <source>a user needs a name</source>
        <translation>um usuário precisa de um nome</translation>
    </message>
    <message>
        <source>an incident needs a dedup key and a title</source>
        <translation>um incidente precisa de uma chave de deduplicação e de um título</translation>
    </message>
    <message>
        <source>no incident with id %1</source>
        <translation>não há incidente com id %1</translation>
    </message>
</context>
<context>
    <name>ScheduleRule</name>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>fuso horário desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cron &quot;%1&quot;: %2</source>
        <translation>cron &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>interval must be between 1 second and 366 days</source>
        <translation>o intervalo deve estar entre 1 segundo e 366 dias</translation>
    </message>
    <message>
        <source>an execution window needs both a start and an end time of day, from 00:00 to 23:59</source>
        <translation>uma janela de execução precisa de um horário de início e um de fim, de 00:00 a 23:59</translation>
    </message>
    <message>
        <source>an execution window needs at least one weekday</source>
        <translation>uma janela de execução precisa de pelo menos um dia da semana</translation>
    </message>
    <message>
        <source>jitter must be between 0 and 3600 seconds</source>
        <translation>o jitter deve estar entre 0 e 3600 segundos</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>invalid secret name &quot;%1&quot;</source>
        <translation>nome de segredo inválido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot read credential %1: %2</source>
        <translation>não foi possível ler a credencial %1: %2</translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; not found: set %2 or a credential file named %1</source>
        <translation>segredo &quot;%1&quot; não encontrado: defina %2 ou um arquivo de credencial chamado %1</translation>
    </message>
    <message>
        <source>the environment secret store is read-only: set VIGIA_SECRET_&lt;NAME&gt; or a systemd credential</source>
        <translation>o cofre de segredos do ambiente é somente leitura: defina VIGIA_SECRET_&lt;NAME&gt; ou uma credencial do systemd</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>não encontrado</translation>
    </message>
    <message>
        <source>keychain: %1</source>
        <translation>chaveiro: %1</translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; not found in the keychain</source>
        <translation>segredo &quot;%1&quot; não encontrado no chaveiro</translation>
    </message>
    <message>
        <source>unknown secret store &quot;%1&quot; (expected keychain, env or auto)</source>
        <translation>cofre de segredos desconhecido &quot;%1&quot; (esperado keychain, env ou auto)</translation>
    </message>
</context>
<context>
    <name>SqlExecutor</name>
    <message>
        <source>exactly one of &quot;connection&quot; (a declared connection&apos;s name) and &quot;database&quot;: &quot;local&quot; is needed</source>
        <translation>é necessário exatamente um entre &quot;connection&quot; (o nome de uma conexão declarada) e &quot;database&quot;: &quot;local&quot;</translation>
    </message>
    <message>
        <source>&quot;connection&quot; must be a connection&apos;s name</source>
        <translation>&quot;connection&quot; deve ser o nome de uma conexão</translation>
    </message>
    <message>
        <source>&quot;database&quot; must be &quot;local&quot; (the engine&apos;s own database); name other databases with &quot;connection&quot;</source>
        <translation>&quot;database&quot; deve ser &quot;local&quot; (o banco de dados do próprio motor); indique outros bancos de dados com &quot;connection&quot;</translation>
    </message>
    <message>
        <source>&quot;query&quot; must be a non-empty SQL statement</source>
        <translation>&quot;query&quot; deve ser uma instrução SQL não vazia</translation>
    </message>
    <message>
        <source>&quot;timeout_ms&quot; must be a whole number of milliseconds from 1 to %1</source>
        <translation>&quot;timeout_ms&quot; deve ser um número inteiro de milissegundos de 1 a %1</translation>
    </message>
    <message>
        <source>invalid sql payload: %1</source>
        <translation>payload sql inválido: %1</translation>
    </message>
    <message>
        <source>no databases are configured for sql runs on this node</source>
        <translation>nenhum banco de dados está configurado para execuções sql neste nó</translation>
    </message>
    <message>
        <source>database &quot;local&quot;: the engine&apos;s own database is not available here</source>
        <translation>database &quot;local&quot;: o banco de dados do próprio motor não está disponível aqui</translation>
    </message>
    <message>
        <source>unknown connection &quot;%1&quot;</source>
        <translation>conexão desconhecida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>declare it under connections: in the jobs file and apply it</source>
        <translation>declare-a em connections: no arquivo de jobs e aplique-o</translation>
    </message>
    <message>
        <source>cannot read connection &quot;%1&quot;</source>
        <translation>não foi possível ler a conexão &quot;%1&quot;</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot;: %2</source>
        <translation>conexão &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>cannot open %1:</source>
        <translation>não foi possível abrir %1:</translation>
    </message>
    <message>
        <source>no such database file</source>
        <translation>arquivo de banco de dados inexistente</translation>
    </message>
    <message>
        <source>statement timeout: the query ran longer than %1 ms</source>
        <translation>tempo limite da instrução esgotado: a consulta durou mais de %1 ms</translation>
    </message>
    <message>
        <source>query cancelled</source>
        <translation>consulta cancelada</translation>
    </message>
    <message>
        <source>query failed:</source>
        <translation>a consulta falhou:</translation>
    </message>
    <message>
        <source>cannot connect:</source>
        <translation>não foi possível conectar:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid PostgreSQL URL</source>
        <translation>&quot;%1&quot; não é uma URL PostgreSQL válida</translation>
    </message>
    <message>
        <source>cannot connect to %1:</source>
        <translation>não foi possível conectar a %1:</translation>
    </message>
    <message>
        <source>unknown database URL (expected sqlite:PATH or postgresql://...)</source>
        <translation>URL de banco de dados desconhecida (esperado sqlite:PATH ou postgresql://...)</translation>
    </message>
</context>
<context>
    <name>SqlRule</name>
    <message>
        <source>&quot;rule&quot; must be &quot;no_rows&quot;, {&quot;at_most&quot;: N} or {&quot;threshold&quot;: {&quot;op&quot;: &quot;&lt;&quot;, &quot;value&quot;: N}}</source>
        <translation>&quot;rule&quot; deve ser &quot;no_rows&quot;, {&quot;at_most&quot;: N} ou {&quot;threshold&quot;: {&quot;op&quot;: &quot;&lt;&quot;, &quot;value&quot;: N}}</translation>
    </message>
    <message>
        <source>&quot;rule&quot;: &quot;at_most&quot; must be a whole number of rows, 0 or more</source>
        <translation>&quot;rule&quot;: &quot;at_most&quot; deve ser um número inteiro de linhas, 0 ou mais</translation>
    </message>
    <message>
        <source>&quot;rule&quot;: &quot;threshold&quot; must be {&quot;op&quot;: one of &lt; &lt;= &gt; &gt;= == !=, &quot;value&quot;: a number}</source>
        <translation>&quot;rule&quot;: &quot;threshold&quot; deve ser {&quot;op&quot;: um de &lt; &lt;= &gt; &gt;= == !=, &quot;value&quot;: um número}</translation>
    </message>
    <message>
        <source>&quot;rule&quot;: unknown rule &quot;%1&quot; (expected no_rows, at_most or threshold)</source>
        <translation>&quot;rule&quot;: regra desconhecida &quot;%1&quot; (esperado no_rows, at_most ou threshold)</translation>
    </message>
    <message>
        <source>rule no_rows: the query returned %1 row(s)</source>
        <translation>regra no_rows: a consulta retornou %1 linha(s)</translation>
    </message>
    <message>
        <source>rule at_most %1: the query returned %2 rows</source>
        <translation>regra at_most %1: a consulta retornou %2 linhas</translation>
    </message>
    <message>
        <source>rule threshold %1: the query returned no rows</source>
        <translation>regra threshold %1: a consulta não retornou nenhuma linha</translation>
    </message>
    <message>
        <source>rule threshold %1: the first value is NULL</source>
        <translation>regra threshold %1: o primeiro valor é NULL</translation>
    </message>
    <message>
        <source>rule threshold %1: the first value &quot;%2&quot; is not a number</source>
        <translation>regra threshold %1: o primeiro valor &quot;%2&quot; não é um número</translation>
    </message>
    <message>
        <source>rule threshold %1: the first value is %2</source>
        <translation>regra threshold %1: o primeiro valor é %2</translation>
    </message>
    <message>
        <source>(%1 rows in all; the first %2 shown)</source>
        <translation>(%1 linhas no total; mostradas as primeiras %2)</translation>
    </message>
</context>
<context>
    <name>SqliteStore</name>
    <message>
        <source>unknown job &quot;%1&quot;</source>
        <translation>job desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no run with id %1</source>
        <translation>não há execução com id %1</translation>
    </message>
    <message>
        <source>run %1 is already %2; only queued or running runs can be cancelled</source>
        <translation>a execução %1 já está no estado %2; só execuções na fila ou em andamento podem ser canceladas</translation>
    </message>
    <message>
        <source>cancelled by %1</source>
        <translation>cancelada por %1</translation>
    </message>
    <message>
        <source>run %1 is %2, not dead; only runs in the dead-letter queue can be replayed or discarded</source>
        <translation>a execução %1 está no estado %2, não dead; só execuções na fila de mortos (DLQ) podem ser reexecutadas ou descartadas</translation>
    </message>
    <message>
        <source>run %1 was already %2</source>
        <translation>a execução %1 já foi marcada como %2</translation>
    </message>
    <message>
        <source>queue concurrency must be at least 1</source>
        <translation>a concorrência da fila deve ser de pelo menos 1</translation>
    </message>
    <message>
        <source>queue concurrency must be at least 1, not %1</source>
        <translation>a concorrência da fila deve ser de pelo menos 1, não %1</translation>
    </message>
    <message>
        <source>unknown queue &quot;%1&quot;</source>
        <translation>fila desconhecida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>não foi possível criar o diretório %1</translation>
    </message>
    <message>
        <source>cannot open SQLite database %1: %2</source>
        <translation>não foi possível abrir o banco de dados SQLite %1: %2</translation>
    </message>
    <message>
        <source>SQLite error in %1 (%2): %3</source>
        <translation>erro do SQLite em %1 (%2): %3</translation>
    </message>
    <message>
        <source>the database %1 has schema version %2, newer than this program knows (%3); upgrade Vigia to use it</source>
        <translation>o banco de dados %1 está na versão de esquema %2, mais nova do que este programa conhece (%3); atualize o Vigia para usá-lo</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>job &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>queue &quot;%1&quot; (%2 runs waiting or running, %3 dead runs not yet handled)</source>
        <translation>fila &quot;%1&quot; (%2 execuções aguardando ou em andamento, %3 execuções mortas ainda não tratadas)</translation>
    </message>
    <message>
        <source>--prune cannot delete %1: let the runs finish or cancel them, replay or discard the dead ones, or keep declaring the queue; nothing was written</source>
        <translation>--prune não pode excluir %1: deixe as execuções terminarem ou cancele-as, reexecute ou descarte as mortas, ou continue declarando a fila; nada foi gravado</translation>
    </message>
    <message>
        <source>SQLite error in %1: %2</source>
        <translation>erro do SQLite em %1: %2</translation>
    </message>
    <message>
        <source>SQLite error: %1</source>
        <translation>erro do SQLite: %1</translation>
    </message>
    <message>
        <source>the Qt SQLite driver did not expose its connection handle</source>
        <translation>o driver SQLite do Qt não expôs seu handle de conexão</translation>
    </message>
    <message>
        <source>a user needs a name</source>
        <translation>um usuário precisa de um nome</translation>
    </message>
    <message>
        <source>an incident needs a dedup key and a title</source>
        <translation>um incidente precisa de uma chave de deduplicação e de um título</translation>
    </message>
    <message>
        <source>no incident with id %1</source>
        <translation>não há incidente com id %1</translation>
    </message>
</context>
<context>
    <name>StoreUrl</name>
    <message>
        <source>database URL &quot;%1&quot; names no file (use sqlite:PATH)</source>
        <translation>a URL de banco de dados &quot;%1&quot; não indica nenhum arquivo (use sqlite:PATH)</translation>
    </message>
    <message>
        <source>database URL &quot;%1&quot; is not a valid PostgreSQL URL</source>
        <translation>a URL de banco de dados &quot;%1&quot; não é uma URL PostgreSQL válida</translation>
    </message>
    <message>
        <source>unknown database URL &quot;%1&quot; (expected sqlite:PATH or postgresql://...)</source>
        <translation>URL de banco de dados desconhecida &quot;%1&quot; (esperado sqlite:PATH ou postgresql://...)</translation>
    </message>
    <message>
        <source>database URL &quot;%1&quot;: the password %2 was not read from the secret store</source>
        <translation>URL do banco de dados &quot;%1&quot;: a senha %2 não foi lida do armazenamento de segredos</translation>
    </message>
    <message>
        <source>database URL &quot;%1&quot;: only the password may be a secret reference (postgresql://user:${secret:NAME}@host/db)</source>
        <translation>URL do banco de dados &quot;%1&quot;: somente a senha pode ser uma referência a segredo (postgresql://user:${secret:NAME}@host/db)</translation>
    </message>
    <message>
        <source>database URL must not contain a password; keep it in the secret store and write postgresql://user:${secret:NAME}@host/db</source>
        <translation>a URL do banco de dados não pode conter uma senha; guarde-a no armazenamento de segredos e escreva postgresql://user:${secret:NAME}@host/db</translation>
    </message>
</context>
<context>
    <name>SummaryLine</name>
    <message>
        <source> (paused)</source>
        <translation> (em pausa)</translation>
    </message>
    <message>
        <source>%1 runs/s | succeeded %2 | retrying %3 | dead %4 | running %5 | queues (waiting/running): %6</source>
        <translation>%1 execuções/s | bem-sucedidas %2 | em nova tentativa %3 | mortas %4 | em andamento %5 | filas (aguardando/em andamento): %6</translation>
    </message>
</context>
<context>
    <name>UnavailableChannel</name>
    <message>
        <source>e-mail transport not available: this build has no SMTP library yet</source>
        <translation>transporte de e-mail indisponível: esta compilação ainda não tem biblioteca SMTP</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>no executor for kind &quot;%1&quot; on this node</source>
        <translation>nenhum executor para o tipo &quot;%1&quot; neste nó</translation>
    </message>
    <message>
        <source>cancelled by an operator</source>
        <translation>cancelada por um operador</translation>
    </message>
    <message>
        <source>interrupted by engine shutdown</source>
        <translation>interrompida pelo desligamento do motor</translation>
    </message>
    <message>
        <source>timeout: still running after %1 ms</source>
        <translation>tempo limite (timeout) esgotado: ainda em andamento após %1 ms</translation>
    </message>
    <message>
        <source>the run refers to secrets (%1) but no secret store is configured</source>
        <translation>a execução faz referência a segredos (%1), mas nenhum cofre de segredos está configurado</translation>
    </message>
</context>
<context>
    <name>vigia::DeliveryWorker</name>
    <message>
        <source>no %1 channel is set up in this engine</source>
        <translation>nenhum canal %1 está configurado neste motor</translation>
    </message>
    <message>
        <source>the delivery log could not be opened; trying again</source>
        <translation>não foi possível abrir o registro de entregas; tentando de novo</translation>
    </message>
</context>
<context>
    <name>vigia::DesktopChannel</name>
    <message>
        <source>no desktop session shows notifications here</source>
        <translation>nenhuma sessão de desktop exibe notificações aqui</translation>
    </message>
</context>
<context>
    <name>vigia::Escalator</name>
    <message>
        <source>run dead</source>
        <translation>execução morta</translation>
    </message>
    <message>
        <source>job stale</source>
        <translation>job em atraso</translation>
    </message>
    <message>
        <source>run too long</source>
        <translation>execução longa demais</translation>
    </message>
    <message>
        <source>failure rate</source>
        <translation>taxa de falhas</translation>
    </message>
    <message>
        <source>SQL check failed</source>
        <translation>verificação SQL falhou</translation>
    </message>
    <message>
        <source>external alert</source>
        <translation>alerta externo</translation>
    </message>
    <message>
        <source>all %1s: nobody acknowledged</source>
        <translation>todos os %1s: ninguém reconheceu</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>etapa %1 de %2</translation>
    </message>
    <message>
        <source>, pass %1 of %2</source>
        <translation>, passagem %1 de %2</translation>
    </message>
    <message>
        <source>unknown escalation policy &quot;%1&quot;</source>
        <translation>política de escalonamento desconhecida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 has no contact channel</source>
        <translation>%1 não tem canal de contato</translation>
    </message>
    <message>
        <source>do not disturb until %1 (%2)</source>
        <translation>não perturbe até %1 (%2)</translation>
    </message>
</context>
<context>
    <name>vigia::IncidentWatcher</name>
    <message>
        <source>Job %1: run %2 went dead</source>
        <translation>Job %1: execução %2 dada como morta</translation>
    </message>
    <message>
        <source>Run %1 (%2, queue %3) went dead</source>
        <translation>Execução %1 (%2, fila %3) dada como morta</translation>
    </message>
    <message>
        <source>Check %1 failed: %2</source>
        <translation>Verificação %1 falhou: %2</translation>
    </message>
    <message>
        <source>a later run of %1 succeeded</source>
        <translation>uma execução posterior de %1 foi bem-sucedida</translation>
    </message>
    <message>
        <source>check %1 passes again</source>
        <translation>a verificação %1 voltou a passar</translation>
    </message>
</context>
<context>
    <name>vigia::SlaMonitor</name>
    <message>
        <source>Job %1 is stale: no success since %2 (SLA %3)</source>
        <translation>Job %1 em atraso: nenhum sucesso desde %2 (SLA %3)</translation>
    </message>
    <message>
        <source>Job %1 is stale: no success since it was created (SLA %2)</source>
        <translation>Job %1 em atraso: nenhum sucesso desde que foi criado (SLA %2)</translation>
    </message>
    <message>
        <source>the job succeeded again</source>
        <translation>o job voltou a ter sucesso</translation>
    </message>
    <message>
        <source>Job %1 runs too long: %2 (limit %3)</source>
        <translation>Job %1 demora demais: %2 (limite %3)</translation>
    </message>
    <message>
        <source>no run of the job runs too long any more</source>
        <translation>nenhuma execução do job continua demorando demais</translation>
    </message>
    <message>
        <source>Job %1 fails too often: %2 of its last %3 runs (threshold %4%)</source>
        <translation>Job %1 falha com frequência demais: %2 das últimas %3 execuções (limiar %4%)</translation>
    </message>
    <message>
        <source>the job&apos;s failure rate is back under its threshold</source>
        <translation>a taxa de falhas do job voltou a ficar abaixo do limiar</translation>
    </message>
</context>
<context>
    <name>vigia::WebhookChannel</name>
    <message>
        <source>not an http(s) URL: %1</source>
        <translation>não é uma URL http(s): %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
</context>
</TS>
