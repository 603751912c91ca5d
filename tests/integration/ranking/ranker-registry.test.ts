import { FEATURE_NAMES } from '../../../src/ranking/ranking-features.core';
import { RankerRegistryService } from '../../../src/ranking/ranker-registry.service';
import { DEFAULT_RANKER_OPTIONS, trainForest } from '../../../src/ranking/ranker.core';
import { EmbeddedStore } from '../../../src/store/embedded-store';

describe('ranker registry', () => {
  const forest = trainForest([[0], [1], [0], [1]], [0, 1, 0, 1], {
    ...DEFAULT_RANKER_OPTIONS,
    nEstimators: 1,
    maxFeatures: 1,
  });
  const model = () => ({
    lookbackWeeks: 26,
    metrics: {
      auc: 0.9,
      precisionAtK: 0.8,
      baselinePrecisionAtK: 0.3,
      trainRows: 4,
      validationRows: 4,
      trainWeeks: [],
      validationWeeks: [],
    },
    options: DEFAULT_RANKER_OPTIONS,
    featureNames: [...FEATURE_NAMES],
    forest,
    createdAt: new Date(),
    createdBy: null,
  });

  it('versions models, activates one at a time and rolls back to the previously active one', async () => {
    const store = await EmbeddedStore.open();
    await RankerRegistryService.ensureIndexes(store);
    const registry = new RankerRegistryService(store);
    await expect(registry.rollback()).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    const v1 = await registry.save(model());
    const v2 = await registry.save(model());
    expect([v1.version, v2.version, v1.status]).toEqual([1, 2, 'CANDIDATE']);
    await registry.activate(v1._id);
    await expect(registry.rollback()).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await registry.activate(v2._id);
    expect((await registry.active())!._id).toBe(v2._id);
    const back = await registry.rollback();
    expect(back).toMatchObject({ _id: v1._id, status: 'ACTIVE' });
    expect((await registry.list()).map((m) => [m.version, m.status])).toEqual([
      [2, 'RETIRED'],
      [1, 'ACTIVE'],
    ]);
    await expect(registry.activate('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
