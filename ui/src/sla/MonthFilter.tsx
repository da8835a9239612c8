import { useId, useState } from "react";
import { useI18n } from "../i18n/I18nContext";
import { monthLabel, recentMonths } from "./month";

/** How many months back a report can be made for. */
const MONTHS_OFFERED = 24;

type Props = {
  /** `YYYY-MM`. */
  value: string;
  onChange: (month: string) => void;
  testId: string;
};

/** The month a monthly report is made for: the last two years, newest first. */
export function MonthFilter({ value, onChange, testId }: Props) {
  const i18n = useI18n();
  const id = useId();
  const [months] = useState(() => recentMonths(new Date(), MONTHS_OFFERED));
  return (
    <div className="sla-filter">
      <label className="field-label" htmlFor={id}>
        {i18n.t("sla.month")}
      </label>
      <select id={id} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
        {months.map((month) => (
          <option key={month} value={month}>
            {monthLabel(month, i18n.format.locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
