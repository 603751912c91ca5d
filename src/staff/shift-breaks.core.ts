import { sum } from '../common/sum';

/**
 * Break rules of a shift template: one or more breaks, each with a duration, paid or unpaid,
 * and a window for its start relative to the shift start. Pure; shared by the staff feature
 * (templates) and the roster optimiser (which chooses each person's break starts).
 *
 * Templates from before break rules only had `breakMinutes` (one unpaid break fixed at
 * mid-shift). They read as one unpaid break whose start may move up to
 * `LEGACY_BREAK_WINDOW_MINUTES` either side of that mid-shift point.
 */

export interface BreakRule {
  durationMinutes: number;
  paid: boolean;
  /** Earliest start, minutes after the shift start. */
  earliestStartMinutes: number;
  /** Latest start, minutes after the shift start (≥ earliest). */
  latestStartMinutes: number;
}

export const LEGACY_BREAK_WINDOW_MINUTES = 60;
export const MAX_BREAKS_PER_SHIFT = 4;

/** Today's mid-shift break as a rule with a window around it (null without a break). */
export function legacyBreakRule(durationMinutes: number, breakMinutes: number): BreakRule | null {
  if (breakMinutes <= 0) return null;
  const latestPossible = durationMinutes - breakMinutes;
  const mid = Math.floor(latestPossible / 2);
  return {
    durationMinutes: breakMinutes,
    paid: false,
    earliestStartMinutes: Math.max(0, mid - LEGACY_BREAK_WINDOW_MINUTES),
    latestStartMinutes: Math.min(latestPossible, mid + LEGACY_BREAK_WINDOW_MINUTES),
  };
}

/** The break rules of a template: its `breaks` when given, else the legacy `breakMinutes` rule. */
export function breakRulesOf(t: {
  durationMinutes: number;
  breakMinutes?: number;
  breaks?: readonly BreakRule[] | null;
}): BreakRule[] {
  if (t.breaks && t.breaks.length > 0) return t.breaks.map((b) => ({ ...b }));
  const legacy = legacyBreakRule(t.durationMinutes, t.breakMinutes ?? 0);
  return legacy ? [legacy] : [];
}

export const unpaidBreakMinutes = (rules: readonly BreakRule[]): number =>
  sum(rules, (b) => (b.paid ? 0 : b.durationMinutes));

/** A template's paid hours: its duration less its unpaid breaks (break rules, or a legacy `breakMinutes`). */
export const templatePaidHours = (t: Parameters<typeof breakRulesOf>[0]): number =>
  (t.durationMinutes - unpaidBreakMinutes(breakRulesOf(t))) / 60;

/**
 * Every problem of a list of break rules for a shift of `durationMinutes`, with its field
 * relative to the list (`breaks[1].latestStartMinutes`). Windows must lie inside the shift
 * and follow one another without overlap, so breaks of one person never collide.
 */
export function breakRuleIssues(
  durationMinutes: number,
  rules: readonly BreakRule[],
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const add = (field: string, message: string): void =>
    void issues.push({ field, message: `${field}: ${message}` });
  if (rules.length > MAX_BREAKS_PER_SHIFT)
    add('breaks', `at most ${MAX_BREAKS_PER_SHIFT} breaks, got ${rules.length}`);
  rules.forEach((b, i) => {
    const f = `breaks[${i}]`;
    if (!Number.isInteger(b.durationMinutes) || b.durationMinutes < 1 || b.durationMinutes > 240)
      add(`${f}.durationMinutes`, `must be an integer in [1, 240], got ${b.durationMinutes}`);
    if (!Number.isInteger(b.earliestStartMinutes) || b.earliestStartMinutes < 0)
      add(`${f}.earliestStartMinutes`, `must be an integer ≥ 0, got ${b.earliestStartMinutes}`);
    if (!Number.isInteger(b.latestStartMinutes) || b.latestStartMinutes < b.earliestStartMinutes)
      add(
        `${f}.latestStartMinutes`,
        `must be an integer ≥ earliestStartMinutes ${b.earliestStartMinutes}, got ${b.latestStartMinutes}`,
      );
    if (b.latestStartMinutes + b.durationMinutes > durationMinutes)
      add(
        `${f}.latestStartMinutes`,
        `a break starting at +${b.latestStartMinutes} min for ${b.durationMinutes} min ends after the shift (${durationMinutes} min)`,
      );
    const prev = rules[i - 1];
    if (prev && prev.latestStartMinutes + prev.durationMinutes > b.earliestStartMinutes)
      add(
        `${f}.earliestStartMinutes`,
        `window overlaps break ${i}'s (which may end at +${prev.latestStartMinutes + prev.durationMinutes} min)`,
      );
  });
  if (unpaidBreakMinutes(rules) >= durationMinutes)
    add('breaks', `unpaid breaks must be shorter than the shift (${durationMinutes} min)`);
  return issues;
}
