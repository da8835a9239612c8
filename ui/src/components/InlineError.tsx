import type { ErrorPayload } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";

type Props = {
  /** A message with a `{reason}` placeholder that receives the translated error. */
  messageKey: MessageKey;
  error: ErrorPayload;
  /**
   * The `{reason}` in words the caller chose, when the error's code alone says too little
   * (the core's message tells a file's problems apart); else the code's sentence.
   */
  reason?: MessageKey;
  onRetry?: () => void;
  testId?: string;
};

/** A failed command shown where its result would have been, with the technical detail on hover. */
export function InlineError({ messageKey, error, reason, onRetry, testId }: Props) {
  const i18n = useI18n();
  return (
    <div className="inline-error" role="alert" data-testid={testId} data-code={error.code} title={error.message}>
      <span>{i18n.t(messageKey, { reason: reason === undefined ? i18n.error(error) : i18n.t(reason) })}</span>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {i18n.t("error.retry")}
        </button>
      )}
    </div>
  );
}
