/**
 * Staff master data as the rest of the application reads it, through the staff feature's
 * services. The stored documents (staff.doc.ts) are private to this feature.
 */
import type { BreakRule } from './shift-breaks.core';

export interface Contract {
  minHoursWeek: number;
  maxHoursWeek: number;
  maxDaysWeek: number;
  maxConsecutiveDays: number;
}

export interface StaffPreferences {
  desiredDays: number[];
  undesiredDays: number[];
  desiredShifts: string[];
  undesiredShifts: string[];
}

/** A staff member as other features read it (`StaffService.forRoster`, `byIds` …). */
export interface StaffMember {
  _id: string;
  /** Unique, as in the HR system. */
  employeeNo: string;
  name: string;
  skills: string[];
  /** Leads a team (a seeded skill `team_lead` marks it too). */
  contract: Contract;
  hourlyCost: number;
  active: boolean;
  preferences: StaffPreferences;
  createdAt: Date;
  updatedAt: Date;
}

/** A recurring window of availability: `dayOfWeek` 1 = Monday … 7 = Sunday, times "HH:MM" ("24:00" allowed as `to`). */
export interface WeeklyWindow {
  dayOfWeek: number;
  from: string;
  to: string;
}

/** A dated change: leave or sickness (`available: false`), or extra availability with times. */
export interface AvailabilityException {
  date: string;
  available: boolean;
  from: string | null;
  to: string | null;
  reason: string;
}

/** One person's availability (`AvailabilityService.storedFor` …). */
export interface Availability {
  /** The staff id: one availability document per staff member. */
  _id: string;
  staffId: string;
  weekly: WeeklyWindow[];
  exceptions: AvailabilityException[];
  updatedAt: Date;
  updatedBy: string | null;
}

/** A shift template (`ShiftTemplateService.forRoster` …). */
export interface ShiftTemplate {
  _id: string;
  name: string;
  /** "HH:MM" local start. */
  start: string;
  durationMinutes: number;
  /** Unpaid break minutes in total (the sum of the unpaid `breaks`). */
  breakMinutes: number;
  /**
   * Break rules; absent on templates stored before them, which read as one unpaid break of
   * `breakMinutes` with a window around mid-shift (`breakRulesOf`).
   */
  breaks?: BreakRule[];
  daysOfWeek: number[];
  /** Skills this shift serves. */
  skills: string[];
  active: boolean;
}
