/** What the server and its JSON thread (`json-body.task.ts`) say to each other. */

import type { BodyError } from './body-errors';

/** A refusal shaped as body-parser's errors, so `jsonBodyErrors` answers it the same way. */
export type BodyRefusal = Required<Pick<BodyError, 'type' | 'status'>> & Pick<BodyError, 'code'>;

export type ThreadMessage =
  | { kind: 'chunk'; id: number; bytes: Uint8Array }
  | { kind: 'end'; id: number; encoding: string; limit: number }
  | { kind: 'drop'; id: number };

export type ThreadReply = { id: number; value: unknown } | { id: number; refusal: BodyRefusal };
