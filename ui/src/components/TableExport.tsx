import type { ExportedFile, TableFormat } from "../bindings";
import type { CommandResult } from "../api/call";
import type { MessageKey } from "../i18n/dictionary";
import { ExportButton } from "./ExportButton";

type Props = {
  /** Writes the table as CSV or as an Excel workbook (into Downloads) and says where. */
  run: (format: TableFormat) => Promise<CommandResult<ExportedFile>>;
  hint: MessageKey;
  /** The CSV button's hook; the workbook's is `<testId>-xlsx`. */
  testId: string;
};

/** "Export CSV" and "Export Excel" for a table: the same rows, for Swedish Excel either way. */
export function TableExport({ run, hint, testId }: Props) {
  return (
    <div className="table-export">
      <ExportButton run={() => run("csv")} hint={hint} testId={testId} />
      <ExportButton run={() => run("xlsx")} hint={hint} testId={`${testId}-xlsx`} label="export.xlsxButton" />
    </div>
  );
}
