import { type ExecutionResult, execute, type GraphQLSchema, parse, subscribe } from 'graphql';
import { AUTH_REQUIRED, REQUIRES_ROLE } from '../../../src/auth/auth-checker';
import { Role } from '../../../src/auth/roles';
import { toViewer } from '../../../src/auth/user.service';
import { buildSchemaFor } from '../../../src/server/app';
import { newContext } from '../../../src/server/context';
import type { Viewer } from '../../../src/auth/request-context';
import { dummyOperation } from '../../helpers/dummy-operation';
import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';

type Caller = 'ANON' | Role;
const A = Role.ADMIN;
const M = Role.MANAGER;
const S = Role.SERVICE_PROVIDER;
const P = Role.PARTNER;
const G = Role.AGENT;
const ANYONE: Caller[] = ['ANON', A, M, S, P, G];
const SIGNED: Caller[] = [A, M, S, P, G];

/**
 * Who may call each root field. A root field missing here fails the test: add its row
 * when you add the field. "Allowed" means the role rule lets the call through (it may
 * still fail on its arguments or on a resource rule, e.g. an AGENT reading another
 * person's timetable).
 */
const EXPECTED: Record<string, Caller[]> = {
  // system
  'Query.serverInfo': SIGNED,
  'Subscription.ping': SIGNED,
  // auth
  'Mutation.login': ANYONE,
  'Mutation.logout': SIGNED,
  'Mutation.changePassword': SIGNED,
  'Query.me': SIGNED,
  'Query.users': [A],
  'Query.user': [A],
  'Mutation.createUser': [A],
  'Mutation.updateUser': [A],
  'Mutation.resetPassword': [A],
  'Mutation.deleteUser': [A],
  'Query.auditLog': [A],
  // staff, availability, shift templates, channels
  'Query.staff': [A, M, S],
  'Query.staffMember': [A, M, S, G],
  'Query.availability': [A, M, S, G],
  'Query.myAvailability': [A, G],
  'Query.availabilityLockDate': SIGNED,
  'Query.availableStaff': [A, M, S],
  'Query.shiftTemplates': [A, M, S],
  'Query.shiftTemplate': [A, M, S],
  'Query.channels': [A, M, S],
  'Query.channel': [A, M, S],
  'Query.channelByKey': [A, M, S],
  'Mutation.createStaff': [A, M],
  'Mutation.updateStaff': [A, M],
  'Mutation.deactivateStaff': [A, M],
  'Mutation.importStaff': [A, M],
  'Mutation.importAvailability': [A, M],
  'Mutation.setAvailability': [A, M, G],
  'Mutation.setMyAvailability': [A, G],
  'Mutation.setAvailabilityLockDate': [A, M],
  'Mutation.createChannel': [A, M],
  'Mutation.updateChannel': [A, M],
  'Mutation.deactivateChannel': [A, M],
  'Mutation.createShiftTemplate': [A, M],
  'Mutation.updateShiftTemplate': [A, M],
  'Mutation.deactivateShiftTemplate': [A, M],
  // staffing
  'Query.staffing': [A, M, S],
  'Query.staffingPlan': [A, M, S],
  'Query.staffingScenario': [A, M, S],
  'Query.erlangCalculator': SIGNED,
  // rostering
  'Mutation.generateRoster': [A, M],
  'Mutation.planWeek': [A, M],
  'Query.rosterJob': [A, M],
  'Mutation.cancelRosterJob': [A, M],
  'Subscription.rosterJobProgress': [A, M],
  'Query.roster': [A, M, S],
  'Query.rosters': [A, M, S],
  'Mutation.publishRoster': [A, M],
  'Mutation.updateAssignment': [A, M],
  'Query.myTimetable': [A, G],
  'Subscription.rosterPublished': [A, M, S, G],
  'Mutation.repairRoster': [A, M],
  'Subscription.rosterConflict': [A, M],
  'Query.rosterOutcome': [A, M, S],
  // learned ranking
  'Query.rankerModels': [A, M],
  'Query.rankerRollback': [A, M],
  'Query.schedulingKpis': [A, M],
  'Mutation.trainAssignmentRanker': [A, M],
  'Mutation.activateRanker': [A, M],
  'Mutation.rollbackRanker': [A, M],
  // volumes and forecasting
  'Mutation.importVolumes': [A, M],
  'Query.volumes': [A, M, S],
  'Query.dataSummary': [A, M, S],
  'Query.validateVolumes': [A, M, S],
  'Mutation.trainModel': [A, M],
  'Mutation.activateModel': [A, M],
  'Query.models': [A, M, S, P],
  'Mutation.runForecast': [A, M],
  'Query.forecast': [A, M, S, P],
  'Query.forecasts': [A, M, S, P],
  'Query.latestForecast': [A, M, S, P],
  'Query.forecastAccuracy': [A, M, S, P],
  'Subscription.forecastUpdated': [A, M, P],
  // holiday calendar
  'Query.holidays': [A, M, S],
  'Mutation.setHoliday': [A, M],
  'Mutation.deleteHoliday': [A, M],
};

