import { IsIn, IsNumber, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { ISO_DATE } from '../common/input-rules';
import { HolidayEffectEnum } from './holiday.graphql';
import { IsPlainText } from '../common/plain-text';

@InputType()
export class HolidayInput {
  @Field({ description: 'Site-local day, YYYY-MM-DD.' })
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @Field()
  @Length(1, 100)
  @IsPlainText()
  name!: string;

  @Field(() => HolidayEffectEnum)
  @IsIn(['CLOSED', 'FACTOR'])
  effect!: 'CLOSED' | 'FACTOR';

  @Field(() => Float, { nullable: true, description: 'Required for FACTOR: in [0, 5].' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(5)
  factor?: number | null;
}

@ArgsType()
export class HolidayRangeArgs {
  @Field({ description: 'First day, YYYY-MM-DD.' })
  @Matches(ISO_DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'Day after the last, YYYY-MM-DD (at most about ten years later).' })
  @Matches(ISO_DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}
