import { useI18n } from "../i18n/I18nContext";

type Props = {
  /** The import is done: what comes next instead of the confirmation. */
  done: boolean;
  canCommit: boolean;
  committing: boolean;
  /** "Import 12 rows", "Importera 3 ärenden". */
  commitLabel: string;
  onCommit: () => void;
  onAnother: () => void;
  onClose: () => void;
  /** Hooks: `<testId>-commit`, and once done `<testId>-another` and `<testId>-done`. */
  testId: string;
};

/** An import dialog's buttons: cancel or confirm the import, then another file or close. */
export function ImportActions({ done, canCommit, committing, commitLabel, onCommit, onAnother, onClose, testId }: Props) {
  const i18n = useI18n();
  return (
    <footer className="dialog-actions">
      {done ? (
        <>
          <button type="button" className="button-secondary" data-testid={`${testId}-another`} onClick={onAnother}>
            {i18n.t("import.another")}
          </button>
          {/* The commit button is gone: focus goes to what comes next. */}
          <button type="button" className="button-primary" data-testid={`${testId}-done`} onClick={onClose} autoFocus>
            {i18n.t("dialog.close")}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="button-secondary" onClick={onClose}>
            {i18n.t("dialog.cancel")}
          </button>
          <button
            type="button"
            className="button-primary"
            data-testid={`${testId}-commit`}
            disabled={!canCommit}
            aria-busy={committing}
            onClick={onCommit}
          >
            {committing ? i18n.t("import.committing") : commitLabel}
          </button>
        </>
      )}
    </footer>
  );
}
