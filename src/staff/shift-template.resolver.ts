import { Arg, Args, Authorized, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../auth/user.inputs';
import { PLAN_READERS, Role } from '../auth/roles';
import { CreateShiftTemplateInput, UpdateShiftTemplateInput } from './shift-template.inputs';
import { ShiftTemplateService } from './shift-template.service';
import { ShiftTemplate, ShiftTemplateConnection, ShiftTemplateListArgs } from './shift-template.types';

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

  @Authorized(Role.MANAGER)
  @Mutation(() => ShiftTemplate)
  deactivateShiftTemplate(@Arg('id', () => ID) id: string): Promise<ShiftTemplate> {
    return this.templates.deactivate(id);
  }
}
