import { isAppError } from '../../../src/errors';
import { applyChange } from '../../../src/rostering/roster-edit.core';
import { checkRoster } from '../../../src/rostering/roster.validation';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import type { RosterAssignment } from '../../../src/rostering/roster.types';
import { person, problem, WEEK } from './roster.fixtures';

// a and b are available around the clock; c only from 12:00 (so c cannot work the early shift)
const p = parseRosterProblem(
  problem({
    staff: [
      person('a', 10),
      person('b', 12),
      person('c', 14, {
        availability: [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, from: '12:00', to: '24:00' })),
      }),
    ],
  }),
);
const at = (staffId: string, template: 'early' | 'late'): RosterAssignment => {
  const start = template === 'early' ? '06:00' : '14:00';
  const end = template === 'early' ? '14:00' : '22:00';
  return {
    staffId,
    date: WEEK,
    shiftTemplateId: template,
    start: `${WEEK}T${start}:00`,
    end: `${WEEK}T${end}:00`,
    skill: 'calls',
    breaks: [],
  };
};
const roster = [at('a', 'early'), at('b', 'late')];
const who = (as: RosterAssignment[]): Record<string, string> =>
  Object.fromEntries(as.map((x) => [x.staffId, `${x.shiftTemplateId} ${x.start}-${x.end}`]));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'NOT_APP_ERROR';
  }
  return 'NO_ERROR';
};

describe('applyChange SWAP', () => {
  it('exchanges the shifts of two people on one date, with the templates’ times; the checker accepts it', () => {
    const out = applyChange(p, roster, { action: 'SWAP', staffId: 'a', date: WEEK, toStaffId: 'b' });
    expect(who(out)).toEqual({
      a: `late ${WEEK}T14:00:00-${WEEK}T22:00:00`,
      b: `early ${WEEK}T06:00:00-${WEEK}T14:00:00`,
    });
    expect(checkRoster(p, out).violations).toEqual([]);
    // the input list is left as it was
    expect(who(roster)).toEqual({
      a: `early ${WEEK}T06:00:00-${WEEK}T14:00:00`,
      b: `late ${WEEK}T14:00:00-${WEEK}T22:00:00`,
    });
  });

  it('gives the shift to a person with none that day (valid: c takes the late shift)', () => {
    const out = applyChange(p, roster, { action: 'SWAP', staffId: 'b', date: WEEK, toStaffId: 'c' });
    expect(who(out)).toEqual({
      a: `early ${WEEK}T06:00:00-${WEEK}T14:00:00`,
      c: `late ${WEEK}T14:00:00-${WEEK}T22:00:00`,
    });
    expect(checkRoster(p, out).violations).toEqual([]);
  });

  it('a swap that breaks a hard rule is flagged by the checker (c is not available at 06:00)', () => {
    const out = applyChange(p, roster, { action: 'SWAP', staffId: 'a', date: WEEK, toStaffId: 'c' });
    expect(who(out)).toMatchObject({ c: `early ${WEEK}T06:00:00-${WEEK}T14:00:00` });
    expect(checkRoster(p, out).violations.map((v) => v.rule)).toEqual(['AVAILABILITY']);
  });

  it('refuses a swap without a second person, with the same person, or with nobody’s shift', () => {
    expect(codeOf(() => applyChange(p, roster, { action: 'SWAP', staffId: 'a', date: WEEK }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(() => applyChange(p, roster, { action: 'SWAP', staffId: 'a', date: WEEK, toStaffId: 'a' })),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(() => applyChange(p, roster, { action: 'SWAP', staffId: 'c', date: WEEK, toStaffId: 'a' })),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(() => applyChange(p, roster, { action: 'SWAP', staffId: 'a', date: WEEK, toStaffId: 'zz' })),
    ).toBe('BAD_USER_INPUT');
  });
});
