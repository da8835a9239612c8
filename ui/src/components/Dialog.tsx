import { useEffect, useRef, type ReactNode } from "react";

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
