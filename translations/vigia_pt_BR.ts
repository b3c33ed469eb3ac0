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
        <source>Declare queues and jobs from a YAML file (jobs as code, described in README.md): create what is new, update what changed, leave what is equal. The whole file is checked first and written in one transaction; any error writes nothing.</source>
        <translation>Declara filas e jobs a partir de um arquivo YAML (jobs como código, descrito no README.md): cria o que é novo, atualiza o que mudou e mantém o que é igual. O arquivo inteiro é verificado primeiro e gravado em uma única transação; qualquer erro faz com que nada seja gravado.</translation>
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
        <source>Also delete the queues (never &quot;default&quot;) and jobs the file does not declare. Past runs of a deleted job are kept, no longer linked to it.</source>
        <translation>Exclui também as filas (nunca &quot;default&quot;) e os jobs que o arquivo não declara. As execuções passadas de um job excluído são mantidas, sem vínculo com ele.</translation>
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
        <source>Write every queue and job, by name, in the jobs-as-code YAML format; applying the output changes nothing.</source>
        <translation>Grava todas as filas e jobs, por nome, no formato YAML de jobs como código; aplicar a saída não altera nada.</translation>
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
        <source>Secret store: keychain, env or auto (default: $VIGIA_SECRETS, else auto: the keychain when a desktop session is running, else VIGIA_SECRET_&lt;NAME&gt; variables and systemd credentials).</source>
        <translation>Cofre de segredos: keychain, env ou auto (padrão: $VIGIA_SECRETS; senão, auto: o chaveiro quando há uma sessão de desktop em execução; senão, variáveis VIGIA_SECRET_&lt;NAME&gt; e credenciais do systemd).</translation>
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
        <source>Where ${secret:NAME} references are read: keychain, env or auto (default: $VIGIA_SECRETS, else auto).</source>
        <translation>De onde as referências ${secret:NAME} são lidas: keychain, env ou auto (padrão: $VIGIA_SECRETS; senão, auto).</translation>
    </message>
    <message>
        <source>Apply the demo queues and jobs (resources/demo/demo.yaml) and enqueue a small workload every second.</source>
        <translation>Aplica as filas e jobs de demonstração (resources/demo/demo.yaml) e enfileira uma pequena carga de trabalho a cada segundo.</translation>
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
        <source>apply is not available on PostgreSQL yet; nothing was written</source>
        <translation>apply ainda não está disponível no PostgreSQL; nada foi gravado</translation>
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
        <source>database URL must not contain a password; keep it in the secret store</source>
        <translation>a URL de banco de dados não deve conter senha; guarde-a no cofre de segredos</translation>
    </message>
    <message>
        <source>unknown database URL &quot;%1&quot; (expected sqlite:PATH or postgresql://...)</source>
        <translation>URL de banco de dados desconhecida &quot;%1&quot; (esperado sqlite:PATH ou postgresql://...)</translation>
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
</TS>
