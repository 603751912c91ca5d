import { Field, Int, ObjectType, Authorized, Query, Resolver, Root, Subscription } from 'type-graphql';
import { SIGNED_IN } from '../auth/roles';
import { type PingEvent, TOPIC } from '../events/topics';

@ObjectType({ description: 'A heartbeat from the server.' })
export class Ping {
  @Field(() => Int)
  seq!: number;

  @Field(() => Date)
  at!: Date;
}

@ObjectType()
export class ServerInfo {
  @Field()
  version!: string;

  @Field({ description: '`mongo` or `embedded`.' })
  store!: string;

  @Field()
  timeZone!: string;
}

@Resolver()
export class SystemResolver {
  constructor(private readonly info: ServerInfo) {}

  @Authorized(SIGNED_IN)
  @Query(() => ServerInfo)
  serverInfo(): ServerInfo {
    return this.info;
  }

  @Authorized(SIGNED_IN)
  @Subscription(() => Ping, {
    topics: TOPIC.PING,
    description: 'A heartbeat every few seconds; proves the WebSocket transport end to end.',
  })
  ping(@Root() event: PingEvent): Ping {
    return event;
  }
}
