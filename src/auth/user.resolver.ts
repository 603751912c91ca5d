import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CurrentViewer } from './current-viewer';
import type { RequestContext, Viewer } from './request-context';
import { PUBLIC, Role, SIGNED_IN } from './roles';
import { PageArgs } from '../common/connection.graphql';
import { ChangePasswordArgs, CreateUserInput, LoginArgs, UpdateUserInput } from './user-inputs.graphql';
import { LoginResult, User, UserConnection } from './user.graphql';
import { UserService } from './user.service';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly userService: UserService) {}

  @Authorized(PUBLIC)
  @Mutation(() => LoginResult, { description: 'Signs in; locked or unknown accounts get the same error.' })
  login(@Args() { username, password }: LoginArgs, @Ctx() { ip }: RequestContext): Promise<LoginResult> {
    return this.userService.login(username, password, ip ?? '');
  }

  @Authorized(SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Revokes every token issued to the caller so far.' })
  logout(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.userService.logout(viewer.userId);
  }

  @Authorized(SIGNED_IN)
  @Mutation(() => LoginResult, { description: 'Changes the caller’s password; earlier tokens stop working.' })
  changePassword(@Args() args: ChangePasswordArgs, @CurrentViewer() viewer: Viewer): Promise<LoginResult> {
    return this.userService.changePassword(viewer.userId, args.oldPassword, args.newPassword);
  }

  @Authorized(SIGNED_IN)
  @Query(() => User, { description: 'The caller.' })
  me(@CurrentViewer() viewer: Viewer): Promise<User> {
    return this.userService.require(viewer.userId);
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection)
  users(@Args() page: PageArgs): Promise<UserConnection> {
    return this.userService.listPage(page);
  }

  @Authorized(Role.ADMIN)
  @Query(() => User)
  user(@Arg('id', () => ID) id: string): Promise<User> {
    return this.userService.require(id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  createUser(@Arg('input') input: CreateUserInput): Promise<User> {
    return this.userService.create(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  updateUser(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateUserInput): Promise<User> {
    return this.userService.update(id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, {
    description: 'Sets a new password, clears a lock-out and revokes the user’s tokens.',
  })
  resetPassword(@Arg('id', () => ID) id: string, @Arg('password') password: string): Promise<User> {
    return this.userService.resetPassword(id, password);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean)
  deleteUser(@Arg('id', () => ID) id: string): Promise<boolean> {
    return this.userService.delete(id);
  }
}
