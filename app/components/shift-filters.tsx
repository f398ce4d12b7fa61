import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ShiftFilters } from "~/modules/shifts/filters.ts";

// The filters of the calendar and the list: a plain GET form, so it works without JavaScript and
// every choice is a link that can be shared or bookmarked.

export interface FilterOptions {
  digibanks: Array<{ id: number; name: string }>;
  digipunten: Array<{ id: number; name: string }>;
  municipalities: Array<{ id: number; name: string }>;
}

export function ShiftFilterForm({
  action,
  options,
  filters,
  extra = {},
}: {
  action: string;
  options: FilterOptions;
  filters: ShiftFilters;
  /** Other parameters the page keeps (the list's week). */
  extra?: Record<string, string>;
}) {
  const { t } = useTranslation("shifts");
  const select = (
    name: "digibank" | "digipunt" | "municipality",
    items: Array<{ id: number; name: string }>,
    value: number | null | undefined,
  ) =>
    items.length > 1 ? (
      <div className="field">
        <label htmlFor={`filter-${name}`}>{t(`filters.${name}`)}</label>
        <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
          <option value="">{t("filters.all")}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
    ) : null;

  const active = [
    filters.digibankId,
    filters.digipuntId,
    filters.municipalityId,
    filters.mine,
    filters.open,
  ].filter(Boolean).length;

  // Folded until opened, so the shifts come first on a phone; the button says how many choices
  // are on. A <details> element: it opens without JavaScript, with Enter or Space.
  return (
    <details className="shift-filters">
      <summary id="filters-title" className="shift-filters__title">
        {t("filters.title")}
        {active > 0 ? ` (${t("filters.active", { count: active })})` : null}
      </summary>
      <Form method="get" action={action} aria-labelledby="filters-title">
        {Object.entries(extra).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="shift-filters__fields">
          {select("digibank", options.digibanks, filters.digibankId)}
          {select("digipunt", options.digipunten, filters.digipuntId)}
          {select("municipality", options.municipalities, filters.municipalityId)}
        </div>
        <div className="check">
          <input
            id="filter-mine"
            type="checkbox"
            name="mine"
            value="1"
            defaultChecked={filters.mine}
          />
          <label htmlFor="filter-mine">{t("filters.mine")}</label>
        </div>
        <div className="check">
          <input
            id="filter-open"
            type="checkbox"
            name="open"
            value="1"
            defaultChecked={filters.open}
          />
          <label htmlFor="filter-open">{t("filters.open")}</label>
        </div>
        <div className="shift-filters__actions">
          <button type="submit" className="button">
            {t("filters.submit")}
          </button>
          <Link to={action}>{t("filters.reset")}</Link>
        </div>
      </Form>
    </details>
  );
}
