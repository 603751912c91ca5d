import { Role } from './roles';

/** The authenticated caller of a request or subscription. */
export interface Viewer {
  userId: string;
  username: string;
  roles: Role[];
  /** The staff member an AGENT account is linked to. */
  staffId: string | null;
}

/**
 * Per-request memo for DataLoaders: features ask for a loader by key and get the same
 * instance for the whole request, so nested fields batch into one store call per level.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, unknown>();

  get<L>(key: string, create: () => L): L {
    let loader = this.loaders.get(key) as L | undefined;
    if (loader === undefined) {
      loader = create();
      this.loaders.set(key, loader);
    }
    return loader;
  }
}

export interface RequestContext {
  viewer: Viewer | null;
  requestId: string;
  loaders: LoaderRegistry;
  /** Client address, for the audit log of logins. */
  ip?: string;
  /**
   * Why the credentials sent were refused (an expired, revoked or malformed token): the
   * viewer is then null, PUBLIC fields (`login`) run, and every other field raises this.
   */
  credentialError?: Error;
}

export const hasRole = (viewer: Viewer | null, ...roles: Role[]): boolean =>
  viewer !== null && viewer.roles.some((r) => r === Role.ADMIN || roles.includes(r));
