// The proofs that XSched scheduled one worker of the xsched arm, each a ValidityCheck
// that says, when it fails, what is missing and what to look at.

import { basename } from 'node:path';
import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { CheckVerdict as Verdict } from './check-context.ts';
import type { Role } from '../../documents/types/scenario.ts';
import type { ArmTrialRecord, WorkerOutcome, XschedEvidence } from '../../documents/types/run-record.ts';
import { POLICIES_LOGGING_PRIORITY, type XschedPolicyName } from '../../plan/config/xsched-facts.ts';
import { countQueuesByPid } from '../../run/xsched/xqueues.ts';

export interface RoleContext {
  trial: ArmTrialRecord;
  role: Role;
  pid: number | null;
  outcome: WorkerOutcome | undefined;
  evidence: XschedEvidence;
}

function check(ctx: RoleContext, id: string, title: string, verdict: Verdict): ValidityCheck {
  return { id: `${id}.${ctx.role}`, title: `${ctx.role} ${title}`, arm: ctx.trial.arm, trial: ctx.trial.trial, ...verdict };
}

const pass = (message: string, measured: Verdict['measured']): Verdict => ({ status: 'pass', message, measured, recommendation: null });
const fail = (message: string, measured: Verdict['measured'], recommendation: string): Verdict => ({ status: 'fail', message, measured, recommendation });
const skip = (message: string, measured: Verdict['measured'] = {}): Verdict => ({ status: 'skip', message, measured, recommendation: null });

function who(ctx: RoleContext): string {
  return `worker ${ctx.role}${ctx.pid === null ? '' : ` (pid ${ctx.pid})`}`;
}

export function checkShimMapped(ctx: RoleContext): ValidityCheck {
  const title = 'worker has the XSched shim mapped';
  if (!ctx.outcome?.ok) return check(ctx, 'xsched.shim-mapped', title, skip(`${who(ctx)} reported no fingerprint (it failed)`));
  const libraries = ctx.outcome.result.fingerprint.xschedLibraries;
  const shim = libraries.find((path) => basename(path).startsWith('libshim'));
  const measured = { libraries: libraries.join(', ') || '(none)' };
  if (shim) return check(ctx, 'xsched.shim-mapped', title, pass(`${who(ctx)} maps ${shim}`, measured));
  return check(
    ctx,
    'xsched.shim-mapped',
    title,
    fail(
      `${who(ctx)} has no XSched shim in its /proc/self/maps (XSched libraries: ${measured.libraries})`,
      measured,
      'the shim must reach the worker process itself: check LD_PRELOAD (HIP) or LD_LIBRARY_PATH=<root>/lib (CUDA) in the worker log header, and that no wrapper script resets them',
    ),
  );
}

export function checkRegistered(ctx: RoleContext): ValidityCheck {
  const title = 'worker registered with the xserver';
  const connected = ctx.pid !== null && ctx.evidence.connectedPids.includes(ctx.pid);
  const measured = { pid: ctx.pid, connectedPids: ctx.evidence.connectedPids.join(', ') || '(none)' };
  if (connected) return check(ctx, 'xsched.registered', title, pass(`xserver log: client process ${ctx.pid} connected`, measured));
  return check(
    ctx,
    'xsched.registered',
    title,
    fail(
      `${who(ctx)} never connected: the xserver log ${ctx.evidence.serverLogPath} has no "client process ${ctx.pid ?? '?'} connected" (connected: ${measured.connectedPids})`,
      measured,
      'a worker reaches the xserver only with the shim loaded and XSCHED_SCHEDULER=GLB; worker and xserver must share an IPC namespace (same container or host)',
    ),
  );
}

export function checkQueueCreated(ctx: RoleContext): ValidityCheck {
  const title = 'worker created an XQueue';
  const created = ctx.pid !== null && ctx.evidence.queueCreatedPids.includes(ctx.pid);
  const queues = queuesOfPid(ctx);
  // Records from before queue handles were kept replay to the same check as when they were judged.
  const counted: Verdict['measured'] = queues === null ? {} : { queues: queues.length };
  const measured = { pid: ctx.pid, ...counted, queueCreatedPids: ctx.evidence.queueCreatedPids.join(', ') || '(none)' };
  const howMany = queues === null ? 'XQueue' : `${queues.length} XQueue(s)`;
  if (created) return check(ctx, 'xsched.queue-created', title, pass(`xserver log: ${howMany} from process ${ctx.pid} created`, measured));
  return check(
    ctx,
    'xsched.queue-created',
    title,
    fail(
      `${who(ctx)} registered no XQueue (no "XQueue (0x...) from process ${ctx.pid ?? '?'} created" in ${ctx.evidence.serverLogPath})`,
      measured,
      'is it launching on the default stream? XSched only wraps streams the process creates, and only with XSCHED_AUTO_XQUEUE=ON; graph launches bypass it too',
    ),
  );
}

/** The handles of every XQueue the pid created; null for records from before they were kept. */
function queuesOfPid(ctx: RoleContext): string[] | null {
  if (ctx.evidence.queuesCreated === undefined) return null;
  return ctx.pid === null ? [] : ctx.evidence.queuesCreated.filter((q) => q.pid === ctx.pid).map((q) => q.queue);
}

