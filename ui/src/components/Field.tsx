import type { ReactNode } from "react";

export type FieldProps = {
  id: string;
  label: string;
  problem: string | null;
  hint?: string;
  hintTone?: "warn";
  /** Spans both columns of the form grid. */
  wide?: boolean;
  children: ReactNode;
};

/** Label, control, hint and problem, tied together for screen readers by the control's id. */
export function Field({ id, label, problem, hint, hintTone, wide, children }: FieldProps) {
  return (
    <div className={wide ? "form-field wide" : "form-field"}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      <span id={`${id}-hint`} className={hintTone ? `field-hint tone-${hintTone}` : "field-hint"}>
        {hint}
      </span>
      <span
        id={`${id}-problem`}
        className="field-problem"
        data-testid="field-problem"
        role={problem ? "alert" : undefined}
      >
        {problem}
      </span>
    </div>
  );
}
