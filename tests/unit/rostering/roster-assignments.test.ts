import { isAppError } from '../../../src/errors';
import { assignmentsOf, staffWeeksOf } from '../../../src/rostering/roster-assignments';
import type { RosterAssignment } from '../../../src/rostering/roster.types';

const shift = (staffId: string, date: string): RosterAssignment => ({
  staffId,
  date,
  shiftTemplateId: 'early',
  start: `${date}T06:00:00`,
  end: `${date}T14:00:00`,
  skill: 'calls',
  breaks: [],
});

/** Stored in start order: by day, then person. */
const roster = {
  assignments: ['2025-03-03', '2025-03-04'].flatMap((date) => ['c', 'a', 'b'].map((id) => shift(id, date))),
};

const refusal = (call: () => unknown): unknown => {
  try {
    call();
    return null;
  } catch (e) {
    return isAppError(e) ? [e.code, e.details] : e;
  }
};

describe('a roster’s shifts', () => {
  it('narrows to a person, a day, or both', () => {
    expect(assignmentsOf(roster, {}).length).toBe(6);
    expect(assignmentsOf(roster, { staffId: 'a' }).map((a) => a.date)).toEqual(['2025-03-03', '2025-03-04']);
    expect(assignmentsOf(roster, { date: '2025-03-04', staffId: null }).map((a) => a.staffId)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(assignmentsOf(roster, { staffId: 'b', date: '2025-03-03' })).toEqual([shift('b', '2025-03-03')]);
  });

  it('pages people in id order, each with their week in day order', () => {
    const first = staffWeeksOf(roster, { first: 2 });
    expect(first.nodes.map((w) => [w.staffId, w.assignments.map((a) => a.date)])).toEqual([
      ['a', ['2025-03-03', '2025-03-04']],
      ['b', ['2025-03-03', '2025-03-04']],
    ]);
    expect([first.totalCount, first.hasNextPage]).toEqual([3, true]);
    const rest = staffWeeksOf(roster, { first: 2, after: first.endCursor });
    expect([rest.nodes.map((w) => w.staffId), rest.hasNextPage]).toEqual([['c'], false]);
    expect(staffWeeksOf(roster, {}).nodes).toHaveLength(3);
  });

  it('refuses a page size past 500 and a cursor it did not make, naming the argument', () => {
    expect(refusal(() => staffWeeksOf(roster, { first: 501 }))).toEqual([
      'BAD_USER_INPUT',
      [{ field: 'first', message: 'must be in [0, 500]' }],
    ]);
    expect(refusal(() => staffWeeksOf(roster, { after: 'not-a-cursor' }))).toEqual([
      'BAD_USER_INPUT',
      [{ field: 'after', message: 'invalid cursor' }],
    ]);
  });
});
