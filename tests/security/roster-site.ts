/**
 * The seeded demo site with a large roster: a copy of the demo snapshot, a forecast for every
 * active channel covering the last week of its history (so `staffingPlan` and the staffing
 * export plan it, and `rosterOutcome` finds the volumes that arrived), and a DRAFT roster of
 * that week generated for `staff` people (five shifts each, breaks placed, checked like any
 * solver result), then the built server on it. The event-loop suite 18 loads it.
 * `KEEP_ROSTER_SITE=1` keeps the data directory (its path is printed) for measuring by hand.
 */
import type { RosterResult } from '../../src/rostering/roster.types';
import { FORECASTS, type ForecastDoc } from '../../src/forecasting/forecast.doc';
import { EmbeddedStore } from '../../src/store/embedded-store';
import { copyDemoDataDir, DEMO_ANCHOR } from '../helpers/demo-snapshot';
import { postGql, signIn, startServer, type ServerProcess } from '../helpers/server-process';
import { DEMO_PASSWORD } from '../helpers/test-config';
import { closeServices, servicesFor } from '../integration/staff/services.fixture';
import { channel, forecast } from '../integration/staffing/fixtures';
import { CHANNELS, type ChannelDoc } from '../../src/channels/channel.doc';
import { largeProblem, largeRoster } from '../helpers/large-roster';
import { warmUp } from './hostile';
import { addDays } from '../../src/common/calendar';
import fs from 'node:fs';

/** The demo history's last whole week (it ends the Sunday before the anchor). */
export const ROSTER_WEEK = addDays(DEMO_ANCHOR, -7);

export interface RosterSite {
  server: ServerProcess;
  token: string;
  rosterId: string;
  shifts: number;
  /** The first shift of the roster (who and when), for edits. */
  firstShift: { staffId: string; date: string; shiftTemplateId: string };
  gql(query: string, variables?: Record<string, unknown>): ReturnType<typeof postGql>;
  stop(): Promise<number | null>;
}

/** Writes the forecasts and the roster into a copy of the demo data; returns it with the roster. */
async function prepareData(
  staff: number,
  queues: number,
): Promise<{ dir: string; rosterId: string; result: RosterResult }> {
  const dir = copyDemoDataDir();
  const services = await servicesFor(await EmbeddedStore.open({ dataDir: dir }));
  try {
    if (queues > 0) await services.store.collection<ChannelDoc>(CHANNELS).insertMany(extraQueues(queues));
    const forecasts = (await services.channels.listActive()).map((c) =>
      forecast({
        id: `big-forecast-${c.key}`,
        channel: c.key,
        start: `${addDays(ROSTER_WEEK, -1)}T00:00:00Z`,
        days: 9,
        intervalMinutes: c.intervalMinutes,
        mean: (t) => 5 + 40 * Math.max(0, Math.sin((Math.PI * (((t / 3_600_000) % 24) - 7)) / 13)),
        createdAt: '2027-01-01T00:00:00Z',
      }),
    );
    await services.store.collection<ForecastDoc>(FORECASTS).insertMany(forecasts);
    const problem = largeProblem(staff, ROSTER_WEEK);
    const result = largeRoster(problem);
    const draft = await services.rosters.storeDraft(problem, result, null, null);
    return { dir, rosterId: draft._id, result };
  } finally {
    await closeServices(services);
  }
}

/**
 * `count` more quarter-hour queues besides the demo's channels, every other one DEFERRED
 * (a large site plans a dozen queues or more), open 08:00-20:00 on weekdays.
 */
function extraQueues(count: number): ChannelDoc[] {
  return Array.from({ length: count }, (_, i) =>
    channel({
      key: `queue-${String(i + 1).padStart(2, '0')}`,
      intervalMinutes: 15,
      requiredSkill: i % 2 ? 'emails' : 'calls',
      openingHours: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, from: '08:00', to: '20:00' })),
      ...(i % 2 ? { kind: 'DEFERRED' as const, responseHours: 8 } : {}),
    }),
  );
}

/** The demo site with `staff` people rostered in ROSTER_WEEK and `queues` extra channels, served. */
export async function startRosterSite(staff: number, queues = 0): Promise<RosterSite> {
  const { dir, rosterId, result } = await prepareData(staff, queues);
  // the suite bounds the event loop's own CPU time, not the worker threads' priority: niced 10
  // steps below other busy processes (WORKER_NICE), the plans' workers got about a tenth of a
  // core beside two busy loops, and staffingPlan ran past the tests' 30 s
  const server = await startServer({ DATA_DIR: dir, SEED_PASSWORD: DEMO_PASSWORD, WORKER_NICE: '0' });
  const token = await signIn(server.url, 'admin', DEMO_PASSWORD);
  await warmUp(server.url, token);
  const [first] = result.assignments;
  if (!first) throw new Error('the large roster has no shifts');
  return {
    server,
    token,
    rosterId,
    shifts: result.assignments.length,
    firstShift: { staffId: first.staffId, date: first.date, shiftTemplateId: first.shiftTemplateId },
    gql: (query, variables = {}) => postGql(server.url, query, variables, token),
    stop: async () => {
      const code = await server.stop();
      if (!process.env.KEEP_ROSTER_SITE) fs.rmSync(dir, { recursive: true, force: true });
      else process.stdout.write(`roster site data kept in ${dir}\n`);
      return code;
    },
  };
}
