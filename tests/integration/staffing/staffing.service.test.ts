import type { Services } from '../../../src/server/services';
import { StaffingService } from '../../../src/staffing/staffing.service';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import type { DocumentStore } from '../../../src/store/document-store';
import { closeServices, servicesFor } from '../staff/services.fixture';
import { ALWAYS_OPEN, channel, forecast, seed } from './fixtures';

const LONDON = 'Europe/London';
// DEFERRED plans solve the workload LP to its node limit (no clock limit): slow on a busy machine
jest.setTimeout(120_000);
const WEEK = '2026-11-23'; // GMT: local = UTC
const WEEK_START = '2026-11-23T00:00:00Z';

describe('StaffingService (embedded store)', () => {
  let store: DocumentStore;
  let services: Services;
  let service: StaffingService;

  beforeEach(async () => {
    store = await EmbeddedStore.open();
    // channels and forecasts are read through their owners' services
    services = await servicesFor(store);
    service = new StaffingService(store, services, { timeZone: LONDON });
  });
  afterEach(() => closeServices(services));

  describe('channel plans', () => {
    beforeEach(() =>
      seed(
        store,
        [channel({ key: 'calls' })],
        [forecast({ id: 'f-calls', channel: 'calls', start: WEEK_START, mean: 100 })],
      ),
    );

    it('100 calls per 30 min, AHT 180 s, 80/20, occupancy 0.85, shrinkage 0.3 → 14 raw, 20 scheduled per open interval', async () => {
      const plan = await service.channelPlan({ channel: 'calls', week: WEEK });
      expect(plan).toMatchObject({
        channel: 'calls',
        model: 'ERLANG_C',
        week: WEEK,
        basis: 'MEAN',
        forecastId: 'f-calls',
        intervalMinutes: 30,
        requiredSkill: 'phone',
      });
      expect(plan.rows).toHaveLength(336);
      const mon0800 = plan.rows[16];
      expect(mon0800).toMatchObject({
        localTime: '2026-11-23T08:00:00',
        occurrences: 1,
        open: true,
        volume: 100,
        trafficErlangs: 10,
        rawAgents: 14,
        scheduledAgents: 20,
        abandonProbability: null,
      });
      expect(mon0800.start).toEqual(new Date('2026-11-23T08:00:00Z'));
      expect(mon0800.serviceLevel).toBeCloseTo(0.8884, 4);
      expect(mon0800.asaSeconds).toBeCloseTo(7.836, 3);
      expect(mon0800.occupancy).toBeCloseTo(10 / 14, 12);
      // closed: volume reported, nobody planned
      expect(plan.rows[15]).toMatchObject({ open: false, volume: 100, rawAgents: 0, scheduledAgents: 0 });
      expect(plan.rows.filter((r) => r.open)).toHaveLength(5 * 20);
    });

    it('totals: 5 days × 20 intervals × 20 agents × 0.5 h = 1000 staff hours, 26.67 FTE; 200 h (26.67 FTE) per weekday', async () => {
      const { totals } = await service.channelPlan({ channel: 'calls', week: WEEK });
      expect(totals.scheduledStaffHours).toBe(1000);
      expect(totals.rawStaffHours).toBe(700);
      expect(totals.weeklyStaffHours).toBe(1000);
      expect(totals.weeklyFte).toBeCloseTo(1000 / 37.5, 12);
      expect(totals.peakScheduledAgents).toBe(20);
      expect(totals.volume).toBe(336 * 100);
      expect(totals.days.map((d) => d.date)).toEqual([
        '2026-11-23',
        '2026-11-24',
        '2026-11-25',
        '2026-11-26',
        '2026-11-27',
        '2026-11-28',
        '2026-11-29',
      ]);
      expect(totals.days.map((d) => d.staffHours)).toEqual([200, 200, 200, 200, 200, 0, 0]);
      expect(totals.days[0].fte).toBeCloseTo(200 / 7.5, 12);
    });

    it('staffs for an upper bound: HI80 ≥ MEAN in every interval, HI95 ≥ HI80', async () => {
      const mean = await service.channelPlan({ channel: 'calls', week: WEEK, basis: 'MEAN' });
      const hi80 = await service.channelPlan({ channel: 'calls', week: WEEK, basis: 'HI80' });
      const hi95 = await service.channelPlan({ channel: 'calls', week: WEEK, basis: 'HI95' });
      expect(hi80.rows[16].volume).toBeCloseTo(130, 9);
      hi80.rows.forEach((r, i) => {
        expect(r.scheduledAgents).toBeGreaterThanOrEqual(mean.rows[i].scheduledAgents);
        expect(hi95.rows[i].scheduledAgents).toBeGreaterThanOrEqual(r.scheduledAgents);
      });
      expect(hi80.totals.weeklyFte).toBeGreaterThan(mean.totals.weeklyFte);
      expect(hi80.basis).toBe('HI80');
    });

    it('applies scenario overrides before planning', async () => {
      const plan = await service.channelPlan(
        { channel: 'calls', week: WEEK },
        { shrinkage: 0, ahtSeconds: null },
      );
      expect(plan.rows[16]).toMatchObject({ rawAgents: 14, scheduledAgents: 14 });
    });

    it('uses the most recently created forecast covering the week', async () => {
      await seed(
        store,
        [],
        [
          forecast({
            id: 'f-newer',
            channel: 'calls',
            start: '2026-11-16T00:00:00Z',
            days: 21,
            mean: 50,
            createdAt: '2026-03-01T00:00:00Z',
          }),
          forecast({
            id: 'f-partial',
            channel: 'calls',
            start: '2026-11-24T00:00:00Z',
            mean: 1,
            createdAt: '2026-04-01T00:00:00Z',
          }),
        ],
      );
      const plan = await service.channelPlan({ channel: 'calls', week: WEEK });
      expect(plan.forecastId).toBe('f-newer');
      expect(plan.rows[16].volume).toBe(50);
    });

    it('plans a named forecast for the first whole week it covers', async () => {
      await seed(
        store,
        [],
        [forecast({ id: 'f-mid', channel: 'calls', start: '2026-11-25T00:00:00Z', days: 14, mean: 40 })],
      );
      const plan = await service.channelPlan({ channel: 'calls', forecastId: 'f-mid' });
      expect(plan.week).toBe('2026-11-30');
      expect(plan.rows[16].volume).toBe(40);
    });

    it('refuses a week without a covering forecast with FAILED_PRECONDITION', async () => {
      await expect(service.channelPlan({ channel: 'calls', week: '2026-11-30' })).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
        message: 'no forecast covers week 2026-11-30 for channel calls: run runForecast first',
      });
    });

    it('refuses a named forecast that does not cover the week', async () => {
      await expect(
        service.channelPlan({ channel: 'calls', forecastId: 'f-calls', week: '2026-11-30' }),
      ).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
        message:
          'forecast f-calls does not cover week 2026-11-30 (Monday to Sunday in Europe/London) for channel calls',
      });
    });

    it('answers NOT_FOUND for an unknown channel or forecast, BAD_USER_INPUT for a bad week or another channel’s forecast', async () => {
      await expect(service.channelPlan({ channel: 'nope', week: WEEK })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Channel nope not found',
      });
      await expect(service.channelPlan({ channel: 'calls', forecastId: 'f-x' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Forecast f-x not found',
      });
      await expect(service.channelPlan({ channel: 'calls', week: '2026-11-24' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'week must be a Monday, got 2026-11-24 (a Tuesday)',
      });
      await expect(service.channelPlan({ channel: 'calls' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await seed(store, [channel({ key: 'chat' })], []);
      await expect(service.channelPlan({ channel: 'chat', forecastId: 'f-calls' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'forecast f-calls is for channel calls, not chat',
      });
    });

    it('names the parameter of a bad scenario override', async () => {
      await expect(
        service.channelPlan({ channel: 'calls', week: WEEK }, { shrinkage: 1 }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'shrinkage must be in [0, 1), got 1',
        details: [{ field: 'scenario.shrinkage' }],
      });
    });
  });

  describe('daylight-saving weeks (Europe/London)', () => {
    it('fall back (week of Sun 2026-10-25): 672 wall-clock slots, the repeated hour takes the larger volume', async () => {
      const first = Date.parse('2026-10-25T00:00:00Z'); // 01:00 BST
      const second = Date.parse('2026-10-25T01:00:00Z'); // 01:00 GMT
      await seed(
        store,
        [channel({ key: 'calls', intervalMinutes: 15, openingHours: ALWAYS_OPEN })],
        [
          forecast({
            id: 'f-dst',
            channel: 'calls',
            start: '2026-10-18T23:00:00Z', // Mon 2026-10-19 00:00 BST
            days: 8,
            intervalMinutes: 15,
            mean: (t) =>
              t >= first && t < first + 3_600_000 ? 20 : t >= second && t < second + 3_600_000 ? 60 : 10,
          }),
        ],
      );
      const plan = await service.channelPlan({ channel: 'calls', week: '2026-10-19' });
      expect(plan.rows).toHaveLength(7 * 24 * 4);
      const repeated = plan.rows.filter((r) => r.occurrences === 2);
      expect(repeated.map((r) => r.localTime)).toEqual([
        '2026-10-25T01:00:00',
        '2026-10-25T01:15:00',
        '2026-10-25T01:30:00',
        '2026-10-25T01:45:00',
      ]);
      expect(repeated.every((r) => r.volume === 60)).toBe(true);
      expect(repeated[0].start).toEqual(new Date(first));
      const sun0200 = plan.rows[6 * 96 + 8];
      expect(sun0200).toMatchObject({ localTime: '2026-10-25T02:00:00', occurrences: 1, volume: 10 });
      expect(sun0200.start).toEqual(new Date('2026-10-25T02:00:00Z'));
      expect(plan.rows[0].start).toEqual(new Date('2026-10-18T23:00:00Z'));
      expect(repeated[0].scheduledAgents).toBeGreaterThan(sun0200.scheduledAgents);
      // every day has 96 slots, so the per-day totals line up with the roster's wall-clock days
      expect(plan.totals.days).toHaveLength(7);
    });

    it('spring forward (week of Sun 2026-03-29): the skipped hour has no instant, no volume and no agents', async () => {
      await seed(
        store,
        [channel({ key: 'calls', openingHours: ALWAYS_OPEN })],
        [forecast({ id: 'f-spring', channel: 'calls', start: '2026-03-23T00:00:00Z', days: 7, mean: 100 })],
      );
      const plan = await service.channelPlan({ channel: 'calls', week: '2026-03-23' });
      expect(plan.rows).toHaveLength(336);
      const skipped = plan.rows.filter((r) => r.occurrences === 0);
      expect(skipped.map((r) => r.localTime)).toEqual(['2026-03-29T01:00:00', '2026-03-29T01:30:00']);
      expect(skipped.every((r) => r.start === null && r.volume === 0 && r.scheduledAgents === 0)).toBe(true);
      expect(plan.rows[6 * 48 + 4]).toMatchObject({ localTime: '2026-03-29T02:00:00', scheduledAgents: 20 });
    });
  });

  describe('deferred channel across the autumn clock change', () => {
    it('counts the arrivals of both passes of the repeated hour: arrivedItems = the forecast of the week', async () => {
      const first = Date.parse('2026-10-25T00:00:00Z'); // 01:00 BST
      const second = Date.parse('2026-10-25T01:00:00Z'); // 01:00 GMT
      const start = Date.parse('2026-10-18T23:00:00Z'); // Mon 2026-10-19 00:00 BST
      const end = Date.parse('2026-10-26T00:00:00Z'); // Mon 2026-10-26 00:00 GMT
      const mean = (t: number): number => (t === first ? 5 : t === second ? 7 : 2);
      await seed(
        store,
        [
          channel({
            key: 'emails',
            kind: 'DEFERRED',
            intervalMinutes: 60,
            ahtSeconds: 360,
            maxOccupancy: 1,
            shrinkage: 0.2,
            responseHours: 2,
            requiredSkill: 'email',
            openingHours: ALWAYS_OPEN,
          }),
        ],
        [
          forecast({
            id: 'f-autumn',
            channel: 'emails',
            start: '2026-10-18T23:00:00Z',
            days: 8,
            intervalMinutes: 60,
            mean,
          }),
        ],
      );
      const plan = await service.channelPlan({ channel: 'emails', week: '2026-10-19' });
      let expected = 0;
      for (let t = start; t < end; t += 3_600_000) expected += mean(t);
      expect(expected).toBe(169 * 2 + 3 + 5); // 169 real hours
      expect(plan.workload!.arrivedItems).toBeCloseTo(expected, 9);
      const repeated = plan.rows.find((r) => r.localTime === '2026-10-25T01:00:00')!;
      expect(repeated).toMatchObject({ occurrences: 2, volume: 12 });
    });
  });

  describe('deferred channel', () => {
    beforeEach(() =>
      seed(
        store,
        [
          channel({
            key: 'emails',
            kind: 'DEFERRED',
            intervalMinutes: 60,
            ahtSeconds: 360,
            maxOccupancy: 1,
            shrinkage: 0.2,
            responseHours: 2,
            requiredSkill: 'email',
          }),
        ],
        [forecast({ id: 'f-emails', channel: 'emails', start: WEEK_START, intervalMinutes: 60, mean: 20 })],
      ),
    );

    it('is the skill’s pooled workload plan: integer agents in open hours only, every item on time, nothing unplaced', async () => {
      const plan = await service.channelPlan({ channel: 'emails', week: WEEK });
      expect(plan.model).toBe('WORKLOAD');
      expect(plan.rows).toHaveLength(168);
      // the only channel of its skill: its share is the whole pooled plan, whole agents
      const skill = await service.skillPlan(WEEK);
      const pool = skill.workloads.find((w) => w.skill === 'email')!;
      expect(plan.rows.map((r) => r.scheduledAgents)).toEqual(pool.scheduledAgents);
      expect(plan.totals.weeklyStaffHours).toBeCloseTo(pool.staffHours, 9);
      const closed = plan.rows.filter((r) => !r.open);
      expect(closed.every((r) => r.scheduledAgents === 0 && r.serviceLevel === null)).toBe(true);
      // 20 × 360 s = 2 h of work arriving every hour, 24/7; handled + carried out = arrived + carried in
      expect(plan.totals.workloadHours).toBeCloseTo(168 * 2, 9);
      expect(plan.totals.unplacedWorkHours).toBe(0);
      const flow = plan.workload!;
      expect(flow.onTimeShare).toBe(1);
      expect(flow.arrivedItems).toBeCloseTo(168 * 20, 9);
      expect(flow.handledItems + flow.carriedOutItems).toBeCloseTo(
        flow.arrivedItems + flow.carriedInItems,
        6,
      );
      // occupancy × productive agents × 1 h = the hours handled
      const handledHours = plan.rows.reduce((sum, r) => sum + r.occupancy * r.rawAgents, 0);
      expect(handledHours).toBeCloseTo((flow.handledItems * 360) / 3600, 6);
      expect(plan.rows.every((r) => r.rawAgents === r.scheduledAgents * 0.8)).toBe(true);
    });
  });

  describe('deferred channel: backlog carried in', () => {
    const emails = channel({
      key: 'emails',
      kind: 'DEFERRED',
      intervalMinutes: 60,
      ahtSeconds: 360,
      maxOccupancy: 1,
      shrinkage: 0.2,
      responseHours: 2,
      requiredSkill: 'email',
    });
    // open Mon–Fri 08:00–18:00, 2 open hours to respond: what arrives from Friday 17:00 on is
    // due next week (Friday 17:00 and the weekend: 7 + 48 = 55 hours of arrivals)
    it('from the previous week’s forecast when one covers it', async () => {
      await seed(
        store,
        [emails],
        [
          forecast({ id: 'f-now', channel: 'emails', start: WEEK_START, intervalMinutes: 60, mean: 20 }),
          forecast({
            id: 'f-prev',
            channel: 'emails',
            start: '2026-11-16T00:00:00Z',
            intervalMinutes: 60,
            mean: 30,
          }),
        ],
      );
      const [flow] = (await service.skillPlan(WEEK)).workloads[0]!.channels;
      expect(flow).toMatchObject({ carryInSource: 'FORECAST', onTimeShare: 1 });
      expect(flow!.carriedInItems).toBeCloseTo(55 * 30, 6);
    });

    it('else from this week’s forecast of the same hours', async () => {
      await seed(
        store,
        [emails],
        [forecast({ id: 'f-now', channel: 'emails', start: WEEK_START, intervalMinutes: 60, mean: 20 })],
      );
      const [flow] = (await service.skillPlan(WEEK)).workloads[0]!.channels;
      expect(flow).toMatchObject({ carryInSource: 'SAME_WEEK', onTimeShare: 1 });
      expect(flow!.carriedInItems).toBeCloseTo(55 * 20, 6);
      expect(flow!.carriedOutItems).toBeCloseTo(55 * 20, 6);
    });
  });

  describe('what-if scenarios', () => {
    beforeEach(() =>
      seed(
        store,
        [channel({ key: 'calls' })],
        [forecast({ id: 'f-calls', channel: 'calls', start: WEEK_START, mean: 100 })],
      ),
    );

    it('shows base and scenario side by side with scenario − base differences', async () => {
      const s = await service.scenario(
        { channel: 'calls', week: WEEK },
        { volumeMultiplier: 1.5, shrinkage: 0.2 },
      );
      expect(s.base.rows[16]).toMatchObject({ volume: 100, rawAgents: 14, scheduledAgents: 20 });
      expect(s.scenario.rows[16].volume).toBe(150);
      const d = s.diff.rows[16];
      expect(d.localTime).toBe('2026-11-23T08:00:00');
      expect(d.rawAgents).toBe(s.scenario.rows[16].rawAgents - 14);
      expect(d.scheduledAgents).toBe(s.scenario.rows[16].scheduledAgents - 20);
      expect(d.rawAgents).toBeGreaterThan(0);
      expect(s.diff.rows[0]).toMatchObject({ rawAgents: 0, scheduledAgents: 0, serviceLevel: null });
      expect(s.diff.totals.weeklyFte).toBeCloseTo(s.scenario.totals.weeklyFte - s.base.totals.weeklyFte, 12);
      expect(s.diff.totals.scheduledStaffHours).toBe(
        s.scenario.totals.scheduledStaffHours - s.base.totals.scheduledStaffHours,
      );
      expect(s).toMatchObject({ channel: 'calls', week: WEEK, basis: 'MEAN', forecastId: 'f-calls' });
    });

    it('a looser service level needs fewer agents', async () => {
      const s = await service.scenario(
        { channel: 'calls', week: WEEK },
        { serviceLevelTarget: 0.5, answerSeconds: 10 },
      );
      expect(s.diff.rows[16].rawAgents).toBeLessThan(0);
      expect(s.diff.totals.weeklyFte).toBeLessThan(0);
    });

    it('names a bad override', async () => {
      await expect(
        service.scenario({ channel: 'calls', week: WEEK }, { maxOccupancy: 1.5 }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'maxOccupancy must be in [0.05, 1], got 1.5',
        details: [{ field: 'overrides.maxOccupancy' }],
      });
    });
  });

  describe('staffingPlan: requirement per skill', () => {
    beforeEach(() =>
      seed(
        store,
        [
          channel({ key: 'calls', openingHours: ALWAYS_OPEN }), // phone, 30 min
          channel({ key: 'chat', intervalMinutes: 15, ahtSeconds: 300, openingHours: ALWAYS_OPEN }), // phone, 15 min
          channel({
            key: 'emails',
            kind: 'DEFERRED',
            intervalMinutes: 60,
            ahtSeconds: 360,
            responseHours: 4,
            requiredSkill: 'email',
          }),
          channel({ key: 'retired', active: false }),
        ],
        [
          forecast({
            id: 'f-calls',
            channel: 'calls',
            start: WEEK_START,
            mean: (t) => (t % 3_600_000 ? 100 : 50),
          }),
          forecast({ id: 'f-chat', channel: 'chat', start: WEEK_START, intervalMinutes: 15, mean: 20 }),
          forecast({ id: 'f-emails', channel: 'emails', start: WEEK_START, intervalMinutes: 60, mean: 10 }),
        ],
      ),
    );

    it('spreads each channel onto 15-minute slots and sums by required skill', async () => {
      const plan = await service.skillPlan(WEEK);
      expect(plan.intervalMinutes).toBe(15);
      expect(plan.skills.map((s) => s.skill)).toEqual(['email', 'phone']);
      expect(plan.channels.map((c) => c.channel)).toEqual(['calls', 'chat', 'emails']);
      const calls = await service.channelPlan({ channel: 'calls', week: WEEK });
      const chat = await service.channelPlan({ channel: 'chat', week: WEEK });
      const phone = plan.skills.find((s) => s.skill === 'phone')!;
      expect(phone.values).toHaveLength(672);
      for (let i = 0; i < 672; i++)
        expect(phone.values[i]).toBe(
          calls.rows[Math.floor(i / 2)].scheduledAgents + chat.rows[i].scheduledAgents,
        );
      // a 30-minute row counts in both of its 15-minute slots
      expect(phone.values[0]).toBe(phone.values[1]);
      expect(phone.staffHours).toBeCloseTo(
        calls.totals.scheduledStaffHours + chat.totals.scheduledStaffHours,
        9,
      );
      expect(phone.fte).toBeCloseTo(phone.staffHours / 37.5, 12);
      expect(phone.peak).toBe(Math.max(...phone.values));
      // the DEFERRED skill comes from its pooled workload plan (hourly), spread onto 15 minutes
      const email = plan.skills.find((s) => s.skill === 'email')!;
      const [workload] = plan.workloads;
      expect(workload!.skill).toBe('email');
      expect(email.values[4 * 8 + 1]).toBe(workload!.scheduledAgents[8]);
      expect(email.staffHours).toBeCloseTo(workload!.staffHours, 9);
      for (const c of workload!.channels) {
        expect(c.onTimeShare).toBe(1);
        expect(c.handledItems + c.carriedOutItems).toBeCloseTo(c.arrivedItems + c.carriedInItems, 6);
      }
      expect(plan.totalStaffHours).toBeCloseTo(phone.staffHours + email.staffHours, 9);
      expect(plan.channels.find((c) => c.channel === 'chat')).toMatchObject({
        skill: 'phone',
        model: 'ERLANG_C',
        intervalMinutes: 15,
        forecastId: 'f-chat',
      });
    });

    it('gives the roster service its requirement: intervalMinutes and 672 values per skill', async () => {
      const req = await service.requirementForWeek(WEEK, 'HI80');
      expect(req.intervalMinutes).toBe(15);
      expect(req.requirements.map((r) => [r.skill, r.values.length])).toEqual([
        ['email', 672],
        ['phone', 672],
      ]);
      const mean = await service.requirementForWeek(WEEK, 'MEAN');
      const hours = (values: number[]) => values.reduce((a, b) => a + b, 0);
      req.requirements.forEach((r, k) =>
        expect(hours(r.values)).toBeGreaterThanOrEqual(hours(mean.requirements[k].values)),
      );
    });

    it('refuses a week for which an active channel has no forecast, naming the channels', async () => {
      await seed(store, [channel({ key: 'sms' }), channel({ key: 'video' })], []);
      await expect(service.skillPlan(WEEK)).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
        message: 'no forecast covers week 2026-11-23 for channels sms, video: run runForecast first',
        // the dashboard offers to forecast exactly these (web/src/pages/staffing-forecast.tsx)
        details: [
          { field: 'channels.sms', message: 'no forecast covers week 2026-11-23' },
          { field: 'channels.video', message: 'no forecast covers week 2026-11-23' },
        ],
      });
    });

    it('applies a scenario to every channel', async () => {
      const base = await service.skillPlan(WEEK);
      const busier = await service.skillPlan(WEEK, 'MEAN', { volumeMultiplier: 2 });
      expect(busier.totalFte).toBeGreaterThan(base.totalFte);
    });
  });
});
