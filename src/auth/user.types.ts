import type { Role } from './roles';

/**
 * A user account as other features read it (`UserService.byStaffIds`): no password hash and
 * no login counters. The stored document (user.doc.ts) is private to auth.
 */
export interface UserAccount {
  _id: string;
  username: string;
  roles: Role[];
  staffId: string | null;
  active: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}
