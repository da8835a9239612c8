import { describe, expect, it } from "vitest";
import { checkImportFile, cliImportCommand, fileBytes, formatMegabytes, MAX_IMPORT_BYTES } from "./importFile";

describe("checkImportFile", () => {
  it("accepts files up to 20 MB", () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    expect(checkImportFile(0)).toEqual({ ok: true });
    expect(checkImportFile(1_500)).toEqual({ ok: true });
    expect(checkImportFile(MAX_IMPORT_BYTES)).toEqual({ ok: true });
  });

  it("refuses a larger file, for the command-line tool to import", () => {
    expect(checkImportFile(MAX_IMPORT_BYTES + 1)).toEqual({ ok: false, problem: "too_large" });
    expect(checkImportFile(200 * 1024 * 1024)).toEqual({ ok: false, problem: "too_large" });
  });
});

describe("formatMegabytes", () => {
  it("shows megabytes with at most one decimal", () => {
    expect(formatMegabytes(MAX_IMPORT_BYTES, "sv-SE")).toBe("20 MB");
    expect(formatMegabytes(22.5 * 1024 * 1024, "sv-SE")).toBe("22,5 MB");
    expect(formatMegabytes(22.5 * 1024 * 1024, "en-GB")).toBe("22.5 MB");
  });
});

describe("fileBytes", () => {
  it("reads a file as the list of its bytes", async () => {
    const file = new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x3b])]);
    expect(await fileBytes(file)).toEqual([0xef, 0xbb, 0xbf, 0x41, 0x3b]);
  });
});

describe("cliImportCommand", () => {
  it("names the command-line tool's import of each kind of file", () => {
    expect(cliImportCommand("purchases")).toBe("flotta-cli import purchases");
    expect(cliImportCommand("incidents")).toBe("flotta-cli import incidents");
  });
});
