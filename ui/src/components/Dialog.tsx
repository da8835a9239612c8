import { useEffect, useRef, type ReactNode } from "react";
import { useI18n } from "../i18n/I18nContext";

type Props = {
  /** Id of the element that names the dialog. */
  labelledBy: string;
  onClose: () => void;
  className?: string;
  testId?: string;
  children: ReactNode;
};

/**
 * A modal `<dialog>`: the page behind is inert and Tab stays inside. Focus starts on the
 * element marked `data-autofocus` (else the first focusable one) and returns on close to
 * where it was.
 */
export function Dialog({ labelledBy, onClose, className, testId, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog.open) dialog.close();
      previous?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : "dialog"}
      aria-labelledby={labelledBy}
      data-testid={testId}
      // The browser would close the dialog itself; the owner decides instead, so its state stays right.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // Marked as handled so window-level Escape handlers (the device panel) leave it alone.
        if (event.key === "Escape" && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {children}
    </dialog>
  );
}

type HeaderProps = {
  /** Id the dialog is labelled by. */
  titleId: string;
  title: string;
  onClose: () => void;
  closeTestId?: string;
};

/** A dialog's title with its close button (Esc does the same). */
export function DialogHeader({ titleId, title, onClose, closeTestId }: HeaderProps) {
  const i18n = useI18n();
  return (
    <header className="dialog-header">
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <button
        type="button"
        className="icon-button"
        data-testid={closeTestId}
        onClick={onClose}
        aria-label={i18n.t("dialog.close")}
        title={`${i18n.t("dialog.close")} (Esc)`}
      >
        ✕
      </button>
    </header>
  );
}

type ActionsProps = {
  onCancel: () => void;
  submitLabel: string;
  submitTestId: string;
  /** The form is being sent: the button shows it and cannot be pressed again. */
  busy: boolean;
  /** Nothing to send (besides being busy). */
  disabled?: boolean;
};

/** A form dialog's footer: Cancel, and the button that submits the form. */
export function FormDialogActions({ onCancel, submitLabel, submitTestId, busy, disabled = false }: ActionsProps) {
  const i18n = useI18n();
  return (
    <div className="dialog-actions">
      <button type="button" className="button-secondary" onClick={onCancel}>
        {i18n.t("dialog.cancel")}
      </button>
      <button
        type="submit"
        className="button-primary"
        data-testid={submitTestId}
        disabled={busy || disabled}
        aria-busy={busy}
      >
        {submitLabel}
      </button>
    </div>
  );
}
