/**
 * Handlers a feature registers with a lower feature at start (STYLE 16): the owner of a
 * collection calls `emit` after its write succeeded and awaits every handler, so the change
 * and its consequences (e.g. roster conflicts) are visible together when the call returns.
 * Handlers own their errors; one that throws fails the caller's request loudly.
 */
export type ChangeHandler<E> = (event: E) => Promise<void>;

export class ChangeHandlers<E> {
  private readonly handlers: ChangeHandler<E>[] = [];

  register(handler: ChangeHandler<E>): void {
    this.handlers.push(handler);
  }

  async emit(event: E): Promise<void> {
    for (const handler of this.handlers) await handler(event);
  }
}
