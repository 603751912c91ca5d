import { actualLine } from '../../../web/src/pages/forecast.chart';

const at = (hhmm: string): string => `2026-11-23T${hhmm}:00.000Z`;

describe("the forecast chart's actual line", () => {
  it('breaks where intervals are missing instead of joining across them', () => {
    const line = actualLine([
      { t: at('16:30'), value: 12 },
      { t: at('16:45'), value: 9 },
      // closed from 17:00 to 08:00: no rows
      { t: '2026-11-24T08:00:00.000Z', value: 20 },
      { t: '2026-11-24T08:15:00.000Z', value: null },
      { t: '2026-11-24T08:30:00.000Z', value: 25 },
    ]);
    expect(line).toEqual([
      [at('16:30'), 12],
      [at('16:45'), 9],
      [at('17:00'), null],
      ['2026-11-24T08:00:00.000Z', 20],
      ['2026-11-24T08:15:00.000Z', null],
      ['2026-11-24T08:30:00.000Z', 25],
    ]);
  });

  it('is empty or one point without a step to measure', () => {
    expect(actualLine([])).toEqual([]);
    expect(actualLine([{ t: at('09:00'), value: 3 }])).toEqual([[at('09:00'), 3]]);
  });
});
