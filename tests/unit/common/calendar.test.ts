import { addDays, assertDateArgument } from '../../../src/common/calendar';
import { checkRange } from '../../../src/volumes/volume.service';

describe('addDays', () => {
  it('adds calendar days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses to leave four-digit years, naming the date it was given', () => {
    // `volumes(to: "9999-12-31")` answered `date must be YYYY-MM-DD, got "+010000-01"`, a date
    // the client never sent
    expect(() => addDays('9999-12-31', 1)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('9999-12-31 plus 1 days'),
      }),
    );
    expect(() => addDays('0000-01-01', -1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('assertDateArgument', () => {
  const refusal = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    return null;
  };

  it('takes a real date in the years 1900–2999', () => {
    for (const date of ['1900-01-01', '2024-02-29', '2999-12-31'])
      expect(() => assertDateArgument('from', date)).not.toThrow();
  });

  it('names the argument and the years for a date outside them', () => {
    for (const date of ['0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31'])
      expect(refusal(() => assertDateArgument('to', date))).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: `to must be in the years 1900–2999, got "${date}"`,
        details: [{ field: 'to', message: 'not in the years 1900–2999' }],
      });
  });

  it('says "a real date" for no date at all, its echo clipped', () => {
    expect(refusal(() => assertDateArgument('start', '2027-02-29'))).toMatchObject({
      message: 'start must be a real date YYYY-MM-DD, got "2027-02-29"',
      details: [{ field: 'start', message: 'invalid date' }],
    });
    const long = refusal(() => assertDateArgument('start', 'x'.repeat(10_000))) as Error;
    expect(long.message.length).toBeLessThan(120);
  });
});

describe('checkRange', () => {
  it('refuses a range with an end outside the years before its length is counted', () => {
    // forecastAccuracy(from: "9999-12-01", to: "9999-12-07") answered empty runs
    expect(() => checkRange('9999-12-01', '9999-12-07')).toThrow(
      expect.objectContaining({ message: 'from must be in the years 1900–2999, got "9999-12-01"' }),
    );
    expect(() => checkRange('2026-03-02', '0001-01-01')).toThrow(
      expect.objectContaining({ message: 'to must be in the years 1900–2999, got "0001-01-01"' }),
    );
    expect(checkRange('2026-03-02', '2026-03-08')).toBe(7);
  });
});
