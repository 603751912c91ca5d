import { MAX_ACTIVE_STAFF } from '../../src/staff/active-staff-cap';
import { AVAILABILITY, STAFF, type AvailabilityDoc, type StaffDoc } from '../../src/staff/staff.doc';
import type { TestApp } from './test-app';

/** The employee number of the `i`-th stored person: E00000, E00001, … (their page order). */
export const employeeNo = (i: number): string => `E${String(i).padStart(5, '0')}`;

/**
 * Stores the most active people a site may have (MAX_ACTIVE_STAFF), straight into the store: ids
 * `id-<i>`, skill `team_lead`, each free on weekdays 08:00–18:00 except every tenth person, who
 * is free from 10:00. So a weekday's 09:00–17:00 window finds 9,000 of them free.
 */
export async function storeFullStaff(t: TestApp): Promise<void> {
  const now = new Date();
  const contract = { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 };
  await t.services.store.collection<StaffDoc>(STAFF).insertMany(
    Array.from({ length: MAX_ACTIVE_STAFF }, (_, i) => ({
      _id: `id-${i}`,
      employeeNo: employeeNo(i),
      name: `Person number ${i}`,
      skills: ['team_lead'],
      contract,
      hourlyCost: 20,
      active: true,
      preferences: { desiredDays: [], undesiredDays: [], desiredShifts: [], undesiredShifts: [] },
      createdAt: now,
      updatedAt: now,
    })),
  );
  await t.services.store.collection<AvailabilityDoc>(AVAILABILITY).insertMany(
    Array.from({ length: MAX_ACTIVE_STAFF }, (_, i) => ({
      _id: `id-${i}`,
      staffId: `id-${i}`,
      weekly: [1, 2, 3, 4, 5].map((d) => ({ dayOfWeek: d, from: i % 10 ? '08:00' : '10:00', to: '18:00' })),
      exceptions: [],
      updatedAt: now,
      updatedBy: null,
    })),
  );
}
