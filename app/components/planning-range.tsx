import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// The one filter of the planning pages: a period, and a digibank for those who plan several.

export function PlanningRangeForm({
  range,
  digibanks,
}: {
  range: { from: string; until: string; digibankId: number | null };
  digibanks: ReadonlyArray<{ id: number; name: string }>;
}) {
  const { t } = useTranslation("planning");
  return (
    <Form method="get" className="stack">
      <div className="field">
        <label htmlFor="range-from">{t("range.from")}</label>
        <input id="range-from" name="from" type="date" defaultValue={range.from} />
      </div>
      <div className="field">
        <label htmlFor="range-to">{t("range.to")}</label>
        <input id="range-to" name="to" type="date" defaultValue={range.until} />
      </div>
      {digibanks.length > 1 ? (
        <div className="field">
          <label htmlFor="range-digibank">{t("range.digibank")}</label>
          <select id="range-digibank" name="digibank" defaultValue={range.digibankId ?? ""}>
            <option value="">{t("range.allDigibanks")}</option>
            {digibanks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button">
        {t("range.show")}
      </button>
    </Form>
  );
}
