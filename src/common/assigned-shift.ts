/** One person's shift on one date: what a roster assignment and a roster conflict both name. */
export interface AssignedShift {
  staffId: string;
  /** Start date of the shift, YYYY-MM-DD. */
  date: string;
  shiftTemplateId: string;
  /** ISO local datetimes, `YYYY-MM-DDTHH:MM:00`. */
  start: string;
  end: string;
  skill: string;
}
