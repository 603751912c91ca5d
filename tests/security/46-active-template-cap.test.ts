/**
 * Audit: nothing capped a site's active shift templates; only a roster job refused more than a
 * roster problem lists (1,000). Measured before the fix (in-process, 2 cores shared with CI):
 * with 999 stored, createShiftTemplate accepted the 1,000th and the 1,001st, and reactivating a
 * 1,002nd; a roster week then read all 1,002 templates before refusing the site
 * (FAILED_PRECONDITION after the read).
 *
 * Now the staff feature refuses the 1,001st active template (BAD_USER_INPUT naming it and the
 * limit; nothing written), and a week whose site holds more (data older than the cap) fails
 * before any template is read.
 */
import { MAX_ACTIVE_SHIFT_TEMPLATES } from '../../src/staff/active-template-cap';
import { SHIFT_TEMPLATES, type ShiftTemplateDoc } from '../../src/staff/staff.doc';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';

const CREATE =
  'mutation($input: CreateShiftTemplateInput!) { createShiftTemplate(input: $input) { id active } }';
const input = (name: string) => ({
  name,
  start: '08:00',
  durationMinutes: 480,
  breakMinutes: 30,
  daysOfWeek: [1, 2, 3, 4, 5],
  skills: ['team_lead'],
});
const doc = (name: string, active = true): ShiftTemplateDoc => ({
  _id: `id-${name}`,
  ...input(name),
  active,
});
const capMessage = (name: string, after: number) =>
  `Cannot make shift template "${name}" active: a site has at most ${MAX_ACTIVE_SHIFT_TEMPLATES} active shift templates, and this would make ${after}; deactivate one first`;

describe('audit: at most 1,000 active shift templates, refused where they are made active', () => {
  let t: TestApp;
  let manager: string;
  const active = () => t.services.shiftTemplates.countActive();
  const templates = () => t.services.store.collection<ShiftTemplateDoc>(SHIFT_TEMPLATES);

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
    await templates().insertMany([
      ...Array.from({ length: 999 }, (_, i) => doc(`OLD${i}`)),
      doc('PARKED', false),
    ]);
  }, 60_000);
  afterAll(() => t.close());

  it('creates the 1,000th active template and refuses the 1,001st, writing nothing', async () => {
    const last = await t.gql(CREATE, { input: input('LAST') }, manager);
    expect(last.errors).toBeUndefined();
    const more = await t.gql(CREATE, { input: input('ONE_MORE') }, manager);
    expect([codeOf(more), more.errors![0]!.message]).toEqual([
      'BAD_USER_INPUT',
      capMessage('ONE_MORE', MAX_ACTIVE_SHIFT_TEMPLATES + 1),
    ]);
    expect(more.errors![0]!.extensions).toMatchObject({
      details: [{ field: 'active', message: 'at most 1000 active shift templates a site' }],
    });
    expect(await t.services.shiftTemplates.byName('ONE_MORE')).toBeNull();
    expect(await active()).toBe(MAX_ACTIVE_SHIFT_TEMPLATES);
  });

  it('refuses a reactivation at the cap, and takes it once a place is free', async () => {
    const back = 'mutation { updateShiftTemplate(id: "id-PARKED", input: { active: true }) { active } }';
    const refused = await t.gql(back, {}, manager);
    expect([codeOf(refused), refused.errors![0]!.message]).toEqual([
      'BAD_USER_INPUT',
      capMessage('PARKED', MAX_ACTIVE_SHIFT_TEMPLATES + 1),
    ]);
    await t.gql('mutation { deactivateShiftTemplate(id: "id-OLD0") { active } }', {}, manager);
    expect((await t.gql(back, {}, manager)).data).toEqual({ updateShiftTemplate: { active: true } });
    expect(await active()).toBe(MAX_ACTIVE_SHIFT_TEMPLATES);
  });

  it('fails a roster week of a site past the cap (older data) before reading any template', async () => {
    await templates().insertOne(doc('LEGACY'));
    const read = jest.spyOn(t.services.shiftTemplates, 'forRoster');
    const requirement = {
      intervalMinutes: 60,
      requirements: [{ skill: 'team_lead', values: new Array<number>(168).fill(1) }],
    };
    await expect(
      t.services.rosterProblems.load('2026-03-02', requirement, { timeLimitSeconds: 10, relativeGap: 0.01 }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: `The site has 1001 active shift templates; a roster is planned for at most ${MAX_ACTIVE_SHIFT_TEMPLATES}: deactivate 1 first`,
    });
    expect(read).not.toHaveBeenCalled();
  });
});
