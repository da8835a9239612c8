import { describe, expect, it } from "vitest";
import { columnsToSend, setColumnField, type FileColumn } from "./columnMapping";

type Field = "date" | "model" | "serial" | "cost";

const guessed: readonly FileColumn<Field>[] = [
  { header: "Leveransdatum", field: "date" },
  { header: "Artikel", field: "model" },
  { header: "Serienr", field: "serial" },
  { header: "Pris", field: null },
];

describe("setColumnField", () => {
  it("maps one column and leaves the others", () => {
    const edited = setColumnField(guessed, 3, "cost");
    expect(edited).toEqual([...guessed.slice(0, 3), { header: "Pris", field: "cost" }]);
    expect(guessed[3]?.field).toBeNull();
  });

  it("stops importing a column", () => {
    expect(setColumnField(guessed, 1, null)[1]).toEqual({ header: "Artikel", field: null });
  });

  it("takes a field from the column that held it, as a field is read from one column", () => {
    const edited = setColumnField(guessed, 3, "serial");
    expect(edited.map((column) => column.field)).toEqual(["date", "model", null, "serial"]);
  });

  it("returns the mapping itself when nothing changes", () => {
    expect(setColumnField(guessed, 2, "serial")).toBe(guessed);
    expect(setColumnField(guessed, 9, "cost")).toBe(guessed);
  });
});

describe("columnsToSend", () => {
  it("copies every column in file order", () => {
    const sent = columnsToSend(guessed);
    expect(sent).toEqual(guessed);
    expect(sent[0]).not.toBe(guessed[0]);
  });
});
