/**
 * The cap on active shift templates (src/staff/active-template-cap.ts) on every path that makes
 * a template active: create, update (reactivation) and the seed's upsert. Nothing is
 * half-written: a refused seed writes no template, and a creation that a racing process took
 * past the cap is taken back.
 */
import type { Services } from '../../../src/server/services';
import { MAX_ACTIVE_SHIFT_TEMPLATES } from '../../../src/staff/active-template-cap';
import type { ShiftTemplateSpec } from '../../../src/staff/shift-template.service';
import { SHIFT_TEMPLATES, type ShiftTemplateDoc } from '../../../src/staff/staff.doc';
import { EmbeddedCollection } from '../../../src/store/embedded-collection';
import { closeServices, dump, servicesFor } from './services.fixture';

const spec = (name: string, active = true): ShiftTemplateSpec => ({
  name,
  start: '08:00',
  durationMinutes: 480,
  breakMinutes: 30,
  daysOfWeek: [1, 2, 3, 4, 5],
  skills: ['team_lead'],
  active,
});
const doc = (name: string, active = true): ShiftTemplateDoc => ({
  _id: `id-${name}`,
  ...spec(name, active),
  active,
});
const capMessage = (name: string, after: number): string =>
  `Cannot make shift template "${name}" active: a site has at most ${MAX_ACTIVE_SHIFT_TEMPLATES} active shift templates, and this would make ${after}; deactivate one first`;

describe('at most MAX_ACTIVE_SHIFT_TEMPLATES active shift templates', () => {
  let s: Services;
  const active = () => s.shiftTemplates.countActive();
  /** Fills the site to `count` active templates (and one inactive, `OFF`) without the service. */
  const fill = async (count: number) =>
    s.store
      .collection<ShiftTemplateDoc>(SHIFT_TEMPLATES)
      .insertMany([...Array.from({ length: count }, (_, i) => doc(`F${i}`)), doc('OFF', false)]);

  beforeEach(async () => {
    s = await servicesFor();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await closeServices(s);
  });

  it('creates active templates up to the cap, refuses the next, and still takes inactive ones', async () => {
    await fill(MAX_ACTIVE_SHIFT_TEMPLATES - 1);
    await s.shiftTemplates.create(spec('LAST'));
    await expect(s.shiftTemplates.create(spec('ONE_MORE'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: capMessage('ONE_MORE', MAX_ACTIVE_SHIFT_TEMPLATES + 1),
      details: [
        { field: 'active', message: `at most ${MAX_ACTIVE_SHIFT_TEMPLATES} active shift templates a site` },
      ],
    });
    expect(await s.shiftTemplates.byName('ONE_MORE')).toBeNull();
    await s.shiftTemplates.create(spec('PARKED', false));
    expect(await active()).toBe(MAX_ACTIVE_SHIFT_TEMPLATES);
  });

  it('refuses to reactivate a template at the cap, and lets it back once a place is free', async () => {
    await fill(MAX_ACTIVE_SHIFT_TEMPLATES);
    await expect(s.shiftTemplates.update('id-OFF', { active: true, start: '09:00' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: capMessage('OFF', MAX_ACTIVE_SHIFT_TEMPLATES + 1),
    });
    expect(await s.shiftTemplates.require('id-OFF')).toMatchObject({ active: false, start: '08:00' });
    // edits that keep a template active are not activations
    await s.shiftTemplates.update('id-F0', { start: '07:00' });
    await s.shiftTemplates.deactivate('id-F1');
    expect(await s.shiftTemplates.update('id-OFF', { active: true })).toMatchObject({ active: true });
    expect(await active()).toBe(MAX_ACTIVE_SHIFT_TEMPLATES);
  });

  it('takes back a reactivation that a racing one took past the cap, as it was', async () => {
    await fill(MAX_ACTIVE_SHIFT_TEMPLATES - 1);
    const before = await dump(s.store, [SHIFT_TEMPLATES]);
    const findOneAndUpdate = EmbeddedCollection.prototype.findOneAndUpdate;
    jest.spyOn(EmbeddedCollection.prototype, 'findOneAndUpdate').mockImplementationOnce(async function (
      this: EmbeddedCollection<ShiftTemplateDoc>,
      ...args: Parameters<typeof findOneAndUpdate>
    ) {
      await this.insertOne(doc('RACER'));
      return findOneAndUpdate.apply(this, args);
    });
    await expect(s.shiftTemplates.update('id-OFF', { active: true, start: '10:00' })).rejects.toMatchObject({
      message: capMessage('OFF', MAX_ACTIVE_SHIFT_TEMPLATES + 1),
    });
    const after = await dump(s.store, [SHIFT_TEMPLATES]);
    expect(after[SHIFT_TEMPLATES]!.filter((t) => (t as ShiftTemplateDoc)._id !== 'id-RACER')).toEqual(
      before[SHIFT_TEMPLATES],
    );
  });

  it('takes back a creation that a racing one took past the cap', async () => {
    await fill(MAX_ACTIVE_SHIFT_TEMPLATES - 1);
    const insertOne = EmbeddedCollection.prototype.insertOne;
    jest.spyOn(EmbeddedCollection.prototype, 'insertOne').mockImplementationOnce(async function (
      this: EmbeddedCollection<ShiftTemplateDoc>,
      ...args: Parameters<typeof insertOne>
    ) {
      await insertOne.call(this, doc('RACER'));
      return insertOne.apply(this, args);
    });
    await expect(s.shiftTemplates.create(spec('LATE'))).rejects.toMatchObject({
      message: capMessage('LATE', MAX_ACTIVE_SHIFT_TEMPLATES + 1),
    });
    expect(await s.shiftTemplates.byName('LATE')).toBeNull();
    expect(await active()).toBe(MAX_ACTIVE_SHIFT_TEMPLATES);
  });

  it('refuses a seed that would pass the cap before writing any of it', async () => {
    await fill(MAX_ACTIVE_SHIFT_TEMPLATES - 1);
    const before = await dump(s.store, [SHIFT_TEMPLATES]);
    await expect(
      s.shiftTemplates.upsertByName([spec('F0'), spec('S1'), spec('S2')], (name) => `seed-${name}`),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: capMessage('S2', MAX_ACTIVE_SHIFT_TEMPLATES + 1),
    });
    expect(await dump(s.store, [SHIFT_TEMPLATES])).toEqual(before);
    // a seed that deactivates as many as it activates fits
    expect(
      await s.shiftTemplates.upsertByName(
        [spec('F1', false), spec('S1'), spec('S2')],
        (name) => `seed-${name}`,
      ),
    ).toBe(3);
    expect(await active()).toBe(MAX_ACTIVE_SHIFT_TEMPLATES);
  });
});
