import { MessageChannel } from 'node:worker_threads';
import { solveRosterTask, type RosterProgressMessage } from '../../../src/rostering/solve.task';
import { demand, problem } from './roster.fixtures';

describe('solveRosterTask', () => {
  it('takes plain JSON, returns a plain result and posts progress on the given port', async () => {
    const { port1, port2 } = new MessageChannel();
    const messages: RosterProgressMessage[] = [];
    // the last message is `done`: the port delivers it after the task has returned
    const doneSeen = new Promise<void>((resolve) =>
      port1.on('message', (m: RosterProgressMessage) => {
        messages.push(m);
        if (m.progress.phase === 'done') resolve();
      }),
    );
    const p = problem({
      requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
    });
    const result = await solveRosterTask({ problem: JSON.parse(JSON.stringify(p)), progressPort: port2 });
    await doneSeen;
    port1.close();
    expect(result.status).toBe('OPTIMAL');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(messages.map((m) => m.progress.phase)).toEqual(
      expect.arrayContaining(['validate', 'solve', 'done']),
    );
  });
});
