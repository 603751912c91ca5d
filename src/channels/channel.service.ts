import { randomUUID } from 'node:crypto';
import { type Connected, toConnection } from '../common/connection';
import { type PageRequest, paginate } from '../common/pagination';
import { AppError, badInput, conflict, notFound } from '../errors';
import type { Collection, DocumentStore, Filter } from '../store/document-store';
import { existingByKey, upsertAll } from '../store/upsert-by-key';
import { sortWindows } from '../common/time-window';
import { CHANNELS, type ChannelDoc } from './channel.doc';
import type { Channel, ChannelKind, OpeningWindow } from './channel.types';
import { checkChannel, MAX_CHANNELS } from './channel.validation';
import { withoutNulls } from '../common/without-nulls';

/** The skill that marks a team lead; always a known skill, whatever the channels. */
export const TEAM_LEAD_SKILL = 'team_lead';

/** What a caller gives to create a channel; omitted optional fields take their defaults. */
export interface ChannelSpec {
  key: string;
  name: string;
  kind: ChannelKind;
  intervalMinutes: number;
  ahtSeconds: number;
  /** Required for LIVE; DEFERRED defaults to 100 % within `responseHours`. */
  serviceLevel?: { target: number; answerSeconds: number } | null;
  patienceSeconds?: number | null;
  maxOccupancy: number;
  shrinkage: number;
  responseHours?: number | null;
  requiredSkill: string;
  openingHours: OpeningWindow[];
  active?: boolean;
}

export type ChannelPatch = Partial<Omit<ChannelSpec, 'key'>>;

export interface ChannelFilter {
  active?: boolean | null;
  kind?: ChannelKind | null;
}

export class ChannelService {
  private readonly channels: Collection<ChannelDoc>;

  constructor(store: DocumentStore) {
    this.channels = store.collection<ChannelDoc>(CHANNELS);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.collection<ChannelDoc>(CHANNELS).createIndex({ keys: { key: 1 }, unique: true });
  }

  /** Channels ordered by key, a page at a time. */
  async list(filter: ChannelFilter, page: PageRequest): Promise<Connected<Channel>> {
    return toConnection(
      await paginate(this.channels, toFilter(filter), { field: 'key', direction: 1 }, page),
    );
  }

  /** Every channel matching the filter, ordered by key (at most MAX_CHANNELS). */
  listAll(filter: ChannelFilter = {}): Promise<Channel[]> {
    return this.channels.find(toFilter(filter), { sort: { key: 1 } });
  }

  /** Active channels (optionally of one kind), ordered by key: what planning features read. */
  listActive(kind?: ChannelKind): Promise<Channel[]> {
    return this.listAll({ active: true, kind });
  }

  async require(id: string): Promise<Channel> {
    const doc = await this.channels.findById(id);
    if (!doc) throw notFound('Channel', id);
    return doc;
  }

  byKey(key: string): Promise<Channel | null> {
    return this.channels.findOne({ key });
  }

  /** The channel of `key`, or NOT_FOUND (naming the argument `field`, when given). */
  async requireByKey(key: string, field?: string): Promise<Channel> {
    const doc = await this.byKey(key);
    if (!doc) throw notFound('Channel', key, field);
    return doc;
  }

  /** Skills staff may hold: every channel's required skill plus `team_lead`, sorted. */
  async knownSkills(): Promise<string[]> {
    const skills = await this.channels.distinct<string>('requiredSkill');
    return [...new Set([...skills, TEAM_LEAD_SKILL])].sort();
  }

  /**
   * A new channel, refused past MAX_CHANNELS. Counted before the write and again after it:
   * of creations racing for the last places (other API processes), those that pass the cap
   * are taken back.
   */
  async create(spec: ChannelSpec, id: string = randomUUID(), now = new Date()): Promise<Channel> {
    const doc = buildChannel(spec, id, now, now);
    await this.assertRoom(spec.key, 1);
    let created: Channel;
    try {
      created = await this.channels.insertOne(doc);
    } catch (e) {
      throw keyConflict(e, spec.key);
    }
    if ((await this.channels.count()) > MAX_CHANNELS) {
      await this.channels.deleteOne({ _id: id });
      throw tooManyChannels(spec.key, MAX_CHANNELS);
    }
    return created;
  }

  /** Refuses `adding` more channels (`key` the first) when the site would hold more than MAX_CHANNELS. */
  private async assertRoom(key: string, adding: number): Promise<void> {
    const held = await this.channels.count();
    if (held + adding > MAX_CHANNELS) throw tooManyChannels(key, held);
  }

