import type { Availability, ShiftTemplate, StaffMember } from './staff.types';

export const STAFF = 'staff';
export const AVAILABILITY = 'availability';
export const SHIFT_TEMPLATES = 'shiftTemplates';
export const SITE_SETTINGS = 'settings';

/** The stored documents: the public types of staff.types.ts as they are. */
export type StaffDoc = StaffMember;
export type AvailabilityDoc = Availability;
export type ShiftTemplateDoc = ShiftTemplate;

/** Site-wide settings, one document `_id: "site"`. */
export interface SiteSettingsDoc {
  _id: 'site';
  /** Agents may not edit their availability on or before this date (ISO). */
  availabilityLockDate: string | null;
}
