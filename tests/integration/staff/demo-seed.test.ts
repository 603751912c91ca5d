import { DEMO_STAFF_COUNT } from '../../../seeds/staff.generator';
import { DEMO_FORECAST_RUNS } from '../../../src/forecasting/forecast.seed';
import { demoSeedSteps, seedDemo } from '../../../src/seed/demo-seed';
import { seedOnStart } from '../../../src/seed/seed-on-start';
import type { Services } from '../../../src/server/services';
import type { AvailabilityDoc, StaffDoc } from '../../../src/staff/staff.doc';
import { DEMO_ANCHOR, demoSeedReport, openDemoStore } from '../../helpers/demo-snapshot';
import { closeServices, dump, servicesFor } from './services.fixture';

const DATA = ['channels', 'shiftTemplates', 'staff', 'availability'];
const ANCHOR = '2026-03-04'; // a Wednesday: leave is placed from Monday 2026-03-02

/**
 * The full seed (history, models, ranking weeks) runs once per Jest run, for every suite that
 * needs the demo site: tests/setup/global-setup.ts seeds DEMO_ANCHOR (the Monday of ANCHOR)
 * with seedDemo. These tests read what it wrote, from their own copy of that store.
 */
describe('seedDemo, full (the run’s seeded snapshot)', () => {
  let services: Services;
  beforeEach(async () => {
    services = await servicesFor(await openDemoStore());
  });
  afterEach(() => closeServices(services));

  it('writes the demo site: channels, templates, DEMO_STAFF_COUNT staff with availability and leave, linked agent', async () => {
    const report = demoSeedReport();
    expect(report.anchorDate).toBe('2026-03-02');
    expect(report.steps.map((s) => s.name)).toEqual(demoSeedSteps(services).map((s) => s.name));

    const channels = await services.channels.listAll();
    expect(channels.map((c) => c.key)).toEqual([
      'calls',
      'emails',
      'outbound_nb',
      'outbound_omk',
      'outbound_ook',
    ]);
    const calls = channels.find((c) => c.key === 'calls')!;
    expect(calls).toMatchObject({
      _id: 'channel-calls',
      kind: 'LIVE',
      intervalMinutes: 15,
      ahtSeconds: 300,
      serviceLevel: { target: 0.8, answerSeconds: 20 },
      maxOccupancy: 0.85,
      shrinkage: 0.3,
    });
    expect(calls.openingHours).toContainEqual({ dayOfWeek: 6, from: '09:00', to: '17:00' });
    expect(channels.find((c) => c.key === 'emails')).toMatchObject({
      kind: 'DEFERRED',
      intervalMinutes: 60,
      responseHours: 4,
    });
    expect(channels.filter((c) => c.requiredSkill === 'outbound')).toHaveLength(3);
    expect(await services.channels.knownSkills()).toEqual(['calls', 'emails', 'outbound', 'team_lead']);

    const templates = await services.shiftTemplates.listActive();
    expect(templates.map((t) => t.name).sort()).toEqual(
      [
        'day',
        'early',
        'late',
        'middle',
        'part-time afternoon',
        'part-time morning',
        'saturday',
        'saturday midday',
      ].sort(),
    );

    const staff = await services.store.collection<StaffDoc>('staff').find({}, { sort: { employeeNo: 1 } });
    expect(staff).toHaveLength(DEMO_STAFF_COUNT);
    expect(staff[0]).toMatchObject({ _id: 'staff-0001', employeeNo: 'E0001' });
    for (const skill of ['calls', 'emails', 'outbound', 'team_lead'])
      expect(staff.filter((s) => s.skills.includes(skill)).length).toBeGreaterThanOrEqual(8);
    const partTime = staff.filter((s) => s.contract.maxHoursWeek <= 24);
    expect(partTime.length).toBeGreaterThan(10);
    expect(partTime.length).toBeLessThan(DEMO_STAFF_COUNT / 2);

    const availability = await services.store.collection<AvailabilityDoc>('availability').find({});
    expect(availability).toHaveLength(DEMO_STAFF_COUNT);
    expect(availability.every((a) => a.weekly.length >= 3)).toBe(true);
    const leave = availability.flatMap((a) => a.exceptions).filter((e) => !e.available);
    expect(leave.length).toBeGreaterThan(5);
    expect(leave.every((e) => e.date >= '2026-03-02' && e.date < '2026-05-04')).toBe(true);

    const agent = await services.users.findByUsername('agent');
    expect(agent?.staffId).toBe('staff-0001');
  });

  it('stores forecast runs: the four weeks before, scored against their actuals, and the next two', async () => {
    const report = demoSeedReport();
    const channels = await services.channels.listAll({ active: true });
    expect(report.steps.find((s) => s.name === 'forecast runs')?.written).toBe(
      channels.length * DEMO_FORECAST_RUNS.length,
    );
    for (const c of channels) {
      expect(await services.forecasts.coveringDays(c.key, '2026-02-02', 28)).not.toBeNull();
      expect(await services.forecasts.coveringDays(c.key, '2026-03-02', 14)).not.toBeNull();
      // forecast against actual on the dashboard's first view: the last 28 days have a scored run
      const accuracy = await services.forecastAccuracy.report(c.key, '2026-02-02', '2026-03-01');
      expect(accuracy.runs).toHaveLength(1);
      const [run] = accuracy.runs;
      expect(run.metrics.n).toBeGreaterThan(100);
      expect(run.metrics.mase).toBeGreaterThan(0);
      expect(Number.isFinite(run.metrics.mase)).toBe(true);
      // measured on the slots its scale was measured on (the outbound channels' nights are imputed)
      expect(run.metrics.mase).toBeLessThan(1.5 * run.backtestMase!);
      // four weeks ahead: totals within a quarter of what arrived, most intervals inside the 95 % band
      expect(Math.abs(run.bias.percentOfActual)).toBeLessThan(25);
      expect(run.metrics.coverage95).toBeGreaterThan(0.8);
    }
  });

  it('is idempotent: running twice leaves exactly the same data', async () => {
    // the first run built the snapshot; this is the second
    const seeded = [...DATA, 'users', 'volumes', 'models', 'forecasts'];
    const first = await dump(services.store, seeded);
    const again = await seedDemo(services, { anchorDate: ANCHOR });
    expect(again.anchorDate).toBe(DEMO_ANCHOR);
    expect(again.accounts?.created).toEqual([]);
    expect(again.steps.find((s) => s.name === 'forecast runs')?.written).toBe(0);
    expect(await dump(services.store, seeded)).toEqual(first);
  });
});

