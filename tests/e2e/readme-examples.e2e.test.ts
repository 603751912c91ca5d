/**
 * The README's GraphQL examples, run as written against the real server over HTTP and
 * WebSocket, on the demo site seeded in the week the examples' dates belong to
 * (`npm run seed -- --anchor 2026-11-30`). Every operation of every ```graphql block is
 * validated against the schema and executed as the role it is written for; subscriptions get
 * their event, or at least are listening on the server. Figures the README states beside an
 * example (the Erlang calculator's, the seeded demo's scheduling KPIs) are checked too.
 * Before this test, nothing held them: a user walking through the README met placeholders that
 * no demo roster fitted, and nothing would have noticed a renamed field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, validate, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { TOPIC } from '../../src/events/topics';
import { seedDemo } from '../../src/seed/demo-seed';
import { expectOk } from '../helpers/expect-ok';
import { DEMO_PASSWORD, startTestApp, type GqlResult, type TestApp } from '../helpers/test-app';
import { wsClient } from '../helpers/ws-client';

/** The Monday the README's example dates are written for (its seeded week). */
const README_ANCHOR = '2026-11-30';
const SEED_AND_SOLVE_MS = 600_000;

const README = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

interface Example {
  /** 1-based number of the ```graphql block, for messages. */
  block: number;
  kind: OperationDefinitionNode['operation'];
  /** Name of the operation's first root field. */
  root: string;
  text: string;
}

/** Every operation of every ```graphql block of `markdown`, in order (indented blocks included). */
export function readmeExamples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^( *)```graphql\n([\s\S]*?)^\1```/gm)].map((m) =>
    m[2]!.replace(new RegExp(`^${m[1]}`, 'gm'), ''),
  );
  return blocks.flatMap((block, i) =>
    parse(block).definitions.map((d) => {
      if (d.kind !== Kind.OPERATION_DEFINITION)
        throw new Error(`block ${i + 1}: only operations, got ${d.kind}`);
      const first = d.selectionSet.selections[0] as FieldNode;
      return { block: i + 1, kind: d.operation, root: first.name.value, text: print(d) };
    }),
  );
}

/** Who each example's root field is written for; every other root field runs as the manager. */
const ROLE: Record<string, string> = {
  users: 'admin',
  auditLog: 'admin',
  myTimetable: 'agent',
  rosterPublished: 'agent',
  forecastUpdated: 'partner',
};

