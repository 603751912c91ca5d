/**
 * `npm run lint:deps` (dependency-cruiser with .dependency-cruiser.cjs) must fail on a cycle, an
 * upward import, a stray read of seeds/, a pure core doing I/O and a feature importing another
 * feature's `*.doc.ts`, and pass on the real src/.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '../../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const FIXTURE = path.join(ROOT, 'tests/fixtures/depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

interface Summary {
  /** Violations of severity error (what fails `npm run lint:deps`). */
  error: number;
  violations: Violation[];
}

/** Runs depcruise over `src` of `cwd` with the project's config. */
async function cruise(cwd: string): Promise<Summary> {
  const args = [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(stdout) as { summary: Summary }).summary;
}

const named = (violations: Violation[]): string[] =>
  violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('fail on the fixture, naming the cycle, the upward import, the stray seeds/ read, the impure core and the foreign document', async () => {
    const { error, violations } = await cruise(FIXTURE);
    expect(error).toBe(5);
    expect(named(violations)).toEqual([
      'doc-private: src/staffing/plan.ts → src/channels/channel.doc.ts',
      'no-circular: src/rostering/job.ts → src/rostering/plan.ts',
      'no-upward-from-store: src/store/store.ts → src/server/app.ts',
      'pure-core: src/staffing/erlang.core.ts → fs',
      'seeds-through-loader: src/staff/staff.seed.ts → seeds/people.ts',
    ]);
    const cycle = violations.find((v) => v.rule.name === 'no-circular')!.cycle!.map((c) => c.name);
    expect(cycle).toEqual(['src/rostering/plan.ts', 'src/rostering/job.ts']);
  }, 60_000);

  it('pass on the real src/', async () => {
    const { error, violations } = await cruise(ROOT);
    expect(named(violations)).toEqual([]);
    expect(error).toBe(0);
  }, 120_000);
});