const CALLERS: Caller[] = ['ANON', A, M, S, P, G];
const DEMO_NAME: Record<Role, string> = {
  ADMIN: 'admin',
  MANAGER: 'manager',
  SERVICE_PROVIDER: 'provider',
  PARTNER: 'partner',
  AGENT: 'agent',
};

/** Denied by the role rule: UNAUTHENTICATED, or the authChecker's FORBIDDEN ("Requires one of"). */
function deniedByRule(result: ExecutionResult): boolean {
  return (result.errors ?? []).some((e) => {
    const original = e.originalError as { code?: string } | undefined;
    return (
      (original?.code === 'UNAUTHENTICATED' && e.message === AUTH_REQUIRED) ||
      (original?.code === 'FORBIDDEN' && e.message.startsWith(REQUIRES_ROLE))
    );
  });
}

describe('role × root-field matrix', () => {
  let t: GqlApp;
  let schema: GraphQLSchema;
  const viewers = new Map<Caller, Viewer | null>();

  beforeAll(async () => {
    t = await createInProcessApp();
    schema = await buildSchemaFor(t.services);
    viewers.set('ANON', null);
    for (const role of Object.values(Role))
      viewers.set(role, toViewer((await t.services.users.findByUsername(DEMO_NAME[role]))!));
  });
  afterAll(() => t.close());

  const rootFields = () =>
    (['query', 'mutation', 'subscription'] as const).flatMap((kind) => {
      const type =
        kind === 'query'
          ? schema.getQueryType()
          : kind === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      return Object.values(type?.getFields() ?? {}).map((field) => ({
        kind,
        field,
        key: `${type!.name}.${field.name}`,
      }));
    });

  it('lists every root field of the schema, and no field that does not exist', () => {
    const keys = rootFields()
      .map((f) => f.key)
      .sort();
    expect(keys).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows and denies each cell as written', async () => {
    const mismatches: string[] = [];
    for (const { kind, field, key } of rootFields()) {
      const document = parse(dummyOperation(kind, field));
      for (const caller of CALLERS) {
        const contextValue = newContext(viewers.get(caller) ?? null);
        let result: ExecutionResult;
        if (kind === 'subscription') {
          const sub = await subscribe({ schema, document, contextValue });
          if (Symbol.asyncIterator in sub) {
            await sub.return?.();
            result = {};
          } else result = sub;
        } else result = await execute({ schema, document, contextValue });
        const allowed = !deniedByRule(result);
        const expected = EXPECTED[key]?.includes(caller) ?? false;
        if (allowed !== expected)
          mismatches.push(`${key} as ${caller}: expected ${expected ? 'allow' : 'deny'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
