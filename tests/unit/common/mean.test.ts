import { mean } from '../../../src/common/mean';

describe('mean', () => {
  it('averages the values', () => {
    expect(mean([1, 2, 4.5])).toBe(2.5);
  });

  it('leaves nulls out instead of counting them as 0', () => {
    expect(mean([null, 2, null, 4])).toBe(3);
  });

  it('is null with no values, or only nulls', () => {
    expect(mean([])).toBeNull();
    expect(mean([null, null])).toBeNull();
  });
});
