/**
 * Writes the demo site (channels, shift templates, ~80 staff with availability, demo accounts).
 *
 *   npm run seed                 idempotent: upserts by natural key, same data when run twice
 *   npm run seed -- --reset      drops every collection first, then seeds
 *   npm run seed -- --anchor 2026-03-02   place generated leave from that week
 *
 * Uses MONGODB_URI when set, else the embedded store in DATA_DIR (which must not be held by a
 * running server). Exit codes: 0 ok, 2 bad flags, 1 failure.
 */
import 'reflect-metadata';
import { anchorDateProblem, seedDemo } from '../seed/demo-seed';
import { CliError, EXIT, parseFlags, runCli, withServices } from '../seed/cli-runtime';

const USAGE = 'usage: npm run seed [-- --reset] [--anchor YYYY-MM-DD]';

async function main(): Promise<number> {
  const values = parseFlags({ reset: { type: 'boolean' }, anchor: { type: 'string' } }, USAGE);
  if (!values) return EXIT.OK;
  const anchorProblem = values.anchor === undefined ? null : anchorDateProblem(values.anchor, '--anchor');
  if (anchorProblem) throw new CliError(anchorProblem, EXIT.BAD_INPUT);
  const report = await withServices((services) =>
    seedDemo(services, { reset: values.reset ?? false, anchorDate: values.anchor }),
  );
  console.log(
    `${report.reset ? 'Reset and seeded' : 'Seeded'} the demo site (leave from week ${report.anchorDate}):`,
  );
  for (const s of report.steps) console.log(`  ${s.name.padEnd(24)} ${s.written}`);
  if (report.accounts?.generatedPassword)
    console.log(
      `Demo accounts ${report.accounts.created.join(', ')} created with password: ${report.accounts.generatedPassword}\n` +
        `(also written to ${report.accounts.credentialsFile}; set SEED_PASSWORD to choose it)`,
    );
  return EXIT.OK;
}

runCli(main);
