import { useId } from "react";
import { useI18n } from "../i18n/I18nContext";
import { GROUPINGS, type Grouping } from "./spread";

type Props = { value: Grouping; onChange: (grouping: Grouping) => void };

/** How the spread is broken down: a segmented control, as the incident list's "show" switch. */
export function GroupingSwitch({ value, onChange }: Props) {
  const i18n = useI18n();
  const name = useId();
  return (
    <fieldset className="segmented apps-grouping" data-testid="app-grouping">
      <legend className="visually-hidden">{i18n.t("apps.grouping.label")}</legend>
      {GROUPINGS.map((grouping) => (
        <label key={grouping} className={value === grouping ? "segment active" : "segment"}>
          <input
            type="radio"
            className="visually-hidden"
            name={name}
            data-testid={`app-grouping-${grouping}`}
            checked={value === grouping}
            onChange={() => onChange(grouping)}
          />
          <span>{i18n.t(`apps.grouping.${grouping}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
