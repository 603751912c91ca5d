import { KeyedLanes, type LaneLimits } from '../../../src/common/keyed-lanes';
import { isAppError } from '../../../src/errors';

/** A task that resolves when `release()` is called, recording when it started and ended. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    release: () => release(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const lanes = (limits: LaneLimits) =>
  new KeyedLanes(limits, { key: (id) => `edits of roster ${id} are`, owner: 'roster edits' });

describe('KeyedLanes', () => {
  it('one lane: the tasks of a key run one at a time, in arrival order; other keys in parallel', async () => {
    const q = lanes({ lanes: 1, perKey: 8, perOwner: 8 });
    const log: string[] = [];
    const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
    const results = [q.run('r1', 'u1', a.task), q.run('r1', 'u2', b.task), q.run('r2', 'u1', c.task)];
    await settle();
    expect(log).toEqual(['start a', 'start c']);
    b.release();
    await settle();
    expect(log).toEqual(['start a', 'start c']); // b waits for a
    a.release();
    c.release();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log.indexOf('start b')).toBeGreaterThan(log.indexOf('end a'));
    expect(q.size('r1') + q.size('r2')).toBe(0);
  });

  it('two lanes: a third task starts when either of the first two settles', async () => {
    const q = lanes({ lanes: 2, perKey: 6, perOwner: 6 });
    const log: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    const results = gates.map((g) => q.run('u1', 'u1', g.task));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect(q.size('u1')).toBe(4);
    gates[1]!.release();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    gates.forEach((g) => g.release());
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(q.size('u1')).toBe(0);
  });

  it('refuses with RATE_LIMITED past a key’s tasks or an owner’s, before running them', async () => {
    const q = lanes({ lanes: 1, perKey: 2, perOwner: 3 });
    const log: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    const first = [q.run('r1', 'u1', gates[0]!.task), q.run('r1', 'u2', gates[1]!.task)];
    const overKey = await q.run('r1', 'u3', gates[2]!.task).catch((e: unknown) => e);
    expect(isAppError(overKey) && overKey.code).toBe('RATE_LIMITED');
    expect(isAppError(overKey) && overKey.message).toBe(
      '2 edits of roster r1 are running or waiting; retry when they are done',
    );
    const second = [q.run('r2', 'u1', gates[3]!.task), q.run('r3', 'u1', async () => 'e')];
    const overOwner = await q.run('r4', 'u1', async () => 'f').catch((e: unknown) => e);
    expect(isAppError(overOwner) && overOwner.message).toMatch(/^you have 3 roster edits running or waiting/);
    expect(log).not.toContain('start c');
    gates.forEach((g) => g.release());
    expect(await Promise.all([...first, ...second])).toEqual(['a', 'b', 'd', 'e']);
    // once settled, the owner and the key take tasks again
    expect(await q.run('r1', 'u1', async () => 'g')).toBe('g');
  });

  it('a failed task frees its lane for the next', async () => {
    const q = lanes({ lanes: 1, perKey: 4, perOwner: 4 });
    const failed = q.run('r1', 'u1', async () => {
      throw new Error('broken');
    });
    const next = q.run('r1', 'u1', async () => 'next');
    await expect(failed).rejects.toThrow('broken');
    expect(await next).toBe('next');
    expect(q.size('r1')).toBe(0);
  });
});
