/**
 * What an import dialog checks before it reads a file. The app sends a file's bytes to the
 * core in one message, so a very large file is imported with the command-line tool instead.
 */

/**
 * 20 MB: tens of thousands of delivery lines or helpdesk cases, far more than one delivery
 * or a year's export holds.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What the app imports from files: suppliers' delivery files and helpdesks' case exports. */
export type ImportKind = "purchases" | "incidents";

/** The command that imports a file of any size (the file's path is added by the user). */
export function cliImportCommand(kind: ImportKind): string {
  return `flotta-cli import ${kind}`;
}

/** What the file input accepts: CSV as Excel, suppliers' and helpdesks' systems save it. */
export const IMPORT_ACCEPT = ".csv,.txt,.tsv,text/csv";

export type FileCheck = { readonly ok: true } | { readonly ok: false; readonly problem: "too_large" };

/** Whether a file of `size` bytes can be imported in the app. */
export function checkImportFile(size: number): FileCheck {
  return size > MAX_IMPORT_BYTES ? { ok: false, problem: "too_large" } : { ok: true };
}

/** "20 MB", "21,5 MB": megabytes (of 1024 × 1024 bytes) with at most one decimal. */
export function formatMegabytes(bytes: number, locale: string): string {
  const megabytes = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(megabytes)} MB`;
}

/** A file's bytes as the command takes them (a JSON array of numbers). */
export async function fileBytes(file: Blob): Promise<number[]> {
  const buffer = await file.arrayBuffer();
  return Array.from(new Uint8Array(buffer));
}
