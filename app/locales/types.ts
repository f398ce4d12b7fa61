import type nl from "./nl.ts";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalog has: Dutch's keys, with strings of its own language. */
export type Catalog = Widen<typeof nl>;
