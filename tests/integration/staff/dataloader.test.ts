import type { BaseDoc, Collection, DocumentStore } from '../../../src/store/document-store';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { expectOk } from '../../helpers/expect-ok';

/** A counting decorator around the real store: counts every read per collection, delegates everything. */
class CountingStore implements DocumentStore {
  readonly reads = new Map<string, number>();
  constructor(private readonly inner: DocumentStore) {}
  get kind() {
    return this.inner.kind;
  }
  collection<T extends BaseDoc>(name: string): Collection<T> {
    const real = this.inner.collection<T>(name);
    const count = () => this.reads.set(name, (this.reads.get(name) ?? 0) + 1);
    return new Proxy(real, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (prop === 'find' || prop === 'findOne' || prop === 'findById') count();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
  ping() {
    return this.inner.ping();
  }
  checkWritable() {
    return this.inner.checkWritable();
  }
  dropAll() {
    return this.inner.dropAll();
  }
  close() {
    return this.inner.close();
  }
  reset() {
    this.reads.clear();
  }
}

describe('nested staff fields are batched per request', () => {
  let t: GqlApp;
  let store: CountingStore;
  beforeAll(async () => {
    store = new CountingStore(await EmbeddedStore.open());
    t = await createInProcessApp({
      store,
      seed: async (s) => {
        await s.channels.create({
          key: 'calls',
          name: 'Calls',
          kind: 'LIVE',
          intervalMinutes: 15,
          ahtSeconds: 300,
          serviceLevel: { target: 0.8, answerSeconds: 20 },
          maxOccupancy: 0.85,
          shrinkage: 0.3,
          requiredSkill: 'calls',
          openingHours: [{ dayOfWeek: 1, from: '08:00', to: '20:00' }],
        });
        const ids = await s.staff.upsertByEmployeeNo(
          Array.from({ length: 100 }, (_, i) => ({
            employeeNo: `P${String(i).padStart(3, '0')}`,
            name: `Person ${i}`,
            skills: ['calls'],
            contract: { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 },
            hourlyCost: 15,
          })),
          (no) => `s-${no}`,
          new Date('2026-01-05T00:00:00Z'),
        );
        await s.availability.replaceMany(
          [...ids.values()]
            .filter((_, i) => i % 3 !== 0)
            .map((id) => ({
              _id: id,
              staffId: id,
              weekly: [{ dayOfWeek: 1, from: '08:00', to: '16:00' }],
              exceptions: [],
              updatedAt: new Date(),
              updatedBy: null,
            })),
        );
        const agent = await s.users.findByUsername('agent');
        await s.users.update(agent!._id, { staffId: 's-P007' });
      },
    });
  });
  afterAll(() => t.close());

  it('reads 100 staff with availability and user in one store query per field level', async () => {
    const token = await t.login('manager');
    store.reset();
    const res = await t.gql<{
      staff: {
        nodes: {
          id: string;
          availability: { staffId: string; weekly: unknown[] };
          user: { username: string } | null;
        }[];
      };
    }>(
      '{ staff(first: 100) { totalCount nodes { id availability { staffId weekly { dayOfWeek from to } } user { username } } } }',
      {},
      token,
    );
    expectOk(res);
    const nodes = res.data!.staff.nodes;
    expect(nodes).toHaveLength(100);
    expect(nodes.every((n) => n.availability.staffId === n.id)).toBe(true);
    expect(nodes.filter((n) => n.availability.weekly.length === 1)).toHaveLength(66);
    expect(nodes.filter((n) => n.user !== null).map((n) => [n.id, n.user!.username])).toEqual([
      ['s-P007', 'agent'],
    ]);

    expect(store.reads.get('staff')).toBe(1);
    expect(store.reads.get('availability')).toBe(1);
    // users: one authentication lookup (findById) + one batched staff → user query
    expect(store.reads.get('users')).toBe(2);
  });

  it('costs the same number of reads for 10 staff as for 100', async () => {
    const token = await t.login('manager');
    store.reset();
    await t.gql('{ staff(first: 10) { nodes { id availability { weekly { dayOfWeek } } } } }', {}, token);
    expect(Object.fromEntries(store.reads)).toEqual({ users: 1, staff: 1, availability: 1 });
  });
});
