/**
 * Audit (2026-12-04) of the holiday calendar's mutations on the built server. Defended already:
 * MANAGER only (AGENT FORBIDDEN), names 1–100 characters of plain text (NUL refused, blank
 * after trimming refused), a FACTOR day needs a factor in [0, 5], dates real and in the years
 * 1900–2999, one entry a date. Two answers were unclear or lost input:
 * - `setHoliday(date: "9999-12-31")` said "date must be a real date YYYY-MM-DD": it is one, it
 *   lies outside the years dates may take;
 * - `setHoliday({ effect: CLOSED, factor: 3 })` was stored as a CLOSED day and the factor was
 *   dropped without a word.
 * Now the first names the years, and a factor sent with a CLOSED day is refused (BAD_USER_INPUT
 * on `factor`) with nothing written.
 */
import { HOLIDAYS, type HolidayDoc } from '../../src/holidays/holiday.doc';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';

const SET = 'mutation($i: HolidayInput!) { setHoliday(input: $i) { date name effect factor } }';

describe('audit: holiday calendar input', () => {
  let t: TestApp;
  let manager: string;
  const holidays = () => t.services.store.collection<HolidayDoc>(HOLIDAYS);

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it('names the years a date may take', async () => {
    const far = await t.gql(SET, { i: { date: '9999-12-31', name: 'Far', effect: 'CLOSED' } }, manager);
    expect(far.errors?.[0]).toMatchObject({
      message: 'date must be in the years 1900–2999, got "9999-12-31"',
      extensions: {
        code: 'BAD_USER_INPUT',
        details: [{ field: 'date', message: 'not in the years 1900–2999' }],
      },
    });
    const gone = await t.gql('mutation { deleteHoliday(date: "0000-01-01") }', {}, manager);
    expect(gone.errors?.[0]?.message).toBe('date must be in the years 1900–2999, got "0000-01-01"');
    const unreal = await t.gql(SET, { i: { date: '2027-02-29', name: 'Leap', effect: 'CLOSED' } }, manager);
    expect(unreal.errors?.[0]?.message).toBe('date must be a real date YYYY-MM-DD, got "2027-02-29"');
  });

  it('refuses a factor sent with a CLOSED day, writing nothing', async () => {
    const before = await holidays().count();
    const res = await t.gql(
      SET,
      { i: { date: '2027-01-01', name: 'New Year', effect: 'CLOSED', factor: 3 } },
      manager,
    );
    expect([codeOf(res), res.errors?.[0]?.message]).toEqual([
      'BAD_USER_INPUT',
      'factor is for FACTOR days only; a CLOSED day has no volume (got factor 3)',
    ]);
    expect(res.errors?.[0]?.extensions?.details).toEqual([
      { field: 'factor', message: 'only with effect FACTOR' },
    ]);
    expect(await holidays().count()).toBe(before);
    // null (as a form sends an empty field) is no factor
    const ok = await t.gql(
      SET,
      { i: { date: '2027-01-01', name: 'New Year', effect: 'CLOSED', factor: null } },
      manager,
    );
    expect(ok.data).toEqual({
      setHoliday: { date: '2027-01-01', name: 'New Year', effect: 'CLOSED', factor: null },
    });
  });
});
