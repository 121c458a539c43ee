// What ran where: the workers' own fingerprints (READY lines), grouped so that
// identical workers share a row, with a column flagged when it differs where it
// should not (two GPUs, two drivers, two worker versions in one run).

import type { RunRecord, WorkerFingerprint } from '../../documents/types/index.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlCell, renderHtmlTable, type HtmlCell } from './html-table.ts';

interface Column {
  header: string;
  value: (f: WorkerFingerprint) => string;
  /** Expected to be the same for every worker of a run. */
  mustAgree: boolean;
}

const COLUMNS: Column[] = [
  // What proves shim or no shim first, so it stays in view on a narrow screen.
  { header: 'role', value: (f) => f.role, mustAgree: false },
  { header: 'XSched libraries mapped', value: (f) => (f.xschedLibraries.length ? f.xschedLibraries.join('\n') : 'none'), mustAgree: false },
  { header: 'stream priority', value: (f) => `${f.stream.priority} (${f.stream.value}; range ${f.stream.leastPriority}..${f.stream.greatestPriority})`, mustAgree: false },
  { header: 'MPS client', value: (f) => `${f.mps.client === null ? 'unknown' : String(f.mps.client)} (${f.mps.source})`, mustAgree: false },
  { header: 'GPU', value: (f) => `${f.gpu.name} (${f.gpu.arch}, index ${f.gpu.index})`, mustAgree: true },
  { header: 'uuid', value: (f) => f.gpu.uuid, mustAgree: true },
  { header: 'pci bus', value: (f) => f.gpu.pciBusId, mustAgree: true },
  { header: 'driver / runtime', value: (f) => `${f.driverVersion} / ${f.runtimeVersion}`, mustAgree: true },
  { header: 'worker', value: (f) => `${f.workerVersion} (${f.platform})`, mustAgree: true },
  { header: 'host', value: (f) => f.hostname, mustAgree: true },
];

export function renderFingerprintTable(record: RunRecord): string {
  const groups = new Map<string, { values: string[]; where: Map<string, number[]> }>();
  for (const t of record.trials) {
    for (const w of t.workers) {
      if (!w.ok) continue;
      const values = COLUMNS.map((c) => c.value(w.result.fingerprint));
      const key = JSON.stringify(values);
      const group = groups.get(key) ?? { values, where: new Map<string, number[]>() };
      group.where.set(t.arm, [...(group.where.get(t.arm) ?? []), t.trial + 1]);
      groups.set(key, group);
    }
  }
  if (groups.size === 0) return '<p class="muted">No worker reported a fingerprint (no worker got to READY).</p>';
  const rows = [...groups.values()];
  const disagreeing = COLUMNS.map((c, i) => c.mustAgree && new Set(rows.map((r) => r.values[i])).size > 1);
  const flagged = (header: string) => htmlCell(`${escapeHtml(header)} ⚠`, 'bad', 'differs between workers of this run');
  const headers: HtmlCell[] = ['arm, trial', ...COLUMNS.map((c, i) => (disagreeing[i] ? flagged(c.header) : c.header))];
  const body = rows.map((r) => [
    [...r.where].map(([arm, trials]) => `${arm} (t${trials.join(', t')})`).join('; '),
    ...r.values.map((v, i) => htmlCell(escapeHtml(v).replace(/\n/g, '<br>'), disagreeing[i] ? 'bad' : undefined)),
  ]);
  return renderHtmlTable(headers, body, { className: 'fingerprint' });
}
