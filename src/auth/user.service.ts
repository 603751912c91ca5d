import { randomUUID } from 'node:crypto';
import { type Connected, toConnection } from '../common/connection';
import { type PageRequest, paginate } from '../common/pagination';
import type { Config } from '../config';
import type { Viewer } from './request-context';
import { AppError, badInput, conflict, notFound, unauthenticated } from '../errors';
import type { Collection, DocumentStore } from '../store/document-store';
import { checkPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { PasswordGate, REFUSAL_DELAY_MS } from './password-gate';
import { type Role, ALL_ROLES } from './roles';
import type { TokenIssuer } from './token';
import { USERS, type UserDoc } from './user.doc';
import type { UserAccount } from './user.types';

export type AuthSettings = Pick<
  Config,
  | 'MAX_LOGIN_ATTEMPTS'
  | 'LOCKOUT_MINUTES'
  | 'MIN_PASSWORD_LENGTH'
  | 'LOGIN_MAX_CONCURRENT'
  | 'LOGIN_MAX_QUEUED'
  | 'LOGIN_MAX_PER_CLIENT'
>;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserDoc;
}

export interface NewUser {
  username: string;
  password: string;
  roles: Role[];
  staffId?: string | null;
}

export interface UserPatch {
  roles?: Role[];
  active?: boolean;
  staffId?: string | null;
}

