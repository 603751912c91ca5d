import { topicIdArg } from '../../../src/events/topics';
import { AppError } from '../../../src/errors';

describe('topicIdArg', () => {
  it('reads the topic id from the named argument', () => {
    expect(topicIdArg('week')({ args: { week: '2026-03-02' } })).toBe('2026-03-02');
  });

  it('refuses a missing or non-string argument with BAD_USER_INPUT', () => {
    for (const args of [{}, { week: 7 }, { week: null }]) {
      let error: unknown;
      try {
        topicIdArg('week')({ args });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_USER_INPUT');
    }
  });
});
