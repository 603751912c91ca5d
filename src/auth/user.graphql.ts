import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.graphql';
import { Role } from './roles';

registerEnumType(Role, { name: 'Role', description: 'What a user may do; see the README role table.' });

@ObjectType({ description: 'A person who can sign in.' })
export class User {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field()
  username!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'The staff member an AGENT account belongs to.' })
  staffId!: string | null;

  @Field()
  active!: boolean;

  @Field(() => Date, { nullable: true, description: 'Set while the account is locked after failed logins.' })
  lockedUntil!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;
}

@ObjectType()
export class UserConnection extends Connection(User, 'User') {}

@ObjectType({ description: 'A signed-in session: send `Authorization: Bearer <token>`.' })
export class LoginResult {
  @Field()
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
