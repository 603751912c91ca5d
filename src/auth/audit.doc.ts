export const AUDIT_LOG = 'auditLog';

export interface AuditDoc {
  _id: string;
  at: Date;
  userId: string | null;
  username: string | null;
  /** The mutation name, e.g. `createUser`. */
  action: string;
  /** Id of the thing acted on, when there is one. */
  target: string | null;
  ok: boolean;
  /** Error code when `ok` is false. */
  code: string | null;
  /** Arguments with secrets removed. */
  detail: Record<string, unknown>;
}
