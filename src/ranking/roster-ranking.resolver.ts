import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Roster } from '../rostering/roster.graphql';
import type { RosterDoc } from '../rostering/roster.doc';
import { RosterRankingType } from './ranking.graphql';

/** `Roster.ranking`: the objective path and fallback rate recorded on every roster. */
@Resolver(() => Roster)
export class RosterRankingResolver {
  @FieldResolver(() => RosterRankingType, {
    nullable: true,
    description:
      'Objective path (RULES, MODEL, SHADOW) and fallback rate; null on rosters made before ranking.',
  })
  ranking(@Root() roster: RosterDoc): RosterRankingType | null {
    return roster.ranking ?? null;
  }
}
