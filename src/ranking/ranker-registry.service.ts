/**
 * Owns `rankerModels`: versioned assignment rankers with their validation metrics; one is
 * ACTIVE at a time. Activate and rollback work as for forecast models.
 */
import { randomUUID } from 'node:crypto';
import { KeyedLanes } from '../common/keyed-lanes';
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

/**
 * Rankers kept: the newest this many by version, plus the ACTIVE one and the one a rollback
 * would return to. Each holds its forest (about 0.3 MB on the demo), and every training stored
 * one more: 12 trainings added 4 MB to the journal, without end.
 */
export const MAX_STORED_RANKERS = 20;

/** Registry writes waiting or running at once; beyond them RATE_LIMITED. */
const REGISTRY_WRITE_QUEUE = 8;
const REGISTRY = 'rankerModels';

export class RankerRegistryService {
  private readonly models: Collection<RankerModelDoc>;
  /**
   * Saves (with their pruning), activations and rollbacks, one at a time: an activation of a
   * ranker being pruned would retire the ACTIVE one and find its own gone (no ranker ACTIVE).
   */
  private readonly writes = new KeyedLanes(
    { lanes: 1, perKey: REGISTRY_WRITE_QUEUE, perOwner: REGISTRY_WRITE_QUEUE },
    { key: () => 'ranker activations and saves are', owner: 'ranker activations and saves' },
  );

  constructor(store: DocumentStore) {
    this.models = store.collection<RankerModelDoc>(RANKER_MODELS);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    const models = store.collection<RankerModelDoc>(RANKER_MODELS);
    await models.createIndex({ keys: { version: 1 }, unique: true, name: 'version' });
    await models.createIndex({ keys: { status: 1 }, name: 'status' });
  }

  /** Stores a new CANDIDATE (the next version), then prunes past MAX_STORED_RANKERS. */
  save(model: Omit<RankerModelDoc, '_id' | 'version' | 'status' | 'activatedAt'>): Promise<RankerModelDoc> {
    return this.writes.run(REGISTRY, REGISTRY, async () => {
      const saved = await this.insert(model);
      await this.prune();
      return saved;
    });
  }

  private async insert(
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

  /**
   * Deletes the rankers past MAX_STORED_RANKERS (oldest versions first), never the ACTIVE one nor
   * the one `rollback` would re-activate; returns how many went. Called after each save.
   */
  private async prune(): Promise<number> {
    const newest = await this.models.find(
      {},
      { sort: { version: -1 }, limit: MAX_STORED_RANKERS, projection: { _id: 1 } },
    );
    if (newest.length < MAX_STORED_RANKERS) return 0;
    const previous = await this.lastRetired();
    const kept = [...newest.map((m) => m._id), ...(previous ? [previous._id] : [])];
    return this.models.deleteMany({ _id: { $nin: kept }, status: { $ne: 'ACTIVE' } });
  }

  async list(limit = MAX_STORED_RANKERS): Promise<RankerModelDoc[]> {
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
  activate(id: string): Promise<RankerModelDoc> {
    return this.writes.run(REGISTRY, REGISTRY, () => this.activateNow(id));
  }

  private async activateNow(id: string): Promise<RankerModelDoc> {
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

  /**
   * What `rollback` would do now: the ranker it would activate (the RETIRED one activated last,
   * without its forest), or why it would be refused. `rollback` and `rollbackTarget` both read
   * it, so the dashboard's "Roll back to vN" names what the mutation does.
   */
  private async rollbackChoice(): Promise<Omit<RankerModelDoc, 'forest'> | AppError> {
    const current = await this.models.findOne({ status: 'ACTIVE' }, { projection: { forest: 0 } });
    if (!current) return new AppError('FAILED_PRECONDITION', 'No active ranker to roll back');
    const previous = await this.lastRetired();
    if (!previous) return new AppError('FAILED_PRECONDITION', 'No earlier ranker to roll back to');
    return rankerFeatureMismatch(previous) ?? previous;
  }

  /** The RETIRED ranker activated last (without its forest): the one a rollback returns to. */
  private async lastRetired(): Promise<Omit<RankerModelDoc, 'forest'> | null> {
    const [previous] = await this.models.find(
      { status: 'RETIRED', activatedAt: { $ne: null } },
      // a tie (two activations in one millisecond) goes to the newer version, whatever the store's order
      { sort: { activatedAt: -1, version: -1 }, limit: 1, projection: { forest: 0 } },
    );
    return previous ?? null;
  }

  /**
   * The ranker `rollback` would activate now and, when it would be refused, why (the refusal's
   * message). A read: by the time a rollback runs the registry may have changed.
   */
  async rollbackTarget(): Promise<{ target: Omit<RankerModelDoc, 'forest'> | null; refusal: string | null }> {
    const choice = await this.rollbackChoice();
    return choice instanceof AppError
      ? { target: null, refusal: choice.message }
      : { target: choice, refusal: null };
  }

  /** Re-activates the ranker that was active before the current one (see `rollbackTarget`). */
  rollback(): Promise<RankerModelDoc> {
    return this.writes.run(REGISTRY, REGISTRY, async () => {
      const choice = await this.rollbackChoice();
      if (choice instanceof AppError) throw choice;
      return this.activateNow(choice._id);
    });
  }
}
