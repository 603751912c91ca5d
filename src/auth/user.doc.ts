import type { Role } from './roles';

export const USERS = 'users';

export interface UserDoc {
  _id: string;
  username: string;
  passwordHash: string;
  roles: Role[];
  staffId: string | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  tokenVersion: number;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}
