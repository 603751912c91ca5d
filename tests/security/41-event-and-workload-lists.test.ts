/**
 * Audit: two lists the query cost still weighed at its defaults (20 objects, 10 scalars)
 * although they hold far more. Measured on the in-process test server before the fix (2 cores
 * shared with other jobs):
 *
 * - `rosterConflict { conflicts }`: every event carried every open conflict of the roster, to
 *   every subscriber and through Redis between processes. A published roster of 2,000 people
 *   whose records are gone holds 10,000 conflicts: the subscription passed at cost 202 and each
 *   event was a WebSocket message of 2.70 MB (1.4 s from publishing to its arrival). An event
 *   now carries the first MAX_PAGE_SIZE (500) conflicts and `conflictCount`; the field takes
 *   `first` (default 100, at most 500) and the cost counts it: 1,002 for the same selection,
 *   27 KB an event by default, 135 KB with `first: 500` (cost 5,002).
 * - A pooled DEFERRED workload's per-interval lists (`SkillWorkloadPlan.scheduledAgents`,
 *   `.productiveAgents`, `.workHours`, `.occupancy`, `WorkloadChannelFlow.agents`, `.handled`)
 *   hold a value per interval of the week, 672 at 15 minutes, weighed 10: every workload's
 *   every list passed at cost 88,706 (a site of 64 DEFERRED channels, each its own skill,
 *   answers 258,048 values). They weigh 672 now: refused at 5,681,282 (the cost counts up to
 *   64 channels in each workload), and `workloads(skill:)` reads one skill's: 88,772 with
 *   every list of its channels.
 */
import { buildSchema, type FormattedExecutionResult } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from 'graphql-ws';
import type { Viewer } from '../../src/auth/request-context';
import { MAX_CHANNELS } from '../../src/channels/channel.validation';
import { MAX_PAGE_SIZE } from '../../src/common/pagination';
import { loadConfig } from '../../src/config';
import { TOPIC, type RosterConflictEvent } from '../../src/events/topics';
import { edgeLimits, prepareOperation } from '../../src/server/limits';
import { LIST_SIZES } from '../../src/server/query-cost';
import { expectOk } from '../helpers/expect-ok';
import { largeProblem, largeRoster } from '../helpers/large-roster';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { wsClient } from '../helpers/ws-client';
import { seedRosterSite, WEEK } from '../integration/rostering/roster.seed';
import { channel, forecast, seed } from '../integration/staffing/fixtures';

const INTERVALS = 672;
const LIMIT = 100_000;
/** People whose records are not in the store: publishing finds every shift of theirs conflicted. */
const GONE = 2000;
const CONFLICT_FIELDS = 'staffId date shiftTemplateId start end skill cause rule reason detectedAt';
const WORKLOAD_LISTS =
  'skill scheduledAgents productiveAgents workHours occupancy channels { channel agents handled }';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
/** Limits low enough that every document is refused: the message then names its cost. */
const probe = edgeLimits(loadConfig({ NODE_ENV: 'test', GRAPHQL_MAX_COMPLEXITY: '10' }));
const costOf = (query: string): number => {
  const prepared = prepareOperation(schema, probe, query, {});
  const message = 'errors' in prepared ? prepared.errors[0]!.message : '';
  return Number(/Query cost (\d+)/.exec(message)?.[1]);
};

const viewer: Viewer = { userId: 'test', username: 'test', roles: [], staffId: null };

