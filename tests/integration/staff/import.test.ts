import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { seedDemo } from '../../../src/seed/demo-seed';
import { importCommand } from '../../../src/seed/import-command';
import type { Services } from '../../../src/server/services';
import type { AvailabilityDoc } from '../../../src/staff/staff.doc';
import { closeServices, dump, servicesFor } from './services.fixture';
import { DEMO_STAFF_COUNT } from '../../../seeds/staff.generator';

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('npm run import (staff | availability)', () => {
  let services: Services;
  let out: string[];
  let err: string[];
  const run = (...argv: string[]) =>
    importCommand(argv, (fn) => fn(services), { out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeEach(async () => {
    services = await servicesFor();
    await seedDemo(services, { anchorDate: '2026-03-02', history: false });
    out = [];
    err = [];
  });
  afterEach(() => closeServices(services));

  it('imports a good staff CSV: upserts by employeeNo, creates new people, exit 0', async () => {
    expect(await run('staff', fixture('staff-good.csv'))).toBe(0);
    expect(out).toEqual([`Imported 4 staff rows from ${fixture('staff-good.csv')}: 3 created, 1 updated`]);
    const ada = await services.staff.findByEmployeeNo('E0001');
    expect(ada).toMatchObject({
      _id: 'staff-0001',
      name: 'Ada Lovelace (renamed)',
      skills: ['calls', 'emails'],
    });
    expect(await services.staff.findByEmployeeNo('N101')).toMatchObject({
      name: 'Turing, Alan',
      active: true,
      contract: { minHoursWeek: 10, maxHoursWeek: 20, maxDaysWeek: 3, maxConsecutiveDays: 3 },
      hourlyCost: 17.25,
    });
    expect(await services.staff.findByEmployeeNo('N102')).toMatchObject({
      active: false,
      skills: ['team_lead', 'calls'],
    });
    expect(await services.staff.count()).toBe(DEMO_STAFF_COUNT + 3);
  });

  it('refuses a staff file with several bad rows: writes nothing, reports every problem, exit 2', async () => {
    const before = await dump(services.store, ['staff']);
    expect(await run('staff', fixture('staff-bad.csv'))).toBe(2);
    expect(await dump(services.store, ['staff'])).toEqual(before);
    expect(err[0]).toBe(`${fixture('staff-bad.csv')}: 6 rows have errors; nothing was imported`);
    const lines = err.slice(1).map((l) => l.trim());
    expect(lines).toEqual([
      'row 3, column minHoursWeek: minHoursWeek must be a number, got "abc"',
      'row 4, column name: name is required',
      'row 4, column maxDaysWeek: maxDaysWeek must be ≤ 7, got 8',
      'row 4, column hourlyCost: hourlyCost must be ≥ 0, got -1',
      'row 4, column active: active must be true or false, got "maybe"',
      'row 5, column employeeNo: duplicate employeeNo "N200": rows 2 and 5',
      'row 6, column maxHoursWeek: maxHoursWeek must be ≥ minHoursWeek (30), got 20',
      'row 7, column skills: skills: unknown skill "juggling" (known: calls, emails, outbound, team_lead)',
      'row 8, column skills: skills needs at least 1 item(s)',
    ]);
  });

  it('imports weekly availability: replaces the windows of the people in the file, keeps exceptions', async () => {
    const av = services.store.collection<AvailabilityDoc>('availability');
    const untouched = await av.findById('staff-0003');
    await services.availability.set(
      'staff-0001',
      { weekly: [], exceptions: [{ date: '2026-03-10', available: false, reason: 'annual leave' }] },
      null,
    );
    expect(await run('availability', fixture('availability-good.csv'))).toBe(0);
    expect(out[0]).toMatch(/Imported 4 availability rows .*: 0 created, 2 updated/);
    const ada = await av.findById('staff-0001');
    expect(ada?.weekly).toEqual([
      { dayOfWeek: 1, from: '08:00', to: '12:00' },
      { dayOfWeek: 1, from: '13:00', to: '17:00' },
      { dayOfWeek: 3, from: '08:00', to: '20:00' },
    ]);
    expect(ada?.exceptions).toEqual([
      { date: '2026-03-10', available: false, from: null, to: null, reason: 'annual leave' },
    ]);
    expect((await av.findById('staff-0002'))?.weekly).toEqual([{ dayOfWeek: 6, from: '09:00', to: '17:00' }]);
    expect(await av.findById('staff-0003')).toEqual(untouched);
  });

  it('refuses bad availability rows (overlap, day, from ≥ to, unknown person, bad time) writing nothing', async () => {
    const before = await dump(services.store, ['availability']);
    expect(await run('availability', fixture('availability-bad.csv'))).toBe(2);
    expect(await dump(services.store, ['availability'])).toEqual(before);
    expect(err.slice(1).map((l) => l.trim())).toEqual([
      'row 3, column from: window 11:00–14:00 overlaps 08:00–12:00 of E0001 on day 1',
      'row 4, column dayOfWeek: dayOfWeek must be ≤ 7, got 8',
      'row 5, column to: to must be after from, got 18:00–09:00',
      'row 6, column employeeNo: employeeNo "NOBODY" is not a known staff member',
      'row 7, column from: from must be a time HH:MM, got "9am"',
    ]);
  });

  it('reads XLSX files the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('staff');
    ws.addRow([
      'employeeNo',
      'name',
      'skills',
      'minHoursWeek',
      'maxHoursWeek',
      'maxDaysWeek',
      'maxConsecutiveDays',
      'hourlyCost',
    ]);
    ws.addRow(['X900', 'Sheet Person', 'emails;outbound', 16, 24, 3, 3, 17]);
    ws.addRow(['X901', 'Bad Sheet', 'calls', 30, 20, 5, 5, 17]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-import-'));
    const file = path.join(dir, 'staff.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await run('staff', file)).toBe(2);
    expect(err.slice(1).map((l) => l.trim())).toEqual([
      'row 3, column maxHoursWeek: maxHoursWeek must be ≥ minHoursWeek (30), got 20',
    ]);
    ws.spliceRows(3, 1);
    await wb.xlsx.writeFile(file);
    expect(await run('staff', file)).toBe(0);
    expect(await services.staff.findByEmployeeNo('X900')).toMatchObject({
      skills: ['emails', 'outbound'],
      active: true,
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file that is not CSV or XLSX, an unknown kind and a missing file with exit 2', async () => {
    const before = await dump(services.store, ['staff', 'availability']);
    expect(await run('staff', fixture('not-a-table.png'))).toBe(2);
    expect(err[0]).toMatch(/not-a-table\.png: file is not CSV or XLSX/);
    expect(await run('volumes2', fixture('staff-good.csv'))).toBe(2);
    expect(err.at(-1)).toMatch(/usage: npm run import -- <staff\|availability\|volumes>/);
    expect(await run('staff', fixture('missing.csv'))).toBe(2);
    expect(err.at(-1)).toMatch(/cannot read .*missing\.csv/);
    expect(await run('staff')).toBe(2);
    expect(await dump(services.store, ['staff', 'availability'])).toEqual(before);
  });

  it('keeps every row of a big import in one atomic bulk write', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      employeeNo: `B${i}`,
      name: `Bulk ${i}`,
      skills: ['calls'],
      minHoursWeek: 0,
      maxHoursWeek: 20,
      maxDaysWeek: 3,
      maxConsecutiveDays: 3,
      hourlyCost: 15,
    }));
    rows[299]!.skills = ['nope'];
    await expect(services.staff.importRows(rows)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ row: 300, column: 'skills' }],
    });
    expect(await services.staff.count()).toBe(DEMO_STAFF_COUNT);
    rows[299]!.skills = ['calls'];
    expect(await services.staff.importRows(rows)).toEqual({ rows: 300, created: 300, updated: 0 });
  });
});
