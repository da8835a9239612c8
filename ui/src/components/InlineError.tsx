import type { ErrorPayload } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";

type Props = {
  /** A message with a `{reason}` placeholder that receives the translated error. */
  messageKey: MessageKey;
  error: ErrorPayload;
  onRetry?: () => void;
  testId?: string;
};

/** A failed command shown where its result would have been, with the technical detail on hover. */
export function InlineError({ messageKey, error, onRetry, testId }: Props) {
  const i18n = useI18n();
  return (
    <div className="inline-error" role="alert" data-testid={testId} data-code={error.code} title={error.message}>
      <span>{i18n.t(messageKey, { reason: i18n.error(error) })}</span>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {i18n.t("error.retry")}
        </button>
      )}
    </div>
  );
}
