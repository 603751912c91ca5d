import { hash, verify } from '@node-rs/argon2';
import { badInput } from '../errors';

/** `Algorithm.Argon2id` (a const enum in the typings, which SWC cannot inline). */
const ARGON2ID = 2;

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/** A hash of a random string: verified against when the username is unknown, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> =>
  (dummyHash ??= hashPassword(`no-such-user-${Math.random()}`));

/** Password policy: minimum length, and not built from the username. */
export function checkPasswordPolicy(
  password: string,
  username: string,
  minLength: number,
  field = 'password',
): void {
  if (password.length < minLength)
    throw badInput(`${field} must be at least ${minLength} characters`, [
      { field, message: `must be at least ${minLength} characters, got ${password.length}` },
    ]);
  if (password.length > 256)
    throw badInput(`${field} must be at most 256 characters`, [
      { field, message: 'must be at most 256 characters' },
    ]);
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  if (name.length >= 3 && (lower.includes(name) || name.includes(lower)))
    throw badInput(`${field} must not contain the username`, [
      { field, message: 'must not contain the username' },
    ]);
}
