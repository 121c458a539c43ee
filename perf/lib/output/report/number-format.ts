// Number formatting shared by every report. Deterministic (no locale), so
// rendering a recorded run twice gives byte-identical output.

const DASH = '–';

/** Latency in milliseconds: more decimals for small values, where they matter. */
export function formatMs(valueMs: number | null | undefined): string {
  if (valueMs === null || valueMs === undefined || !Number.isFinite(valueMs)) return DASH;
  const magnitude = Math.abs(valueMs);
  if (magnitude < 10) return valueMs.toFixed(2);
  if (magnitude < 1000) return valueMs.toFixed(1);
  return valueMs.toFixed(0);
}

/** Rates (req/s, iter/s): two decimals below 100, one above. */
export function formatRate(valuePerSec: number | null | undefined): string {
  if (valuePerSec === null || valuePerSec === undefined || !Number.isFinite(valuePerSec)) return DASH;
  return Math.abs(valuePerSec) < 100 ? valuePerSec.toFixed(2) : valuePerSec.toFixed(1);
}

/** A fraction as a signed percentage: -0.209 -> "-20.9%". */
export function formatSignedPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return DASH;
  const text = (fraction * 100).toFixed(1);
  return fraction > 0 ? `+${text}%` : `${text}%`;
}

/** A fraction as a percentage to 0.1: 0.0834 -> "8.3%". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return DASH;
  return `${(fraction * 100).toFixed(1)}%`;
}

/** An interval's confidence level: 0.95 -> "95%", 0.999 -> "99.9%". */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toPrecision(3))}%`;
}

/** Any measured value: integers as they are, other numbers to 4 significant digits. */
export function formatMeasuredValue(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(4)));
  }
  return String(value);
}

/** A record of measured numbers as "key=value, key=value" in the record's own key order. */
export function formatMeasuredRecord(record: Record<string, number | string | boolean | null>): string {
  const entries = Object.entries(record);
  if (entries.length === 0) return DASH;
  return entries.map(([key, value]) => `${key}=${formatMeasuredValue(value)}`).join(', ');
}

/** Milliseconds of wall time as "1h02m", "3m05s" or "42s". */
export function formatDurationMs(durationMs: number): string {
  const totalSec = Math.max(0, Math.round(durationMs / 1000));
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}
