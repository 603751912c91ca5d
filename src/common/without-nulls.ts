/**
 * Drops unset fields from GraphQL inputs and patches. GraphQL hands a field given as null
 * to the resolver as null; services treat null and absent alike unless a field's null
 * means "clear it".
 */

/** Keys of `T` whose value may be null or undefined. */
type UnsetKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : undefined extends T[K] ? K : never }[keyof T];

/** `T` with the fields that may be null or undefined made optional and never null. */
export type WithoutNulls<T> = Omit<T, UnsetKeys<T>> & {
  [K in UnsetKeys<T>]?: Exclude<T[K], null | undefined>;
};

/** `o` without its null and undefined fields. */
export function withoutNulls<T extends object>(o: T): WithoutNulls<T>;
/** `o` without its undefined fields, and without its null ones except those in `keepNull`. */
export function withoutNulls<T extends object>(o: T, keepNull: readonly (keyof T & string)[]): Partial<T>;
export function withoutNulls<T extends object>(o: T, keepNull: readonly string[] = []): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([k, v]) => v !== undefined && (v !== null || keepNull.includes(k))),
  ) as Partial<T>;
}