/** The one message for every failed login: it never tells whether the user exists or is locked. */
const LOGIN_FAILED = 'Invalid username or password';
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export class UserService {
  private readonly users: Collection<UserDoc>;
  /** Admission of logins and password changes, the argon2 work anyone may ask for. */
  private readonly passwords: PasswordGate;

  constructor(
    store: DocumentStore,
    private readonly tokens: TokenIssuer,
    private readonly settings: AuthSettings,
  ) {
    this.users = store.collection<UserDoc>(USERS);
    this.passwords = new PasswordGate({
      maxRunning: settings.LOGIN_MAX_CONCURRENT,
      maxWaiting: settings.LOGIN_MAX_QUEUED,
      maxPerClient: settings.LOGIN_MAX_PER_CLIENT,
      refusalDelayMs: REFUSAL_DELAY_MS,
    });
    void dummyPasswordHash(); // ready before the first unknown username, so that one is not slower
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.collection<UserDoc>(USERS).createIndex({ keys: { username: 1 }, unique: true });
  }

  /** Resolves a bearer token to its viewer; expired, tampered, revoked or orphaned tokens are refused. */
  async authenticate(token: string): Promise<Viewer> {
    const claims = await this.tokens.verify(token);
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active) throw unauthenticated('Invalid token');
    if (user.tokenVersion !== claims.ver) throw unauthenticated('Token revoked');
    return toViewer(user);
  }

  /**
   * Logs in. Every attempt first claims one of the user's MAX_LOGIN_ATTEMPTS in a single
   * atomic write (check and increment together), so concurrent attempts cannot all read
   * an unlocked user; unknown and locked users are verified against a dummy hash, so the
   * answer takes as long whether or not the user exists or is locked. Attempts pass the
   * password gate first (`client`: the caller's address): a refused one claims nothing.
   */
  async login(username: string, password: string, client = '', now = new Date()): Promise<LoginResult> {
    return this.passwords.run(client, () => this.attempt(username, password, now));
  }

  private async attempt(username: string, password: string, now: Date): Promise<LoginResult> {
    const user = await this.users.findOne({ username: normaliseUsername(username) });
    const claimed = user ? await this.claimAttempt(user._id, now) : null;
    if (!claimed) {
      await verifyPassword(await dummyPasswordHash(), password);
      throw unauthenticated(LOGIN_FAILED);
    }
    const ok = await verifyPassword(claimed.passwordHash, password);
    if (!ok) {
      if (claimed.failedLogins >= this.settings.MAX_LOGIN_ATTEMPTS) await this.lock(claimed._id, now);
      throw unauthenticated(LOGIN_FAILED);
    }
    const updated = await this.users.findOneAndUpdate(
      { _id: claimed._id, active: true },
      { $set: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } },
    );
    if (!updated) throw unauthenticated(LOGIN_FAILED);
    return this.session(updated);
  }

  /**
   * Takes one attempt: increments failedLogins only while the user is active, unlocked and
   * under the limit, in one write. Null when no attempt is left (locked or inactive).
   * An expired lock is lifted first (idempotent, so concurrent attempts agree).
   */
  private async claimAttempt(userId: string, now: Date): Promise<UserDoc | null> {
    await this.users.updateOne(
      { _id: userId, lockedUntil: { $lte: now } },
      { $set: { failedLogins: 0, lockedUntil: null } },
    );
    return this.users.findOneAndUpdate(
      {
        _id: userId,
        active: true,
        lockedUntil: null,
        failedLogins: { $lt: this.settings.MAX_LOGIN_ATTEMPTS },
      },
      { $inc: { failedLogins: 1 } },
    );
  }

  /** Locks the user for LOCKOUT_MINUTES once the last attempt failed; failedLogins stays at the limit. */
  private async lock(userId: string, now: Date): Promise<void> {
    await this.users.updateOne(
      { _id: userId, lockedUntil: null },
      { $set: { lockedUntil: new Date(now.getTime() + this.settings.LOCKOUT_MINUTES * 60_000) } },
    );
  }

  /** Revokes every token issued to the user so far. */
  async logout(userId: string): Promise<boolean> {
    const res = await this.users.updateOne({ _id: userId }, { $inc: { tokenVersion: 1 } });
    return res.matched === 1;
  }

  async changePassword(userId: string, oldPassword: string, newPassword: string): Promise<LoginResult> {
    return this.passwords.run(`user:${userId}`, () => this.replacePassword(userId, oldPassword, newPassword));
  }

  private async replacePassword(
    userId: string,
    oldPassword: string,
    newPassword: string,
  ): Promise<LoginResult> {
    const user = await this.require(userId);
    if (!(await verifyPassword(user.passwordHash, oldPassword)))
      throw badInput('oldPassword is not the current password', [
        { field: 'oldPassword', message: 'does not match' },
      ]);
    checkPasswordPolicy(newPassword, user.username, this.settings.MIN_PASSWORD_LENGTH, 'newPassword');
    if (oldPassword === newPassword)
      throw badInput('newPassword must differ from oldPassword', [
        { field: 'newPassword', message: 'unchanged' },
      ]);
    const updated = await this.users.findOneAndUpdate(
      { _id: userId },
      {
        $set: { passwordHash: await hashPassword(newPassword), updatedAt: new Date() },
        $inc: { tokenVersion: 1 },
      },
    );
    return this.session(updated ?? user);
  }

  async create(input: NewUser): Promise<UserDoc> {
    const username = normaliseUsername(input.username);
    if (!USERNAME.test(username))
      throw badInput('username must be 3-64 characters of a-z, 0-9, ".", "_" or "-"', [
        { field: 'username', message: 'invalid format' },
      ]);
    checkRoles(input.roles);
    checkPasswordPolicy(input.password, username, this.settings.MIN_PASSWORD_LENGTH);
    const now = new Date();
    const doc: UserDoc = {
      _id: randomUUID(),
      username,
      passwordHash: await hashPassword(input.password),
      roles: [...new Set(input.roles)],
      staffId: input.staffId ?? null,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
      tokenVersion: 0,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
    };
    try {
      return await this.users.insertOne(doc);
    } catch (e) {
      if (e instanceof AppError && e.code === 'CONFLICT')
        throw conflict(`username "${username}" is taken`, [{ field: 'username', message: 'already exists' }]);
      throw e;
    }
  }

  async update(id: string, patch: UserPatch): Promise<UserDoc> {
    if (patch.roles) checkRoles(patch.roles);
    const $set: Partial<UserDoc> = { updatedAt: new Date() };
    if (patch.roles) $set.roles = [...new Set(patch.roles)];
    if (patch.active !== undefined) $set.active = patch.active;
    if (patch.staffId !== undefined) $set.staffId = patch.staffId;
    // Activating or deactivating revokes every token issued before: none comes back to life.
    const updated = await this.users.findOneAndUpdate(
      { _id: id },
      patch.active !== undefined ? { $set, $inc: { tokenVersion: 1 } } : { $set },
    );
    if (!updated) throw notFound('User', id);
    return updated;
  }

  /** Admin reset: sets a new password, clears any lock-out and revokes the user's tokens. */
  async resetPassword(id: string, password: string): Promise<UserDoc> {
    const user = await this.require(id);
    checkPasswordPolicy(password, user.username, this.settings.MIN_PASSWORD_LENGTH);
    const updated = await this.users.findOneAndUpdate(
      { _id: id },
      {
        $set: {
          passwordHash: await hashPassword(password),
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: new Date(),
        },
        $inc: { tokenVersion: 1 },
      },
    );
    return updated ?? user;
  }

  async delete(id: string): Promise<boolean> {
    if ((await this.users.deleteOne({ _id: id })) === 0) throw notFound('User', id);
    return true;
  }

  async require(id: string): Promise<UserDoc> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User', id);
    return user;
  }

  /** The account linked to each staff member, in the order asked (null where none): one store call. */
  async byStaffIds(ids: readonly string[]): Promise<(UserAccount | null)[]> {
    const users = await this.users.find({ staffId: { $in: [...ids] } }, { sort: { username: 1 } });
    const byStaff = new Map<string, UserDoc>();
    for (const u of users) if (u.staffId && !byStaff.has(u.staffId)) byStaff.set(u.staffId, u);
    return ids.map((id) => byStaff.get(id) ?? null);
  }

  findByUsername(username: string): Promise<UserDoc | null> {
    return this.users.findOne({ username: normaliseUsername(username) });
  }

  /** Users ordered by username, a page at a time. */
  async listPage(page: PageRequest): Promise<Connected<UserDoc>> {
    return toConnection(await paginate(this.users, {}, { field: 'username', direction: 1 }, page));
  }

  private async session(user: UserDoc): Promise<LoginResult> {
    const { token, expiresAt } = await this.tokens.issue({ sub: user._id, ver: user.tokenVersion });
    return { token, expiresAt, user };
  }
}

export const toViewer = (user: UserDoc): Viewer => ({
  userId: user._id,
  username: user.username,
  roles: user.roles,
  staffId: user.staffId,
});

const normaliseUsername = (username: string): string => username.trim().toLowerCase();

function checkRoles(roles: Role[]): void {
  if (roles.length === 0)
    throw badInput('roles must not be empty', [{ field: 'roles', message: 'at least one role' }]);
  const bad = roles.filter((r) => !ALL_ROLES.includes(r));
  if (bad.length > 0)
    throw badInput(`roles: unknown role ${bad.join(', ')}`, [
      { field: 'roles', message: `unknown: ${bad.join(', ')}` },
    ]);
}
