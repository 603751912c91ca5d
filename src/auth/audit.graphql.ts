import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.graphql';
import { MAX_ID_LENGTH } from '../common/input-rules';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';

@ObjectType({ description: 'One audited action: every mutation and every login attempt.' })
export class AuditEntry {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => ID, { nullable: true })
  userId!: string | null;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field({ description: 'Mutation name.' })
  action!: string;

  @Field(() => String, { nullable: true })
  target!: string | null;

  @Field()
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'Error code when the action failed.' })
  code!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Arguments, secrets removed.' })
  detail!: Record<string, unknown>;
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  userId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  action?: string | null;

  @Field(() => Boolean, { nullable: true })
  ok?: boolean | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

@ArgsType()
export class AuditArgs {
  @Field(() => AuditFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditFilterInput | null;
}
