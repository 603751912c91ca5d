import { addDays } from '../../../src/common/calendar';

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
