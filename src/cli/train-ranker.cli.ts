/**
 * Trains an assignment ranker on the last published weeks (labels recorded at publish time).
 *
 *   npm run train-ranker                      lookback 26 weeks
 *   npm run train-ranker -- --lookback 12     6 … 104 weeks
 *   npm run train-ranker -- --activate        make the new ranker ACTIVE even when one is
 *
 * Exit codes: 0 ok, 2 bad flags, 1 failure (e.g. fewer than 6 published weeks).
 */
import 'reflect-metadata';
import { isAppError } from '../errors';
import { MAX_LOOKBACK_WEEKS, MIN_TRAIN_WEEKS } from '../ranking/ranking.service';
import { CliError, EXIT, parseFlags, runCli, shownFlag, withServices } from '../seed/cli-runtime';

const USAGE = 'usage: npm run train-ranker [-- --lookback WEEKS] [--activate]';

async function main(): Promise<number> {
  const values = parseFlags({ lookback: { type: 'string' }, activate: { type: 'boolean' } }, USAGE);
  if (!values) return EXIT.OK;
  const lookback = Number(values.lookback ?? 26);
  if (!Number.isInteger(lookback) || lookback < MIN_TRAIN_WEEKS || lookback > MAX_LOOKBACK_WEEKS)
    throw new CliError(
      `--lookback must be an integer in [${MIN_TRAIN_WEEKS}, ${MAX_LOOKBACK_WEEKS}], got "${shownFlag(values.lookback)}"`,
      EXIT.BAD_INPUT,
    );
  const model = await withServices(async (services) => {
    const trained = await services.ranking.trainAssignmentRanker(lookback, null);
    return values.activate && trained.status !== 'ACTIVE' ? services.rankers.activate(trained._id) : trained;
  }).catch((e: unknown) => {
    // too few published weeks: the user's to fix, said in one line (not an error dump)
    throw isAppError(e) && e.code === 'FAILED_PRECONDITION' ? new CliError(e.message, EXIT.FAILED) : e;
  });
  const m = model.metrics;
  const fmt = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(3));
  console.log(
    `Ranker v${model.version} (${model.status}): AUC ${fmt(m.auc)}, precision@k ${fmt(m.precisionAtK)} ` +
      `(stated preferences ${fmt(m.baselinePrecisionAtK)}); ${m.trainRows} training rows, ` +
      `validated on ${m.validationWeeks.join(', ')}`,
  );
  return EXIT.OK;
}

runCli(main);
