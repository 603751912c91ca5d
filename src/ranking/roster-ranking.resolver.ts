import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Roster } from '../rostering/roster-api.types';
import type { RosterDoc } from '../rostering/roster-doc.model';
import { RosterRankingType } from './ranking-api.types';

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
