import { MongoClient, type ClientSession, type Db } from 'mongodb';
import { AppError } from '../errors';
import type { BaseDoc, Collection, DocumentStore } from './document-store';
import { MongoCollection } from './mongo-collection';

export interface MongoStoreOptions {
  uri: string;
  dbName: string;
  /** Overrides the URI's / driver's default (30 s). The driver's `ignoreUndefined` is always on. */
  serverSelectionTimeoutMS?: number;
}

/**
 * DocumentStore on the official driver. Multi-document writes (`insertMany`, `bulkWrite`) run in a
 * transaction when the deployment supports them (replica set or mongos); on a standalone server
 * they are ordered writes and `transactional` is false: a failing `insertMany` is compensated
 * (its inserted documents are deleted), a failing `bulkWrite` may leave earlier operations applied.
 */
export class MongoStore implements DocumentStore {
  readonly kind = 'mongo' as const;
  private readonly handles = new Map<string, Collection<BaseDoc>>();
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    readonly transactional: boolean,
  ) {}

  static async connect(options: MongoStoreOptions): Promise<MongoStore> {
    const timeout = options.serverSelectionTimeoutMS;
    const client = new MongoClient(options.uri, {
      ignoreUndefined: true,
      ...(timeout === undefined ? {} : { serverSelectionTimeoutMS: timeout }),
    });
    await client.connect();
    try {
      const db = client.db(options.dbName);
      const hello = await db.admin().command({ hello: 1 });
      const transactional = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
      return new MongoStore(client, db, transactional);
    } catch (e) {
      await client.close();
      throw e;
    }
  }

  collection<T extends BaseDoc>(name: string): Collection<T> {
    let handle = this.handles.get(name);
    if (!handle) {
      handle = new MongoCollection<BaseDoc>(
        this.db.collection(name),
        (fn) => this.atomically(fn),
        this.transactional,
      );
      this.handles.set(name, handle);
    }
    return handle as unknown as Collection<T>;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new AppError('FAILED_PRECONDITION', 'Mongo store is closed');
    await this.db.command({ ping: 1 });
  }

  /** A primary that takes writes (`hello.isWritablePrimary`, or a mongos) answers; rejects with UNAVAILABLE otherwise. */
  async checkWritable(): Promise<void> {
    await this.ping();
    const hello = await this.db.admin().command({ hello: 1 });
    if (hello.isWritablePrimary !== true && hello.msg !== 'isdbgrid') {
      throw new AppError('UNAVAILABLE', 'MongoDB has no writable primary');
    }
  }

  async dropAll(): Promise<void> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of collections) {
      if (!name.startsWith('system.')) await this.db.dropCollection(name);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client.close();
  }

  private atomically<R>(fn: (session: ClientSession | undefined) => Promise<R>): Promise<R> {
    if (!this.transactional) return fn(undefined);
    return this.client.withSession((session) => session.withTransaction(() => fn(session)));
  }
}
