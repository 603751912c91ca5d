import { dateIn, formatInstant, instantAt, wallClockIso } from '../../../web/src/zoned-time';

// UK clocks went forward at 01:00 GMT on 29 March 2026 and go back at 01:00 GMT on 25 October
// 2026; New Zealand is on daylight time (UTC+13) in December.
describe("the dashboard's site clock", () => {
  it("shows an instant on the site's clock, not the browser's, in one unambiguous form", () => {
    expect(formatInstant('2026-09-15T11:30:00.000Z', 'Europe/London')).toBe('2026-09-15 12:30');
    expect(formatInstant('2026-12-03T17:19:09.500Z', 'Europe/London', true)).toBe('2026-12-03 17:19:09');
    expect(formatInstant('2026-12-03T12:00:00.000Z', 'Pacific/Auckland')).toBe('2026-12-04 01:00');
    expect(formatInstant('2026-07-01T04:00:00.000Z', 'America/New_York')).toBe('2026-07-01 00:00');
  });

  it("takes today's date from the site's clock", () => {
    const noonUtc = new Date('2026-12-03T12:00:00Z');
    expect(dateIn('Europe/London', noonUtc)).toBe('2026-12-03');
    expect(dateIn('Pacific/Auckland', noonUtc)).toBe('2026-12-04');
    expect(dateIn('America/Los_Angeles', new Date('2026-12-03T07:59:00Z'))).toBe('2026-12-02');
  });

  it('writes the wall clock as UTC for charts drawn with useUTC', () => {
    expect(wallClockIso('2026-09-15T11:30:00.000Z', 'Europe/London')).toBe('2026-09-15T12:30:00Z');
    expect(wallClockIso('2026-12-15T11:30:00.000Z', 'Europe/London')).toBe('2026-12-15T11:30:00Z');
  });

  it("finds the instant of a site's date and time, across daylight-saving changes", () => {
    const at = (date: string, time: string, zone: string) => instantAt(date, time, zone).toISOString();
    expect(at('2026-12-03', '00:00:00', 'Europe/London')).toBe('2026-12-03T00:00:00.000Z');
    expect(at('2026-07-01', '00:00:00', 'Europe/London')).toBe('2026-06-30T23:00:00.000Z');
    expect(at('2026-12-04', '00:00:00', 'Pacific/Auckland')).toBe('2026-12-03T11:00:00.000Z');
    expect(at('2026-03-08', '12:00:00', 'America/New_York')).toBe('2026-03-08T16:00:00.000Z');
    // 01:30 does not exist on 29 March: the instant after the gap (02:30 BST)
    expect(at('2026-03-29', '01:30:00', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 happens twice on 25 October: the earlier (BST)
    expect(at('2026-10-25', '01:30:00', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });
});
