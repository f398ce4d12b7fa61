/** The largest value of a PostgreSQL `integer` (and so of every `serial` id). */
export const MAX_INT = 2_147_483_647;

/** An id from a query string: null when it is missing or not an id (a filter is then left off). */
export function readId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 && n <= MAX_INT ? n : null;
}
