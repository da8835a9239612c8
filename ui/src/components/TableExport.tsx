import type { ExportedFile, TableFormat } from "../bindings";
import type { CommandResult } from "../api/call";
import type { MessageKey } from "../i18n/dictionary";
import { ExportButton } from "./ExportButton";

type Props = {
  /** Writes the table as CSV or as an Excel workbook at the path the user chose. */
  run: (path: string, format: TableFormat) => Promise<CommandResult<ExportedFile>>;
  /** The start of the proposed file name, e.g. "flotta-enheter". */
  fileName: string;
  hint: MessageKey;
  /** The CSV button's hook; the workbook's is `<testId>-xlsx`. */
  testId: string;
};

/** "Export CSV…" and "Export Excel…" for a table: the same rows, for Swedish Excel either way. */
export function TableExport({ run, fileName, hint, testId }: Props) {
  return (
    <div className="table-export">
      <ExportButton run={(path) => run(path, "csv")} fileName={fileName} extension="csv" hint={hint} testId={testId} />
      <ExportButton
        run={(path) => run(path, "xlsx")}
        fileName={fileName}
        extension="xlsx"
        hint={hint}
        testId={`${testId}-xlsx`}
        label="export.xlsxButton"
      />
    </div>
  );
}
