import { Args, Authorized, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../common/connection.graphql';
import { AuditArgs, AuditEntryConnection } from './audit.graphql';
import { AuditService } from './audit.service';
import { Role } from './roles';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Authorized(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first.' })
  auditLog(@Args() { filter }: AuditArgs, @Args() page: PageArgs): Promise<AuditEntryConnection> {
    return this.audit.list(filter ?? {}, page);
  }
}
