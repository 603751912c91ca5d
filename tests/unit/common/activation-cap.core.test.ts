import { firstPastCap } from '../../../src/common/activation-cap.core';

const r = (id: number, active: boolean, wasActive = false) => ({ id, active, wasActive });

describe('firstPastCap', () => {
  it('is null while the batch stays within the limit', () => {
    expect(firstPastCap([r(1, true), r(2, true)], 1, 3)).toBeNull();
    expect(firstPastCap([], 5, 3)).toBeNull();
  });

  it('names the first activation that passes the limit and the count the batch leaves', () => {
    expect(firstPastCap([r(1, true), r(2, true), r(3, true)], 1, 2)).toEqual({ row: r(2, true), after: 4 });
  });

  it('lets a later deactivation make room, in row order', () => {
    expect(firstPastCap([r(1, true), r(2, false, true)], 2, 2)).toBeNull();
  });

  it('lets a site past the limit write rows that activate nothing', () => {
    expect(firstPastCap([r(1, true, true), r(2, false)], 9, 2)).toBeNull();
  });

  it('names the limit when it is not a count', () => {
    expect(() => firstPastCap([], 0, -1)).toThrow('limit must be an integer ≥ 0, got -1');
  });
});
