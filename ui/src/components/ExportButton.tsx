import { useState } from "react";
import type { ErrorPayload, ExportedFile } from "../bindings";
import { call, type CommandResult } from "../api/call";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import { ErrorDetails } from "./ErrorDetails";
import { InlineError } from "./InlineError";

type State =
  | { status: "idle" }
  | { status: "busy" }
  | { status: "done"; file: ExportedFile }
  | { status: "error"; error: ErrorPayload };

type Props = {
  /** Writes the file (into the user's Downloads folder) and says where. */
  run: () => Promise<CommandResult<ExportedFile>>;
  /** What the file will hold, as the button's tooltip. */
  hint: MessageKey;
  testId: string;
  /** The button's text; "Export CSV" unless given. */
  label?: MessageKey;
};

/**
 * "Export CSV" for a table: writes what the table shows for Swedish Excel and says where the
 * file went (`<testId>-done`, with `data-rows` and `data-path`), or why it could not be written.
 */
export function ExportButton({ run, hint, testId, label = "export.button" }: Props) {
  const i18n = useI18n();
  const [state, setState] = useState<State>({ status: "idle" });
  const exportNow = () => {
    setState({ status: "busy" });
    void call(run).then((result) =>
      setState(result.status === "ok" ? { status: "done", file: result.data } : { status: "error", error: result.error }),
    );
  };
  return (
    <div className="export-button">
      <button
        type="button"
        className="button-secondary"
        data-testid={testId}
        disabled={state.status === "busy"}
        aria-busy={state.status === "busy"}
        title={i18n.t(hint)}
        onClick={exportNow}
      >
        {i18n.t(state.status === "busy" ? "export.busy" : label)}
      </button>
      {state.status === "busy" && (
        // The core writes the whole file in one call: the bar says it is working, not how far.
        <progress className="export-progress" data-testid={`${testId}-progress`} aria-label={i18n.t("export.busy")} />
      )}
      <div aria-live="polite">
        {state.status === "done" && (
          <p className="export-done" data-testid={`${testId}-done`} data-rows={state.file.rows} data-path={state.file.path}>
            {i18n.t("export.done", { path: state.file.path, rows: i18n.count("export.rows", state.file.rows) })}
          </p>
        )}
      </div>
      {state.status === "error" && (
        <div className="export-error">
          <InlineError messageKey="export.error" error={state.error} testId={`${testId}-error`} />
          <ErrorDetails message={state.error.message} />
        </div>
      )}
    </div>
  );
}