describe('seedDemo, master data only', () => {
  let services: Services;
  beforeEach(async () => {
    services = await servicesFor();
  });
  afterEach(() => closeServices(services));

  it('upserts by natural key: edits are overwritten, extra records stay, ids are kept', async () => {
    await seedDemo(services, { anchorDate: ANCHOR, history: false });
    const first = await dump(services.store, DATA);
    await services.staff.update('staff-0002', { name: 'Renamed Person' });
    await services.staff.create({
      employeeNo: 'X1',
      name: 'Extra',
      skills: ['calls'],
      contract: { minHoursWeek: 0, maxHoursWeek: 10, maxDaysWeek: 2, maxConsecutiveDays: 2 },
      hourlyCost: 15,
    });
    await seedDemo(services, { anchorDate: ANCHOR, history: false });
    const after = await dump(services.store, DATA);
    expect((after.staff as StaffDoc[]).filter((s) => s.employeeNo !== 'X1')).toEqual(first.staff);
    expect(after.staff).toHaveLength(DEMO_STAFF_COUNT + 1);
  });

  it('--reset wipes everything first and rebuilds the same site', async () => {
    await seedDemo(services, { anchorDate: ANCHOR, history: false });
    const first = await dump(services.store, DATA);
    await services.staff.create({
      employeeNo: 'X1',
      name: 'Extra',
      skills: ['calls'],
      contract: { minHoursWeek: 0, maxHoursWeek: 10, maxDaysWeek: 2, maxConsecutiveDays: 2 },
      hourlyCost: 15,
    });
    await services.store.collection('volumes').insertOne({ _id: 'stray' });
    const report = await seedDemo(services, { anchorDate: ANCHOR, history: false, reset: true });
    expect(report.reset).toBe(true);
    expect(await dump(services.store, DATA)).toEqual(first);
    expect(await services.store.collection('volumes').findById('stray')).toBeNull();
    // unique indexes are back after the wipe
    await expect(
      services.staff.create({
        employeeNo: 'E0001',
        name: 'Dup',
        skills: ['calls'],
        contract: { minHoursWeek: 0, maxHoursWeek: 10, maxDaysWeek: 2, maxConsecutiveDays: 2 },
        hourlyCost: 15,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await services.users.findByUsername('agent'))?.staffId).toBe('staff-0001');
  });

  it.each([
    ['2026-13-45', /anchorDate must be a real date YYYY-MM-DD, got "2026-13-45"/],
    ['2026-02-30', /anchorDate must be a real date YYYY-MM-DD, got "2026-02-30"/],
    ['9999-12-31', /anchorDate must be between 1971-01-04 and 2999-12-30, got 9999-12-31/],
  ])('refuses anchor %s before anything is wiped or written, even with --reset', async (bad, message) => {
    // `seed --reset --anchor 2026-13-45` dropped every collection, then failed on the date
    // (RangeError): the store was left empty; 9999-12-31 failed half-way through the steps
    await seedDemo(services, { anchorDate: ANCHOR, history: false });
    const before = await dump(services.store, DATA);
    await expect(seedDemo(services, { anchorDate: bad, history: false, reset: true })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(message),
      details: [{ field: 'anchorDate', message: expect.any(String) }],
    });
    expect(await dump(services.store, DATA)).toEqual(before);
  });

  it('is deterministic across processes: the same anchor gives the same staff', async () => {
    await seedDemo(services, { anchorDate: ANCHOR, history: false });
    const other = await servicesFor();
    try {
      await seedDemo(other, { anchorDate: ANCHOR, history: false });
      expect(await dump(other.store, DATA)).toEqual(await dump(services.store, DATA));
    } finally {
      await closeServices(other);
    }
  });
});

describe('seedOnStart', () => {
  // the one full seed of this suite (today's anchor), on a loaded machine: 33 s alone, but over
  // 120 s beside another suite and other jobs once the seed rostered 12 demo-site weeks
  it('seeds the demo site only into an empty store when SEED_ON_START is on; accounts always', async () => {
    const on = await servicesFor(undefined, { SEED_ON_START: 'true' });
    const off = await servicesFor(undefined, { SEED_ON_START: 'false' });
    try {
      await seedOnStart(on);
      expect(await on.staff.count()).toBe(DEMO_STAFF_COUNT);
      expect((await on.users.findByUsername('agent'))?.staffId).toBe('staff-0001');
      await on.staff.deactivate('staff-0002');
      await seedOnStart(on); // not empty: left alone
      expect((await on.staff.require('staff-0002')).active).toBe(false);

      await seedOnStart(off);
      expect(await off.staff.count()).toBe(0);
      expect(await off.users.findByUsername('manager')).not.toBeNull();
    } finally {
      await closeServices(on);
      await closeServices(off);
    }
  }, 180_000);
});
