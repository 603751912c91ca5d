/**
 * The cap on a site's active shift templates. A roster offers every active template to every
 * person, and a roster problem lists at most this many (rostering's
 * `ROSTER_PROBLEM_LIMITS.shiftTemplates` is this number); a roster job's notes grow with them
 * and are weighed by it in the query cost. Uncapped, 1,001 active templates were accepted and
 * only a roster job found out, refusing the week.
 */
import { type Activation, firstPastCap } from '../common/activation-cap.core';
import { badInput, type AppError } from '../errors';

/** Most shift templates a site may have active at once (deactivated ones do not count). */
export const MAX_ACTIVE_SHIFT_TEMPLATES = 1_000;

/** A written template as the cap sees it: its name, whether it is set active, and whether it was. */
export interface TemplateActivation extends Activation {
  name: string;
}

/**
 * The template whose activation takes the site past MAX_ACTIVE_SHIFT_TEMPLATES, given `held`
 * active now, with the number the batch would leave active; null when it fits.
 */
export const templatesOverCap = (
  rows: readonly TemplateActivation[],
  held: number,
): { row: TemplateActivation; after: number } | null => firstPastCap(rows, held, MAX_ACTIVE_SHIFT_TEMPLATES);

/**
 * BAD_USER_INPUT naming the template that would pass the cap, the limit, and how many would be
 * active after the write.
 */
export const tooManyActiveTemplates = (name: string, after: number): AppError =>
  badInput(
    `Cannot make shift template "${name}" active: a site has at most ${MAX_ACTIVE_SHIFT_TEMPLATES} active shift templates, and this would make ${after}; deactivate one first`,
    [{ field: 'active', message: `at most ${MAX_ACTIVE_SHIFT_TEMPLATES} active shift templates a site` }],
  );
