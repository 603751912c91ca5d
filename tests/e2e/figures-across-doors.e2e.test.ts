/**
 * The figures a planning manager publishes agree through every door: GraphQL (roster KPIs,
 * coverage, shifts, rosterOutcome), the roster XLSX (Timetable, Coverage, KPIs, Outcome), its
 * CSV sheets and the outcome XLSX / CSV. A small site (three people, one skill, 60-minute
 * grid, actual calls on every day) is rostered for an ordinary week and for both clock-change
 * weeks of Europe/London; a manager then adds a Saturday night shift across the change by
 * hand, and every door must show the edited roster.
 *
 * Hourly costs carry a fraction of a cent (10.0006 × 8 h = 80.0048), so rounding shows: until
 * 2026-12-04 each day's labour cost and the week's were rounded apart and the days of the
 * Outcome sheet did not add up to its week (nor to the KPI).
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { expectOk } from '../helpers/expect-ok';
import {
  availabilityDoc,
  CALLS_SKILL_CHANNEL,
  GENERATE,
  generateVariables,
  staffDoc,
  TEMPLATES,
} from '../integration/rostering/roster.seed';
import { ALWAYS_OPEN, channel } from '../integration/staffing/fixtures';
import { CHANNELS, type ChannelDoc } from '../../src/channels/channel.doc';
import {
  AVAILABILITY,
  SHIFT_TEMPLATES,
  STAFF,
  type AvailabilityDoc,
  type ShiftTemplateDoc,
  type StaffDoc,
} from '../../src/staff/staff.doc';
import { shiftLabel } from '../../src/rostering/roster.export';
import type { Services } from '../../src/server/services';

const ZONE = 'Europe/London';
const COST: Record<string, number> = { 'st-a': 10.0006, 'st-b': 12.0007, 'st-c': 14.0003 };

/** Saturday 22:00 for 8 real hours: an unpaid break before midnight, a paid one after 02:00. */
const NIGHT: ShiftTemplateDoc = {
  _id: 'tpl-night',
  name: 'Night',
  start: '22:00',
  durationMinutes: 480,
  breakMinutes: 30,
  breaks: [
    { durationMinutes: 30, paid: false, earliestStartMinutes: 60, latestStartMinutes: 90 },
    { durationMinutes: 15, paid: true, earliestStartMinutes: 300, latestStartMinutes: 330 },
  ],
  daysOfWeek: [6],
  skills: ['calls'],
  active: true,
};

const WEEKS = [
  { week: '2025-03-03', nightEnd: '06:00', change: 'none' },
  { week: '2026-10-19', nightEnd: '05:00', change: 'clocks back on Sunday' },
  { week: '2027-03-22', nightEnd: '07:00', change: 'clocks forward on Sunday' },
];

const dayOf = (week: string, i: number): string =>
  DateTime.fromISO(week, { zone: 'UTC' }).plus({ days: i }).toISODate()!;

/** Real hours between two local wall-clock datetimes of the site. */
const realHours = (from: string, to: string): number =>
  DateTime.fromISO(to, { zone: ZONE }).diff(DateTime.fromISO(from, { zone: ZONE }), 'hours').hours;

interface Shift {
  staffId: string;
  date: string;
  start: string;
  end: string;
  skill: string;
  breaks: { start: string; end: string; paid: boolean }[];
}
interface Roster {
  manualEdits: number;
  intervalMinutes: number;
  kpis: {
    labourCost: number;
    skills: {
      skill: string;
      requiredHours: number;
      coveragePercent: number;
      underStaffedHours: number;
      overStaffedHours: number;
    }[];
    staff: {
      staffId: string;
      paidHours: number;
      targetHoursWeek: number;
      minHoursWeek: number;
      maxHoursWeek: number;
    }[];
  };
  coverage: { skill: string; required: number[]; scheduled: number[]; onBreak: number[] }[];
  staffWeeks: { nodes: { assignments: Shift[] }[] };
}
interface Totals {
  liveArrivals: number;
  labourCost: number;
  serviceLevel: number | null;
  shareMeetingTarget: number | null;
}
interface Outcome {
  days: (Totals & { date: string })[];
  total: Totals;
  intervals: { start: string; arrivals: number; rosteredAgents: number; serviceLevel: number | null }[];
}

