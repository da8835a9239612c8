import { useState } from "react";
import type { ErrorPayload } from "../bindings";
import { call, type CommandResult } from "../api/call";
import { useSync } from "../sync/syncContext";
import type { PreviewRequest } from "./useImportPreview";
import type { PickedFile } from "./usePickedFile";

export type CommitState<R> =
  | { readonly status: "idle" }
  | { readonly status: "committing" }
  | { readonly status: "error"; readonly error: ErrorPayload }
  | { readonly status: "done"; readonly result: R };

export type ImportCommit<O, R> = {
  readonly state: CommitState<R>;
  /** Imports exactly the file and options of the preview the user confirmed. */
  commit: (request: PreviewRequest<O>) => void;
  /** Back to before the import: another file, or changed columns, need confirming again. */
  reset: () => void;
};

/**
 * The import an import dialog confirms. Once it is done every view reads the register again,
 * so the list behind the dialog shows what was imported.
 */
export function useImportCommit<O, R>(
  run: (file: PickedFile, options: O) => Promise<CommandResult<R>>,
): ImportCommit<O, R> {
  const { edited } = useSync();
  const [state, setState] = useState<CommitState<R>>({ status: "idle" });

  const commit = ({ file, options }: PreviewRequest<O>) => {
    setState({ status: "committing" });
    void call(() => run(file, options)).then((result) => {
      if (result.status === "ok") {
        setState({ status: "done", result: result.data });
        edited();
      } else {
        setState({ status: "error", error: result.error });
      }
    });
  };

  return { state, commit, reset: () => setState({ status: "idle" }) };
}
