/**
 * The target rows a bench prints after its own table (issue 17: "each target row with the floor
 * measured in the same run and the ratio"): what was measured, against which floor, the target
 * and whether it is met.
 */
export interface TargetRow {
  measure: string;
  /** The measured figure (a median when the bench ran several times). */
  value: number;
  /** Measured values of every run, for the spread; the median is `value`. */
  runs: readonly number[];
  unit: 's' | 'ms' | 'MiB';
  /** The floor of the same run in the same unit, when the target is about the ratio to it (or the ratio is worth showing). */
  floor: number | null;
  /** The target: an upper bound on `value`, or on `value / floor` when `on` is `ratio`. */
  target: number;
  on: 'value' | 'ratio';
}

/** The median of a non-empty list (the upper one of an even count, as the benches' tables take it). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function isMet(row: TargetRow): boolean {
  const measured = row.on === 'ratio' ? row.value / row.floor! : row.value;
  return measured <= row.target;
}

/** Prints the rows as a Markdown table (stdout, like the benches' own tables). */
export function printTargetRows(rows: readonly TargetRow[], notRun: readonly string[] = [], heading = 'target (issue 17)'): void {
  // Milliseconds: CPU per request needs three decimals, latencies none.
  const digits = (value: number, unit: TargetRow['unit']) => (unit === 's' || (unit === 'ms' && value < 10) ? 3 : 0);
  const figure = (value: number, unit: TargetRow['unit']) => `${value.toFixed(digits(value, unit))} ${unit}`;
  console.log(`\n| ${heading} | now (median) | runs | floor, same run | ratio | target | met? |\n| --- | --- | --- | --- | --- | --- | --- |`);
  for (const row of rows) {
    const ratio = row.floor === null || row.floor === 0 ? '' : `${(row.value / row.floor).toFixed(2)}x`;
    const target = row.on === 'ratio' ? `≤ ${row.target}x floor` : `≤ ${figure(row.target, row.unit)}`;
    const spread = row.runs.length > 1 ? `${row.runs.length}: ${figure(Math.min(...row.runs), row.unit)} – ${figure(Math.max(...row.runs), row.unit)}` : '1';
    console.log(`| ${row.measure} | ${figure(row.value, row.unit)} | ${spread} | ${row.floor === null ? '' : figure(row.floor, row.unit)} | ${ratio} | ${target} | ${isMet(row) ? 'met' : '**not met**'} |`);
  }
  for (const measure of notRun) console.log(`| ${measure} | not run | | | | | |`);
}
