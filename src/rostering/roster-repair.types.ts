/** GraphQL result of repairRoster: the new DRAFT and what changed. */
import { Field, ObjectType } from 'type-graphql';
import { Roster } from './roster-api.types';
import { RosterRepairInfoType } from './roster-conflict.types';

@ObjectType({ description: 'A repaired DRAFT of a published week, with what changed.' })
export class RosterRepair extends RosterRepairInfoType {
  @Field(() => Roster)
  roster!: Roster;
}
