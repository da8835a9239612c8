/**
 * A file's columns as an import reads them: each header with the field it is imported as.
 * The purchases and the helpdesk import differ only in their fields, so this is generic over
 * the field.
 */

/** One column of the file; `field` is `null` when the column is not imported. */
export type FileColumn<F extends string> = { readonly header: string; readonly field: F | null };

/**
 * The mapping with column `index` imported as `field` (`null`: not imported). A field is held
 * by one column at most, as the core reads only the first: a column that held it gives it up.
 * Returns `mapping` itself when nothing changes.
 */
export function setColumnField<F extends string>(
  mapping: readonly FileColumn<F>[],
  index: number,
  field: F | null,
): readonly FileColumn<F>[] {
  const column = mapping[index];
  if (column === undefined || column.field === field) return mapping;
  return mapping.map((other, at) => {
    if (at === index) return { header: other.header, field };
    if (field !== null && other.field === field) return { header: other.header, field: null };
    return other;
  });
}

/**
 * The columns as a command takes them: every column in file order, as plain objects, so what
 * is sent never shares an object with what the dialog keeps changing.
 */
export function columnsToSend<F extends string>(mapping: readonly FileColumn<F>[]): { header: string; field: F | null }[] {
  return mapping.map((column) => ({ header: column.header, field: column.field }));
}
