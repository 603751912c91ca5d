import { codeOf, startTestApp, type GqlResult, type TestApp } from '../helpers/test-app';
import { DEMO_STAFF_COUNT } from '../../seeds/staff.generator';
import { openDemoStore } from '../helpers/demo-snapshot';
import { expectOk } from '../helpers/expect-ok';

const day = (offset: number): string => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

const STAFF_PAGE = `query($f: StaffFilterInput, $first: Int, $after: String) {
  staff(filter: $f, first: $first, after: $after) {
    totalCount nodes { id employeeNo name skills active } pageInfo { endCursor hasNextPage }
  }
}`;
const CREATE_STAFF = `mutation($i: CreateStaffInput!) { createStaff(input: $i) { id employeeNo name skills contract { minHoursWeek maxHoursWeek } active } }`;
const SET_AV = `mutation($id: ID!, $i: AvailabilityInput!) { setAvailability(staffId: $id, input: $i) { staffId weekly { dayOfWeek from to } exceptions { date available reason } } }`;
const SET_MY_AV = `mutation($i: AvailabilityInput!) { setMyAvailability(input: $i) { staffId weekly { dayOfWeek from to } exceptions { date reason } } }`;
const MY_AV =
  '{ myAvailability { staffId weekly { dayOfWeek from to } exceptions { date available from to reason } } }';

const newStaff = (over: Record<string, unknown> = {}) => ({
  employeeNo: 'T001',
  name: 'Test Person',
  skills: ['calls', 'emails'],
  contract: { minHoursWeek: 20, maxHoursWeek: 30, maxDaysWeek: 4, maxConsecutiveDays: 4 },
  hourlyCost: 17.5,
  ...over,
});

type Page = {
  staff: {
    totalCount: number;
    nodes: { id: string; employeeNo: string; skills: string[]; active: boolean }[];
    pageInfo: { endCursor: string; hasNextPage: boolean };
  };
};

