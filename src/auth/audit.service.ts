import { randomUUID } from 'node:crypto';
import { boundedCopy, clip, type Bounds } from '../common/bounded';
import { toConnection, type Connected } from '../common/connection';
import { type PageRequest, paginate } from '../common/pagination';
import type { Collection, DocumentStore, Filter } from '../store/document-store';
import { AUDIT_LOG, type AuditDoc } from './audit.doc';

/** What a mutation's audit records; the log adds the entry's id and time. */
export type AuditEntry = Omit<AuditDoc, '_id' | 'at'>;

export interface AuditFilter {
  userId?: string | null;
  action?: string | null;
  ok?: boolean | null;
  from?: Date | null;
  to?: Date | null;
}

const SECRET_KEY = /pass(word)?|token|secret|authorization|hash/i;

/**
 * What an audit entry keeps of a mutation's arguments: secrets redacted, each string clipped to
 * 256 characters, 50 items per list or object, 6 levels, about 4 KiB in all. An entry never holds a
 * raw argument, however large the request was.
 */
export const AUDIT_DETAIL_BOUNDS: Bounds = {
  maxString: 256,
  maxItems: 50,
  maxDepth: 6,
  maxTotal: 4096,
  redact: SECRET_KEY,
};
/** Characters kept of the username and target of an entry. */
export const AUDIT_NAME_MAX = 128;

const clipOrNull = (s: string | null): string | null => (s === null ? null : clip(s, AUDIT_NAME_MAX));

export class AuditService {
  private readonly log: Collection<AuditDoc>;

  constructor(store: DocumentStore) {
    this.log = store.collection<AuditDoc>(AUDIT_LOG);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.collection<AuditDoc>(AUDIT_LOG).createIndex({ keys: { at: -1 } });
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.log.insertOne({
      _id: randomUUID(),
      at: new Date(),
      ...entry,
      username: clipOrNull(entry.username),
      target: clipOrNull(entry.target),
      detail: boundedCopy(entry.detail, AUDIT_DETAIL_BOUNDS) as Record<string, unknown>,
    });
  }

  /** Newest first. */
  async list(filter: AuditFilter, page: PageRequest): Promise<Connected<AuditDoc>> {
    const f: Filter = {};
    if (filter.userId) f.userId = filter.userId;
    if (filter.action) f.action = filter.action;
    if (filter.ok !== undefined && filter.ok !== null) f.ok = filter.ok;
    if (filter.from || filter.to)
      f.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    return toConnection(await paginate(this.log, f, { field: 'at', direction: -1 }, page));
  }
}
