import type { LoadState } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { otherModels } from "./poolChoice";
import type { PoolChoices } from "./usePoolChoices";

type Props = {
  id: string;
  manufacturer: string;
  model: string;
  choices: LoadState<PoolChoices>;
  onRetry: () => void;
  /** The unit that goes; `null` while none is chosen. */
  value: number | null;
  onChange: (unit: number) => void;
  problem: string | null;
};

/**
 * Which pool unit goes to the user: the model's unit longest in the pool, as the core would
 * pick it, unless the coordinator picks another. When the pool has none of the model, the
 * other models' units are offered, the same maker's first, with how many of each are left.
 */
export function PoolUnitPicker({ id, manufacturer, model, choices, onRetry, value, onChange, problem }: Props) {
  const i18n = useI18n();
  if (choices.status === "loading") {
    return <p className="muted">{i18n.t("repairs.record.unitLoading")}</p>;
  }
  if (choices.status === "error") {
    return <InlineError messageKey="repairs.record.poolError" error={choices.error} onRetry={onRetry} />;
  }
  const { ofModel, all } = choices.data;
  const others = otherModels(all, manufacturer, model);
  const chosen = all.find((unit) => unit.device_id === value) ?? null;
  const modelName = `${manufacturer} ${model}`;
  const hint =
    all.length === 0
      ? i18n.t("repairs.record.poolEmpty")
      : ofModel.length === 0
        ? i18n.t("repairs.record.noUnitOfModel", { model: modelName })
        : chosen !== null
          ? i18n.t("repairs.record.unitChosen", { serial: chosen.serial, model: `${chosen.manufacturer} ${chosen.model}` })
          : "";
  const warn = all.length === 0 || ofModel.length === 0;

  return (
    <div className="form-field wide">
      <label className="field-label" htmlFor={id}>
        {i18n.t("repairs.record.unit")}
      </label>
      <select
        id={id}
        data-testid="record-event-unit"
        data-count={all.length}
        value={value === null ? "" : String(value)}
        disabled={all.length === 0}
        aria-invalid={problem !== null || undefined}
        aria-describedby={`${id}-problem ${id}-hint`}
        onChange={(event) => {
          const unit = Number(event.target.value);
          if (event.target.value !== "" && Number.isInteger(unit)) onChange(unit);
        }}
      >
        {value === null && <option value="">{i18n.t("repairs.record.chooseUnit")}</option>}
        {ofModel.length > 0 && (
          <optgroup label={i18n.t("repairs.record.group", { model: modelName, count: i18n.format.number(ofModel.length) })}>
            {ofModel.map((unit) => (
              <option key={unit.device_id} value={unit.device_id}>
                {unit.serial}
              </option>
            ))}
          </optgroup>
        )}
        {others.map((group) => (
          <optgroup
            key={`${group.manufacturer}\u0000${group.model}`}
            label={i18n.t("repairs.record.otherGroup", {
              model: `${group.manufacturer} ${group.model}`,
              count: i18n.format.number(group.units.length),
            })}
          >
            {group.units.map((unit) => (
              <option key={unit.device_id} value={unit.device_id}>
                {unit.serial}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <span
        id={`${id}-hint`}
        className={warn ? "field-hint tone-warn" : "field-hint"}
        data-testid="record-event-unit-hint"
        data-serial={chosen?.serial}
      >
        {hint}
      </span>
      <span id={`${id}-problem`} className="field-problem" data-testid="field-problem" role={problem ? "alert" : undefined}>
        {problem}
      </span>
    </div>
  );
}
