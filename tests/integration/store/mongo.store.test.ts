import { randomUUID } from 'node:crypto';
import { MongoStore } from '../../../src/store/mongo-store';
import { runStoreContract } from './store.contract';

const uri = process.env.MONGODB_URI;

if (uri) {
  // Each suite run uses its own database, dropped by the contract's dropAll.
  const dbName = `shiftcast_contract_${randomUUID().slice(0, 8)}`;
  runStoreContract('mongo', () => MongoStore.connect({ uri, dbName, serverSelectionTimeoutMS: 5000 }));
} else {
  console.warn('MONGODB_URI not set: Mongo contract suite skipped');
  describe.skip('DocumentStore contract: mongo (set MONGODB_URI to run)', () => {
    it('runs the contract against MongoDB', () => undefined);
  });
}
