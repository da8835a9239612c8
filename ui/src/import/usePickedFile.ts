import { useRef, useState } from "react";
import type { ErrorPayload } from "../bindings";
import { toErrorPayload } from "../api/call";
import { checkImportFile, fileBytes } from "./importFile";

/** A file that was read, as the import commands take it. */
export type PickedFile = { readonly name: string; readonly bytes: number[] };

export type FileState =
  | { readonly status: "none" }
  | { readonly status: "reading"; readonly name: string }
  | { readonly status: "too_large"; readonly name: string; readonly size: number }
  | { readonly status: "error"; readonly error: ErrorPayload }
  | { readonly status: "ready"; readonly file: PickedFile };

export type PickedFileControl = {
  readonly state: FileState;
  /** The file read, once it is; the same object until another file is picked. */
  readonly file: PickedFile | null;
  /** The file input's key: a new one empties the input for another file. */
  readonly inputKey: number;
  /** Reads the file the input now holds (`undefined`: the choice was cleared). */
  pick: (picked: File | undefined) => void;
  /** Forgets the file and empties the input, for another file. */
  clear: () => void;
};

/**
 * The file an import dialog reads: checked for size (a very large file is for the command-line
 * tool), then read into bytes. Only the latest pick counts: a slow read of a file picked before
 * never replaces it.
 */
export function usePickedFile(): PickedFileControl {
  const [state, setState] = useState<FileState>({ status: "none" });
  const [inputKey, setInputKey] = useState(0);
  const reads = useRef(0);

  const start = (next: FileState) => {
    reads.current += 1;
    setState(next);
  };

  const pick = (picked: File | undefined) => {
    if (picked === undefined) {
      start({ status: "none" });
      return;
    }
    if (!checkImportFile(picked.size).ok) {
      start({ status: "too_large", name: picked.name, size: picked.size });
      return;
    }
    start({ status: "reading", name: picked.name });
    const read = reads.current;
    fileBytes(picked).then(
      (bytes) => {
        if (reads.current === read) setState({ status: "ready", file: { name: picked.name, bytes } });
      },
      (error: unknown) => {
        if (reads.current === read) setState({ status: "error", error: toErrorPayload(error) });
      },
    );
  };

  const clear = () => {
    start({ status: "none" });
    setInputKey((n) => n + 1);
  };

  return { state, file: state.status === "ready" ? state.file : null, inputKey, pick, clear };
}
