import { Arg, Args, Authorized, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../common/connection.graphql';
import { PLAN_READERS, Role } from '../auth/roles';
import { CreateChannelInput, UpdateChannelInput } from './channel-inputs.graphql';
import { ChannelService } from './channel.service';
import { Channel, ChannelConnection, ChannelListArgs } from './channel.graphql';

@Resolver(() => Channel)
export class ChannelResolver {
  constructor(private readonly channelService: ChannelService) {}

  @Authorized(...PLAN_READERS)
  @Query(() => ChannelConnection, { description: 'Channels ordered by key.' })
  channels(@Args() { filter }: ChannelListArgs, @Args() page: PageArgs): Promise<ChannelConnection> {
    return this.channelService.list(filter ?? {}, page);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => Channel)
  channel(@Arg('id', () => ID) id: string): Promise<Channel> {
    return this.channelService.require(id);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => Channel, { description: 'A channel by its key, e.g. `calls`.' })
  channelByKey(@Arg('key') key: string): Promise<Channel> {
    return this.channelService.requireByKey(key);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => Channel)
  createChannel(@Arg('input') input: CreateChannelInput): Promise<Channel> {
    return this.channelService.create(input);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => Channel)
  updateChannel(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateChannelInput): Promise<Channel> {
    return this.channelService.update(id, input);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => Channel, { description: 'Takes the channel out of planning; its history stays.' })
  deactivateChannel(@Arg('id', () => ID) id: string): Promise<Channel> {
    return this.channelService.deactivate(id);
  }
}
