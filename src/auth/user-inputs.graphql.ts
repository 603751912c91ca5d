import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Role } from './roles';

/** Each role at most once. */
const MAX_ROLES = Object.values(Role).length;

@InputType()
export class CreateUserInput {
  @Field()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, {
    message: 'username must be 3-64 characters of letters, digits, ".", "_" or "-"',
  })
  username!: string;

  @Field({ description: 'At least MIN_PASSWORD_LENGTH characters, not containing the username.' })
  @IsString()
  @MaxLength(256)
  password!: string;

  @Field(() => [Role])
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_ROLES)
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  staffId?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_ROLES)
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  staffId?: string | null;
}

@ArgsType()
export class LoginArgs {
  @Field()
  @Length(1, 64)
  username!: string;

  @Field()
  @Length(1, 256)
  password!: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @Length(1, 256)
  oldPassword!: string;

  @Field()
  @Length(1, 256)
  newPassword!: string;
}