describe('staff, availability, channels and shift templates over GraphQL', () => {
  let t: TestApp;
  let manager: string;
  let provider: string;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp({ store: await openDemoStore() });
    [manager, provider, agent] = await Promise.all([
      t.login('manager'),
      t.login('provider'),
      t.login('agent'),
    ]);
  });
  afterAll(() => t.close());

  describe('staff', () => {
    it('pages through every staff member in employeeNo order with a stable total', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const res: GqlResult<Page> = await t.gql<Page>(
          STAFF_PAGE,
          { first: 25, after, f: { active: true } },
          manager,
        );
        const page: Page['staff'] = res.data!.staff;
        expect(page.totalCount).toBe(DEMO_STAFF_COUNT);
        seen.push(...page.nodes.map((n) => n.employeeNo));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(DEMO_STAFF_COUNT);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(DEMO_STAFF_COUNT);
    });

    it('filters by skill, active flag and text in name or employee number', async () => {
      const leads = await t.gql<Page>(STAFF_PAGE, { f: { skill: 'team_lead' } }, manager);
      expect(leads.data!.staff.totalCount).toBe(DEMO_STAFF_COUNT / 10);
      expect(leads.data!.staff.nodes.every((n) => n.skills.includes('team_lead'))).toBe(true);
      const byNo = await t.gql<Page>(STAFF_PAGE, { f: { search: 'e000' } }, manager);
      expect(byNo.data!.staff.nodes.map((n) => n.employeeNo)).toEqual([
        'E0001',
        'E0002',
        'E0003',
        'E0004',
        'E0005',
        'E0006',
        'E0007',
        'E0008',
        'E0009',
      ]);
      const name = (await t.services.staff.require('staff-0005')).name.split(' ')[1]!;
      const byName = await t.gql<Page>(STAFF_PAGE, { f: { search: name.toUpperCase() } }, manager);
      expect(byName.data!.staff.nodes.map((n) => n.id)).toContain('staff-0005');
      const regexy = await t.gql<Page>(STAFF_PAGE, { f: { search: '.*' } }, manager);
      expect(regexy.data!.staff.totalCount).toBe(0);
    });

    it('creates, reads, updates and deactivates a staff member; rejects duplicates and bad contracts', async () => {
      const created = await t.gql<{ createStaff: { id: string } }>(CREATE_STAFF, { i: newStaff() }, manager);
      const id = created.data!.createStaff.id;
      expect(created.data!.createStaff).toMatchObject({ employeeNo: 'T001', active: true });

      const dup = await t.gql(CREATE_STAFF, { i: newStaff({ name: 'Other' }) }, manager);
      expect(codeOf(dup)).toBe('CONFLICT');
      expect(dup.errors?.[0].message).toBe('employeeNo "T001" is taken');

      const minMax = await t.gql(
        CREATE_STAFF,
        {
          i: newStaff({
            employeeNo: 'T002',
            contract: { minHoursWeek: 30, maxHoursWeek: 20, maxDaysWeek: 5, maxConsecutiveDays: 5 },
          }),
        },
        manager,
      );
      expect(codeOf(minMax)).toBe('BAD_USER_INPUT');
      expect(minMax.errors?.[0].extensions?.details).toEqual([
        { field: 'contract.maxHoursWeek', message: 'maxHoursWeek must be ≥ minHoursWeek (30), got 20' },
      ]);
      const skill = await t.gql(
        CREATE_STAFF,
        { i: newStaff({ employeeNo: 'T003', skills: ['calls', 'juggling'] }) },
        manager,
      );
      expect(codeOf(skill)).toBe('BAD_USER_INPUT');
      expect(skill.errors?.[0].message).toMatch(/unknown skill "juggling"/);
      const range = await t.gql(
        CREATE_STAFF,
        {
          i: newStaff({
            employeeNo: 'T004',
            contract: { minHoursWeek: 10, maxHoursWeek: 20, maxDaysWeek: 9, maxConsecutiveDays: 5 },
          }),
        },
        manager,
      );
      expect(codeOf(range)).toBe('BAD_USER_INPUT');
      expect(await t.services.staff.findByEmployeeNo('T004')).toBeNull();

      const updated = await t.gql<{ updateStaff: { name: string; skills: string[] } }>(
        'mutation($id: ID!) { updateStaff(id: $id, input: { name: "Renamed", skills: ["emails"] }) { name skills } }',
        { id },
        manager,
      );
      expect(updated.data!.updateStaff).toEqual({ name: 'Renamed', skills: ['emails'] });
      const off = await t.gql<{ deactivateStaff: { active: boolean } }>(
        'mutation($id: ID!) { deactivateStaff(id: $id) { active } }',
        { id },
        manager,
      );
      expect(off.data!.deactivateStaff.active).toBe(false);
      const read = await t.gql<{ staffMember: { name: string; active: boolean } }>(
        'query($id: ID!) { staffMember(id: $id) { name active } }',
        { id },
        provider,
      );
      expect(read.data!.staffMember).toEqual({ name: 'Renamed', active: false });
      expect(codeOf(await t.gql('{ staffMember(id: "nope") { id } }', {}, manager))).toBe('NOT_FOUND');
    });

    it('imports rows through GraphQL with the file rules; errors name the row', async () => {
      const bad = await t.gql(
        'mutation($rows: [StaffRowInput!]!) { importStaff(rows: $rows) { rows created updated } }',
        {
          rows: [
            {
              employeeNo: 'G1',
              name: 'Good',
              skills: ['calls'],
              minHoursWeek: 0,
              maxHoursWeek: 20,
              maxDaysWeek: 3,
              maxConsecutiveDays: 3,
              hourlyCost: 15,
            },
            {
              employeeNo: 'G2',
              name: 'Bad',
              skills: ['calls'],
              minHoursWeek: 30,
              maxHoursWeek: 20,
              maxDaysWeek: 3,
              maxConsecutiveDays: 3,
              hourlyCost: 15,
            },
            {
              employeeNo: 'G1',
              name: 'Dup',
              skills: ['ufo'],
              minHoursWeek: 0,
              maxHoursWeek: 20,
              maxDaysWeek: 3,
              maxConsecutiveDays: 3,
              hourlyCost: 15,
            },
          ],
        },
        manager,
      );
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.details).toEqual([
        {
          row: 2,
          column: 'maxHoursWeek',
          field: 'maxHoursWeek',
          message: 'maxHoursWeek must be ≥ minHoursWeek (30), got 20',
        },
        {
          row: 3,
          column: 'skills',
          field: 'skills',
          message: 'skills: unknown skill "ufo" (known: calls, emails, outbound, team_lead)',
        },
        {
          row: 3,
          column: 'employeeNo',
          field: 'employeeNo',
          message: 'duplicate employeeNo "G1": rows 1 and 3',
        },
      ]);
      expect(await t.services.staff.findByEmployeeNo('G1')).toBeNull();
      const ok = await t.gql<{ importStaff: unknown }>(
        'mutation($rows: [StaffRowInput!]!) { importStaff(rows: $rows) { rows created updated } }',
        {
          rows: [
            {
              employeeNo: 'G1',
              name: 'Good',
              skills: ['calls'],
              minHoursWeek: 0,
              maxHoursWeek: 20,
              maxDaysWeek: 3,
              maxConsecutiveDays: 3,
              hourlyCost: 15,
            },
            {
              employeeNo: 'E0080',
              name: 'Updated Lead',
              skills: ['team_lead', 'calls'],
              minHoursWeek: 30,
              maxHoursWeek: 40,
              maxDaysWeek: 5,
              maxConsecutiveDays: 5,
              hourlyCost: 26,
            },
          ],
        },
        manager,
      );
      expect(ok.data!.importStaff).toEqual({ rows: 2, created: 1, updated: 1 });
      const avail = await t.gql<{ importAvailability: unknown }>(
        'mutation($rows: [AvailabilityRowInput!]!) { importAvailability(rows: $rows) { rows created updated } }',
        { rows: [{ employeeNo: 'G1', dayOfWeek: 2, from: '09:00', to: '15:00' }] },
        manager,
      );
      expect(avail.data!.importAvailability).toEqual({ rows: 1, created: 1, updated: 0 });
    });

    it('resolves nested availability and the linked user account', async () => {
      const res = await t.gql<{
        staffMember: { availability: { staffId: string; weekly: unknown[] }; user: { username: string } };
      }>(
        '{ staffMember(id: "staff-0001") { availability { staffId weekly { dayOfWeek from to } } user { username } } }',
        {},
        manager,
      );
      expect(res.data!.staffMember.availability.staffId).toBe('staff-0001');
      expect(res.data!.staffMember.availability.weekly.length).toBeGreaterThan(0);
      expect(res.data!.staffMember.user).toEqual({ username: 'agent' });
      const noUser = await t.gql<{ staffMember: { user: null } }>(
        '{ staffMember(id: "staff-0002") { user { username } } }',
        {},
        manager,
      );
      expect(noUser.data!.staffMember.user).toBeNull();
      expect(
        codeOf(await t.gql('{ staffMember(id: "staff-0002") { user { username } } }', {}, provider)),
      ).toBe('FORBIDDEN');
    });
  });

  describe('availability', () => {
    it('validates windows: overlaps, from ≥ to, bad days and exceptions, all reported at once', async () => {
      const res = await t.gql(
        SET_AV,
        {
          id: 'staff-0002',
          i: {
            weekly: [
              { dayOfWeek: 1, from: '08:00', to: '12:00' },
              { dayOfWeek: 1, from: '11:30', to: '14:00' },
              { dayOfWeek: 2, from: '18:00', to: '09:00' },
              { dayOfWeek: 3, from: '25:00', to: '26:00' },
            ],
            exceptions: [
              { date: '2026-02-30', available: false, reason: 'leave' },
              { date: '2026-03-03', available: true, reason: 'extra' },
            ],
          },
        },
        manager,
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.details).toEqual([
        { field: 'weekly.1', message: 'window 11:30–14:00 on day 1 overlaps weekly.0 (08:00–12:00)' },
        { field: 'weekly.2.to', message: 'to must be after from, got 18:00–09:00' },
        { field: 'weekly.3.from', message: 'from must be a time HH:MM, got "25:00"' },
        { field: 'weekly.3.to', message: 'to must be a time HH:MM (or 24:00), got "26:00"' },
        { field: 'exceptions.0.date', message: 'date must be YYYY-MM-DD, got "2026-02-30"' },
        { field: 'exceptions.1.from', message: 'extra availability (available: true) needs from and to' },
      ]);
      const dow = await t.gql(
        SET_AV,
        { id: 'staff-0002', i: { weekly: [{ dayOfWeek: 0, from: '08:00', to: '12:00' }] } },
        manager,
      );
      expect(codeOf(dow)).toBe('BAD_USER_INPUT');
    });

    it('answers availableStaff for a date, time window and skill, honouring leave', async () => {
      const q =
        'query($d: String!, $s: String) { availableStaff(date: $d, from: "09:00", to: "17:00", skill: $s, first: 500) { totalCount nodes { id skills } } }';
      await t.gql(
        SET_AV,
        {
          id: 'staff-0003',
          i: {
            weekly: [{ dayOfWeek: 2, from: '08:00', to: '20:00' }],
            exceptions: [{ date: '2026-04-14', available: false, reason: 'annual leave' }],
          },
        },
        manager,
      );
      type Available = { availableStaff: { totalCount: number; nodes: { id: string; skills: string[] }[] } };
      const tue = await t.gql<Available>(q, { d: '2026-04-07', s: 'calls' }, provider);
      expect(tue.data!.availableStaff.nodes.map((s) => s.id)).toContain('staff-0003');
      expect(tue.data!.availableStaff.nodes.every((s) => s.skills.includes('calls'))).toBe(true);
      expect(tue.data!.availableStaff.totalCount).toBe(tue.data!.availableStaff.nodes.length);
      const leave = await t.gql<Available>(q, { d: '2026-04-14', s: 'calls' }, provider);
      expect(leave.data!.availableStaff.nodes.map((s) => s.id)).not.toContain('staff-0003');
      const sunday = await t.gql<Available>(q, { d: '2026-04-12' }, provider);
      expect(sunday.data!.availableStaff).toEqual({ totalCount: 0, nodes: [] });
      const bad = await t.gql(
        '{ availableStaff(date: "2026-04-07", from: "17:00", to: "09:00") { totalCount } }',
        {},
        provider,
      );
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    });

    it('lets an AGENT read and edit only their own availability, never on or before the lock date', async () => {
      const mine = await t.gql<{ myAvailability: { staffId: string } }>(MY_AV, {}, agent);
      expect(mine.data!.myAvailability.staffId).toBe('staff-0001');
      const own = await t.gql<{ availability: { staffId: string } }>(
        '{ availability(staffId: "staff-0001") { staffId } }',
        {},
        agent,
      );
      expect(expectOk(own).availability.staffId).toBe('staff-0001');
      const other = await t.gql('{ availability(staffId: "staff-0002") { staffId } }', {}, agent);
      expect(codeOf(other)).toBe('FORBIDDEN');
      expect(codeOf(await t.gql('{ staffMember(id: "staff-0002") { id } }', {}, agent))).toBe('FORBIDDEN');
      expect((await t.gql('{ staffMember(id: "staff-0001") { id } }', {}, agent)).data).toEqual({
        staffMember: { id: 'staff-0001' },
      });
      expect(codeOf(await t.gql(STAFF_PAGE, {}, agent))).toBe('FORBIDDEN');

      const weekly = [{ dayOfWeek: 1, from: '08:00', to: '16:00' }];
      const free = await t.gql(SET_MY_AV, { i: { weekly, exceptions: [] } }, agent);
      expectOk(free);

      const otherEdit = await t.gql(SET_AV, { id: 'staff-0002', i: { weekly, exceptions: [] } }, agent);
      expect(codeOf(otherEdit)).toBe('FORBIDDEN');
      expect(otherEdit.errors?.[0].message).toBe(
        'Agents may change only their own availability (staff staff-0001), not staff staff-0002',
      );

      const lock = day(14);
      expect(
        codeOf(await t.gql('mutation($d: String) { setAvailabilityLockDate(date: $d) }', { d: lock }, agent)),
      ).toBe('FORBIDDEN');
      const set = await t.gql(
        'mutation($d: String) { setAvailabilityLockDate(date: $d) }',
        { d: lock },
        manager,
      );
      expect(set.data).toEqual({ setAvailabilityLockDate: lock });
      expect((await t.gql('{ availabilityLockDate }', {}, agent)).data).toEqual({
        availabilityLockDate: lock,
      });

      const locked = await t.gql(
        SET_MY_AV,
        { i: { weekly, exceptions: [{ date: day(7), available: false, reason: 'dentist' }] } },
        agent,
      );
      expect(codeOf(locked)).toBe('FORBIDDEN');
      expect(locked.errors?.[0].message).toBe(
        `Availability is locked on or before ${lock}: you cannot add, change or remove the exception on ${day(7)}; ask a manager`,
      );
      const onLock = await t.gql(
        SET_MY_AV,
        { i: { weekly, exceptions: [{ date: lock, available: false, reason: 'x' }] } },
        agent,
      );
      expect(codeOf(onLock)).toBe('FORBIDDEN');
      const weeklyChange = await t.gql(
        SET_MY_AV,
        { i: { weekly: [{ dayOfWeek: 2, from: '08:00', to: '16:00' }], exceptions: [] } },
        agent,
      );
      expect(codeOf(weeklyChange)).toBe('FORBIDDEN');
      expect(weeklyChange.errors?.[0].message).toMatch(/weekly windows .* cannot change until after/);

      const after = await t.gql<{ setMyAvailability: { exceptions: { date: string }[] } }>(
        SET_MY_AV,
        { i: { weekly, exceptions: [{ date: day(20), available: false, reason: 'annual leave' }] } },
        agent,
      );
      expect(after.data!.setMyAvailability.exceptions).toEqual([{ date: day(20), reason: 'annual leave' }]);

      // managers are not bound by the lock
      const byManager = await t.gql(
        SET_AV,
        {
          id: 'staff-0001',
          i: {
            weekly,
            exceptions: [
              { date: day(7), available: false, reason: 'sickness' },
              { date: day(20), available: false, reason: 'annual leave' },
            ],
          },
        },
        manager,
      );
      expectOk(byManager);
      // removing the locked exception is an edit of a locked date too
      const removal = await t.gql(
        SET_MY_AV,
        { i: { weekly, exceptions: [{ date: day(20), available: false, reason: 'annual leave' }] } },
        agent,
      );
      expect(codeOf(removal)).toBe('FORBIDDEN');

      // with the lock in the past the weekly pattern may change again
      await t.gql('mutation($d: String) { setAvailabilityLockDate(date: $d) }', { d: day(-1) }, manager);
      const later = await t.gql(
        SET_MY_AV,
        {
          i: {
            weekly: [{ dayOfWeek: 2, from: '08:00', to: '16:00' }],
            exceptions: [{ date: day(7), available: false, reason: 'sickness' }],
          },
        },
        agent,
      );
      expectOk(later);
      await t.gql('mutation { setAvailabilityLockDate(date: null) }', {}, manager);
      expect(
        codeOf(await t.gql('mutation { setAvailabilityLockDate(date: "2026-13-01") }', {}, manager)),
      ).toBe('BAD_USER_INPUT');
    });

    it('tells an account without a staff link that it has no availability', async () => {
      const admin = await t.login('admin');
      const res = await t.gql(MY_AV, {}, admin);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toMatch(/not linked to a staff member/);
    });
  });

  describe('channels and shift templates', () => {
    const CREATE_CHANNEL =
      'mutation($i: CreateChannelInput!) { createChannel(input: $i) { id key kind intervalMinutes shrinkage serviceLevel { target answerSeconds } responseHours } }';
    const chat = (over: Record<string, unknown> = {}) => ({
      key: 'chat',
      name: 'Web chat',
      kind: 'LIVE',
      intervalMinutes: 30,
      ahtSeconds: 420,
      serviceLevel: { target: 0.9, answerSeconds: 30 },
      maxOccupancy: 0.8,
      shrinkage: 0.25,
      requiredSkill: 'chat',
      openingHours: [{ dayOfWeek: 1, from: '09:00', to: '17:00' }],
      ...over,
    });

    it('lists channels, finds one by key, and creates / updates / deactivates with validation', async () => {
      const list = await t.gql<{ channels: { totalCount: number; nodes: { key: string }[] } }>(
        '{ channels(filter: { kind: DEFERRED }) { totalCount nodes { key } } }',
        {},
        provider,
      );
      expect(list.data!.channels.totalCount).toBe(4);
      const calls = await t.gql<{ channelByKey: unknown }>(
        '{ channelByKey(key: "calls") { id kind intervalMinutes ahtSeconds maxOccupancy shrinkage serviceLevel { target answerSeconds } } }',
        {},
        provider,
      );
      expect(calls.data!.channelByKey).toEqual({
        id: 'channel-calls',
        kind: 'LIVE',
        intervalMinutes: 15,
        ahtSeconds: 300,
        maxOccupancy: 0.85,
        shrinkage: 0.3,
        serviceLevel: { target: 0.8, answerSeconds: 20 },
      });

      const bad = await t.gql(CREATE_CHANNEL, { i: chat({ shrinkage: 1.2, maxOccupancy: 1.5 }) }, manager);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.details).toEqual([
        { field: 'maxOccupancy', message: 'maxOccupancy must be in [0.05, 1], got 1.5' },
        { field: 'shrinkage', message: 'shrinkage must be in [0, 1), got 1.2' },
      ]);
      expect(codeOf(await t.gql(CREATE_CHANNEL, { i: chat({ intervalMinutes: 20 }) }, manager))).toBe(
        'BAD_USER_INPUT',
      );
      const misaligned = await t.gql(
        CREATE_CHANNEL,
        { i: chat({ openingHours: [{ dayOfWeek: 1, from: '09:15', to: '17:00' }] }) },
        manager,
      );
      expect(misaligned.errors?.[0].message).toMatch(/09:15 is not on a 30-minute interval boundary/);
      const noSl = await t.gql(CREATE_CHANNEL, { i: chat({ serviceLevel: null }) }, manager);
      expect(noSl.errors?.[0].message).toMatch(/serviceLevel is required for a LIVE channel/);
      const deferredNoResponse = await t.gql(
        CREATE_CHANNEL,
        { i: chat({ key: 'letters', kind: 'DEFERRED', serviceLevel: null }) },
        manager,
      );
      expect(deferredNoResponse.errors?.[0].message).toMatch(
        /responseHours must be > 0 for a DEFERRED channel/,
      );

      const created = await t.gql<{ createChannel: { id: string } }>(CREATE_CHANNEL, { i: chat() }, manager);
      expect(created.data!.createChannel).toMatchObject({ key: 'chat', kind: 'LIVE', intervalMinutes: 30 });
      expect(codeOf(await t.gql(CREATE_CHANNEL, { i: chat() }, manager))).toBe('CONFLICT');
      expect(codeOf(await t.gql(CREATE_CHANNEL, { i: chat() }, provider))).toBe('FORBIDDEN');

      // the new channel's skill is now known to staff
      expect(
        (await t.gql(CREATE_STAFF, { i: newStaff({ employeeNo: 'C1', skills: ['chat'] }) }, manager)).errors,
      ).toBeUndefined();

      const id = created.data!.createChannel.id;
      const upd = await t.gql<{ updateChannel: unknown }>(
        'mutation($id: ID!) { updateChannel(id: $id, input: { kind: DEFERRED, responseHours: 8 }) { kind responseHours serviceLevel { target answerSeconds } } }',
        { id },
        manager,
      );
      expect(upd.data!.updateChannel).toEqual({
        kind: 'DEFERRED',
        responseHours: 8,
        serviceLevel: { target: 1, answerSeconds: 28800 },
      });
      const off = await t.gql<{ deactivateChannel: { active: boolean } }>(
        'mutation($id: ID!) { deactivateChannel(id: $id) { active } }',
        { id },
        manager,
      );
      expect(off.data!.deactivateChannel.active).toBe(false);
    });

    it('creates, lists, updates and deactivates shift templates with validation', async () => {
      const CREATE =
        'mutation($i: CreateShiftTemplateInput!) { createShiftTemplate(input: $i) { id name start durationMinutes breakMinutes daysOfWeek skills } }';
      const tpl = {
        name: 'twilight',
        start: '16:00',
        durationMinutes: 240,
        breakMinutes: 0,
        daysOfWeek: [5, 1, 1],
        skills: ['calls'],
      };
      const created = await t.gql<{ createShiftTemplate: { id: string; daysOfWeek: number[] } }>(
        CREATE,
        { i: tpl },
        manager,
      );
      expect(created.data!.createShiftTemplate.daysOfWeek).toEqual([1, 5]);
      expect(codeOf(await t.gql(CREATE, { i: tpl }, manager))).toBe('CONFLICT');
      const bad = await t.gql(
        CREATE,
        { i: { ...tpl, name: 'odd', durationMinutes: 250, breakMinutes: 0, skills: ['x'] } },
        manager,
      );
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.details).toEqual([
        {
          field: 'durationMinutes',
          message: 'durationMinutes must be a multiple of 15 in [60, 720], got 250',
        },
        {
          field: 'skills',
          message: 'skills: unknown skill "x" (known: calls, chat, emails, outbound, team_lead)',
        },
      ]);
      const brk = await t.gql(
        CREATE,
        { i: { ...tpl, name: 'brk', durationMinutes: 60, breakMinutes: 60 } },
        manager,
      );
      expect(brk.errors?.[0].message).toMatch(
        /breakMinutes must be ≥ 0 and shorter than durationMinutes \(60\), got 60/,
      );

      const BREAKS = 'breaks { durationMinutes paid earliestStartMinutes latestStartMinutes }';
      const withBreaks = await t.gql<{ createShiftTemplate: { breakMinutes: number; breaks: unknown[] } }>(
        `mutation($i: CreateShiftTemplateInput!) { createShiftTemplate(input: $i) { breakMinutes ${BREAKS} } }`,
        {
          i: {
            ...tpl,
            name: 'two-breaks',
            durationMinutes: 510,
            breaks: [
              { durationMinutes: 15, paid: true, earliestStartMinutes: 90, latestStartMinutes: 150 },
              { durationMinutes: 30, earliestStartMinutes: 210, latestStartMinutes: 300 },
            ],
          },
        },
        manager,
      );
      expect(withBreaks.data!.createShiftTemplate).toEqual({
        breakMinutes: 30,
        breaks: [
          { durationMinutes: 15, paid: true, earliestStartMinutes: 90, latestStartMinutes: 150 },
          { durationMinutes: 30, paid: false, earliestStartMinutes: 210, latestStartMinutes: 300 },
        ],
      });
      const overlapping = await t.gql(
        CREATE,
        {
          i: {
            ...tpl,
            name: 'overlap',
            breaks: [
              { durationMinutes: 30, earliestStartMinutes: 60, latestStartMinutes: 120 },
              { durationMinutes: 30, earliestStartMinutes: 100, latestStartMinutes: 150 },
            ],
          },
        },
        manager,
      );
      expect(overlapping.errors?.[0].extensions?.details).toEqual([
        {
          field: 'breaks[1].earliestStartMinutes',
          message: "breaks[1].earliestStartMinutes: window overlaps break 1's (which may end at +150 min)",
        },
      ]);
      // The seeded 8-hour templates (breakMinutes 30) carry one break around mid-shift.
      const early = await t.gql<{ shiftTemplates: { nodes: { breaks: unknown[] }[] } }>(
        `{ shiftTemplates(filter: { skill: "calls" }, first: 1) { nodes { ${BREAKS} } } }`,
        {},
        manager,
      );
      expect(early.data!.shiftTemplates.nodes[0].breaks).toEqual([
        { durationMinutes: 30, paid: false, earliestStartMinutes: 165, latestStartMinutes: 285 },
      ]);

      const list = await t.gql<{ shiftTemplates: { totalCount: number; nodes: { name: string }[] } }>(
        '{ shiftTemplates(filter: { skill: "calls", active: true }, first: 3) { totalCount nodes { name } } }',
        {},
        provider,
      );
      expect(list.data!.shiftTemplates.totalCount).toBe(10); // 8 seeded calls templates + twilight + two-breaks
      expect(list.data!.shiftTemplates.nodes.map((n) => n.name)).toEqual(['day', 'early', 'late']);
      const id = created.data!.createShiftTemplate.id;
      const upd = await t.gql<{ updateShiftTemplate: unknown }>(
        'mutation($id: ID!) { updateShiftTemplate(id: $id, input: { start: "15:30" }) { start name } }',
        { id },
        manager,
      );
      expect(upd.data!.updateShiftTemplate).toEqual({ start: '15:30', name: 'twilight' });
      const off = await t.gql<{ deactivateShiftTemplate: { active: boolean } }>(
        'mutation($id: ID!) { deactivateShiftTemplate(id: $id) { active } }',
        { id },
        manager,
      );
      expect(off.data!.deactivateShiftTemplate.active).toBe(false);
      expect(
        codeOf(
          await t.gql('mutation($id: ID!) { deactivateShiftTemplate(id: $id) { id } }', { id }, provider),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  it('keeps SERVICE_PROVIDER read-only and AGENT away from planning data', async () => {
    const writes = [
      [
        'mutation { createStaff(input: { employeeNo: "Z1", name: "Z", skills: ["calls"], contract: { minHoursWeek: 0, maxHoursWeek: 10, maxDaysWeek: 2, maxConsecutiveDays: 2 }, hourlyCost: 1 }) { id } }',
      ],
      ['mutation { updateStaff(id: "staff-0002", input: { name: "x" }) { id } }'],
      ['mutation { deactivateStaff(id: "staff-0002") { id } }'],
      ['mutation { setAvailability(staffId: "staff-0002", input: { weekly: [] }) { staffId } }'],
      ['mutation { setAvailabilityLockDate(date: "2030-01-01") }'],
      ['mutation { importStaff(rows: []) { rows } }'],
      ['mutation { importAvailability(rows: []) { rows } }'],
      ['mutation { deactivateChannel(id: "channel-calls") { id } }'],
    ];
    for (const [q] of writes) expect([q, codeOf(await t.gql(q!, {}, provider))]).toEqual([q, 'FORBIDDEN']);
    for (const q of [
      '{ channels { totalCount } }',
      '{ shiftTemplates { totalCount } }',
      '{ availableStaff(date: "2026-04-07", from: "09:00", to: "10:00") { totalCount } }',
    ])
      expect([q, codeOf(await t.gql(q, {}, agent))]).toEqual([q, 'FORBIDDEN']);
    expect(codeOf(await t.gql('{ staff { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect((await t.services.staff.require('staff-0002')).active).toBe(true);
  });
});
