/**
 * `true` when `A` and `B` are the same type, else `false`. Used where a schema
 * describes a type that another module owns (the link's `LinkStatus`, the
 * events' `SequencedEvent`): `const check: SameType<A, B> = true` stops the
 * build when the two drift apart.
 * @internal
 */
export type SameType<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
