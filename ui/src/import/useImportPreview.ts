import { useEffect, useMemo, useState } from "react";
import type { ErrorPayload } from "../bindings";
import { call, type CommandResult } from "../api/call";
import type { PickedFile } from "./usePickedFile";

/** One preview asked for: the file and the options it is read with. */
export type PreviewRequest<O> = { readonly file: PickedFile; readonly options: O };

export type ImportPreview<O, P> = {
  /** The last preview of this file that was read, kept on screen while the next one is read. */
  readonly visible: P | null;
  /** The preview of exactly the file and options now chosen: what importing would do. */
  readonly ready: { readonly request: PreviewRequest<O>; readonly preview: P } | null;
  /** A preview of the current file and options is being read. */
  readonly checking: boolean;
  /** Why the current file and options could not be previewed. */
  readonly error: ErrorPayload | null;
};

/**
 * Previews `file` read with `options` whenever either changes, and keeps the answers apart:
 * an answer about an earlier file or earlier options is never taken for the current one, so
 * the import commits exactly what was last shown. `options` must be memoised by the caller and
 * `read` must not change (a module-level function), or every render would read the file again.
 * While `settling` (an option is still being typed) no preview counts as ready.
 */
export function useImportPreview<O, P>(
  file: PickedFile | null,
  options: O,
  read: (file: PickedFile, options: O) => Promise<CommandResult<P>>,
  settling = false,
): ImportPreview<O, P> {
  const request = useMemo<PreviewRequest<O> | null>(() => (file === null ? null : { file, options }), [file, options]);
  const [answer, setAnswer] = useState<{
    readonly request: PreviewRequest<O>;
    readonly result: CommandResult<P>;
  } | null>(null);
  const [shown, setShown] = useState<{ readonly request: PreviewRequest<O>; readonly preview: P } | null>(null);

  useEffect(() => {
    if (request === null) return;
    let current = true;
    void call(() => read(request.file, request.options)).then((result) => {
      if (!current) return;
      setAnswer({ request, result });
      if (result.status === "ok") setShown({ request, preview: result.data });
    });
    return () => {
      current = false;
    };
  }, [request, read]);

  // Only what was read from this file counts; an answer about the previous one is history.
  const latest = answer !== null && file !== null && answer.request.file === file ? answer : null;
  const visible = shown !== null && file !== null && shown.request.file === file ? shown.preview : null;
  const checking = request !== null && (latest === null || latest.request !== request);
  const ready =
    !checking && !settling && latest !== null && latest.result.status === "ok"
      ? { request: latest.request, preview: latest.result.data }
      : null;
  const error = !checking && latest !== null && latest.result.status === "error" ? latest.result.error : null;
  return { visible, ready, checking, error };
}
