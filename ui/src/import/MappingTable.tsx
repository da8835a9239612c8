import { useI18n } from "../i18n/I18nContext";
import type { FileColumn } from "./columnMapping";

type Props<F extends string> = {
  columns: readonly FileColumn<F>[];
  /** The fields a column can be imported as, in the order the selects offer them. */
  fields: readonly F[];
  fieldLabel: (field: F) => string;
  /** Column `index` is to be imported as `field` (`null`: not imported). */
  onChange: (index: number, field: F | null) => void;
  /** Hooks: `<testId>-mapping-row` (+ `data-field`) and each column's select `<testId>-mapping-<index>`. */
  testId: string;
};

/** The file's columns, each with a select of the field it is imported as. */
export function MappingTable<F extends string>({ columns, fields, fieldLabel, onChange, testId }: Props<F>) {
  const i18n = useI18n();
  return (
    <div className="table-card import-table">
      <table className="data-table import-mapping">
        <caption>{i18n.t("import.mapping.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t("import.mapping.header")}</th>
            <th scope="col">{i18n.t("import.mapping.field")}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => (
            <tr key={index} data-testid={`${testId}-mapping-row`} data-field={column.field ?? ""}>
              <th scope="row" className="import-header-cell">
                {column.header}
              </th>
              <td>
                <select
                  data-testid={`${testId}-mapping-${index}`}
                  aria-label={i18n.t("import.mapping.label", { header: column.header })}
                  value={column.field ?? ""}
                  className={column.field === null ? "import-unmapped" : undefined}
                  onChange={(event) => onChange(index, fields.find((field) => field === event.target.value) ?? null)}
                >
                  <option value="">{i18n.t("import.mapping.notImported")}</option>
                  {fields.map((field) => (
                    <option key={field} value={field}>
                      {fieldLabel(field)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
