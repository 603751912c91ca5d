/**
 * Domain errors. Every error a user can cause carries a code; the GraphQL edge maps the
 * code to `extensions.code` once (see server/error-format.ts). Anything that is not an
 * AppError is unexpected: logged in full and masked for the client.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'TIMEOUT',
  /** Too many requests or queued tasks from one client; retry later. */
  'RATE_LIMITED',
  /** The store cannot take writes now (disk full, I/O error); nothing was changed. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where a bad value was found: a field path, or a row / column of an imported file. */
export interface ErrorLocation {
  field?: string;
  row?: number;
  column?: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorLocation[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details: ErrorLocation[] = []): AppError =>
  new AppError('BAD_USER_INPUT', message, details);
/** A caller's id as a NOT_FOUND message repeats it: its first 64 characters. */
const echoId = (id: string): string => (id.length <= 64 ? id : `${id.slice(0, 64)}…`);

/** `field`: the argument that named the id, when the caller should learn which (a subscription's). */
export const notFound = (what: string, id: string, field?: string): AppError =>
  new AppError(
    'NOT_FOUND',
    `${what} ${echoId(id)} not found`,
    field === undefined ? [] : [{ field, message: `no such ${what.toLowerCase()}` }],
  );
export const conflict = (message: string, details: ErrorLocation[] = []): AppError =>
  new AppError('CONFLICT', message, details);
export const forbidden = (message = 'Not allowed'): AppError => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'Authentication required'): AppError =>
  new AppError('UNAUTHENTICATED', message);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** The `extensions.code` of a GraphQL error as a string, or `fallback` when it carries none. */
export const extensionCode = (code: unknown, fallback: string): string =>
  typeof code === 'string' && code.length > 0 ? code : fallback;
