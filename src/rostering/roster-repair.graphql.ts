/** GraphQL result of repairRoster: the new DRAFT and what changed. */
import { Field, ObjectType } from 'type-graphql';
import { Roster } from './roster.graphql';
import { RosterRepairInfoType } from './roster-conflict.graphql';
import type { RepairOutcome } from './roster-repair.service';

@ObjectType({ description: 'A repaired DRAFT of a published week, with what changed.' })
export class RosterRepair extends RosterRepairInfoType implements Omit<RepairOutcome, 'roster'> {
  @Field(() => Roster)
  roster!: Roster;
}
