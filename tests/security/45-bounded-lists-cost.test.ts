/**
 * Audit: four lists were weighed at the default 20 (10 for strings) in the query cost although
 * they hold far more: `Query.holidays` (one entry a date over a span of up to 3,700 days),
 * `RosterJob.notes` (one a person left out, up to 10,000), `Availability.exceptions` (1,000 a
 * person through GraphQL, unbounded through the seed) and `Channel.openingHours` /
 * `Availability.weekly` (70 through GraphQL, unbounded through the file import and the seed).
 * Measured on the in-process test server before the fix, ten years of holidays stored: 30
 * aliases of `holidays { date name effect factor }` over them passed at cost 2,430 and answered
 * 8.2 MB in 2.2 s. Now they are refused at 444,030; one alias (273 KB, 0.1 s) passes.
 *
 * Every path that writes these lists now refuses more than its bound (a coded
 * BAD_USER_INPUT naming the field), and the cost weighs each list at it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { loadConfig } from '../../src/config';
import { addDays } from '../../src/common/calendar';
import { MAX_WEEKLY_WINDOWS } from '../../src/common/time-window';
import { MAX_HOLIDAY_RANGE_DAYS } from '../../src/holidays/holiday.service';
import { HOLIDAYS, type HolidayDoc } from '../../src/holidays/holiday.doc';
import { edgeLimits, prepareOperation } from '../../src/server/limits';
import { LIST_SIZES } from '../../src/server/query-cost';
import { MAX_ROSTER_STAFF } from '../../src/rostering/roster-assignments';
import { MAX_EXCEPTIONS } from '../../src/staff/availability.core';
import { expectOk } from '../helpers/expect-ok';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
const limits = edgeLimits(loadConfig({ NODE_ENV: 'test' }));
const refusal = (query: string): string[] => {
  const prepared = prepareOperation(schema, limits, query, {});
  return 'errors' in prepared ? prepared.errors.map((e) => e.message) : [];
};
const aliases = (n: number, field: string): string =>
  `query { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const HOLIDAY = 'holidays(from: "2020-01-01", to: "2030-02-01") { date name effect factor }';

describe('audit: lists weigh what their inputs allow', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
    const now = new Date();
    await t.services.store.collection<HolidayDoc>(HOLIDAYS).insertMany(
      Array.from({ length: 3_650 }, (_, i) => {
        const date = addDays('2020-01-01', i);
        return {
          _id: date,
          date,
          name: `Holiday ${i}`,
          effect: 'FACTOR',
          factor: 0.5,
          updatedAt: now,
          updatedBy: null,
        };
      }),
    );
  }, 60_000);
  afterAll(() => t.close());

  it('weighs each list at its bound', () => {
    expect(LIST_SIZES).toMatchObject({
      'Query.holidays': MAX_HOLIDAY_RANGE_DAYS,
      'RosterJob.notes': MAX_ROSTER_STAFF + 1_000 + 1,
      'Availability.exceptions': MAX_EXCEPTIONS,
      'Availability.weekly': MAX_WEEKLY_WINDOWS,
      'Channel.openingHours': MAX_WEEKLY_WINDOWS,
    });
  });

  it('answers a span of ten years of holidays once, and refuses 30 aliases of it', async () => {
    const t0 = performance.now();
    const one = await t.gql<{ a0: unknown[] }>(aliases(1, HOLIDAY), {}, manager);
    const bytes = JSON.stringify(one).length;
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(bytes).toBeLessThan(300_000);
    expect(expectOk(one).a0).toHaveLength(3_650);
    const res = await t.gql(aliases(30, HOLIDAY), {}, manager);
    expect([codeOf(res), res.errors![0]!.message]).toEqual([
      'QUERY_TOO_COMPLEX',
      `Query cost ${30 * (1 + MAX_HOLIDAY_RANGE_DAYS * 4)} exceeds the limit of 100000`,
    ]);
  });

  it('refuses aliases of a job’s notes and of people’s exceptions before they run', () => {
    expect(refusal(aliases(30, 'rosterJob(id: "j") { notes }'))).toEqual([
      `Query cost ${30 * (1 + MAX_ROSTER_STAFF + 1_001)} exceeds the limit of 100000`,
    ]);
    expect(
      refusal('{ staff(first: 500) { nodes { availability { exceptions { date reason } } } } }'),
    ).toHaveLength(1);
    expect(refusal('{ channels(first: 500) { nodes { openingHours { dayOfWeek from to } } } }')).toHaveLength(
      1,
    );
    // one job's notes, one person's availability pass
    expect(
      refusal('{ rosterJob(id: "j") { notes } availability(staffId: "s") { exceptions { date reason } } }'),
    ).toEqual([]);
  });

  it('refuses more exceptions or weekly windows than the bound through the services', async () => {
    const { availability, staff } = t.services;
    const person = await staff.create({
      employeeNo: 'X1',
      name: 'X',
      skills: ['team_lead'],
      contract: { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 },
      hourlyCost: 20,
    });
    const exceptions = Array.from({ length: MAX_EXCEPTIONS + 1 }, (_, i) => ({
      date: addDays('2026-01-01', i),
      available: false,
      reason: 'leave',
    }));
    await expect(availability.set(person._id, { weekly: [], exceptions }, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [
        { field: 'exceptions', message: `exceptions holds at most ${MAX_EXCEPTIONS} exceptions, got 1001` },
      ],
    });
    // 71 touching windows of one person in the file: the 71st row is refused, nothing written
    const rows = Array.from({ length: MAX_WEEKLY_WINDOWS + 1 }, (_, i) => ({
      employeeNo: 'X1',
      dayOfWeek: 1 + (i % 7),
      from: `${String(Math.floor(i / 7)).padStart(2, '0')}:00`,
      to: `${String(Math.floor(i / 7)).padStart(2, '0')}:30`,
    }));
    await expect(availability.importRows(rows, null)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await availability.get(person._id)).weekly).toEqual([]);
  });
});