  async update(id: string, patch: ChannelPatch): Promise<Channel> {
    const current = await this.require(id);
    const merged: ChannelSpec = { ...current, ...withoutNulls(patch, ['patienceSeconds', 'responseHours']) };
    if (patch.kind !== undefined && patch.kind !== current.kind && patch.serviceLevel === undefined)
      merged.serviceLevel = null;
    const doc = buildChannel(merged, id, current.createdAt, new Date());
    const updated = await this.channels.findOneAndUpdate({ _id: id }, { $set: withoutId(doc) });
    if (!updated) throw notFound('Channel', id);
    return updated;
  }

  /** Keeps the channel (history refers to it) but takes it out of planning. */
  async deactivate(id: string): Promise<Channel> {
    const updated = await this.channels.findOneAndUpdate(
      { _id: id },
      { $set: { active: false, updatedAt: new Date() } },
    );
    if (!updated) throw notFound('Channel', id);
    return updated;
  }

  /**
   * Seed upsert by key, one atomic bulk write: an existing channel keeps its `_id` and
   * `createdAt`; a new one gets `idOf(key)`. Every spec is validated first, and new keys
   * that would take the site past MAX_CHANNELS are refused.
   */
  async upsertByKey(specs: ChannelSpec[], idOf: (key: string) => string, at: Date): Promise<number> {
    const existing = await existingByKey(
      this.channels,
      'key',
      specs.map((s) => s.key),
    );
    const docs = specs.map((s) => {
      const old = existing.get(s.key);
      return buildChannel(s, old?._id ?? idOf(s.key), old?.createdAt ?? at, at);
    });
    const added = new Set(specs.map((s) => s.key).filter((key) => !existing.has(key)));
    const [first] = added;
    if (first !== undefined) await this.assertRoom(first, added.size);
    await upsertAll(this.channels, docs);
    return docs.length;
  }
}

function toFilter(filter: ChannelFilter): Filter {
  const f: Filter = {};
  if (filter.active !== undefined && filter.active !== null) f.active = filter.active;
  if (filter.kind) f.kind = filter.kind;
  return f;
}

/** Applies defaults, validates every rule (all problems at once) and returns the document. */
export function buildChannel(spec: ChannelSpec, id: string, createdAt: Date, updatedAt: Date): ChannelDoc {
  const responseHours = spec.responseHours ?? null;
  const serviceLevel =
    spec.serviceLevel ??
    (spec.kind === 'DEFERRED' && responseHours !== null
      ? { target: 1, answerSeconds: Math.round(responseHours * 3600) }
      : null);
  const fields = {
    key: spec.key,
    name: spec.name.trim(),
    kind: spec.kind,
    intervalMinutes: spec.intervalMinutes,
    ahtSeconds: spec.ahtSeconds,
    serviceLevel: serviceLevel
      ? { target: serviceLevel.target, answerSeconds: serviceLevel.answerSeconds }
      : { target: 1, answerSeconds: 1 },
    patienceSeconds: spec.patienceSeconds ?? null,
    maxOccupancy: spec.maxOccupancy,
    shrinkage: spec.shrinkage,
    responseHours,
    requiredSkill: spec.requiredSkill,
    openingHours: sortWindows(
      spec.openingHours.map((w) => ({ dayOfWeek: w.dayOfWeek, from: w.from, to: w.to })),
    ),
    active: spec.active ?? true,
  };
  const errors = checkChannel(fields);
  if (!serviceLevel && spec.kind === 'LIVE')
    errors.unshift({ field: 'serviceLevel', message: 'serviceLevel is required for a LIVE channel' });
  if (errors.length > 0)
    throw badInput(`Invalid channel ${spec.key}: ${errors.map((e) => e.message).join('; ')}`, errors);
  return { _id: id, ...fields, createdAt, updatedAt };
}

const tooManyChannels = (key: string, held: number): AppError =>
  badInput(
    `Cannot add channel "${key}": a site holds at most ${MAX_CHANNELS} channels and has ${held} (deactivated ones count too)`,
    [{ field: 'key', message: `at most ${MAX_CHANNELS} channels a site` }],
  );

const keyConflict = (e: unknown, key: string): unknown =>
  e instanceof AppError && e.code === 'CONFLICT'
    ? conflict(`channel key "${key}" is taken`, [{ field: 'key', message: 'already exists' }])
    : e;

const withoutId = <T extends { _id: string }>(doc: T): Omit<T, '_id'> => {
  const { _id: _omit, ...rest } = doc;
  return rest;
};