const ROSTER = /* GraphQL */ `
  query ($id: ID!) {
    roster(id: $id) {
      manualEdits
      intervalMinutes
      kpis {
        labourCost
        skills {
          skill
          requiredHours
          coveragePercent
          underStaffedHours
          overStaffedHours
        }
        staff {
          staffId
          paidHours
          targetHoursWeek
          minHoursWeek
          maxHoursWeek
        }
      }
      coverage(skill: "calls") {
        skill
        required
        scheduled
        onBreak
      }
      staffWeeks(first: 10) {
        nodes {
          assignments {
            staffId
            date
            start
            end
            skill
            breaks {
              start
              end
              paid
            }
          }
        }
      }
    }
  }
`;
const OUTCOME = /* GraphQL */ `
  query ($id: ID!) {
    rosterOutcome(rosterId: $id) {
      days {
        date
        liveArrivals
        labourCost
        serviceLevel
        shareMeetingTarget
      }
      total {
        liveArrivals
        labourCost
        serviceLevel
        shareMeetingTarget
      }
      intervals(skill: "calls") {
        start
        arrivals
        rosteredAgents
        serviceLevel
      }
    }
  }
`;

/** Rows of a worksheet as objects keyed by its header row. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

/** A CSV export (a header row) as objects; cells stay text. */
const csvRows = (text: string): Record<string, string>[] =>
  parse(text, { columns: true }) as Record<string, string>[];

/** Calls at noon and 13:00 UTC on every day of `week`: the outcome covers all seven days. */
const actuals = (week: string): string =>
  [
    'timestamp,channel,value',
    ...Array.from({ length: 7 }, (_, i) => [
      `${dayOf(week, i)}T12:00:00Z,calls,${6 + i}`,
      `${dayOf(week, i)}T13:00:00Z,calls,3`,
    ]).flat(),
  ].join('\n');

async function seedSite(s: Services): Promise<void> {
  await s.store.collection<ChannelDoc>(CHANNELS).insertMany([
    CALLS_SKILL_CHANNEL,
    channel({
      key: 'calls',
      requiredSkill: 'calls',
      intervalMinutes: 60,
      shrinkage: 0,
      maxOccupancy: 1,
      openingHours: ALWAYS_OPEN,
    }),
  ]);
  await s.store
    .collection<StaffDoc>(STAFF)
    .insertMany([
      staffDoc('st-a', 'Ada', COST['st-a']),
      staffDoc('st-b', 'Bob', COST['st-b']),
      staffDoc('st-c', 'Cy', COST['st-c']),
    ]);
  await s.store
    .collection<AvailabilityDoc>(AVAILABILITY)
    .insertMany(['st-a', 'st-b', 'st-c'].map((id) => availabilityDoc(id, '00:00', '24:00')));
  await s.store.collection<ShiftTemplateDoc>(SHIFT_TEMPLATES).insertMany([...TEMPLATES, NIGHT]);
  for (const { week } of WEEKS) await s.volumes.importCsv(actuals(week));
}

