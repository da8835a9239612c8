import { useI18n } from "../i18n/I18nContext";

/** The backend's technical message, folded away: for whoever has to look into the problem. */
export function ErrorDetails({ message }: { message: string }) {
  const i18n = useI18n();
  return (
    <details className="error-details">
      <summary>{i18n.t("error.details")}</summary>
      <pre data-testid="error-details-message">{message}</pre>
    </details>
  );
}
