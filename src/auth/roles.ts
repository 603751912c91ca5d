/** The five roles of DESIGN.md. ADMIN may do everything. */
export enum Role {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
  PARTNER = 'PARTNER',
  AGENT = 'AGENT',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/**
 * Rule markers for `@Authorized(...)`. A root field must always declare one:
 * - `PUBLIC`: callable without a token (only `login`);
 * - `SIGNED_IN`: any authenticated user;
 * - otherwise the list of roles (ADMIN is implied everywhere).
 */
export const PUBLIC = 'PUBLIC';
export const SIGNED_IN = 'SIGNED_IN';
export type AccessRule = Role | typeof PUBLIC | typeof SIGNED_IN;
/** A rule that needs an authenticated caller (every rule but PUBLIC). */
export type SignedInRule = Exclude<AccessRule, typeof PUBLIC>;

/** Roles that plan: they write staff, forecasts, staffing and rosters. */
export const PLANNERS = [Role.MANAGER] as const;
/** Roles that read plans (forecasts, staffing, published rosters). */
export const PLAN_READERS = [Role.MANAGER, Role.SERVICE_PROVIDER] as const;
/** Roles that read and subscribe to forecasts. */
export const FORECAST_READERS = [Role.MANAGER, Role.SERVICE_PROVIDER, Role.PARTNER] as const;