/** The README's placeholders `"…"`, filled with what the walk-through has made so far. */
function fill(text: string, ids: { jobId?: string; rosterId?: string; date?: string }): string {
  const id = (what: string, value: string | undefined): string => {
    if (value === undefined) throw new Error(`no ${what} yet for: ${text}`);
    return JSON.stringify(value);
  };
  return text
    .replace(/password: "…"/g, `password: ${JSON.stringify(DEMO_PASSWORD)}`)
    .replace(
      /(rosterJob|cancelRosterJob|rosterJobProgress)\((id|jobId): "…"/g,
      (_, f: string, a: string) => `${f}(${a}: ${id('job', ids.jobId)}`,
    )
    .replace(/(\w+)\(id: "…"/g, (_, f: string) => `${f}(id: ${id('roster', ids.rosterId)}`)
    .replace(/rosterId: "…"/g, () => `rosterId: ${id('roster', ids.rosterId)}`)
    .replace(/date: "…"/g, () => `date: ${id('date', ids.date)}`);
}

describe('the README’s GraphQL examples', () => {
  const examples = readmeExamples(README);
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: { jobId?: string; rosterId?: string; date?: string } = {};

  beforeAll(async () => {
    t = await startTestApp({
      env: { WORKER_THREADS: '2' },
      seed: async (s) => void (await seedDemo(s, { anchorDate: README_ANCHOR })),
    });
    for (const user of ['admin', 'manager', 'partner', 'agent']) tokens[user] = await t.login(user);
  }, SEED_AND_SOLVE_MS);
  afterAll(() => t?.close());

  const roleOf = (e: Example): string => ROLE[e.root] ?? 'manager';
  const run = <T = Record<string, unknown>>(e: Example, text = e.text): Promise<GqlResult<T>> =>
    t.gql<T>(fill(text, ids), {}, e.root === 'login' ? undefined : tokens[roleOf(e)]);
  const only = (root: string): Example[] => examples.filter((e) => e.root === root);
  const one = (root: string, has = ''): Example => {
    const found = only(root).filter((e) => e.text.includes(has));
    if (found.length !== 1)
      throw new Error(`expected one README example of ${root} with "${has}", got ${found.length}`);
    return found[0]!;
  };

  /**
   * Subscribes as the example's role and resolves once the server is listening on `topic`
   * (rejects when the subscription is refused); `events` then resolves with the events up to
   * the first that `last` accepts (by default the first event).
   */
  async function listen(
    e: Example,
    topic: string,
    routingId?: string,
    last: (event: Record<string, unknown>) => boolean = () => true,
  ) {
    const client = wsClient(t.app.url, tokens[roleOf(e)]);
    const listening = t.events.nextListener(topic, routingId);
    const events = new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const got: Record<string, unknown>[] = [];
      client.subscribe<Record<string, unknown>>(
        { query: fill(e.text, ids) },
        {
          next: (r) => {
            if (r.errors) return reject(new Error(JSON.stringify(r.errors)));
            got.push(r.data!);
            if (last(r.data!)) resolve(got);
          },
          error: reject,
          complete: () => reject(new Error(`subscription ended early: ${JSON.stringify(got)}`)),
        },
      );
    });
    await Promise.race([listening, events]);
    return { events, close: () => client.dispose() };
  }

  it('are valid operations of the schema', () => {
    expect(examples.length).toBeGreaterThan(30);
    for (const e of examples)
      expect({
        block: e.block,
        root: e.root,
        errors: validate(t.app.schema, parse(e.text)).map(String),
      }).toEqual({
        block: e.block,
        root: e.root,
        errors: [],
      });
  });

  it('the seeded demo’s scheduling KPIs are the figures the README gives', async () => {
    // read before any example publishes a roster of these weeks
    const res = await run<{ schedulingKpis: { overall: Record<string, number> } }>(one('schedulingKpis'));
    const { overall } = expectOk(res).schedulingKpis;
    const stated =
      /success is ([\d.]+) %[^,]*, workload balance ([\d.]+) h[^)]*\) and intervention ([\d.]+) %/.exec(
        README.replace(/\s+/g, ' '),
      );
    expect(stated).not.toBeNull();
    expect((overall.successRate! * 100).toFixed(1)).toBe(stated![1]);
    expect(overall.workloadBalance!.toFixed(2)).toBe(stated![2]);
    expect((overall.interventionRate! * 100).toFixed(1)).toBe(stated![3]);
  });

  it('the Erlang calculator gives the figures of its comment', async () => {
    const e = one('erlangCalculator');
    const [, erlangs, raw, scheduled] = /→ (\d+) Erlangs, (\d+) raw, (\d+) scheduled/.exec(README)!;
    const res = await run<{ erlangCalculator: Record<string, number> }>(e);
    expect(expectOk(res).erlangCalculator).toMatchObject({
      trafficErlangs: Number(erlangs),
      rawAgents: Number(raw),
      scheduledAgents: Number(scheduled),
    });
  });

  it(
    'every query and mutation answers as written, subscriptions get their events',
    async () => {
      const done = new Set<Example>();
      /** Runs an example that must answer without errors; its data, typed as the caller reads it. */
      const ok = async <T = Record<string, unknown>>(e: Example, text?: string): Promise<T> => {
        done.add(e);
        return expectOk(await run<T>(e, text)) as T;
      };

      // sign-in, users, the audit log and the WebSocket ping
      expect(expectOk(await run<{ login: unknown }>(one('login'))).login).toMatchObject({
        token: expect.any(String),
      });
      done.add(one('login'));
      for (const root of ['me', 'users', 'auditLog']) await ok(one(root));
      const ping = await listen(one('ping'), TOPIC.PING);
      expect((await ping.events)[0]).toMatchObject({ ping: { seq: expect.any(Number) } });
      await ping.close();
      done.add(one('ping'));

      // forecasting: models, a run (heard live by a partner), the run read back, accuracy, quality
      for (const e of only('trainModel')) await ok(e);
      const updated = await listen(one('forecastUpdated'), TOPIC.FORECAST_UPDATED, 'calls');
      await ok(one('runForecast'));
      expect((await updated.events)[0]).toMatchObject({
        forecastUpdated: { dailyTotals: expect.any(Array) },
      });
      await updated.close();
      done.add(one('forecastUpdated'));
      for (const root of ['latestForecast', 'forecastAccuracy', 'validateVolumes', 'setHoliday', 'holidays'])
        await ok(one(root));

      // staffing
      for (const root of ['staffing', 'staffingPlan', 'staffingScenario', 'erlangCalculator'])
        await ok(one(root));

      // planning a week: start, follow, read, edit, publish
      const planWeek = one('planWeek');
      ids.jobId = (await ok<{ planWeek: { id: string } }>(planWeek)).planWeek.id;
      // followed to its end over the socket, then read once, as the README says
      const ended = (ev: Record<string, unknown>) =>
        !['QUEUED', 'RUNNING'].includes((ev.rosterJobProgress as { state: string }).state);
      const progress = await listen(one('rosterJobProgress'), TOPIC.ROSTER_JOB_PROGRESS, ids.jobId, ended);
      expect((await progress.events).length).toBeGreaterThan(1);
      await progress.close();
      done.add(one('rosterJobProgress'));
      const job = (
        (await ok(one('rosterJob'))) as { rosterJob: { state: string; rosterId: string; error: null } }
      ).rosterJob;
      expect(job).toMatchObject({ state: 'SUCCEEDED', error: null });
      ids.rosterId = job.rosterId!;
      expect((await ok<{ roster: { status: string } }>(one('roster', 'staffWeeks'))).roster.status).toBe(
        'DRAFT',
      );

      // the edits name people by id: put in two who work on the example's day in this draft
      for (const e of only('updateAssignment')) {
        const date = /date: "(\d{4}-\d{2}-\d{2})"/.exec(e.text)![1]!;
        const day = expectOk(
          await t.gql<{ roster: { assignments: { staffId: string; shiftTemplateId: string }[] } }>(
            `{ roster(id: "${ids.rosterId}") { assignments(date: "${date}") { staffId shiftTemplateId } } }`,
            {},
            tokens.manager,
          ),
        ).roster.assignments;
        const a = day[0]!;
        const b = day.find((x) => x.shiftTemplateId !== a.shiftTemplateId) ?? day[1]!;
        const text = e.text.replace(/staff-0007/g, a.staffId).replace(/staff-0012/g, b.staffId);
        const res = await run(e, text);
        done.add(e);
        // documented outcomes: saved with warnings, or a hard-rule break refused with its violations
        if (res.errors)
          expect(res.errors[0]!.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            details: expect.any(Array),
          });
        else expect(res.data).toMatchObject({ updateAssignment: { warnings: expect.any(Array) } });
      }

      const published = await listen(one('rosterPublished'), TOPIC.ROSTER_PUBLISHED, '2026-11-23');
      expect(await ok(one('publishRoster'))).toMatchObject({ publishRoster: { status: 'PUBLISHED' } });
      expect((await published.events)[0]).toMatchObject({ rosterPublished: { rosterId: ids.rosterId } });
      await published.close();
      done.add(one('rosterPublished'));
      const mine = (await ok(one('myTimetable', '2026-11-23'))) as {
        myTimetable: { shifts: unknown[] } | null;
      };
      expect(mine.myTimetable?.shifts.length).toBeGreaterThan(0);

      // after publishing: conflicts (the week of the examples is over, so none are detected), repair
      await ok(one('roster', 'detectedAt'));
      await ok(one('myTimetable', '2026-12-07'));
      const conflicts = await listen(one('rosterConflict'), TOPIC.ROSTER_CONFLICT, '2026-12-07');
      await conflicts.close();
      done.add(one('rosterConflict'));
      ids.date = '2026-11-27';
      const repair = await run(one('repairRoster'));
      done.add(one('repairRoster'));
      // a roster with no conflicts is refused with a reason; one with conflicts answers as written
      if (repair.errors) expect(repair.errors[0]!.extensions?.code).toBe('FAILED_PRECONDITION');
      else expect(repair.data).toMatchObject({ repairRoster: { roster: { status: 'DRAFT' } } });

      // cancelling a job: another plan of the same week, cancelled at once
      ids.jobId = (await ok<{ planWeek: { id: string } }>(planWeek)).planWeek.id;
      expect(await ok(one('cancelRosterJob'))).toMatchObject({ cancelRosterJob: { state: 'CANCELLED' } });

      await ok(one('schedulingKpis'));
      expect(examples.filter((e) => !done.has(e)).map((e) => `block ${e.block}: ${e.root}`)).toEqual([]);
    },
    SEED_AND_SOLVE_MS,
  );
});
