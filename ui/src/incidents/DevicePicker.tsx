import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { commands, type DevicePage, type IncidentDeviceView } from "../bindings";
import { call } from "../api/call";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { debounce } from "../lib/debounce";
import { deviceSearchQuery, exactHit, incidentDeviceOf } from "./deviceSearch";

/** A moment after the last key, so typing a serial number asks once, not per character. */
const SEARCH_DELAY_MS = 250;

const NO_HITS: DevicePage = { total: 0, offset: 0, rows: [] };

type Props = {
  /** The search field's id, which the form's first problem focuses. */
  id: string;
  device: IncidentDeviceView | null;
  onPick: (device: IncidentDeviceView | null) => void;
  problem: string | null;
};

/**
 * The unit a case is about, optional: found by the inventory's search (serial number, IMEI,
 * user or model) and picked from a few hits; Enter (or a scanner's) picks the unit the code
 * names exactly. The arrow keys go from the field into the hits and between them.
 */
export function DevicePicker({ id, device, onPick, problem }: Props) {
  const i18n = useI18n();
  const [text, setText] = useState("");
  const [searched, setSearched] = useState("");
  const searchLater = useMemo(() => debounce(setSearched, SEARCH_DELAY_MS), []);
  useEffect(() => () => searchLater.cancel(), [searchLater]);
  const inputRef = useRef<HTMLInputElement>(null);
  const hitsRef = useRef<HTMLUListElement>(null);
  // Enter picks once the answer for the text is in; an answer for older text is not picked.
  const pickFor = useRef<string | null>(null);

  const load = useCallback(() => {
    const query = deviceSearchQuery(searched);
    return query === null ? Promise.resolve({ status: "ok" as const, data: NO_HITS }) : commands.queryDevices(query);
  }, [searched]);
  const { state, reload } = useCommand(load);
  const hits = state.status === "ok" ? state.data : null;

  // The field the user was in is gone once a unit is picked or changed: the focus goes to what
  // replaced it (the unit's Change button, or the search field again) once that is on screen.
  const changeRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<"search" | "change" | null>(null);
  useEffect(() => {
    const target =
      focusAfter.current === "search" ? inputRef.current : focusAfter.current === "change" ? changeRef.current : null;
    if (target === null) return;
    focusAfter.current = null;
    target.focus();
  });

  const pick = (picked: IncidentDeviceView | null) => {
    focusAfter.current = picked === null ? "search" : "change";
    searchLater.cancel();
    pickFor.current = null;
    onPick(picked);
    setText("");
    setSearched("");
  };

  const pickExact = () => {
    const code = text.trim();
    const query = deviceSearchQuery(code);
    if (query === null) return;
    searchLater.cancel();
    setSearched(code);
    pickFor.current = code;
    void call(() => commands.queryDevices(query)).then((result) => {
      if (pickFor.current !== code || result.status !== "ok") return;
      pickFor.current = null;
      const hit = exactHit(result.data.rows, code);
      if (hit !== null) pick(incidentDeviceOf(hit));
    });
  };

  const hitButtons = () => [...(hitsRef.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];

  const onFieldKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      // A scanner ends with Enter: that picks the unit rather than sending the form.
      event.preventDefault();
      pickExact();
    } else if (event.key === "ArrowDown") {
      const first = hitButtons()[0];
      if (first !== undefined) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  const onHitsKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const buttons = hitButtons();
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const next = event.key === "ArrowDown" ? buttons[index + 1] : index === 0 ? inputRef.current : buttons[index - 1];
    next?.focus();
  };

  const none = i18n.t("value.none");
  if (device !== null) {
    return (
      <div className="form-field wide device-picker">
        <span className="field-label" id={`${id}-label`}>
          {i18n.t("incidents.new.device")}
        </span>
        <div className="device-picked" data-testid="incident-device" data-id={device.device_id} data-serial={device.serial}>
          <dl className="fact-list" aria-labelledby={`${id}-label`}>
            <div className="fact">
              <dt>{i18n.t("repairs.field.serial")}</dt>
              <dd className="mono">{device.serial || none}</dd>
            </div>
            <div className="fact">
              <dt>{i18n.t("repairs.field.imei")}</dt>
              <dd className="mono">{device.imei ?? none}</dd>
            </div>
            <div className="fact">
              <dt>{i18n.t("repairs.field.model")}</dt>
              <dd>{`${device.manufacturer} ${device.model}`}</dd>
            </div>
            <div className="fact">
              <dt>{i18n.t("repairs.field.user")}</dt>
              <dd>{device.user_name ?? none}</dd>
            </div>
          </dl>
          <button
            ref={changeRef}
            id={id}
            type="button"
            aria-describedby={`${id}-problem`}
            className="button-secondary"
            data-testid="incident-device-clear"
            onClick={() => pick(null)}
          >
            {i18n.t("incidents.new.deviceChange")}
          </button>
        </div>
        <span id={`${id}-problem`} className="field-problem" data-testid="field-problem" role={problem ? "alert" : undefined}>
          {problem}
        </span>
      </div>
    );
  }

  const tooShort = deviceSearchQuery(searched) === null;
  return (
    <div className="form-field wide device-picker">
      <label className="field-label" htmlFor={id}>
        {i18n.t("incidents.new.device")}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        data-testid="incident-device-search"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        placeholder={i18n.t("incidents.new.devicePlaceholder")}
        aria-invalid={problem !== null || undefined}
        aria-describedby={`${id}-problem ${id}-hint`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          pickFor.current = null;
          searchLater(event.target.value);
        }}
        onKeyDown={onFieldKeyDown}
      />
      <span id={`${id}-hint`} className="field-hint">
        {i18n.t("incidents.new.deviceHint")}
      </span>
      <div aria-live="polite" className="device-hits" aria-busy={state.status === "loading"}>
        {state.status === "error" && (
          <InlineError messageKey="incidents.new.deviceError" error={state.error} onRetry={reload} testId="incident-device-error" />
        )}
        {hits !== null && !tooShort && hits.rows.length === 0 && (
          <p className="muted" data-testid="incident-device-none">
            {i18n.t("incidents.new.deviceNone", { text: searched.trim() })}
          </p>
        )}
        {hits !== null && hits.rows.length > 0 && (
          <ul ref={hitsRef} className="device-hit-list" aria-label={i18n.t("incidents.new.deviceHits")} onKeyDown={onHitsKeyDown}>
            {hits.rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className="device-hit"
                  data-testid="incident-device-hit"
                  data-id={row.id}
                  data-serial={row.serial}
                  onClick={() => pick(incidentDeviceOf(row))}
                >
                  <span className="mono">{row.serial || row.imei || none}</span>
                  <span>{`${row.manufacturer} ${row.model}`}</span>
                  <span className="muted">{row.user_name ?? none}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {hits !== null && hits.total > hits.rows.length && (
          <p className="muted">
            {i18n.t("incidents.new.deviceMore", { shown: hits.rows.length, total: i18n.format.number(hits.total) })}
          </p>
        )}
      </div>
      <span id={`${id}-problem`} className="field-problem" data-testid="field-problem" role={problem ? "alert" : undefined}>
        {problem}
      </span>
    </div>
  );
}
