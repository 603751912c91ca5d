import type { DocumentStore } from './document-store';
import { EmbeddedStore } from './embedded-store';
import { MongoStore } from './mongo-store';

export interface OpenStoreOptions {
  /** When set, MongoDB is used; otherwise the embedded store persisted under `dataDir`. */
  mongodbUri?: string;
  mongodbDb: string;
  dataDir: string;
}

/** Opens the configured store: MongoDB when a URI is given, the embedded store otherwise. */
export const openStore = async (opts: OpenStoreOptions): Promise<DocumentStore> =>
  opts.mongodbUri
    ? MongoStore.connect({ uri: opts.mongodbUri, dbName: opts.mongodbDb })
    : EmbeddedStore.open({ dataDir: opts.dataDir });
