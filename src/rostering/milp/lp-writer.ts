/**
 * Writes a MilpModel in CPLEX LP format, the text HiGHS reads. Every column is listed in
 * the objective (zero costs included) so HiGHS numbers columns in model order.
 */
import type { MilpModel } from './milp-builder';

const TERMS_PER_LINE = 8;

/** Shortest exact-enough decimal: 12 significant digits, no exponent for normal magnitudes. */
export function formatNumber(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  return text.includes('e') ? value.toFixed(12).replace(/\.?0+$/, '') : text;
}

function expression(indices: number[], values: number[], names: string[]): string {
  if (indices.length === 0) return '0 ' + names[0];
  const parts: string[] = [];
  indices.forEach((col, i) => {
    const v = values[i];
    const sign = v < 0 ? '-' : '+';
    const abs = Math.abs(v);
    const term = `${abs === 1 ? '' : `${formatNumber(abs)} `}${names[col]}`;
    parts.push(i === 0 ? (v < 0 ? `- ${term}` : term) : `${sign} ${term}`);
  });
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += TERMS_PER_LINE)
    lines.push(parts.slice(i, i + TERMS_PER_LINE).join(' '));
  return lines.join('\n   ');
}

export function writeLp(model: MilpModel): string {
  const names = model.columns.map((c) => c.name);
  const out: string[] = ['\\ Shiftcast weekly roster', 'Minimize'];
  const all = model.columns.map((_, i) => i);
  // Zero costs are written as "0 name" so that every column is declared in order.
  const objective = all
    .map((i) => {
      const cost = model.columns[i].cost;
      const term = `${formatNumber(Math.abs(cost))} ${names[i]}`;
      return i === 0 ? (cost < 0 ? `- ${term}` : term) : `${cost < 0 ? '-' : '+'} ${term}`;
    })
    .reduce<string[]>((lines, part, i) => {
      if (i % TERMS_PER_LINE === 0) lines.push(part);
      else lines[lines.length - 1] += ` ${part}`;
      return lines;
    }, []);
  out.push(` obj: ${objective.join('\n   ')}`);
  out.push('Subject To');
  for (const row of model.rows) {
    const lhs = expression(row.indices, row.values, names);
    if (row.lower === row.upper) out.push(` ${row.name}: ${lhs} = ${formatNumber(row.upper)}`);
    else if (Number.isFinite(row.lower)) out.push(` ${row.name}: ${lhs} >= ${formatNumber(row.lower)}`);
    else out.push(` ${row.name}: ${lhs} <= ${formatNumber(row.upper)}`);
  }
  out.push('Bounds');
  for (const c of model.columns) {
    if (c.kind === 'binary') continue;
    if (c.lower === 0 && c.upper === Infinity) continue;
    const lower = Number.isFinite(c.lower) ? formatNumber(c.lower) : '-inf';
    const upper = Number.isFinite(c.upper) ? formatNumber(c.upper) : '+inf';
    out.push(` ${lower} <= ${c.name} <= ${upper}`);
  }
  const binaries = model.columns.filter((c) => c.kind === 'binary').map((c) => c.name);
  if (binaries.length > 0) {
    out.push('Binaries');
    for (let i = 0; i < binaries.length; i += TERMS_PER_LINE * 2) {
      out.push(` ${binaries.slice(i, i + TERMS_PER_LINE * 2).join(' ')}`);
    }
  }
  const integers = model.columns.filter((c) => c.kind === 'integer').map((c) => c.name);
  if (integers.length > 0) {
    out.push('General');
    for (let i = 0; i < integers.length; i += TERMS_PER_LINE * 2) {
      out.push(` ${integers.slice(i, i + TERMS_PER_LINE * 2).join(' ')}`);
    }
  }
  out.push('End', '');
  return out.join('\n');
}
