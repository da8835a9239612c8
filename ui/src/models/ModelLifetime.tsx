import { useId, useState } from "react";
import { commands, type ErrorPayload } from "../bindings";
import { call } from "../api/call";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { parseLifetime } from "./lifetime";

type Props = {
  manufacturer: string;
  model: string;
  /** The saved lifetime in months; `null` when the organisation has not set one. */
  months: number | null;
};

/**
 * The organisation's planned lifetime for a model: the replacement forecast's default for a
 * bought unit whose purchase does not give one. An empty field clears it.
 */
export function ModelLifetime({ manufacturer, model, months }: Props) {
  const i18n = useI18n();
  const id = useId();
  const { edited } = useSync();
  const [draft, setDraft] = useState(months === null ? "" : String(months));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState(false);
  const parsed = parseLifetime(draft);

  const save = async () => {
    if (!parsed.ok) return;
    setSaving(true);
    setError(null);
    const result = await call(() => commands.setModelLifetime(manufacturer, model, parsed.months));
    setSaving(false);
    if (result.status === "ok") {
      setSaved(true);
      edited();
    } else {
      setError(result.error);
    }
  };

  return (
    <form
      className="model-lifetime"
      data-testid="model-lifetime"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field-label" htmlFor={id}>
        {i18n.t("models.lifetime.label")}
      </label>
      <div className="model-lifetime-row">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={240}
          step={1}
          data-testid="model-lifetime-months"
          value={draft}
          placeholder={i18n.t("models.lifetime.placeholder")}
          aria-invalid={!parsed.ok}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setDraft(event.target.value);
            setSaved(false);
          }}
        />
        <span>{i18n.t("models.lifetime.unit")}</span>
        <button type="submit" className="button-secondary" data-testid="model-lifetime-save" disabled={saving || !parsed.ok}>
          {i18n.t("models.lifetime.save")}
        </button>
        <span className="tone-good" role="status">
          {saved ? i18n.t("models.lifetime.saved") : ""}
        </span>
      </div>
      <span id={`${id}-hint`} className={parsed.ok ? "field-hint" : "field-problem"}>
        {i18n.t(parsed.ok ? "models.lifetime.hint" : "models.lifetime.invalid")}
      </span>
      {error !== null && <InlineError messageKey="models.lifetime.saveError" error={error} testId="model-lifetime-error" />}
    </form>
  );
}