describe('the published figures agree across GraphQL, XLSX and CSV', () => {
  let t: TestApp;
  let manager: string;
  const get = async (path: string): Promise<Response> => {
    const res = await fetch(`${t.app.url}${path}`, { headers: { authorization: `Bearer ${manager}` } });
    expect(res.status).toBe(200);
    return res;
  };
  const workbook = async (path: string): Promise<ExcelJS.Workbook> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await get(path)).arrayBuffer()) as unknown as ArrayBuffer);
    return wb;
  };

  beforeAll(async () => {
    t = await startTestApp({ seed: seedSite });
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it.each(WEEKS)('week $week ($change), after a hand-added night shift', async ({ week, nightEnd }) => {
    const job = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(week), manager);
    expectOk(job);
    const id = (await t.services.rosterJobs.settled(job.data!.generateRoster.id)).rosterId!;
    // the early shifts cover Mon–Fri 08:00–12:00 (Ada, the cheapest); Bob takes Saturday night by hand
    const saturday = dayOf(week, 5);
    const edit = await t.gql(
      `mutation($id: ID!, $input: UpdateAssignmentInput!) { updateAssignment(rosterId: $id, input: $input) { warningCount } }`,
      {
        id,
        input: {
          action: 'ADD',
          staffId: 'st-b',
          date: saturday,
          shiftTemplateId: 'tpl-night',
          skill: 'calls',
        },
      },
      manager,
    );
    expectOk(edit);

    const r = (await t.gql<{ roster: Roster }>(ROSTER, { id }, manager)).data!.roster;
    const o = (await t.gql<{ rosterOutcome: Outcome }>(OUTCOME, { id }, manager)).data!.rosterOutcome;
    const shifts = r.staffWeeks.nodes.flatMap((n) => n.assignments);
    const night = shifts.find((a) => a.date === saturday && a.staffId === 'st-b')!;
    expect(night.end).toBe(`${dayOf(week, 6)}T${nightEnd}:00`);

    // paid hours: real time on shift less unpaid breaks; cost: each shift in whole cents
    const paid = (a: Shift): number =>
      realHours(a.start, a.end) -
      a.breaks.filter((b) => !b.paid).reduce((h, b) => h + realHours(b.start, b.end), 0);
    expect(paid(night)).toBe(7.5);
    const cents = (a: Shift): number => Math.round(COST[a.staffId] * paid(a) * 100);
    const weekCents = shifts.reduce((c, a) => c + cents(a), 0);
    expect(r.kpis.labourCost).toBe(weekCents / 100);
    for (const s of r.kpis.staff)
      expect(s.paidHours).toBeCloseTo(
        shifts.filter((a) => a.staffId === s.staffId).reduce((h, a) => h + paid(a), 0),
        9,
      );

    // KPIs from the coverage GraphQL gives (60-minute grid: one agent-hour per unit)
    const c = r.coverage[0];
    const k = r.kpis.skills[0];
    const under = c.required.reduce((h, need, i) => h + Math.max(0, need - c.scheduled[i]), 0);
    const over = c.required.reduce((h, need, i) => h + Math.max(0, c.scheduled[i] - need), 0);
    const required = c.required.reduce((h, need) => h + need, 0);
    expect([k.requiredHours, k.underStaffedHours, k.overStaffedHours]).toEqual([required, under, over]);
    expect(k.coveragePercent).toBeCloseTo((100 * (required - under)) / required, 2);
    expect(under).toBeGreaterThan(0); // Monday 03:00: no template starts early enough

    const wb = await workbook(`/exports/rosters/${id}.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Timetable', 'Coverage', 'KPIs', 'Outcome']);

    // KPIs sheet = GraphQL KPIs
    const kpi = new Map(rowsOf(wb.getWorksheet('KPIs')!).map((row) => [row.KPI, row.Value]));
    expect(kpi.get('Labour cost')).toBe(r.kpis.labourCost);
    expect(kpi.get('Manual edits')).toBe(1);
    expect(kpi.get('Coverage % (calls)')).toBe(k.coveragePercent);
    expect(kpi.get('Required hours (calls)')).toBe(k.requiredHours);
    expect(kpi.get('Under-staffed hours (calls)')).toBe(k.underStaffedHours);
    expect(kpi.get('Over-staffed hours (calls)')).toBe(k.overStaffedHours);

    // Timetable sheet and its CSV = GraphQL shifts and per-person hours and bounds
    const dates = Array.from({ length: 7 }, (_, i) => dayOf(week, i));
    const timetable = rowsOf(wb.getWorksheet('Timetable')!);
    const timetableCsv = csvRows(await (await get(`/exports/rosters/${id}.csv`)).text());
    expect(timetable.map((row) => row['Staff ID'])).toEqual(['st-a', 'st-b', 'st-c']);
    expect(timetableCsv.map((row) => row['Staff ID'])).toEqual(['st-a', 'st-b', 'st-c']);
    for (const [n, row] of timetable.entries()) {
      const s = r.kpis.staff.find((x) => x.staffId === row['Staff ID'])!;
      const bounds = [s.paidHours, s.targetHoursWeek, s.minHoursWeek, s.maxHoursWeek];
      const columns = ['Paid hours', 'Target hours', 'Min hours', 'Max hours'];
      expect(columns.map((h) => row[h])).toEqual(bounds);
      expect(columns.map((h) => Number(timetableCsv[n][h]))).toEqual(bounds);
      expect(s.paidHours).toBeLessThanOrEqual(s.maxHoursWeek);
      expect(s.paidHours).toBeGreaterThanOrEqual(s.minHoursWeek);
      for (const [i, date] of dates.entries()) {
        const header = `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i]} ${date}`;
        const cell = shifts
          .filter((a) => a.staffId === row['Staff ID'] && a.date === date)
          .map(shiftLabel)
          .join('; ');
        expect([row[header] ?? '', timetableCsv[n][header]]).toEqual([cell, cell]);
      }
    }
    expect(timetable[1][`Sat ${saturday}`]).toMatch(
      new RegExp(
        `^22:00-${nightEnd}\\(\\+1\\) calls, break \\d\\d:\\d\\d-\\d\\d:\\d\\d, break .* \\(paid\\)$`,
      ),
    );

    // Coverage sheet and its CSV = GraphQL coverage, shortfalls highlighted, summing to the KPI
    const ws = wb.getWorksheet('Coverage')!;
    const coverage = rowsOf(ws);
    const coverageCsv = csvRows(await (await get(`/exports/rosters/${id}.csv?sheet=Coverage`)).text());
    expect(coverage).toHaveLength(168);
    expect(coverageCsv).toHaveLength(168);
    coverage.forEach((row, i) => {
      const want = [c.required[i], c.scheduled[i], c.onBreak[i], Math.max(0, c.required[i] - c.scheduled[i])];
      const columns = ['Required', 'Scheduled', 'On break', 'Shortfall'];
      expect(columns.map((h) => row[h])).toEqual(want);
      expect(columns.map((h) => Number(coverageCsv[i][h]))).toEqual(want);
      expect(row['Interval start']).toBe(
        `${dates[Math.floor(i / 24)]}T${String(i % 24).padStart(2, '0')}:00:00`,
      );
      const fill = ws.getRow(i + 2).getCell(1).fill as ExcelJS.FillPattern | undefined;
      expect(fill?.fgColor?.argb === 'FFFFC7CE').toBe(want[3] > 0);
    });

    // Outcome: seven days of actuals, each day's labour cost its shifts', adding up to the week and the KPI
    expect(o.days.map((d) => d.date)).toEqual(dates);
    for (const d of o.days)
      expect(d.labourCost).toBe(
        shifts.filter((a) => a.date === d.date).reduce((s, a) => s + cents(a), 0) / 100,
      );
    expect(o.total.labourCost).toBe(r.kpis.labourCost);
    expect(Math.round(o.days.reduce((s, d) => s + d.labourCost * 100, 0))).toBe(weekCents);
    expect(o.total.liveArrivals).toBe(o.days.reduce((s, d) => s + d.liveArrivals, 0));
    for (const i of o.intervals) {
      const slot = dates.indexOf(i.start.slice(0, 10)) * 24 + Number(i.start.slice(11, 13));
      expect(i.rosteredAgents).toBeCloseTo(c.scheduled[slot], 6);
    }

    // the Outcome sheet, the outcome's own XLSX and CSV say the same
    const sheet = rowsOf(wb.getWorksheet('Outcome')!);
    const alone = rowsOf((await workbook(`/exports/rosters/${id}/outcome.xlsx`)).getWorksheet('Outcome')!);
    const csv = csvRows(await (await get(`/exports/rosters/${id}/outcome.csv`)).text());
    expect(alone).toEqual(sheet);
    expect(csv.map((row) => [row.Level, Number(row.Arrivals), row['Labour cost']])).toEqual(
      sheet.map((row) => [
        row.Level,
        row.Arrivals,
        row['Labour cost'] === null ? '' : String(row['Labour cost']),
      ]),
    );
    const days = sheet.filter((row) => row.Level === 'day');
    const total = sheet.find((row) => row.Level === 'week')!;
    expect(days.map((row) => [row.Date, row['Labour cost'], row['Service level']])).toEqual(
      o.days.map((d) => [d.date, d.labourCost, d.serviceLevel]),
    );
    expect([total['Labour cost'], total.Arrivals, total['Share meeting target']]).toEqual([
      o.total.labourCost,
      o.total.liveArrivals,
      o.total.shareMeetingTarget,
    ]);
    expect(Math.round(days.reduce((s, row) => s + Number(row['Labour cost']) * 100, 0))).toBe(
      Math.round(Number(total['Labour cost']) * 100),
    );
    const intervals = sheet.filter((row) => row.Level === 'interval');
    expect(intervals.map((row) => [row['Interval start'], row.Arrivals, row['Rostered agents']])).toEqual(
      // the export's one local-time form, `…T09:00:00`, as GraphQL's `start`
      o.intervals.map((i) => [i.start, i.arrivals, i.rosteredAgents]),
    );
  });
});
