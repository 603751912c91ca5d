import {
  firstWeekFrom,
  openSlots,
  parseWeek,
  refineSlots,
  slotVolumes,
  weekFrame,
} from '../../../src/staffing/week-slots';

const LONDON = 'Europe/London';
const utc = (iso: string): number => Date.parse(iso);

describe('weekFrame', () => {
  it('cuts an ordinary week into 7 × 24 × 60 / interval wall-clock slots from Monday 00:00 local', () => {
    const f = weekFrame('2026-11-23', 30, LONDON);
    expect(f.slots).toHaveLength(336);
    expect(f.start).toBe(utc('2026-11-23T00:00:00Z'));
    expect(f.end).toBe(utc('2026-11-30T00:00:00Z'));
    expect(f.slots.every((s) => s.instants.length === 1)).toBe(true);
    expect(f.slots[0]).toMatchObject({ day: 0, dayOfWeek: 1, localTime: '2026-11-23T00:00:00' });
    expect(f.slots[335]).toMatchObject({ day: 6, dayOfWeek: 7, date: '2026-11-29', minuteOfDay: 1410 });
  });

  it('follows the site offset in summer (BST: local 00:00 is 23:00 UTC the day before)', () => {
    const f = weekFrame('2026-06-15', 60, LONDON);
    expect(f.slots[0].instants).toEqual([utc('2026-06-14T23:00:00Z')]);
    expect(f.slots).toHaveLength(168);
  });

  it('fall-back week (Sun 2026-10-25, Europe/London): 672 slots, the repeated 01:xx slots hold two instants', () => {
    const f = weekFrame('2026-10-19', 15, LONDON);
    expect(f.slots).toHaveLength(672);
    expect(f.end - f.start).toBe(169 * 3_600_000);
    const repeated = f.slots.filter((s) => s.instants.length === 2);
    expect(repeated.map((s) => s.localTime)).toEqual([
      '2026-10-25T01:00:00',
      '2026-10-25T01:15:00',
      '2026-10-25T01:30:00',
      '2026-10-25T01:45:00',
    ]);
    expect(repeated[0].index).toBe(6 * 96 + 4);
    expect(repeated[0].instants).toEqual([utc('2026-10-25T00:00:00Z'), utc('2026-10-25T01:00:00Z')]);
    expect(f.slots.filter((s) => s.instants.length === 0)).toEqual([]);
    expect(f.slots.reduce((n, s) => n + s.instants.length, 0)).toBe(676);
  });

  it('spring-forward week (Sun 2026-03-29, Europe/London): the skipped 01:xx slots have no instant', () => {
    const f = weekFrame('2026-03-23', 30, LONDON);
    expect(f.slots).toHaveLength(336);
    const skipped = f.slots.filter((s) => s.instants.length === 0);
    expect(skipped.map((s) => s.localTime)).toEqual(['2026-03-29T01:00:00', '2026-03-29T01:30:00']);
    expect(f.slots[6 * 48 + 4].instants).toEqual([utc('2026-03-29T01:00:00Z')]); // 02:00 BST
    expect(f.slots.reduce((n, s) => n + s.instants.length, 0)).toBe(334);
  });
});

describe('parseWeek', () => {
  it('accepts a Monday', () => {
    expect(parseWeek('2026-11-23', LONDON).toISODate()).toBe('2026-11-23');
  });

  it('names the week parameter for a day that is not a Monday', () => {
    expect(() => parseWeek('2026-11-25', LONDON)).toThrow(
      'week must be a Monday, got 2026-11-25 (a Wednesday)',
    );
  });

  it('names the week parameter for a malformed date', () => {
    expect(() => parseWeek('2026-13-01', LONDON)).toThrow('week must be a date YYYY-MM-DD, got "2026-13-01"');
    expect(() => parseWeek('23/11/2026', LONDON)).toThrow('week must be a date YYYY-MM-DD, got "23/11/2026"');
  });

  it('rejects an unknown time zone', () => {
    expect(() => parseWeek('2026-11-23', 'Mars/Olympus')).toThrow(
      'timeZone must be an IANA zone name, got "Mars/Olympus"',
    );
  });
});

describe('weekFrame arguments', () => {
  it('rejects an interval that does not divide 60', () => {
    expect(() => weekFrame('2026-11-23', 45, LONDON)).toThrow('intervalMinutes must divide 60');
  });
});

