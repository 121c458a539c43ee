// The XSched settings a baseline's xsched arm ran with, and how a run's differ. A run with
// another lp threshold or policy measures another configuration: judging it against the
// stored xsched numbers would call a deliberate trade-off a regression.

import type { BaselineXschedSettings } from '../../documents/types/baseline.ts';
import type { Role } from '../../documents/types/scenario.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { XSCHED_ENV } from '../../plan/config/xsched-facts.ts';
import type { XschedConfig } from '../../plan/config/xsched-settings.ts';
import type { WorkloadDifference } from './workload.ts';

const ROLES: Role[] = ['hp', 'lp'];
type RoleField = keyof BaselineXschedSettings['hp'];
/** Each per-role field and the suite setting (suffixed _HP / _LP) that chooses it. */
const ROLE_SETTINGS: Record<RoleField, string> = {
  priority: 'PERF_XSCHED_PRIORITY',
  threshold: 'PERF_XSCHED_THRESHOLD',
  batchSize: 'PERF_XSCHED_BATCH_SIZE',
};
const ROLE_FIELDS = Object.keys(ROLE_SETTINGS) as RoleField[];

/**
 * From the first xsched arm-trial that recorded a complete environment; null when none did
 * (an incomplete record cannot say what XSched ran with, so nothing is stored or compared).
 */
export function xschedSettingsOfRun(record: RunRecord): BaselineXschedSettings | null {
  for (const trial of record.trials) {
    const evidence = trial.arm === 'xsched' ? trial.xsched : null;
    const hp = evidence?.env.hp;
    const lp = evidence?.env.lp;
    if (!evidence || !hp || !lp) continue;
    // Number(undefined) is NaN: a missing variable fails the finiteness test below.
    const role = (env: Record<string, string>) => ({
      priority: Number(env[XSCHED_ENV.priority]),
      threshold: Number(env[XSCHED_ENV.threshold]),
      batchSize: Number(env[XSCHED_ENV.batchSize]),
    });
    const settings = { policy: evidence.policy, level: Number(hp[XSCHED_ENV.level]), hp: role(hp), lp: role(lp) };
    if ([settings.level, ...Object.values(settings.hp), ...Object.values(settings.lp)].every(Number.isFinite)) return settings;
  }
  return null;
}

/** The settings a run's xsched arm would use, from the validated configuration (plan/config/xsched-settings.ts). */
export function xschedSettingsOfConfig(config: Pick<XschedConfig, 'policy' | 'level' | 'roles'>): BaselineXschedSettings {
  return { policy: config.policy, level: config.level, hp: { ...config.roles.hp }, lp: { ...config.roles.lp } };
}

/** Every setting where `current` differs from `stored` (field names as in the file). */
export function diffXschedSettings(stored: BaselineXschedSettings, current: BaselineXschedSettings): WorkloadDifference[] {
  const pairs: Array<[string, string | number, string | number]> = [
    ['policy', stored.policy, current.policy],
    ['level', stored.level, current.level],
    ...ROLES.flatMap((role) => ROLE_FIELDS.map((name): [string, number, number] => [`${role}.${name}`, stored[role][name], current[role][name]])),
  ];
  return pairs.flatMap(([field, s, c]) => (s === c ? [] : [{ field, stored: s, current: c }]));
}

/** The PERF_XSCHED_* assignments that bring a run back to the stored settings. */
export function settingsRestoringXsched(differences: WorkloadDifference[]): string[] {
  return differences.map(({ field, stored }) => {
    if (field === 'policy') return `PERF_XSCHED_POLICY=${stored}`;
    if (field === 'level') return `PERF_XSCHED_LEVEL=${stored}`;
    const [role, name] = field.split('.') as [Role, RoleField];
    return `${ROLE_SETTINGS[name]}_${role.toUpperCase()}=${stored}`;
  });
}
