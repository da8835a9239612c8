import type { WindowDays } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import { WINDOW_CHOICES, WINDOW_DAYS, type WindowChoice } from "./windows";

type Props = {
  /** Prefix of the field's ids: `<id>-window`, `<id>-opens`, `<id>-closes`. */
  id: string;
  choice: WindowChoice;
  days: WindowDays;
  opens: string;
  closes: string;
  onChoice: (choice: WindowChoice) => void;
  onDays: (days: WindowDays) => void;
  onOpens: (text: string) => void;
  onCloses: (text: string) => void;
  opensProblem: string | null;
  closesProblem: string | null;
};

const CHOICE_KEYS: Record<WindowChoice, MessageKey> = {
  weekdays_08_17: "agreements.window.weekdays_08_17",
  weekdays_07_22: "agreements.window.weekdays_07_22",
  weekdays_00_24: "agreements.window.weekdays_00_24",
  own: "agreements.window.own",
};

/**
 * The availability window: one of the three suppliers offer, or the agreement's own hours on
 * Swedish working days or every day (Swedish time; 24:00 for the day's end).
 */
export function WindowField(props: Props) {
  const { id, choice, days, opens, closes, opensProblem, closesProblem } = props;
  const i18n = useI18n();
  return (
    <fieldset className="form-field wide choice-field window-field" data-testid="agreement-window">
      <legend className="field-label">{i18n.t("agreements.window.label")}</legend>
      <div className="choice-list window-choices">
        {WINDOW_CHOICES.map((value, index) => (
          <label key={value} className="choice">
            <input
              id={index === 0 ? `${id}-window` : undefined}
              type="radio"
              name={`${id}-window`}
              value={value}
              data-testid={`agreement-window-${value}`}
              checked={choice === value}
              onChange={() => props.onChoice(value)}
            />
            <span className="choice-title">{i18n.t(CHOICE_KEYS[value])}</span>
          </label>
        ))}
      </div>
      {choice === "own" && (
        <div className="window-own">
          <div className="window-days" role="radiogroup" aria-label={i18n.t("agreements.window.days")}>
            {WINDOW_DAYS.map((value) => (
              <label key={value} className="checkbox-field">
                <input
                  type="radio"
                  name={`${id}-days`}
                  value={value}
                  data-testid={`agreement-days-${value}`}
                  checked={days === value}
                  onChange={() => props.onDays(value)}
                />
                <span>{i18n.t(`agreements.days.${value}`)}</span>
              </label>
            ))}
          </div>
          <div className="window-hours">
            <ClockInput
              id={`${id}-opens`}
              label={i18n.t("agreements.window.opens")}
              value={opens}
              onChange={props.onOpens}
              problem={opensProblem}
              testId="agreement-opens"
            />
            <ClockInput
              id={`${id}-closes`}
              label={i18n.t("agreements.window.closes")}
              value={closes}
              onChange={props.onCloses}
              problem={closesProblem}
              testId="agreement-closes"
            />
          </div>
          <span className="field-hint">{i18n.t("agreements.window.ownHint")}</span>
        </div>
      )}
    </fieldset>
  );
}

type ClockProps = {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  problem: string | null;
  testId: string;
};

/** A time of day typed as "08:00"; a text field, since a time input has no 24:00. */
function ClockInput({ id, label, value, onChange, problem, testId }: ClockProps) {
  return (
    <div className="form-field clock-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        data-testid={testId}
        autoComplete="off"
        maxLength={5}
        placeholder="08:00"
        aria-invalid={problem !== null || undefined}
        aria-describedby={`${id}-problem`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-problem`} className="field-problem" data-testid="field-problem" role={problem ? "alert" : undefined}>
        {problem}
      </span>
    </div>
  );
}