describe('slotVolumes', () => {
  const pointsFor = (frame: ReturnType<typeof weekFrame>, minutes: number, value: (t: number) => number) => {
    const out: { t: number; value: number }[] = [];
    for (let t = frame.start; t < frame.end; t += minutes * 60_000) out.push({ t, value: value(t) });
    return out;
  };

  it('maps points of the same length one to one', () => {
    const f = weekFrame('2026-11-23', 30, LONDON);
    const v = slotVolumes(
      f,
      pointsFor(f, 30, (t) => (t - f.start) / 1_800_000),
      30,
    );
    expect(v.slice(0, 3)).toEqual([0, 1, 2]);
    expect(v[335]).toBe(335);
  });

  it('adds finer points into a slot and splits coarser points evenly', () => {
    const f30 = weekFrame('2026-11-23', 30, LONDON);
    expect(
      slotVolumes(
        f30,
        pointsFor(f30, 15, () => 5),
        15,
      ).every((v) => v === 10),
    ).toBe(true);
    const f15 = weekFrame('2026-11-23', 15, LONDON);
    expect(
      slotVolumes(
        f15,
        pointsFor(f15, 60, () => 20),
        60,
      ).every((v) => v === 5),
    ).toBe(true);
  });

  it('takes the larger occurrence of a repeated fall-back slot', () => {
    const f = weekFrame('2026-10-19', 60, LONDON);
    const first = utc('2026-10-25T00:00:00Z'); // 01:00 BST
    const second = utc('2026-10-25T01:00:00Z'); // 01:00 GMT
    const v = slotVolumes(
      f,
      pointsFor(f, 60, (t) => (t === first ? 30 : t === second ? 70 : 1)),
      60,
    );
    expect(v[6 * 24 + 1]).toBe(70);
    expect(v[6 * 24 + 2]).toBe(1);
    expect(v).toHaveLength(168);
  });

  it("adds both occurrences of a repeated slot with fold 'sum' (deferred work arrives in both passes)", () => {
    const f = weekFrame('2026-10-19', 60, LONDON);
    const first = utc('2026-10-25T00:00:00Z'); // 01:00 BST
    const second = utc('2026-10-25T01:00:00Z'); // 01:00 GMT
    const points = pointsFor(f, 60, (t) => (t === first ? 30 : t === second ? 70 : 1));
    const v = slotVolumes(f, points, 60, 'sum');
    expect(v[6 * 24 + 1]).toBe(100);
    expect(v[6 * 24 + 2]).toBe(1);
    // every point of the week lands in a slot exactly once
    const inWeek = points.filter((p) => p.t >= f.start && p.t < f.end);
    expect(v.reduce((a, b) => a + b, 0)).toBe(inWeek.reduce((a, p) => a + p.value, 0));
  });

  it('gives a skipped spring-forward slot no volume', () => {
    const f = weekFrame('2026-03-23', 60, LONDON);
    const v = slotVolumes(
      f,
      pointsFor(f, 60, () => 9),
      60,
    );
    expect(v[6 * 24 + 1]).toBe(0);
    expect(v.filter((x) => x === 9)).toHaveLength(167);
  });

  it('counts negative forecast values as zero and refuses non-finite ones', () => {
    const f = weekFrame('2026-11-23', 60, LONDON);
    expect(slotVolumes(f, [{ t: f.start, value: -3 }], 60)[0]).toBe(0);
    expect(() => slotVolumes(f, [{ t: f.start, value: NaN }], 60)).toThrow(
      'forecast value at 2026-11-23T00:00:00.000Z is not a finite number',
    );
  });
});

describe('openSlots', () => {
  it('opens a slot whose wall-clock start lies in a window of its day', () => {
    const f = weekFrame('2026-11-23', 30, LONDON);
    const open = openSlots(f, [
      { dayOfWeek: 1, from: '08:00', to: '18:00' },
      { dayOfWeek: 7, from: '22:00', to: '24:00' },
    ]);
    expect(open.filter(Boolean)).toHaveLength(20 + 4);
    expect(open[15]).toBe(false); // Mon 07:30
    expect(open[16]).toBe(true); // Mon 08:00
    expect(open[35]).toBe(true); // Mon 17:30
    expect(open[36]).toBe(false); // Mon 18:00
    expect(open[335]).toBe(true); // Sun 23:30
  });
});

describe('refineSlots and firstWeekFrom', () => {
  it('repeats a coarse slot in each of its fine slots', () => {
    expect(refineSlots([3, 5], 60, 15)).toEqual([3, 3, 3, 3, 5, 5, 5, 5]);
    expect(() => refineSlots([1], 30, 20)).toThrow('intervalMinutes 30 is not a multiple of 20');
  });

  it('finds the first whole local week starting at or after an instant', () => {
    expect(firstWeekFrom(new Date('2026-11-23T00:00:00Z'), LONDON)).toBe('2026-11-23');
    expect(firstWeekFrom(new Date('2026-11-23T00:00:01Z'), LONDON)).toBe('2026-11-30');
    expect(firstWeekFrom(new Date('2026-06-14T23:00:00Z'), LONDON)).toBe('2026-06-15');
  });
});
