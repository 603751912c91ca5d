import { randomUUID } from 'node:crypto';
import { toConnection, type Connected } from '../common/connection';
import { type PageRequest, paginate } from '../common/pagination';
import type { Collection, DocumentStore, Filter } from '../store/document-store';
import { AUDIT_LOG, type AuditDoc } from './audit.model';

export interface AuditEntry {
  userId: string | null;
  username: string | null;
  action: string;
  target: string | null;
  ok: boolean;
  code: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  userId?: string | null;
  action?: string | null;
  ok?: boolean | null;
  from?: Date | null;
  to?: Date | null;
}

const SECRET_KEY = /pass(word)?|token|secret|authorization|hash/i;

/** Deep copy of `value` with every secret-looking key replaced by "[redacted]". */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactSecrets(v, depth + 1));
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEY.test(k) ? '[redacted]' : redactSecrets(v, depth + 1),
    ]),
  );
}

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
      detail: redactSecrets(entry.detail) as Record<string, unknown>,
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
