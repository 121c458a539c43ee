// The configuration the scenario ran with, as resolved (catalogue + overrides).

import type { RunRecord } from '../../documents/types/index.ts';
import { renderHtmlTable } from './html-table.ts';

export function renderConfiguration(record: RunRecord): string {
  const s = record.scenario;
  const t = s.thresholds;
  const rows: Array<[string, string]> = [
    ['description', s.description],
    ['hp', `${s.hp.model}, batch ${s.hp.batch}, ${s.hp.imageSize}px, ${s.hp.rateHz} req/s ${s.hp.arrival}`],
    ['lp', `${s.lp.model}, batch ${s.lp.batch}, ${s.lp.imageSize}px, back to back`],
    ['window / trials', `${s.durationMs} ms x ${s.trials} trials (arms interleaved within a trial)`],
    ['arms', s.arms.join(', ')],
    ['GPU index / sharing', `${s.gpuIndex} / ${s.sharing}`],
    ['seed / confidence', `${s.seed} / ${s.confidence}`],
    ['thresholds', `hp achieved rate >= ${t.hpAchievedRateMinFraction} x target; hp P99 improvement >= ${t.hpP99ImprovementMinFraction}; ` +
      `lp loss <= ${t.lpThroughputLossMaxFraction}; regression tolerance P99 ${t.regressionP99Tolerance}, lp ${t.regressionLpTolerance}`],
    ['overrides of the catalogue', describeOverrides(record)],
    ['host', `${record.host.hostname}, ${record.host.os}, node ${record.host.node}, ${record.host.cpus} CPUs${record.host.cpuModel ? ` (${record.host.cpuModel})` : ''}`],
    ['worker binary', record.workerPath],
  ];
  return renderHtmlTable(['setting', 'value'], rows, { className: 'config' });
}

function describeOverrides(record: RunRecord): string {
  const overrides = record.scenario.overrides ?? [];
  if (overrides.length === 0) return 'none (catalogue values)';
  const show = (v: number | string | string[]) => (Array.isArray(v) ? v.join(',') : String(v));
  return overrides.map((o) => `${o.field}: ${show(o.catalogueValue)} -> ${show(o.value)} (${o.source})`).join('; ');
}
