import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { PreconfigStep, PreconfigUnit, PreconfigView, StepDone } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { statusLabel } from "../models/certificationStatus";
import { columnActions, enrolledParts, isUncertified, stepTooltip, unitName, unitState } from "./checklist";
import { focusLost, nextGridCell, type GridCell } from "./gridFocus";
import { shownTick, tickKey, type PendingTicks } from "./pending";

/** Rows PageUp and PageDown move, as in the app's other tables. */
const PAGE = 10;

type Props = {
  view: PreconfigView;
  pending: PendingTicks;
  onTick: (unit: PreconfigUnit, step: PreconfigStep, done: boolean) => void;
  onTickAll: (step: PreconfigStep) => void;
  onUntickAll: (step: PreconfigStep) => void;
};

/**
 * One row per delivered unit, one column per checklist step. The table is one tab stop, as the
 * app's other tables: the focused row holds it and Tab goes on through that row's steps only,
 * not through every checkbox of a delivery. The arrow keys move between rows and steps (up and
 * down keep the step), and Space ticks the focused one.
 */
export function ChecklistTable({ view, pending, onTick, onTickAll, onUntickAll }: Props) {
  const i18n = useI18n();
  const hintId = useId();
  const { steps, units } = view;
  const [focused, setFocused] = useState(0);
  const active = Math.min(focused, Math.max(units.length - 1, 0));
  const rows = useRef(new Map<number, HTMLTableRowElement>());
  const lastFocused = useRef<HTMLElement | null>(null);
  const truncated = units.length < view.total;

  // A checkbox is disabled while its tick is saved, which takes the keyboard focus away from
  // it; it gets the focus back once it can take it, so Space and the arrows go on from there.
  useEffect(() => {
    const element = lastFocused.current;
    if (element === null || !focusLost(document.activeElement, document.body)) return;
    if (element.isConnected && !element.matches(":disabled")) element.focus();
  }, [pending]);

  const focusCell = ({ row, col }: GridCell) => {
    const rowElement = rows.current.get(row);
    if (rowElement === undefined) return;
    setFocused(row);
    const cell = col === 0 ? null : rowElement.querySelector<HTMLElement>(`[data-col="${col}"]`);
    // A step whose tick is being saved cannot take the focus; its row does instead.
    const usable = cell !== null && !cell.matches(":disabled");
    (usable ? cell : rowElement).focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.altKey || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const origin = event.target as HTMLElement;
    const rowElement = origin.closest<HTMLTableRowElement>("tr[data-row-index]");
    if (rowElement === null) return;
    const row = Number(rowElement.dataset.rowIndex);
    const col = origin === rowElement ? 0 : Number(origin.dataset.col);
    if (Number.isNaN(row) || Number.isNaN(col)) return;
    const next = nextGridCell(event.key, { row, col }, units.length, steps.length + 1, PAGE);
    if (next === null) return;
    event.preventDefault();
    focusCell(next);
  };

  return (
    <div className="table-card preconfig-table-card">
      <table
        className="data-table preconfig-table"
        aria-label={i18n.t("preconfig.table.label")}
        aria-describedby={hintId}
        data-testid="preconfig-table"
      >
        <thead>
          <tr>
            <th scope="col">{i18n.t("preconfig.column.unit")}</th>
            <th scope="col">{i18n.t("preconfig.column.model")}</th>
            {/* Where the unit stands comes before the steps, so a wide checklist scrolls
                sideways without hiding it. */}
            <th scope="col">{i18n.t("preconfig.column.state")}</th>
            {steps.map((step, index) => (
              <StepHeader
                key={step.id}
                step={step}
                actions={columnActions(units, index, truncated)}
                busy={units.some((unit) => pending.get(tickKey(unit.purchase_id, step.id))?.running === true)}
                onTickAll={onTickAll}
                onUntickAll={onUntickAll}
                i18n={i18n}
              />
            ))}
          </tr>
        </thead>
        <tbody
          onKeyDown={onKeyDown}
          onFocus={(event) => {
            lastFocused.current = event.target;
          }}
        >
          {units.map((unit, index) => {
            const tabIndex = index === active ? 0 : -1;
            const state = unitState(unit, i18n);
            const name = unitName(unit);
            return (
              <tr
                key={unit.purchase_id}
                ref={(element) => {
                  if (element) rows.current.set(index, element);
                  else rows.current.delete(index);
                }}
                tabIndex={tabIndex}
                data-row-index={index}
                className="preconfig-row"
                data-testid={`preconfig-row-${unit.purchase_id}`}
                data-ready={unit.ready}
                data-state={state.state}
                onFocus={() => setFocused(index)}
              >
                <td className="mono nowrap">
                  {name}
                  {unit.serial !== null && unit.imei !== null && <div className="muted">{unit.imei}</div>}
                </td>
                <td>
                  <span className="preconfig-model">{`${unit.manufacturer} ${unit.model}`}</span>
                  {isUncertified(unit) && (
                    <span
                      className="cert-badge preconfig-uncertified"
                      data-tone="warn"
                      data-testid={`preconfig-uncertified-${unit.purchase_id}`}
                      data-status={unit.certification.state}
                      title={i18n.t("preconfig.uncertifiedHint", { status: statusLabel(unit.certification, i18n).text })}
                    >
                      <span aria-hidden="true">⚠ </span>
                      {i18n.t("preconfig.uncertified")}
                    </span>
                  )}
                </td>
                <td className="nowrap" data-testid={`preconfig-state-${unit.purchase_id}`} data-state={state.state}>
                  {state.tone === "good" ? (
                    <span className="cert-badge" data-tone="good">
                      {state.text}
                    </span>
                  ) : (
                    <span className={TONE_CLASS[state.tone]}>{state.text}</span>
                  )}
                </td>
                {steps.map((step, stepIndex) => (
                  <td key={step.id} className="preconfig-step-cell">
                    <StepControl
                      unit={unit}
                      unitLabel={name}
                      step={step}
                      done={unit.steps[stepIndex] ?? OPEN}
                      col={stepIndex + 1}
                      tabIndex={tabIndex}
                      pending={pending}
                      view={view}
                      onTick={onTick}
                      i18n={i18n}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("preconfig.table.keyboardHint")}
      </p>
    </div>
  );
}

const OPEN: StepDone = { state: "open" };

const TONE_CLASS = { good: "tone-good", muted: "tone-muted", bad: "tone-bad", plain: undefined } as const;

type HeaderProps = {
  step: PreconfigStep;
  actions: ReturnType<typeof columnActions>;
  /** A tick of this step is being saved. */
  busy: boolean;
  onTickAll: (step: PreconfigStep) => void;
  onUntickAll: (step: PreconfigStep) => void;
  i18n: Translator;
};

/**
 * A step's title with "All" (tick it for the whole delivery) and, when something is ticked,
 * "Clear…" (untick it for the whole delivery, after a confirmation). While a tick of the step
 * is saved the buttons do nothing but stay enabled, so the focus is not taken from them.
 */
function StepHeader({ step, actions, busy, onTickAll, onUntickAll, i18n }: HeaderProps) {
  const tickAllLabel = i18n.t("preconfig.tickAll.label", { step: step.title });
  return (
    <th
      scope="col"
      className="preconfig-step-head"
      data-testid={`preconfig-step-${step.id}`}
      data-enrolment={step.done_by_enrolment}
    >
      <span className="preconfig-step-title" title={step.done_by_enrolment ? i18n.t("preconfig.enrolmentHint") : undefined}>
        {step.title}
      </span>
      <span className="preconfig-step-actions">
        <button
          type="button"
          className="button-secondary preconfig-column-button"
          data-testid={`preconfig-tick-all-${step.id}`}
          aria-label={tickAllLabel}
          title={actions.canTickAll ? tickAllLabel : i18n.t("preconfig.tickAll.nothing")}
          disabled={!actions.canTickAll}
          aria-busy={busy}
          onClick={() => {
            if (!busy) onTickAll(step);
          }}
        >
          {i18n.t("preconfig.tickAll")}
        </button>
        {actions.canUntickAll && (
          <button
            type="button"
            className="button-secondary button-danger-text preconfig-column-button"
            data-testid={`preconfig-untick-all-${step.id}`}
            aria-label={i18n.t("preconfig.untickAll.label", { step: step.title })}
            title={i18n.t("preconfig.untickAll.label", { step: step.title })}
            aria-busy={busy}
            onClick={() => {
              if (!busy) onUntickAll(step);
            }}
          >
            {i18n.t("preconfig.untickAll")}
          </button>
        )}
      </span>
    </th>
  );
}

type ControlProps = {
  unit: PreconfigUnit;
  unitLabel: string;
  step: PreconfigStep;
  done: StepDone;
  /** Its column for the arrow keys. */
  col: number;
  tabIndex: number;
  pending: PendingTicks;
  view: PreconfigView;
  onTick: (unit: PreconfigUnit, step: PreconfigStep, done: boolean) => void;
  i18n: Translator;
};

/**
 * A step of one unit: a checkbox saying who ticked it and when, or, once the unit has checked
 * in to an EMM, the enrolment's date. That one is no checkbox: the check-in happened, and no
 * tick can undo it.
 */
function StepControl({ unit, unitLabel, step, done, col, tabIndex, pending, view, onTick, i18n }: ControlProps) {
  const tooltip = stepTooltip(step, done, i18n);
  if (done.state === "enrolled") {
    const mark = enrolledParts(done.at, i18n);
    return (
      <span
        className="preconfig-enrolled"
        data-col={col}
        tabIndex={tabIndex}
        title={tooltip}
        data-testid={`preconfig-enrolled-${unit.purchase_id}-${step.id}`}
      >
        <span aria-hidden="true">✓ </span>
        {mark.before}
        <time className="nowrap" dateTime={done.at}>
          {mark.date}
        </time>
        {mark.after}
      </span>
    );
  }
  const shown = shownTick(done, pending.get(tickKey(unit.purchase_id, step.id)), view);
  return (
    <input
      type="checkbox"
      className="preconfig-tick"
      data-col={col}
      tabIndex={tabIndex}
      data-testid={`preconfig-tick-${unit.purchase_id}-${step.id}`}
      data-state={done.state}
      checked={shown.checked}
      disabled={shown.busy}
      aria-busy={shown.busy}
      aria-label={i18n.t("preconfig.tick.label", { step: step.title, unit: unitLabel })}
      title={tooltip}
      onChange={(event) => onTick(unit, step, event.target.checked)}
    />
  );
}
