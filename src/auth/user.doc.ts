import type { UserAccount } from './user.types';

export const USERS = 'users';

/** A stored account: the public `UserAccount` (user.types.ts) and what only sign-in reads. */
export interface UserDoc extends UserAccount {
  passwordHash: string;
  failedLogins: number;
  tokenVersion: number;
}
