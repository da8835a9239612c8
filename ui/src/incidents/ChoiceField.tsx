type Choice<V extends string> = { readonly value: V; readonly label: string; readonly hint?: string };

type Props<V extends string> = {
  /** The first choice's id, which the form's first problem focuses. */
  id: string;
  legend: string;
  choices: readonly Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
  /** Each choice's radio button is `<prefix>-<value>`. */
  testIdPrefix: string;
  problem: string | null;
  autoFocus?: boolean;
};

/** A few choices as labelled radio buttons (the line an escalation goes to, what a pause waits for). */
export function ChoiceField<V extends string>({ id, legend, choices, value, onChange, testIdPrefix, problem, autoFocus }: Props<V>) {
  return (
    <fieldset className="form-field wide choice-field" aria-invalid={problem !== null || undefined} aria-describedby={`${id}-problem`}>
      <legend className="field-label">{legend}</legend>
      <div className="choice-list">
        {choices.map((choice, index) => (
          <label key={choice.value} className="choice">
            <input
              id={index === 0 ? id : undefined}
              type="radio"
              name={id}
              value={choice.value}
              data-testid={`${testIdPrefix}-${choice.value}`}
              data-autofocus={(autoFocus === true && (value === null ? index === 0 : value === choice.value)) || undefined}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>
              <span className="choice-title">{choice.label}</span>
              {choice.hint !== undefined && <span className="choice-hint">{choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <span id={`${id}-problem`} className="field-problem" data-testid="field-problem" role={problem ? "alert" : undefined}>
        {problem}
      </span>
    </fieldset>
  );
}
