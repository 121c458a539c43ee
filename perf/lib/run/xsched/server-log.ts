// Reads what the xserver log (XLOG_LEVEL=INFO) says about the workers. Line shapes from
// XSched 1.2.0: "[XSCHED INFO @ T <tid> @ hh:mm:ss.us] <message>[ @ file:line]" with
//   client process <pid> connected, cmdline: ...        (service/server/src/server.cpp)
//   XQueue (0x<hex>) from process <pid> created          (sched/src/scheduler/local.cpp)
//   set priority <n> for XQueue 0x<hex>                  (sched/src/policy/hpf.cpp, hhpf.cpp)
//   CFS: set priority <n> (weight <w>) for XQueue 0x<hex> (sched/src/policy/cfs.cpp)

export interface XserverLogFacts {
  connectedPids: number[];
  queuesCreated: Array<{ queue: string; pid: number }>;
  /** pid comes from the queue's "created" line; null when that line is missing. */
  prioritiesSet: Array<{ queue: string; priority: number; pid: number | null }>;
  /** WARN and ERRO lines, for messages. */
  problems: string[];
}

const CONNECTED = /client process (\d+) connected/;
const QUEUE_CREATED = /XQueue \(0x([0-9a-fA-F]+)\) from process (\d+) created/;
const PRIORITY_SET = /set priority (-?\d+)(?: \(weight [^)]*\))? for XQueue 0x([0-9a-fA-F]+)/;
const PROBLEM = /^\[XSCHED (WARN|ERRO)\b/;
// Colour codes appear only when stderr is a terminal, but a log may have been copied from one.
const ANSI = /\x1b\[[0-9;]*m/g;

export function parseXserverLog(text: string): XserverLogFacts {
  const connected = new Set<number>();
  const queuesCreated: XserverLogFacts['queuesCreated'] = [];
  const priorityLines: Array<{ queue: string; priority: number }> = [];
  const problems: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(ANSI, '').trimEnd();
    let match: RegExpExecArray | null;
    if ((match = CONNECTED.exec(line))) connected.add(Number(match[1]));
    else if ((match = QUEUE_CREATED.exec(line))) queuesCreated.push({ queue: `0x${(match[1] as string).toLowerCase()}`, pid: Number(match[2]) });
    else if ((match = PRIORITY_SET.exec(line))) priorityLines.push({ priority: Number(match[1]), queue: `0x${(match[2] as string).toLowerCase()}` });
    else if (PROBLEM.test(line)) problems.push(line);
  }
  const pidOfQueue = new Map(queuesCreated.map((q) => [q.queue, q.pid]));
  return {
    connectedPids: [...connected],
    queuesCreated,
    prioritiesSet: priorityLines.map((p) => ({ ...p, pid: pidOfQueue.get(p.queue) ?? null })),
    problems,
  };
}
