import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { MAX_CURSOR_LENGTH, type PageRequest } from './pagination';
import { IsOptional, MaxLength } from 'class-validator';

/** `first` / `after` of every paginated list field. */
@ArgsType()
export class PageArgs implements PageRequest {
  @Field(() => Int, { nullable: true, description: 'Page size, at most 500 (default 50).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' })
  @IsOptional()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string | null;
}

@ObjectType({ description: 'Relay-style page information.' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

/** A list page type `XConnection { nodes, totalCount, pageInfo }` for an object type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => Int, { description: 'Number of items matching the filter, across all pages.' })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}
