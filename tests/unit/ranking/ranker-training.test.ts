import { at } from '../../../src/common/indexed';
import { weekRows } from '../../../src/ranking/ranker-dataset.core';
import { rankerWeeks, simulateRulesWeeks } from '../../../src/ranking/ranker-simulation';
import {
  DEFAULT_RANKER_OPTIONS,
  evaluate,
  sampleRows,
  trainForest,
  trainRanker,
} from '../../../src/ranking/ranker.core';

jest.setTimeout(60_000);

describe('trainRanker', () => {
  it('trains the forest of the sampled rows of every candidate’s features, computing only those', async () => {
    const weeks = rankerWeeks(await simulateRulesWeeks(0, 10, 17, true));
    const options = { ...DEFAULT_RANKER_OPTIONS, nEstimators: 4, maxTrainRows: 300 };
    const trained = trainRanker(weeks, 2, options);

    // every candidate's features, then the sample (what training did until 2026-12-03)
    const rows = weeks.slice(0, 8).map(weekRows);
    const allX = rows.flatMap((r) => r.X);
    const allY = rows.flatMap((r) => r.y);
    const picked = sampleRows(allY, options.maxTrainRows, options.seed);
    const forest = trainForest(
      picked.map((i) => at(allX, i)),
      picked.map((i) => at(allY, i)),
      options,
    );
    expect(trained.forest).toEqual(forest);
    expect(trained.metrics).toMatchObject({
      ...evaluate(forest, weeks.slice(8).map(weekRows)),
      trainRows: 300,
      trainWeeks: rows.map((r) => r.week),
    });
  });
});
