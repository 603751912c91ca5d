import { Arg, Args, Authorized, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../common/connection.graphql';
import { PLAN_READERS, Role } from '../auth/roles';
import { CreateShiftTemplateInput, UpdateShiftTemplateInput } from './shift-template-inputs.graphql';
import { ShiftTemplateService } from './shift-template.service';
import { breakRulesOf } from './shift-breaks.core';
import type { ShiftTemplateDoc } from './staff.doc';
import {
  ShiftBreakRule,
  ShiftTemplate,
  ShiftTemplateConnection,
  ShiftTemplateListArgs,
} from './shift-template.graphql';

@Resolver(() => ShiftTemplate)
export class ShiftTemplateResolver {
  constructor(private readonly templates: ShiftTemplateService) {}

  @Authorized(...PLAN_READERS)
  @Query(() => ShiftTemplateConnection, { description: 'Shift templates ordered by name.' })
  shiftTemplates(
    @Args() { filter }: ShiftTemplateListArgs,
    @Args() page: PageArgs,
  ): Promise<ShiftTemplateConnection> {
    return this.templates.list(filter ?? {}, page);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => ShiftTemplate)
  shiftTemplate(@Arg('id', () => ID) id: string): Promise<ShiftTemplate> {
    return this.templates.require(id);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => ShiftTemplate)
  createShiftTemplate(@Arg('input') input: CreateShiftTemplateInput): Promise<ShiftTemplate> {
    return this.templates.create(input);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => ShiftTemplate)
  updateShiftTemplate(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateShiftTemplateInput,
  ): Promise<ShiftTemplate> {
    return this.templates.update(id, input);
  }

  @FieldResolver(() => [ShiftBreakRule], {
    description:
      'Breaks in order; the roster places each start inside its window. Templates stored before break rules read as one unpaid break whose start may move an hour either side of mid-shift.',
  })
  breaks(@Root() template: ShiftTemplateDoc): ShiftBreakRule[] {
    return breakRulesOf(template);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => ShiftTemplate)
  deactivateShiftTemplate(@Arg('id', () => ID) id: string): Promise<ShiftTemplate> {
    return this.templates.deactivate(id);
  }
}
