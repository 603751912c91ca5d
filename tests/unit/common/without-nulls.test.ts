import { withoutNulls } from '../../../src/common/without-nulls';

describe('withoutNulls', () => {
  it('drops null and undefined fields and keeps falsy values', () => {
    const input: { a?: number | null; b: string | null; c?: boolean; d: number } = {
      a: null,
      b: '',
      c: undefined,
      d: 0,
    };
    expect(withoutNulls(input)).toEqual({ b: '', d: 0 });
    expect(Object.keys(withoutNulls(input))).toEqual(['b', 'd']);
  });

  it('keeps null for the fields named as clearable, still dropping undefined', () => {
    const patch: { patienceSeconds?: number | null; responseHours?: number | null; name?: string | null } = {
      patienceSeconds: null,
      responseHours: undefined,
      name: null,
    };
    expect(withoutNulls(patch, ['patienceSeconds', 'responseHours'])).toEqual({ patienceSeconds: null });
  });
});
