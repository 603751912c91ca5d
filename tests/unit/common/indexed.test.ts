import { at } from '../../../src/common/indexed';
import { AppError } from '../../../src/errors';

describe('at', () => {
  it('returns the element at an index in range', () => {
    expect(at([10, 20, 30], 2)).toBe(30);
  });

  it('refuses an index outside the array with an INTERNAL error', () => {
    for (const i of [-1, 3, 1.5]) {
      expect(() => at([10, 20, 30], i)).toThrow(AppError);
      expect(() => at([10, 20, 30], i)).toThrow(/outside 0\.\.2/);
    }
  });
});
