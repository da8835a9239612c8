import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { cliImportCommand, formatMegabytes, IMPORT_ACCEPT, MAX_IMPORT_BYTES, type ImportKind } from "./importFile";
import type { PickedFileControl } from "./usePickedFile";

type FieldProps = {
  id: string;
  /** What the file is: "Delivery file", "Helpdesk export". */
  label: string;
  picked: PickedFileControl;
  /** Called with the file chosen, after the dialog has forgotten what it knew of the last one. */
  onPick: (file: File | undefined) => void;
  /** The input's hook is `<testId>-file`. */
  testId: string;
};

/** The file input of an import dialog, with the largest file the app imports as its hint. */
export function ImportFileField({ id, label, picked, onPick, testId }: FieldProps) {
  const i18n = useI18n();
  return (
    <Field
      id={id}
      label={label}
      problem={null}
      hint={i18n.t("import.fileHint", { max: formatMegabytes(MAX_IMPORT_BYTES, i18n.format.locale) })}
    >
      <input
        key={picked.inputKey}
        id={id}
        type="file"
        accept={IMPORT_ACCEPT}
        data-testid={`${testId}-file`}
        data-autofocus
        // A new input for another file takes the focus the result's buttons had.
        autoFocus={picked.inputKey > 0}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onPick(event.target.files?.[0])}
      />
    </Field>
  );
}

type StatusProps = {
  picked: PickedFileControl;
  /** Which command-line import takes a file too large for the app. */
  kind: ImportKind;
  /** Hooks: `<testId>-too-large` (with `<testId>-cli`, the command), `<testId>-read-error`. */
  testId: string;
};

/** Where the file stands before its preview: being read, too large for the app, or unreadable. */
export function ImportFileStatus({ picked, kind, testId }: StatusProps) {
  const i18n = useI18n();
  const { state } = picked;
  const locale = i18n.format.locale;
  switch (state.status) {
    case "too_large":
      return (
        <div className="form-notice" role="alert" data-testid={`${testId}-too-large`}>
          <p>
            {i18n.t("import.tooLarge", {
              file: state.name,
              size: formatMegabytes(state.size, locale),
              max: formatMegabytes(MAX_IMPORT_BYTES, locale),
            })}
          </p>
          <pre className="import-cli">
            <code data-testid={`${testId}-cli`}>{`${cliImportCommand(kind)} ${i18n.t("import.cliFile")}`}</code>
          </pre>
        </div>
      );
    case "error":
      return <InlineError messageKey="import.readError" error={state.error} testId={`${testId}-read-error`} />;
    case "reading":
      return (
        <p className="muted" role="status">
          {i18n.t("import.reading")}
        </p>
      );
    case "none":
    case "ready":
      return null;
  }
}
