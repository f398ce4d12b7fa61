type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** A namespace in another language: the Dutch one's keys, with strings of its own. */
export type Namespace<Dutch> = Widen<Dutch>;
