import { interventionRate, labelAssignments } from '../../../src/ranking/ranking-label.core';

const s = (staffId: string, date: string, shiftTemplateId: string) => ({
  staffId,
  date,
  shiftTemplateId,
  skill: 'voice',
});

describe('labelAssignments', () => {
  it('marks kept, removed (incl. the old half of a move) and added shifts', () => {
    const proposed = [s('a', '2025-03-03', 'E'), s('b', '2025-03-03', 'L'), s('c', '2025-03-04', 'E')];
    const published = [s('a', '2025-03-03', 'E'), s('b', '2025-03-03', 'E'), s('d', '2025-03-05', 'L')];
    const labels = labelAssignments(proposed, published);
    expect(labels.map((l) => `${l.staffId}:${l.shiftTemplateId}:${l.fate}`)).toEqual([
      'a:E:KEPT',
      'b:L:REMOVED',
      'c:E:REMOVED',
      'b:E:ADDED',
      'd:L:ADDED',
    ]);
    expect(interventionRate(labels)).toBeCloseTo(2 / 3, 12);
  });

  it('an unedited roster is all KEPT with a 0 intervention rate; nothing published gives null', () => {
    const roster = [s('a', '2025-03-03', 'E')];
    expect(labelAssignments(roster, roster).map((l) => l.fate)).toEqual(['KEPT']);
    expect(interventionRate(labelAssignments(roster, roster))).toBe(0);
    expect(interventionRate(labelAssignments(roster, []))).toBeNull();
  });
});
