import type { DocumentStore } from '../../../src/store/document-store';
import { describeReads } from './contract-reads';
import { describeWrites } from './contract-writes';

/**
 * The DocumentStore contract. Every store implementation runs it:
 * `runStoreContract('embedded (memory)', () => EmbeddedStore.open())`.
 * The factory is called once per suite (and once more for the close test); collections are
 * emptied with `dropAll` before every test.
 */
export const runStoreContract = (name: string, factory: () => Promise<DocumentStore>): void => {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;

    beforeAll(async () => {
      store = await factory();
    });
    beforeEach(async () => {
      await store.dropAll();
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('reads', () => describeReads(() => store));
    describe('writes', () => describeWrites(() => store));

    it('close makes the store unusable and reports it through ping', async () => {
      const other = await factory();
      await other.ping();
      await other.close();
      await expect(other.ping()).rejects.toThrow();
      await expect(other.checkWritable()).rejects.toThrow();
    });
  });
};
