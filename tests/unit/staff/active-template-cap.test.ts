import { ROSTER_PROBLEM_LIMITS } from '../../../src/rostering/roster-problem-schema';
import {
  MAX_ACTIVE_SHIFT_TEMPLATES,
  templatesOverCap,
  tooManyActiveTemplates,
} from '../../../src/staff/active-template-cap';

const t = (name: string, active: boolean, wasActive = false) => ({ name, active, wasActive });

describe('the active shift-template cap', () => {
  it('is the number of templates a roster problem may list', () => {
    expect(MAX_ACTIVE_SHIFT_TEMPLATES).toBe(1_000);
    expect(ROSTER_PROBLEM_LIMITS.shiftTemplates).toBe(MAX_ACTIVE_SHIFT_TEMPLATES);
  });

  it('lets a batch fill the site to the cap, and names the template that passes it', () => {
    expect(templatesOverCap([t('A', true), t('B', true)], MAX_ACTIVE_SHIFT_TEMPLATES - 2)).toBeNull();
    expect(templatesOverCap([t('A', true), t('B', true)], MAX_ACTIVE_SHIFT_TEMPLATES - 1)).toEqual({
      row: t('B', true),
      after: MAX_ACTIVE_SHIFT_TEMPLATES + 1,
    });
  });

  it('counts templates active already once, and inactive ones not at all', () => {
    expect(
      templatesOverCap(
        [t('A', true, true), t('B', false), t('C', false, true), t('D', true)],
        MAX_ACTIVE_SHIFT_TEMPLATES,
      ),
    ).toBeNull();
  });

  it('is BAD_USER_INPUT naming the template, the limit and the count', () => {
    expect(tooManyActiveTemplates('Late', 1_001)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message:
        'Cannot make shift template "Late" active: a site has at most 1000 active shift templates, and this would make 1001; deactivate one first',
      details: [{ field: 'active', message: 'at most 1000 active shift templates a site' }],
    });
  });
});