describe('audit: the conflict subscription and pooled workloads weigh their real sizes', () => {
  describe('rosterConflict', () => {
    let t: TestApp;
    let client: Client;
    const subscription = (args: string) =>
      `subscription($week: String!) { rosterConflict(week: $week) { rosterId conflictCount conflicts${args} { ${CONFLICT_FIELDS} } } }`;

    beforeAll(async () => {
      t = await startTestApp({ seed: seedRosterSite });
      client = wsClient(t.app.url, await t.login('manager'));
    });
    afterAll(async () => {
      await client.dispose();
      await t.close();
    });

    it('weighs the page a subscriber asks for', () => {
      // 202 when every conflict weighed 20
      expect(costOf(subscription(''))).toBe(4 + 100 * CONFLICT_FIELDS.split(' ').length);
      expect(costOf(subscription(`(first: ${MAX_PAGE_SIZE})`))).toBe(
        4 + MAX_PAGE_SIZE * CONFLICT_FIELDS.split(' ').length,
      );
    });

    it(`carries the first ${MAX_PAGE_SIZE} of ${GONE * 5} conflicts and their count`, async () => {
      type Event = { conflictCount: number; conflicts: unknown[] };
      const bus = t.services.events.subscribe(TOPIC.ROSTER_CONFLICT, WEEK)[Symbol.asyncIterator]();
      const published = bus.next();
      // the default page, the largest, one past it: each subscription's first message
      const pages = ['', `(first: ${MAX_PAGE_SIZE})`, `(first: ${MAX_PAGE_SIZE + 1})`];
      const disposers: (() => void)[] = [];
      const firstMessages: Promise<{
        bytes: number;
        result: FormattedExecutionResult<{ rosterConflict: Event }, unknown>;
      }>[] = [];
      for (const args of pages) {
        // one at a time: each is live on the server before the next subscribes
        const listening = t.events.nextListener(TOPIC.ROSTER_CONFLICT, WEEK);
        firstMessages.push(
          new Promise((resolve, reject) => {
            disposers.push(
              client.subscribe<{ rosterConflict: Event }>(
                { query: subscription(args), variables: { week: WEEK } },
                {
                  next: (r) => resolve({ bytes: JSON.stringify(r).length, result: r }),
                  error: reject,
                  complete: () => reject(new Error('completed before an event')),
                },
              ),
            );
          }),
        );
        await listening;
      }
      const crowd = largeProblem(GONE, WEEK);
      const draft = await t.services.rosters.storeDraft(crowd, largeRoster(crowd), null, null);
      await t.services.rosters.publish(draft._id, viewer);
      const [byDefault, largest, past] = await Promise.all(firstMessages);
      disposers.forEach((dispose) => dispose());
      const event = (await published).value as RosterConflictEvent;
      await bus.return?.();
      expect([event.conflicts.length, event.conflictCount]).toEqual([MAX_PAGE_SIZE, GONE * 5]);
      const counts = (m: typeof byDefault) => {
        const e = expectOk(m.result).rosterConflict;
        return [e.conflicts.length, e.conflictCount];
      };
      expect([counts(byDefault!), counts(largest!)]).toEqual([
        [100, GONE * 5],
        [MAX_PAGE_SIZE, GONE * 5],
      ]);
      // every conflict took 2.70 MB an event; a page of 100 takes about 27 KB, of 500 about 135 KB
      expect([byDefault!.bytes < 40_000, largest!.bytes < 160_000]).toEqual([true, true]);
      expect(past!.result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }, 120_000);
  });

  describe('pooled workloads', () => {
    const WORKLOAD_WEEK = '2026-11-23';
    const deferred = (key: string) =>
      channel({
        key,
        kind: 'DEFERRED',
        intervalMinutes: 60,
        ahtSeconds: 420,
        maxOccupancy: 0.9,
        responseHours: 24,
        requiredSkill: key,
        openingHours: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, from: '09:00', to: '17:00' })),
      });
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({
        env: { SITE_TIME_ZONE: 'Europe/London' },
        seed: (s) =>
          seed(
            s.store,
            [deferred('outbound'), deferred('emails')],
            ['outbound', 'emails'].map((key) =>
              forecast({
                id: `f-${key}`,
                channel: key,
                start: `${WORKLOAD_WEEK}T00:00:00Z`,
                intervalMinutes: 60,
                mean: 2,
              }),
            ),
          ),
      });
    });
    afterAll(() => t.close());

    it('weighs every per-interval list by the intervals of a week', () => {
      for (const key of [
        'SkillWorkloadPlan.scheduledAgents',
        'SkillWorkloadPlan.productiveAgents',
        'SkillWorkloadPlan.workHours',
        'SkillWorkloadPlan.occupancy',
        'WorkloadChannelFlow.agents',
        'WorkloadChannelFlow.handled',
      ])
        expect([key, LIST_SIZES[key]]).toEqual([key, INTERVALS]);
    });

    it('refuses every workload’s every list, and counts one workload with skill:', async () => {
      const all = `query { staffingPlan(week: "${WORKLOAD_WEEK}") { workloads { ${WORKLOAD_LISTS} } } }`;
      // 88,706 when the lists weighed 10
      const perWorkload = 1 + 4 * INTERVALS + 1 + MAX_CHANNELS * (1 + 2 * INTERVALS);
      expect(costOf(all)).toBe(1 + 1 + MAX_CHANNELS * perWorkload);
      const manager = await t.login('manager');
      const refused = await t.gql(all, {}, manager);
      expect([refused.status, codeOf(refused), refused.errors![0]!.message]).toEqual([
        400,
        'QUERY_TOO_COMPLEX',
        `Query cost ${1 + 1 + MAX_CHANNELS * perWorkload} exceeds the limit of ${LIMIT}`,
      ]);
      const one = `query { staffingPlan(week: "${WORKLOAD_WEEK}") { workloads(skill: "outbound") { ${WORKLOAD_LISTS} } } }`;
      expect(costOf(one)).toBe(1 + 1 + perWorkload);
      const { staffingPlan } = expectOk(
        await t.gql<{
          staffingPlan: { workloads: { skill: string; occupancy: number[]; channels: unknown[] }[] };
        }>(one, {}, manager),
      );
      expect(staffingPlan.workloads.map((w) => [w.skill, w.occupancy.length, w.channels.length])).toEqual([
        ['outbound', 168, 1],
      ]);
    }, 120_000);
  });
});
