/**
 * Owns `rankerModels`: versioned assignment rankers with their validation metrics; one is
 * ACTIVE at a time. Activate and rollback work as for forecast models.
 */
import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../errors';
import type { Collection, DocumentStore } from '../store/document-store';
import { RANKER_MODELS, type RankerModelDoc } from './ranker-model.doc';
import { featureNamesMismatch } from './ranker.core';

/**
 * A stored ranker whose feature names are not this version's (an older version's model, or a
 * tampered document): it would score today's feature vector by the wrong positions.
 */
export function rankerFeatureMismatch(
  model: Pick<RankerModelDoc, '_id' | 'version' | 'featureNames'>,
): AppError | null {
  const mismatch = featureNamesMismatch(model.featureNames);
  return mismatch
    ? new AppError(
        'FAILED_PRECONDITION',
        `Ranker v${model.version} (${model._id}) does not fit this version's features: ${mismatch}`,
        [{ field: 'featureNames', message: mismatch }],
      )
    : null;
}

export class RankerRegistryService {
  private readonly models: Collection<RankerModelDoc>;

  constructor(store: DocumentStore) {
    this.models = store.collection<RankerModelDoc>(RANKER_MODELS);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    const models = store.collection<RankerModelDoc>(RANKER_MODELS);
    await models.createIndex({ keys: { version: 1 }, unique: true, name: 'version' });
    await models.createIndex({ keys: { status: 1 }, name: 'status' });
  }

  async save(
    model: Omit<RankerModelDoc, '_id' | 'version' | 'status' | 'activatedAt'>,
  ): Promise<RankerModelDoc> {
    for (let attempt = 0; ; attempt++) {
      const latest = await this.models.findOne({}, { sort: { version: -1 } });
      try {
        return await this.models.insertOne({
          ...model,
          _id: randomUUID(),
          version: (latest?.version ?? 0) + 1,
          status: 'CANDIDATE',
          activatedAt: null,
        });
      } catch (e) {
        if (attempt >= 4) throw e;
      }
    }
  }

  async list(limit = 20): Promise<RankerModelDoc[]> {
    return this.models.find({}, { sort: { version: -1 }, limit, projection: { forest: 0 } });
  }

  /**
   * The ACTIVE ranker's document, as stored: check it with `rankerFeatureMismatch` before
   * scoring (one activated by an older version, or whose document was changed, may not fit).
   */
  async active(): Promise<RankerModelDoc | null> {
    return this.models.findOne({ status: 'ACTIVE' });
  }

  /**
   * Makes `id` the ACTIVE ranker; the previous one becomes RETIRED in the same write. A ranker
   * whose feature names are not this version's is refused (FAILED_PRECONDITION naming them).
   */
  async activate(id: string): Promise<RankerModelDoc> {
    const doc = await this.models.findById(id);
    if (!doc) throw notFound('RankerModel', id);
    const refused = rankerFeatureMismatch(doc);
    if (refused) throw refused;
    const now = new Date();
    await this.models.bulkWrite([
      {
        update: {
          filter: { status: 'ACTIVE', _id: { $ne: id } },
          update: { $set: { status: 'RETIRED' } },
          multi: true,
        },
      },
      { update: { filter: { _id: id }, update: { $set: { status: 'ACTIVE', activatedAt: now } } } },
    ]);
    const activated = await this.models.findById(id);
    if (!activated) throw notFound('RankerModel', id);
    return activated;
  }

  /** Re-activates the ranker that was active before the current one. */
  async rollback(): Promise<RankerModelDoc> {
    const current = await this.active();
    if (!current) throw new AppError('FAILED_PRECONDITION', 'No active ranker to roll back');
    const [previous] = await this.models.find(
      { status: 'RETIRED', activatedAt: { $ne: null } },
      { sort: { activatedAt: -1 }, limit: 1 },
    );
    if (!previous) throw new AppError('FAILED_PRECONDITION', 'No earlier ranker to roll back to');
    return this.activate(previous._id);
  }
}
