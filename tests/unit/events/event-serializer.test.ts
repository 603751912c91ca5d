import { eventSerializer } from '../../../src/events/pubsub';

describe('eventSerializer (events over Redis)', () => {
  it('keeps Dates as Dates, nested ones too, and everything else as JSON', () => {
    const event = {
      forecastId: 'f1',
      start: new Date('2026-11-30T00:00:00.000Z'),
      dailyTotals: [{ date: '2026-11-30', mean: 1.5 }],
      nested: { at: new Date('2026-12-01T08:15:00.000Z'), none: null },
    };
    const back = eventSerializer.parse(eventSerializer.stringify(event)) as typeof event;
    expect(back).toEqual(event);
    expect(back.start).toBeInstanceOf(Date);
    expect(back.nested.at).toBeInstanceOf(Date);
  });

  it('leaves an object that only looks like a tagged date alone unless its $date is a string', () => {
    expect(eventSerializer.parse('{"x":{"$date":5}}')).toEqual({ x: { $date: 5 } });
  });
});
