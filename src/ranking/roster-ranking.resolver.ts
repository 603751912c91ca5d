import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Roster } from '../rostering/roster.graphql';
import type { RosterVersion } from '../rostering/roster-version.types';
import { RosterRankingType } from './ranking.graphql';

/** `Roster.ranking`: the objective path and fallback rate recorded on every roster. */
@Resolver(() => Roster)
export class RosterRankingResolver {
  @FieldResolver(() => RosterRankingType, {
    nullable: true,
    description:
      'Objective path (RULES, MODEL, SHADOW) and fallback rate; null on rosters made before ranking.',
  })
  ranking(@Root() roster: RosterVersion): RosterRankingType | null {
    return roster.ranking ?? null;
  }
}
