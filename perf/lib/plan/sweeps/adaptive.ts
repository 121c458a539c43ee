// The adaptive sweep (docs/sweeps.md): a coarse grid first (every other setting per
// mechanism, both ends kept), then the skipped settings next to each mechanism's knee.
// The knee is the point with the lowest hp P99 whose lp loss estimate fits the largest
// budget: where the trade-off that matters turns, and where a finer grid can move the answer.

import type { SweepMechanism, SweepPoint } from '../../documents/types/sweep.ts';
import type { SweepUnit } from './expand.ts';

const byMechanism = (units: readonly SweepUnit[]): Map<SweepMechanism, SweepUnit[]> => {
  const groups = new Map<SweepMechanism, SweepUnit[]>();
  for (const unit of units) if (unit.mechanism !== null) groups.set(unit.mechanism, [...(groups.get(unit.mechanism) ?? []), unit]);
  return groups;
};

/** Every other point of each mechanism in grid order, first and last always kept. */
export function coarseUnits(points: readonly SweepUnit[]): SweepUnit[] {
  const kept = new Set<string>();
  for (const group of byMechanism(points).values()) {
    group.forEach((unit, index) => {
      if (index % 2 === 0 || index === group.length - 1) kept.add(unit.id);
    });
  }
  return points.filter((unit) => kept.has(unit.id));
}

/** Per mechanism, the id of the measured point with the lowest P99 estimate within `maxLossBudget` (else the least lossy). */
export function kneeIds(measured: readonly SweepPoint[], maxLossBudget: number): string[] {
  const knees: string[] = [];
  const mechanisms = new Set(measured.map((p) => p.mechanism));
  for (const mechanism of mechanisms) {
    const usable = measured.filter((p) => p.mechanism === mechanism && p.proof.status === 'proven' && p.hpP99Ms !== null && p.lpLoss !== null);
    const within = usable.filter((p) => p.lpLoss!.estimate <= maxLossBudget).sort((a, b) => a.hpP99Ms!.estimate - b.hpP99Ms!.estimate);
    const knee = within[0] ?? [...usable].sort((a, b) => a.lpLoss!.estimate - b.lpLoss!.estimate)[0];
    if (knee !== undefined) knees.push(knee.id);
  }
  return knees;
}

/** The grid points next to each knee (in grid order) that have not run yet. */
export function refineUnits(points: readonly SweepUnit[], alreadyRun: ReadonlySet<string>, knees: readonly string[]): SweepUnit[] {
  const picked = new Set<string>();
  for (const group of byMechanism(points).values()) {
    group.forEach((unit, index) => {
      if (!knees.includes(unit.id)) return;
      for (const neighbour of [group[index - 1], group[index + 1]]) {
        if (neighbour !== undefined && !alreadyRun.has(neighbour.id)) picked.add(neighbour.id);
      }
    });
  }
  return points.filter((unit) => picked.has(unit.id));
}
