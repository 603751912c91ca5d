import {
  listedWarnings,
  MAX_ROSTER_WARNINGS,
  warningCountOf,
} from '../../../src/rostering/roster-warnings.core';
import type { Warning } from '../../../src/rostering/roster.types';

const warnings = (n: number): Warning[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'UNDER_COVER', message: `calls ${i}` }));

describe('listedWarnings', () => {
  it('keeps every warning up to MAX_ROSTER_WARNINGS', () => {
    expect(listedWarnings(warnings(3))).toEqual({ warnings: warnings(3), warningCount: 3 });
  });

  it('keeps the first MAX_ROSTER_WARNINGS in order and counts them all', () => {
    const { warnings: kept, warningCount } = listedWarnings(warnings(MAX_ROSTER_WARNINGS + 7));
    expect([kept.length, kept[0]?.message, kept.at(-1)?.message, warningCount]).toEqual([
      MAX_ROSTER_WARNINGS,
      'calls 0',
      `calls ${MAX_ROSTER_WARNINGS - 1}`,
      MAX_ROSTER_WARNINGS + 7,
    ]);
  });
});

describe('warningCountOf', () => {
  it('reads the stored count, or the list on rosters stored before the cap', () => {
    expect(warningCountOf({ warnings: warnings(2), warningCount: 900 })).toBe(900);
    expect(warningCountOf({ warnings: warnings(2) })).toBe(2);
  });
});