export function checkQueueListed(ctx: RoleContext): ValidityCheck {
  const title = 'worker has XQueues in GET /xqueues during the run';
  const count = ctx.pid === null ? 0 : (countQueuesByPid(ctx.evidence.xqueues).get(ctx.pid) ?? 0);
  const measured = { pid: ctx.pid, queues: count };
  if (ctx.evidence.xqueues === null || ctx.evidence.xqueues === undefined) {
    const why = ctx.evidence.xqueuesError ?? 'no answer was recorded';
    return check(ctx, 'xsched.queue-listed', title, fail(`no GET /xqueues answer from the run: ${why}`, measured, `see ${ctx.evidence.serverLogPath}; the xserver must stay up for the whole arm`));
  }
  if (count > 0) return check(ctx, 'xsched.queue-listed', title, pass(`GET /xqueues at half time lists ${count} XQueue(s) of pid ${ctx.pid}`, measured));
  return check(
    ctx,
    'xsched.queue-listed',
    title,
    fail(
      `GET /xqueues at half time lists no XQueue of ${who(ctx)}`,
      measured,
      'the worker was not under XSched while it ran: see xsched.registered and xsched.queue-created for why',
    ),
  );
}

export function checkPrioritySet(ctx: RoleContext): ValidityCheck {
  const title = 'worker XQueues got the configured priority';
  const expected = Number(ctx.evidence.env[ctx.role]?.XSCHED_AUTO_XQUEUE_PRIORITY);
  const policy = ctx.evidence.policy as XschedPolicyName;
  if (!POLICIES_LOGGING_PRIORITY.includes(policy)) {
    return check(ctx, 'xsched.priority-set', title, skip(`policy ${policy} does not log priorities; nothing to compare`));
  }
  const lines = ctx.pid === null ? [] : ctx.evidence.prioritiesSet.filter((p) => p.pid === ctx.pid);
  const wrong = lines.filter((p) => p.priority !== expected);
  // Every queue of the worker needs the priority: a PyTorch process creates many, and one left
  // at another priority is work XSched schedules against the other role.
  const queues = queuesOfPid(ctx);
  const withPriority = new Set(lines.map((p) => p.queue));
  const unset = queues === null ? [] : queues.filter((queue) => !withPriority.has(queue));
  const counted: Verdict['measured'] = queues === null ? {} : { queues: queues.length, unset: unset.length };
  const measured = { pid: ctx.pid, expected: Number.isFinite(expected) ? expected : null, linesSeen: lines.length, wrong: wrong.length, ...counted };
  if (!Number.isFinite(expected)) {
    return check(ctx, 'xsched.priority-set', title, fail(`no XSCHED_AUTO_XQUEUE_PRIORITY was recorded for ${ctx.role}`, measured, 'the arm setup did not set the priority: a suite bug'));
  }
  if (lines.length === 0) {
    return check(
      ctx,
      'xsched.priority-set',
      title,
      fail(`the xserver log has no "set priority" line for ${who(ctx)}'s XQueues`, measured, 'check XSCHED_AUTO_XQUEUE_PRIORITY in the worker environment and that its XQueue was created (xsched.queue-created)'),
    );
  }
  if (wrong.length > 0) {
    const first = wrong[0] as { queue: string; priority: number };
    return check(
      ctx,
      'xsched.priority-set',
      title,
      fail(`XQueue ${first.queue} of ${who(ctx)} got priority ${first.priority}, expected ${expected}`, measured, 'something else (xcli hint, another client) changed the priority during the run'),
    );
  }
  if (unset.length > 0) {
    return check(
      ctx,
      'xsched.priority-set',
      title,
      fail(
        `${unset.length} of ${queues?.length} XQueue(s) of ${who(ctx)} never got a "set priority" line (first: ${unset[0]})`,
        measured,
        'every XQueue of a worker must get XSCHED_AUTO_XQUEUE_PRIORITY; look for the queue in the xserver log and for queues created before the priority was read',
      ),
    );
  }
  const scope = queues === null ? `${lines.length} XQueue(s)` : `all ${queues.length} XQueue(s)`;
  return check(ctx, 'xsched.priority-set', title, pass(`${scope} of pid ${ctx.pid} set to priority ${expected}`, measured));
}

export function checkGlobalScheduler(ctx: RoleContext): ValidityCheck {
  const title = 'worker uses the global (xserver) scheduler';
  const kinds = ctx.evidence.schedulerKinds?.[ctx.role] ?? [];
  const measured = { schedulers: kinds.join(', ') || '(none)' };
  if (ctx.evidence.globalSchedulerSeen[ctx.role] === true) return check(ctx, 'xsched.global-scheduler', title, pass(`${who(ctx)} stderr: "using global scheduler"`, measured));
  let reason = `${who(ctx)} stderr has no XSched scheduler line`;
  let recommendation = 'the shim did not load in the worker, or XLOG_LEVEL=INFO did not reach it';
  if (kinds.includes('app-managed')) {
    reason = `${who(ctx)} stderr says "using app-managed scheduler", which schedules nothing`;
    recommendation = 'XSCHED_SCHEDULER must be exactly GLB in the worker environment (a misspelt value falls back silently)';
  } else if (kinds.includes('local')) {
    reason = `${who(ctx)} stderr says "using local scheduler": it scheduled itself, not with the other worker`;
    recommendation = 'XSCHED_POLICY reached the worker; it must be unset for the xserver to schedule';
  }
  if (ctx.outcome) reason += ` (log ${ctx.outcome.logPath})`;
  return check(ctx, 'xsched.global-scheduler', title, fail(reason, measured, recommendation));
}
