/**
 * The one log line per GraphQL operation names the error codes the client received. A
 * refused edit (BAD_USER_INPUT from the roster service) was logged as INTERNAL_SERVER_ERROR:
 * the plugin read `extensions.code`, which a domain error only gets when the response is
 * formatted, after the hook ran (2026-12-03 audit).
 */
import { GraphQLError } from 'graphql';
import { AppError } from '../../../src/errors';
import type { Logger } from '../../../src/logger';
import { operationLogPlugin } from '../../../src/server/logging-plugin';

async function logged(errors: GraphQLError[]): Promise<Record<string, unknown>> {
  const info = jest.fn();
  const plugin = operationLogPlugin({ info } as unknown as Logger);
  const listener = await plugin.requestDidStart!({
    contextValue: { viewer: null, requestId: 'r1' },
  } as never);
  await listener!.didEncounterErrors!({ errors } as never);
  await listener!.willSendResponse!({ operationName: 'Edit', operation: { operation: 'mutation' } } as never);
  expect(info).toHaveBeenCalledTimes(1);
  return info.mock.calls[0][0] as Record<string, unknown>;
}

describe('operation log line', () => {
  it("logs a domain error's own code, not INTERNAL_SERVER_ERROR", async () => {
    const refused = new GraphQLError('Unknown shift template', {
      originalError: new AppError('BAD_USER_INPUT', 'Unknown shift template'),
    });
    const conflict = new GraphQLError('changed', { originalError: new AppError('CONFLICT', 'changed') });
    expect(await logged([refused, conflict])).toMatchObject({
      op: 'Edit',
      ok: false,
      errors: ['BAD_USER_INPUT', 'CONFLICT'],
    });
  });

  it('keeps a client error code and calls an uncoded error INTERNAL_SERVER_ERROR', async () => {
    const coded = new GraphQLError('bad', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const crash = new GraphQLError('boom', { originalError: new Error('boom') });
    expect((await logged([coded, crash])).errors).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
      'INTERNAL_SERVER_ERROR',
    ]);
  });
});
