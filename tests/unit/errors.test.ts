import { notFound } from '../../src/errors';

describe('NOT_FOUND messages', () => {
  it('name the id a caller sent', () => {
    expect(notFound('Plan', 'p1')).toMatchObject({ code: 'NOT_FOUND', message: 'Plan p1 not found' });
  });

  it('repeat at most 64 characters of it (a 10 KB id in an export URL came back whole)', () => {
    const e = notFound('Plan', 'x'.repeat(10_000));
    expect(e.message).toBe(`Plan ${'x'.repeat(64)}… not found`);
  });

  it('name the argument that sent the id when asked (a subscription opening on it)', () => {
    expect(notFound('Channel', 'nope')).toMatchObject({ details: [] });
    expect(notFound('Roster job', 'j1', 'jobId')).toMatchObject({
      message: 'Roster job j1 not found',
      details: [{ field: 'jobId', message: 'no such roster job' }],
    });
  });
});
