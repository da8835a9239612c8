import { useState } from "react";
import { save } from "@tauri-apps/plugin-dialog";
import { commands, type ErrorPayload, type ExportedFile } from "../bindings";
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

/** The kinds of file Flotta saves. */
export type ExportExtension = "csv" | "xlsx" | "pdf";

type Props = {
  /** Writes the file at the path the user chose and says how many rows it holds. */
  run: (path: string) => Promise<CommandResult<ExportedFile>>;
  /** The start of the proposed file name (the time and `extension` follow), e.g. "flotta-enheter". */
  fileName: string;
  extension: ExportExtension;
  /** What the file will hold, as the button's tooltip. */
  hint: MessageKey;
  testId: string;
  /** The button's text; "Export CSV…" unless given. */
  label?: MessageKey;
};

const FILTER_NAMES: Record<ExportExtension, string> = { csv: "CSV", xlsx: "Excel", pdf: "PDF" };

/** Asks where to save, proposing a free name in Downloads; `null` when the user cancels. */
function choosePath(fileName: string, extension: ExportExtension, title: string): Promise<CommandResult<string | null>> {
  return call(async () => {
    const suggested = await commands.suggestedExportPath(fileName, extension);
    if (suggested.status === "error") return suggested;
    const path = await save({
      title,
      defaultPath: suggested.data,
      filters: [{ name: FILTER_NAMES[extension], extensions: [extension] }],
    });
    return { status: "ok", data: path };
  });
}

/**
 * An export button: asks where to save in the system's save dialog, writes what the view
 * shows there and says where the file went (`<testId>-done`, with `data-rows` and
 * `data-path`), or why it could not be written. Cancelling the dialog changes nothing.
 */
export function ExportButton({ run, fileName, extension, hint, testId, label = "export.button" }: Props) {
  const i18n = useI18n();
  const [state, setState] = useState<State>({ status: "idle" });
  const [choosing, setChoosing] = useState(false);
  const exportNow = async () => {
    setChoosing(true);
    const path = await choosePath(fileName, extension, i18n.t("export.saveTitle")).finally(() => setChoosing(false));
    if (path.status === "error") {
      setState({ status: "error", error: path.error });
      return;
    }
    if (path.data === null) return;
    const chosen = path.data;
    setState({ status: "busy" });
    const result = await call(() => run(chosen));
    setState(result.status === "ok" ? { status: "done", file: result.data } : { status: "error", error: result.error });
  };
  return (
    <div className="export-button">
      <button
        type="button"
        className="button-secondary"
        data-testid={testId}
        disabled={choosing || state.status === "busy"}
        aria-busy={state.status === "busy"}
        title={i18n.t(hint)}
        onClick={() => void exportNow()}
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
