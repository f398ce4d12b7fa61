import { readId } from "~/utils/ids.ts";

// The filters of the calendar, the list and the events feed (plain GET parameters, so they work
// without JavaScript). Apart from the zod schemas in schemas.ts: the list and the calendar build
// their links with these in the browser, and should not download zod for it.

export interface ShiftFilters {
  digibankId?: number | null;
  digipuntId?: number | null;
  municipalityId?: number | null;
  /** Only shifts the reader is on (or waits for). */
  mine?: boolean;
  /** Only shifts with a free spot. */
  open?: boolean;
}

/** Filters from a query string; anything malformed is simply left out. */
export function parseShiftFilters(params: URLSearchParams): Required<ShiftFilters> {
  return {
    digibankId: readId(params.get("digibank")),
    digipuntId: readId(params.get("digipunt")),
    municipalityId: readId(params.get("municipality")),
    mine: params.get("mine") === "1",
    open: params.get("open") === "1",
  };
}

/** The same filters back as query parameters (for links and the events feed). */
export function filterParams(filters: ShiftFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.digibankId) params.set("digibank", String(filters.digibankId));
  if (filters.digipuntId) params.set("digipunt", String(filters.digipuntId));
  if (filters.municipalityId) params.set("municipality", String(filters.municipalityId));
  if (filters.mine) params.set("mine", "1");
  if (filters.open) params.set("open", "1");
  return params;
}
