import { Authorized, Query, Resolver } from 'type-graphql';
import { createEventBus } from '../../../src/events/pubsub';
import { buildAppSchema } from '../../../src/server/schema';

@Resolver()
class Forgotten {
  @Query(() => String)
  secret(): string {
    return 'leaked';
  }
}

@Resolver()
class Declared {
  @Authorized('MANAGER')
  @Query(() => String)
  fine(): string {
    return 'ok';
  }
}

describe('deny by default', () => {
  it('refuses to build a schema with a root field that declares no rule', async () => {
    await expect(
      buildAppSchema({ resolvers: [Declared, Forgotten], instances: new Map(), pubSub: createEventBus() }),
    ).rejects.toThrow(
      'Root fields without an @Authorized rule (denied by default): Forgotten.secret (secret)',
    );
  });

  it('builds when every root field declares one', async () => {
    const schema = await buildAppSchema({
      resolvers: [Declared],
      instances: new Map(),
      pubSub: createEventBus(),
    });
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(['fine']);
  });
});
