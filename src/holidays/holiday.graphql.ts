import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type { HolidayDoc } from './holiday.doc';

export const HolidayEffectEnum = { CLOSED: 'CLOSED', FACTOR: 'FACTOR' } as const;
registerEnumType(HolidayEffectEnum, {
  name: 'HolidayEffect',
  description: 'CLOSED: the forecast is 0 all day; FACTOR: the forecast is multiplied by the factor.',
});

@ObjectType({ description: "A day of the site's holiday calendar, used by forecasts ahead and behind." })
export class Holiday implements Omit<HolidayDoc, '_id' | 'updatedBy'> {
  @Field(() => GraphQLLocalDate)
  date!: string;

  @Field()
  name!: string;

  @Field(() => HolidayEffectEnum)
  effect!: HolidayDoc['effect'];

  @Field(() => Float, { nullable: true, description: 'Volume factor in [0, 5] (FACTOR only).' })
  factor!: number | null;

  @Field()
  updatedAt!: Date;
}
