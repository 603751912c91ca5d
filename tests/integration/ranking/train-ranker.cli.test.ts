/**
 * `npm run train-ranker` as a user runs it (dist/src/cli, a separate process): too few
 * published weeks is exit 1 with one line saying so, not an AppError dumped with its stack.
 * Needs `npm run build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli } from '../../security/cli-run';

describe('train-ranker command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'train-ranker-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('with fewer than 6 published weeks: exit 1 and one line', async () => {
    const run = await runBuiltCli('train-ranker.cli.js', ['--lookback', '6'], dataDir);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('maxRSS_KiB='));
    expect(lines).toEqual(['Training needs 6 published weeks, found 0']);
  });

  it('refuses a lookback outside [6, 104] with exit 2', async () => {
    const run = await runBuiltCli('train-ranker.cli.js', ['--lookback', '105'], dataDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lookback must be an integer in [6, 104], got "105"');
  });
});
