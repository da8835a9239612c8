import { useId, type ReactNode } from "react";
import { useI18n } from "../i18n/I18nContext";
import { Dialog } from "./Dialog";

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Test id of the confirming button. */
  confirmTestId: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before a destructive act. Focus starts on Cancel, so a stray Enter does no harm. */
export function ConfirmDialog({ title, children, confirmLabel, confirmTestId, busy, onConfirm, onCancel }: Props) {
  const i18n = useI18n();
  const titleId = useId();
  return (
    <Dialog labelledBy={titleId} onClose={onCancel} className="confirm-dialog" testId="confirm-dialog">
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onCancel} data-autofocus>
          {i18n.t("dialog.cancel")}
        </button>
        <button
          type="button"
          className="button-danger"
          data-testid={confirmTestId}
          onClick={onConfirm}
          disabled={busy}
          aria-busy={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
