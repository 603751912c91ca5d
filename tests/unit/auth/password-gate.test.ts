import { BUSY_MESSAGE, PasswordGate } from '../../../src/auth/password-gate';

/** A task that runs until `finish` is called; `started` tells whether it began. */
function held() {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const task = { started: false, finish: () => finish(), fail: (e: Error) => fail(e) };
  const run = () => {
    task.started = true;
    return new Promise<string>((resolve, reject) => {
      finish = () => resolve('done');
      fail = reject;
    });
  };
  return { task, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const busy = { code: 'UNAVAILABLE', message: BUSY_MESSAGE };

describe('PasswordGate', () => {
  it('runs at most maxRunning tasks at once and hands places on in arrival order', async () => {
    const gate = new PasswordGate({ maxRunning: 2, maxWaiting: 10, maxPerClient: 10, refusalDelayMs: 0 });
    const tasks = Array.from({ length: 4 }, () => held());
    const results = Promise.allSettled(tasks.map(({ run }, i) => gate.run(`c${i}`, run)));
    await tick();
    expect(tasks.map(({ task }) => task.started)).toEqual([true, true, false, false]);
    tasks[1].task.finish();
    await tick();
    expect(tasks.map(({ task }) => task.started)).toEqual([true, true, true, false]);
    tasks[0].task.fail(new Error('wrong password'));
    await tick();
    expect(tasks[3].task.started).toBe(true);
    tasks[2].task.finish();
    tasks[3].task.finish();
    await expect(results).resolves.toMatchObject([
      { status: 'rejected', reason: { message: 'wrong password' } },
      { status: 'fulfilled', value: 'done' },
      { status: 'fulfilled', value: 'done' },
      { status: 'fulfilled', value: 'done' },
    ]);
  });

  it('refuses at once with UNAVAILABLE when the queue is full, without running the task', async () => {
    const gate = new PasswordGate({ maxRunning: 1, maxWaiting: 1, maxPerClient: 10, refusalDelayMs: 0 });
    const [a, b, c] = [held(), held(), held()];
    const first = gate.run('a', a.run);
    const second = gate.run('b', b.run);
    await expect(gate.run('c', c.run)).rejects.toMatchObject(busy);
    expect(c.task.started).toBe(false);
    a.task.finish();
    await first;
    await tick();
    b.task.finish();
    await expect(second).resolves.toBe('done');
  });

  it('lets one client hold at most maxPerClient places, running or waiting; other clients still enter', async () => {
    const gate = new PasswordGate({ maxRunning: 1, maxWaiting: 10, maxPerClient: 2, refusalDelayMs: 0 });
    const mine = [held(), held()];
    const running = mine.map(({ run }) => gate.run('10.0.0.1', run));
    await expect(gate.run('10.0.0.1', held().run)).rejects.toMatchObject(busy);
    const other = held();
    const theirs = gate.run('10.0.0.2', other.run);
    mine[0].task.finish();
    await running[0];
    await tick();
    mine[1].task.finish();
    await running[1];
    await tick();
    other.task.finish();
    await expect(theirs).resolves.toBe('done');
  });

  it('frees every place a refused or finished call held', async () => {
    const gate = new PasswordGate({ maxRunning: 1, maxWaiting: 0, maxPerClient: 1, refusalDelayMs: 0 });
    const a = held();
    const first = gate.run('a', a.run);
    await expect(gate.run('a', held().run)).rejects.toMatchObject(busy);
    await expect(gate.run('b', held().run)).rejects.toMatchObject(busy);
    a.task.fail(new Error('x'));
    await expect(first).rejects.toThrow('x');
    const again = held();
    const next = gate.run('a', again.run);
    await tick();
    expect(again.task.started).toBe(true);
    again.task.finish();
    await expect(next).resolves.toBe('done');
  });

  it('answers a refusal only after refusalDelayMs, so a client that retries at once is slowed', async () => {
    const gate = new PasswordGate({ maxRunning: 1, maxWaiting: 0, maxPerClient: 5, refusalDelayMs: 100 });
    const a = held();
    const first = gate.run('a', a.run);
    const t0 = performance.now();
    await expect(gate.run('b', held().run)).rejects.toMatchObject(busy);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(99);
    a.task.finish();
    await first;
  });
});
