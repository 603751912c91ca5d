/**
 * Features of one candidate assignment (person × day × shift template × skill), from the
 * week's problem and the published rosters of earlier weeks. Pure. The README's
 * "Ranking features" table documents every entry of `FEATURE_NAMES`.
 */
import { at } from '../common/indexed';
import type { RosterProblem } from '../rostering/roster-problem-schema';
import { sum } from '../common/sum';

/** One published shift of an earlier week, day 0…6 from its Monday. */
export interface HistoryShift {
  staffId: string;
  day: number;
  templateId: string;
  skill: string;
  paidHours: number;
}

/** Published rosters of earlier weeks, newest first (index 0 = last week). */
export type WeekHistory = HistoryShift[][];

export interface CandidateRef {
  staffIndex: number;
  day: number;
  templateIndex: number;
  skill: string;
}

export const FEATURE_NAMES = [
  'tplDayShare4',
  'tplDayShare12',
  'tplDayShare26',
  'tplShare4',
  'tplShare12',
  'tplShare26',
  'dayShare4',
  'dayShare12',
  'dayShare26',
  'skillShare12',
  'lastWeekSameStart',
  'lastWeekSameDayOff',
  'contractMaxHours',
  'contractMinHours',
  'lastWeekHours',
  'tenureWeeks',
  'prefMisses',
  'prefDesired',
  'teamLead',
  'otherLeadSameShare12',
  'weekday',
  'weekend',
  'startHour',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export const HISTORY_WEEKS = 26;

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

/** Per-person view of a history (computed once per history array: features are read per candidate). */
const ownIndex = new WeakMap<WeekHistory, Map<string, HistoryShift[][]>>();

function ownWeeksOf(history: WeekHistory, staffId: string): HistoryShift[][] {
  let index = ownIndex.get(history);
  if (!index) {
    const built = new Map<string, HistoryShift[][]>();
    const window = history.slice(0, HISTORY_WEEKS);
    window.forEach((week, w) => {
      for (const s of week) {
        const own = built.get(s.staffId) ?? Array.from({ length: window.length }, () => []);
        at(own, w).push(s);
        built.set(s.staffId, own);
      }
    });
    index = built;
    ownIndex.set(history, index);
  }
  return index.get(staffId) ?? [];
}

/** Weeks among the newest `n` in which the person had at least one shift. */
function activeWeeks(history: WeekHistory, staffId: string, n: number): HistoryShift[][] {
  return ownWeeksOf(history, staffId)
    .slice(0, n)
    .filter((own) => own.length > 0);
}

/** Share of the person's active weeks (of the newest `n`) in which `match` held for one of their shifts. */
export function weekShare(
  history: WeekHistory,
  staffId: string,
  n: number,
  match: (s: HistoryShift) => boolean,
): number {
  const weeks = activeWeeks(history, staffId, n);
  return ratio(weeks.filter((own) => own.some(match)).length, weeks.length);
}

/** Share of the person's shifts (newest `n` weeks) that match. */
export function shiftShare(
  history: WeekHistory,
  staffId: string,
  n: number,
  match: (s: HistoryShift) => boolean,
): number {
  const own = activeWeeks(history, staffId, n).flat();
  return ratio(own.filter(match).length, own.length);
}

/** Weeks since the person's first shift in the history window (0 for a new starter). */
export function tenureWeeks(history: WeekHistory, staffId: string): number {
  const own = ownWeeksOf(history, staffId);
  for (let i = own.length - 1; i >= 0; i--) if (at(own, i).length > 0) return i + 1;
  return 0;
}

export const isTeamLead = (skills: readonly string[]): boolean => skills.includes('lead');

function preferenceScore(problem: RosterProblem, c: CandidateRef): { misses: number; desired: number } {
  const prefs = at(problem.staff, c.staffIndex).preferences;
  if (!prefs) return { misses: 0, desired: 0 };
  const dow = c.day + 1;
  const templateId = at(problem.shiftTemplates, c.templateIndex).id;
  const dayMiss =
    (prefs.desiredDays && !prefs.desiredDays.includes(dow)) || prefs.undesiredDays?.includes(dow);
  const shiftMiss =
    (prefs.desiredShifts && !prefs.desiredShifts.includes(templateId)) ||
    prefs.undesiredShifts?.includes(templateId);
  const desired =
    (prefs.desiredDays?.includes(dow) ? 1 : 0) + (prefs.desiredShifts?.includes(templateId) ? 1 : 0);
  return { misses: (dayMiss ? 1 : 0) + (shiftMiss ? 1 : 0), desired };
}

/** The feature vector of one candidate, in `FEATURE_NAMES` order. */
export function candidateFeatures(problem: RosterProblem, history: WeekHistory, c: CandidateRef): number[] {
  const staff = at(problem.staff, c.staffIndex);
  const template = at(problem.shiftTemplates, c.templateIndex);
  const id = staff.id;
  const sameTpl = (s: HistoryShift): boolean => s.templateId === template.id;
  const sameDay = (s: HistoryShift): boolean => s.day === c.day;
  const sameBoth = (s: HistoryShift): boolean => sameTpl(s) && sameDay(s);
  const last = ownWeeksOf(history, id)[0] ?? [];
  const [hh = 0, mm = 0] = template.start.split(':').map(Number);
  const lead = isTeamLead(staff.skills);
  const otherLeads = problem.staff
    .filter((s, i) => i !== c.staffIndex && isTeamLead(s.skills))
    .map((s) => s.id);
  const otherLeadSame = lead
    ? Math.max(0, ...otherLeads.map((other) => weekShare(history, other, 12, sameBoth)))
    : 0;
  const pref = preferenceScore(problem, c);
  const row: Record<FeatureName, number> = {
    tplDayShare4: weekShare(history, id, 4, sameBoth),
    tplDayShare12: weekShare(history, id, 12, sameBoth),
    tplDayShare26: weekShare(history, id, HISTORY_WEEKS, sameBoth),
    tplShare4: shiftShare(history, id, 4, sameTpl),
    tplShare12: shiftShare(history, id, 12, sameTpl),
    tplShare26: shiftShare(history, id, HISTORY_WEEKS, sameTpl),
    dayShare4: weekShare(history, id, 4, sameDay),
    dayShare12: weekShare(history, id, 12, sameDay),
    dayShare26: weekShare(history, id, HISTORY_WEEKS, sameDay),
    skillShare12: shiftShare(history, id, 12, (s) => s.skill === c.skill),
    lastWeekSameStart: last.some(sameTpl) ? 1 : 0,
    lastWeekSameDayOff: last.length > 0 && !last.some(sameDay) ? 1 : 0,
    contractMaxHours: staff.maxHoursWeek,
    contractMinHours: staff.minHoursWeek,
    lastWeekHours: sum(last, (s) => s.paidHours),
    tenureWeeks: tenureWeeks(history, id),
    prefMisses: pref.misses,
    prefDesired: pref.desired,
    teamLead: lead ? 1 : 0,
    otherLeadSameShare12: otherLeadSame,
    weekday: c.day,
    weekend: c.day >= 5 ? 1 : 0,
    startHour: hh + mm / 60,
  };
  return FEATURE_NAMES.map((name) => row[name]);
}
