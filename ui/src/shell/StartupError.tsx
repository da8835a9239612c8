import type { ErrorPayload } from "../bindings";
import { startupErrorCode } from "../api/call";
import { useI18n } from "../i18n/I18nContext";
import { LanguageSelect } from "./LanguageSelect";

/** Replaces the whole app when the backend cannot start; it explains, it does not crash. */
export function StartupError({ error }: { error: ErrorPayload }) {
  const i18n = useI18n();
  const code = startupErrorCode(error.code);
  return (
    <main className="startup-error" data-testid="startup-error" data-code={error.code}>
      <div className="startup-error-top">
        <span className="brand-name">{i18n.t("app.name")}</span>
        <LanguageSelect />
      </div>
      <div className="startup-error-card" role="alert">
        <p className="startup-error-eyebrow">{i18n.t("startup.heading")}</p>
        <h1>{i18n.t(`startup.${code}.title`)}</h1>
        <p>{i18n.t(`startup.${code}.body`)}</p>
        <p className="muted">{i18n.t("startup.hint")}</p>
        <details>
          <summary>{i18n.t("startup.details")}</summary>
          <pre data-testid="startup-error-message">
            {error.code}
            {"\n"}
            {error.message}
          </pre>
        </details>
      </div>
    </main>
  );
}
